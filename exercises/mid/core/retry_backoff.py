"""Write ``@retry(...)``: call a flaky function again after failures, waiting longer each time.

Networks drop packets and services restart: a call that failed may well succeed a moment later.
Retrying at once, and all together, hammers a struggling server, so the waits grow
exponentially (0.1 s, 0.2 s, 0.4 s, ...) up to a cap, optionally randomised ("jitter") so that
many clients that failed together don't all come back at the same instant.

    >>> @retry(attempts=4, base=0.5, factor=2, max_delay=1.5, retry_on=ConnectionError)
    ... def fetch(url):
    ...     ...                     # may raise ConnectionError
    >>> fetch("https://example.com")  # on failures sleeps 0.5, 1.0, 1.5 (capped) between 4 tries

- ``retry(attempts=3, *, base=0.1, factor=2.0, max_delay=10.0, jitter=None,
  retry_on=Exception, sleep=None, rng=random.random)`` returns the decorator. ``attempts``
  counts every call, the first included, so there are at most ``attempts - 1`` sleeps.
- Delays: after the k-th failure (k = 1, 2, ...) the delay is
  ``min(max_delay, base * factor ** (k - 1))``. Compute it step by step, capping as you go: after
  1,100 failures ``2.0 ** 1100`` overflows a float (OverflowError), the capped delay does not.
- ``jitter``: None uses the delay d as it is. ``"full"`` sleeps ``rng() * d`` (anywhere in
  [0, d)); ``"equal"`` sleeps ``d / 2 + rng() * d / 2`` (in [d/2, d)). ``rng()`` returns a float
  in [0, 1); call it once per sleep, and only when jittering.
- ``retry_on`` is an exception class or a tuple of them: only those (and their subclasses) are
  retried. Anything else, and any BaseException that is not listed (KeyboardInterrupt,
  asyncio.CancelledError), propagates at once, untouched.
- When the last attempt fails, its exception (the very object, with its traceback) is raised
  with a note added (``exc.add_note``): ``"gave up after 4 attempts"`` (``"1 attempt"`` for one).
- ``sleep`` is what is called to wait; by default ``time.sleep`` for plain functions. On an
  ``async def`` function the wrapper is an ``async def`` too, and it awaits ``sleep(delay)``, by
  default ``asyncio.sleep`` (``time.sleep`` would freeze the whole event loop); an injected
  sleep for an async function must then be an async function itself.
- Each call of the decorated function starts afresh (attempts and delays). Keep the metadata
  (functools.wraps). Bad options raise at decoration time: ValueError for attempts < 1, base or
  max_delay < 0, factor < 1 or an unknown jitter; TypeError for values of the wrong type,
  including ``@retry`` used without parentheses and a retry_on that is not exception classes.

The check injects a fake ``sleep`` that records the delays instead of waiting, and a fake
``rng``, so every delay can be compared exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any


def retry(attempts: int = 3, *, base: float = 0.1, factor: float = 2.0, max_delay: float = 10.0,
          jitter: str | None = None, retry_on: type[BaseException] | tuple[type[BaseException], ...] = Exception,
          sleep: Callable[[float], Any] | None = None, rng: Callable[[], float] = random.random) -> Callable:
    """Retry a failing call up to ``attempts`` times in all, sleeping longer after each failure."""
    # TODO: check the options, then return a decorator; its wrapper loops over the attempts
    # (an async wrapper for coroutine functions).
    raise NotImplementedError

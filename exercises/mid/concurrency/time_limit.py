"""Limit how long a function may run: a timeout with signal.setitimer (Unix), or a watched thread.

A call that may hang (a slow parser, a pathological regex, a library stuck on the network) is
safer with a time limit. In the main thread a Unix *signal* can interrupt Python code wherever it
is: arm a timer, and when it fires its SIGALRM handler raises an exception right in the middle
of the running function. Other threads never receive signals, so there the call runs in a
helper thread that you wait for, at most ``seconds``.

    >>> call_with_timeout(sum, 1.0, [1, 2, 3])
    6
    >>> call_with_timeout(time.sleep, 0.2, 5)
    Traceback (most recent call last):
    TimeoutError: sleep() did not finish within 0.2 s
    >>> @timeout(0.5)
    ... def parse(text): ...

The rules:
- ``call_with_timeout(func, seconds, /, *args, **kwargs)`` returns ``func(*args, **kwargs)``,
  raises what it raises (the same exception object), or raises ``TimeoutError`` once it has run
  ``seconds`` (a positive int or float: fractions of a second count, so use
  ``signal.setitimer(signal.ITIMER_REAL, ...)``, not ``signal.alarm``, which counts whole seconds).
  ``seconds`` that is not a number (or is a bool) is a TypeError; zero or less is a ValueError.
- In the main thread the timeout *interrupts* the function: a busy ``while`` loop stops at the
  limit, it does not run on in the background.
- Leave no trace: afterwards the SIGALRM handler that was there before is back, and no timer is
  left running (a late alarm would hit whatever the program does next), whether the function
  returned, raised, or timed out.
- Nested limits: a ``call_with_timeout`` inside another keeps the outer limit working. The inner
  call may not outlast the outer's remaining time, and when it ends the outer timer is set
  again with the time the outer call still has (what the inner one used is gone).
- Called from any other thread, ``func`` runs in a new daemon thread and the caller waits for it
  at most ``seconds``; on a timeout the helper thread is abandoned (a thread can't be killed) and
  the caller gets TimeoutError. Return values and exceptions come back as in the main thread.
- ``timeout(seconds)`` is a decorator doing the same for every call; it checks ``seconds`` at
  once, and keeps the function's ``__name__`` and ``__doc__`` (functools.wraps).
"""

from __future__ import annotations

import functools  # noqa: F401 - you will need these
import signal  # noqa: F401
import threading  # noqa: F401
import time  # noqa: F401
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def call_with_timeout(func: Callable[..., T], seconds: float, /, *args: Any, **kwargs: Any) -> T:
    """``func(*args, **kwargs)``, or TimeoutError once it has run ``seconds``."""
    raise NotImplementedError


def timeout(seconds: float) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``@timeout(2.5)``: every call of the decorated function is limited to ``seconds``."""
    raise NotImplementedError

"""Write ``@throttle(interval)``: a decorator that lets a function run at most once every
``interval`` seconds, dropping (or, with ``trailing=True``, postponing) the calls in between.

Think of a "save draft" handler fired on every keystroke, or a progress callback fired a
thousand times a second: running it on every call is wasteful, but the latest state must not be lost.

    >>> @throttle(1.0)
    ... def report(progress):
    ...     print(f"{progress}% done")
    ...     return progress
    >>> report(10)          # runs at once (leading edge) and returns the result
    10% done
    10
    >>> report(11)          # less than 1 s later: dropped, returns None
    >>> # ... 1 s after the run, the next call runs again

``throttle(interval, *, leading=True, trailing=False, clock=time.monotonic, timer=threading.Timer)``
returns the decorator. ``interval`` is a number of seconds (int or float, not bool) > 0: else
ValueError, or TypeError for a value of the wrong type (``@throttle`` without parentheses
passes the function as the interval: TypeError). ``leading=False, trailing=False`` would never
run anything: ValueError.

The rules, with ``now = clock()`` and ``last`` = when the function last started running:

- A call runs the function at once and returns its result if ``leading`` is true, nothing is
  pending, and the function has not run in the last ``interval`` seconds (never, or
  ``now - last >= interval``). Then ``last = now``.
- Every other call returns None without running the function. With ``trailing=False`` it is
  simply dropped. With ``trailing=True`` it becomes the *pending* call, replacing any pending
  one: only the latest arguments (positional and keyword) are kept.
- A pending call runs when its timer fires. When a call becomes pending and no timer is set,
  set one: ``timer(delay, callback).start()``, where ``delay`` is the time left until
  ``interval`` seconds after ``last`` (``last + interval - now``) if the function ran less than
  ``interval`` seconds ago, else (never, or longer ago) the whole ``interval``. Never more than
  one timer at a time: later calls only replace the pending arguments.
- When the timer fires, the pending call runs (its result is discarded) and ``last = clock()``.
  So with ``leading=False`` the first call of a burst waits a full interval, then the latest
  arguments run; and the function never runs twice within ``interval`` seconds.

    >>> @throttle(1.0, trailing=True)
    ... def save(text): ...
    >>> save("h"); save("he"); save("hel")   # "h" saved at once; "hel" 1 s later; "he" never

``clock()`` gives the time in seconds and ``timer(delay, callback)`` makes an object with
``start()``, as ``threading.Timer`` does: the check passes fakes of both, so that the time is
exact and it can fire the timers itself.

More:
- Decorating a method throttles each instance on its own: ``a.save()`` and ``b.save()`` do not
  hold each other back. This must work for any instance with a ``__dict__`` (hashable or not:
  a dataclass with ``eq=True`` has no hash), and must not keep instances alive once they are
  otherwise gone.
- Thread-safe: when 16 threads call at the same instant, the function runs once, and with
  ``trailing=True`` one timer is set and one pending call runs when it fires. Don't hold a lock
  while the function runs.
- Keep the function's metadata (``functools.wraps``: ``__name__``, ``__doc__``, ``__wrapped__``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def throttle(interval: float, *, leading: bool = True, trailing: bool = False,
             clock: Callable[[], float] = time.monotonic, timer: Callable = threading.Timer) -> Callable:
    """Let the decorated function run at most once every ``interval`` seconds."""
    # TODO: check the arguments, then return a decorator. For methods, the thing it returns needs
    # a __get__ (a descriptor) that finds or makes the state of that instance.
    raise NotImplementedError

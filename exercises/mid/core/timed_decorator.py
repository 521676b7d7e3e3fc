"""Write two decorators: ``timed`` logs how long each call takes; ``requires_role`` guards a call.

A decorator is a function that takes a function and returns a replacement, usually a wrapper
that does something around the call. ``@timed`` above ``def f`` means ``f = timed(f)``, and
``@timed(threshold=0.5)`` means ``f = timed(threshold=0.5)(f)``: the call with options returns
the real decorator (a "decorator factory"). Typical uses: logging and timing, authentication
and permissions, caching, retrying. Part 1 is a logging one, part 2 an authorisation one.

Part 1: ``timed``

    >>> @timed
    ... def slow_add(a, b):
    ...     time.sleep(0.1)
    ...     return a + b
    >>> slow_add(1, 2)   # logs "slow_add took 0.100 s" to the logger named after the module
    3
    >>> @timed(logger="perf", level=logging.DEBUG, threshold=0.5)
    ... async def fetch(url): ...

- Usable bare (``@timed``), empty (``@timed()``) or with keyword options: ``logger`` (a
  logging.Logger or a logger name; default: ``logging.getLogger(func.__module__)``), ``level``
  (default logging.INFO) and ``threshold`` (seconds, default 0: log only calls that took at
  least this long). A negative threshold raises ValueError. Options are keyword-only: anything
  passed positionally that is not a callable to decorate (``@timed("perf")``) is a TypeError.
- After each call it logs one record at ``level``, with the message
  ``"<func.__qualname__> took <seconds, 3 decimals> s"`` (``"%s took %.3f s"``), and the
  duration as a float attribute of the record: pass ``extra={"elapsed": seconds}``.
- If the call raises (anything, including asyncio's cancellation), it logs
  ``"<qualname> failed after <seconds> s: <exception class name>"`` whatever the threshold, with
  ``extra={"elapsed": ...}`` too, and re-raises the very same exception.
- Measure with ``time.perf_counter()``: ``time.time()`` follows the wall clock, which jumps when
  the system clock is set. Keep each call's start time to itself (calls may overlap).
- It works on ``async def`` functions too: the wrapper is then itself an ``async def`` (so
  ``inspect.iscoroutinefunction`` stays true) and the time covers the awaiting, not just the
  creation of the coroutine.
- The wrapper looks like the original: same ``__name__``, ``__qualname__``, ``__doc__``,
  ``__module__``, ``__wrapped__`` and ``inspect.signature`` (functools.wraps does all that).

Part 2: ``requires_role``

    >>> @requires_role("admin", "editor")
    ... def delete_post(user, post_id):
    ...     ...
    >>> delete_post(User("ada", frozenset({"editor"})), 42)   # allowed: ada is an editor
    >>> delete_post(User("bob"), 42)
    Traceback (most recent call last):
    Forbidden: ...
    >>> delete_post(None, 42)
    Traceback (most recent call last):
    NotLoggedIn: ...

- ``requires_role(*roles)`` is a decorator factory for plain (not async) functions. The
  decorated function must have a parameter named ``user``; the wrapper finds its value however
  it was passed (positionally, by keyword, or its default), with ``inspect.signature(f).bind``.
- ``user`` None raises NotLoggedIn; a user with none of ``roles`` raises Forbidden; either way
  the function is not called. A user with at least one of the roles gets the function's result.
- No roles (``requires_role()``) raises ValueError; a role that is not a str raises TypeError
  (which is also what the mistake ``@requires_role`` without parentheses must give). A function
  without a ``user`` parameter raises TypeError when it is decorated, not when called.
- It keeps the function's metadata too, so it stacks: ``@timed`` above ``@requires_role(...)``
  logs refused calls as failures, and the signature shows through both.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable


class AuthError(Exception):
    """A call was refused."""


class NotLoggedIn(AuthError):
    """The call needs a user, and there is none."""


class Forbidden(AuthError):
    """The user has none of the roles the call needs."""


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)


def timed(func: Callable | None = None, /, *, logger: logging.Logger | str | None = None,
          level: int = logging.INFO, threshold: float = 0.0) -> Any:
    """Log the duration of every call of ``func``; usable as ``@timed`` or ``@timed(...)``."""
    # TODO: check the options; build a wrapper (an async one for coroutine functions); return
    # the decorator itself when func is None, or the wrapped func when it is given.
    raise NotImplementedError


def requires_role(*roles: str) -> Callable[[Callable], Callable]:
    """Return a decorator that lets a call through only for a ``user`` with one of ``roles``."""
    # TODO: check roles; return a decorator that checks the function has a `user` parameter
    # and wraps it.
    raise NotImplementedError

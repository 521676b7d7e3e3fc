"""Two decorators: ``timed`` (logging the duration of calls, sync or async) and ``requires_role``."""

from __future__ import annotations

import functools
import inspect
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
    if threshold < 0:
        raise ValueError(f"threshold must be at least 0 seconds, not {threshold!r}")

    def decorate(func: Callable) -> Callable:
        if not callable(func):
            raise TypeError(f"timed decorates a callable, not {func!r}; pass options by keyword")
        log = logger if isinstance(logger, logging.Logger) else logging.getLogger(logger or func.__module__)
        name = func.__qualname__

        def report(start: float, error: BaseException | None = None) -> None:
            elapsed = time.perf_counter() - start
            if error is not None:  # failures are always worth a line, however quick
                log.log(level, "%s failed after %.3f s: %s", name, elapsed, type(error).__name__,
                        extra={"elapsed": elapsed})
            elif elapsed >= threshold:
                log.log(level, "%s took %.3f s", name, elapsed, extra={"elapsed": elapsed})

        # `start` is a local of each call, never state on the wrapper: overlapping calls (threads,
        # or coroutines awaiting at the same time) each time themselves
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    result = await func(*args, **kwargs)  # the awaiting is what takes the time
                except BaseException as exc:  # CancelledError is a BaseException
                    report(start, exc)
                    raise
                report(start)
                return result

            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                result = func(*args, **kwargs)
            except BaseException as exc:
                report(start, exc)
                raise  # a bare raise re-raises the same exception with its traceback
            report(start)
            return result

        return wrapper

    # @timed gives us the function at once; @timed(...) gives options first, the function later
    return decorate if func is None else decorate(func)


def requires_role(*roles: str) -> Callable[[Callable], Callable]:
    """Return a decorator that lets a call through only for a ``user`` with one of ``roles``."""
    if not roles:
        raise ValueError("requires_role needs at least one role")
    for role in roles:
        if not isinstance(role, str):  # also catches @requires_role used without parentheses
            raise TypeError(f"roles are strings, not {role!r}: write @requires_role('admin')")
    required = frozenset(roles)

    def decorate(func: Callable) -> Callable:
        signature = inspect.signature(func)
        if "user" not in signature.parameters:
            raise TypeError(f"{func.__qualname__} has no 'user' parameter for requires_role to check")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)  # a TypeError here is the caller's mistake
            bound.apply_defaults()  # `user` may have been left to its default
            user = bound.arguments["user"]
            if user is None:
                raise NotLoggedIn(f"{func.__qualname__} needs a logged-in user")
            if required.isdisjoint(user.roles):
                raise Forbidden(f"{user.name} needs one of the roles {sorted(required)} for {func.__qualname__}")
            return func(*args, **kwargs)

        return wrapper

    return decorate

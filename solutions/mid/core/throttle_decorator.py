"""A throttling decorator: at most one run per interval, leading and/or trailing, per instance."""

from __future__ import annotations

import functools
import threading
import time
import types
from collections.abc import Callable
from typing import Any


class _Throttle:
    """The state of one throttled callable (a function, or one instance's method)."""

    def __init__(self, func: Callable, interval: float, leading: bool, trailing: bool,
                 clock: Callable[[], float], timer: Callable) -> None:
        functools.update_wrapper(self, func)  # a bound method shows its function's name and doc
        self.func, self.interval, self.leading, self.trailing = func, interval, leading, trailing
        self.clock, self.timer = clock, timer
        self.lock = threading.Lock()
        self.last: float | None = None  # when the function last started running
        self.pending: tuple[tuple, dict] | None = None  # the latest held-back call
        self.timer_set = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self.lock:  # the decision is atomic; the run itself happens outside the lock
            now = self.clock()
            idle = self.last is None or now - self.last >= self.interval
            if self.leading and idle and self.pending is None:
                self.last = now
            else:
                if self.trailing:
                    self.pending = (args, kwargs)  # only the latest arguments matter
                    if not self.timer_set:
                        self.timer_set = True
                        # the time left in the current interval; after a quiet spell, a whole one
                        delay = self.interval if idle else self.last + self.interval - now
                        self.timer(delay, self._fire).start()
                return None
        return self.func(*args, **kwargs)

    def _fire(self) -> None:
        with self.lock:
            args, kwargs = self.pending
            self.pending = None
            self.timer_set = False
            self.last = self.clock()
        self.func(*args, **kwargs)


class _Throttled:
    """What @throttle returns: callable as a function, and a descriptor that gives each instance a
    throttle of its own when it decorates a method."""

    def __init__(self, func: Callable, make: Callable[[Callable], _Throttle]) -> None:
        functools.update_wrapper(self, func)
        self._make = make
        self._shared = make(func)  # used when called as a plain function
        self._lock = threading.Lock()
        self._attr = f"__throttle_{id(self)}"  # where an instance keeps its own state

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._shared(*args, **kwargs)

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self  # looked up on the class
        # The state lives in the instance's own __dict__: it dies with the instance, needs no hash
        # (a dict keyed by id() would hand a dead instance's state to a new one at the same address).
        state = obj.__dict__.get(self._attr)
        if state is None:
            with self._lock:  # two threads must not each make a state for the same instance
                state = obj.__dict__.setdefault(self._attr, self._make(self.__wrapped__))
        return types.MethodType(state, obj)  # state(obj, *args): the function gets its self


def throttle(interval: float, *, leading: bool = True, trailing: bool = False,
             clock: Callable[[], float] = time.monotonic, timer: Callable = threading.Timer) -> Callable:
    """Let the decorated function run at most once every ``interval`` seconds."""
    if isinstance(interval, bool) or not isinstance(interval, (int, float)):
        raise TypeError(f"interval is a number of seconds, not {interval!r}: write @throttle(seconds)")
    if not interval > 0:  # also refuses NaN
        raise ValueError(f"interval must be more than 0 seconds, not {interval!r}")
    if not (leading or trailing):
        raise ValueError("with leading=False and trailing=False the function would never run")

    def decorate(func: Callable) -> _Throttled:
        return _Throttled(func, lambda f: _Throttle(f, interval, leading, trailing, clock, timer))

    return decorate

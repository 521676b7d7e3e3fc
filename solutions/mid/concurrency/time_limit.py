"""Time-limited function execution: SIGALRM in the main thread, a watched thread elsewhere."""

from __future__ import annotations

import functools
import signal
import threading
import time
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def call_with_timeout(func: Callable[..., T], seconds: float, /, *args: Any, **kwargs: Any) -> T:
    """``func(*args, **kwargs)``, or TimeoutError once it has run ``seconds``."""
    _check(seconds)
    name = getattr(func, "__name__", repr(func))
    if threading.current_thread() is not threading.main_thread():
        # signal handlers only ever run in the main thread: watch the call from here instead
        return _in_a_thread(func, seconds, name, args, kwargs)

    def on_alarm(signum, frame):
        raise TimeoutError(f"{name}() did not finish within {seconds:g} s")

    # an enclosing call_with_timeout may have its own alarm running: note how long it has left,
    # never let ours outlast it, and give it back what is left of it when we are done
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    # setitimer, not alarm(): alarm() counts whole seconds, and alarm(0) cancels instead of firing
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left else seconds)
    try:
        return func(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)  # no stray alarm after we return
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            left = outer_left - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer_interval)


def _check(seconds: float) -> None:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"seconds must be a number, not {type(seconds).__name__}")
    if not seconds > 0:  # also refuses NaN
        raise ValueError(f"seconds must be positive, not {seconds}")


def _in_a_thread(func: Callable[..., T], seconds: float, name: str, args: tuple, kwargs: dict) -> T:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = func(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            outcome["error"] = exc

    # a thread cannot be stopped from outside: on a timeout it is abandoned (a daemon, so it
    # does not keep the program alive), and whatever it still does is lost
    worker = threading.Thread(target=run, name=f"timeout:{name}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"{name}() did not finish within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def timeout(seconds: float) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``@timeout(2.5)``: every call of the decorated function is limited to ``seconds``."""
    _check(seconds)

    def decorate(func: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(func)
        def limited(*args: Any, **kwargs: Any) -> T:
            return call_with_timeout(func, seconds, *args, **kwargs)
        return limited
    return decorate

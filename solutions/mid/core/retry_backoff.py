"""A retry decorator with capped exponential backoff and optional jitter, for sync and async functions."""

from __future__ import annotations

import asyncio
import functools
import inspect
import random
import time
from collections.abc import Callable, Iterator
from typing import Any

JITTERS = (None, "full", "equal")


def retry(attempts: int = 3, *, base: float = 0.1, factor: float = 2.0, max_delay: float = 10.0,
          jitter: str | None = None, retry_on: type[BaseException] | tuple[type[BaseException], ...] = Exception,
          sleep: Callable[[float], Any] | None = None, rng: Callable[[], float] = random.random) -> Callable:
    """Retry a failing call up to ``attempts`` times in all, sleeping longer after each failure."""
    if isinstance(attempts, bool) or not isinstance(attempts, int):
        raise TypeError(f"attempts is an int, not {attempts!r}: write @retry(attempts=...), with parentheses")
    if attempts < 1:
        raise ValueError(f"attempts counts the first call too, so it is at least 1, not {attempts}")
    for name, value, least in (("base", base, 0), ("factor", factor, 1), ("max_delay", max_delay, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} is a number, not {value!r}")
        if not value >= least:  # NaN fails this too
            raise ValueError(f"{name} must be at least {least}, not {value!r}")
    if jitter not in JITTERS:
        raise ValueError(f"jitter is one of {JITTERS}, not {jitter!r}")
    classes = retry_on if isinstance(retry_on, tuple) else (retry_on,)
    if not all(isinstance(c, type) and issubclass(c, BaseException) for c in classes):
        raise TypeError(f"retry_on is an exception class or a tuple of them, not {retry_on!r}")

    def delays() -> Iterator[float]:
        """The pauses after failures 1, 2, 3, ...: base, base * factor, ... capped at max_delay."""
        delay = min(base, max_delay)
        while True:
            if jitter == "full":
                yield rng() * delay  # anywhere in [0, delay): spreads the callers out the most
            elif jitter == "equal":
                yield delay / 2 + rng() * delay / 2  # [delay/2, delay): never retries too soon
            else:
                yield delay
            # multiply step by step and cap each time: base * factor ** k would overflow a float
            # (OverflowError) after about a thousand attempts, this stays at max_delay
            delay = min(delay * factor, max_delay)

    def give_up(error: BaseException) -> None:
        error.add_note(f"gave up after {attempts} attempt{'s' if attempts != 1 else ''}")

    def decorate(func: Callable) -> Callable:
        if inspect.iscoroutinefunction(func):
            pause = sleep or asyncio.sleep  # looked up per decoration: the caller may inject one

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                waits = delays()  # a fresh schedule for every call
                for attempt in range(attempts):
                    try:
                        return await func(*args, **kwargs)
                    except classes as error:
                        if attempt == attempts - 1:
                            give_up(error)
                            raise  # the last failure itself, with its traceback
                    await pause(next(waits))  # awaited: the event loop runs other tasks meanwhile

            return async_wrapper

        pause = sleep or time.sleep

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            waits = delays()
            for attempt in range(attempts):
                try:
                    return func(*args, **kwargs)
                except classes as error:  # anything else propagates at once, untouched
                    if attempt == attempts - 1:  # that was the last one
                        give_up(error)
                        raise
                pause(next(waits))  # outside the except block: a failed sleep is not "during" the error

        return wrapper

    return decorate

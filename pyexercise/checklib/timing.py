"""Time in checks: budgets for a block, and speed compared side by side in one process.

Wall-clock numbers on a shared 2-core CI machine are noisy; compare two implementations by
interleaving them and taking the best of several runs, and assert ratios or upper bounds, never an
absolute speed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterator


class TooSlow(AssertionError):
    """A block ran past its budget: reads as a failed check with the author's message."""


@contextlib.contextmanager
def time_budget(seconds: float, message: str) -> Iterator[None]:
    """Fail the test with ``message`` if the block runs longer than ``seconds`` of wall time.

    The block is interrupted where it is (SIGALRM), so an endless loop ends the test rather than the
    run; it must be used from the main thread."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("time_budget works in the main thread only")

    def on_alarm(signum, frame):
        raise TooSlow(message)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds
    cpu: float  # seconds of this process's CPU (all threads)


def measure(fn: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` wall-clock timings of ``fn()``: the least disturbed by the machine."""
    return min(measure(fn).wall for _ in range(repeat))


def speed_ratio(slow: Callable[[], object], fast: Callable[[], object], repeat: int = 5) -> float:
    """How many times faster ``fast`` is than ``slow``, from runs interleaved one after the other
    (so both see the same load), best of ``repeat`` each."""
    slow_times, fast_times = [], []
    for _ in range(repeat):
        slow_times.append(measure(slow).wall)
        fast_times.append(measure(fast).wall)
    return min(slow_times) / max(min(fast_times), 1e-9)


def wait_until(predicate: Callable[[], object], timeout: float, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass; its last answer, as a bool.
    For what the learner's code does in the background (a daemon, a leader taking over)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())

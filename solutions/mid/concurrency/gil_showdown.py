"""Threads or processes? Measure the GIL's effect instead of reciting it."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Callable, Iterable

KINDS = ("serial", "thread", "process")


def run_parallel(func: Callable[[Any], Any], items: Iterable[Any], *, kind: str = "thread",
                 workers: int = 4) -> tuple[list, float]:
    """``[func(x) for x in items]`` run by ``kind``; returns (results in input order, wall seconds)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    start = time.perf_counter()
    if kind == "serial":
        results = [func(x) for x in items]
    else:
        # The same interface for both: a thread pool shares this interpreter (and its GIL); a
        # process pool runs separate interpreters, sending func and each item pickled.
        executor = ThreadPoolExecutor if kind == "thread" else ProcessPoolExecutor
        with executor(max_workers=workers) as pool:  # leaving the block waits for every worker
            results = list(pool.map(func, items))  # map keeps the input order
    return results, time.perf_counter() - start


def speedups(func: Callable[[Any], Any], items: Iterable[Any], *, workers: int = 4) -> dict[str, float]:
    """How many times faster threads and processes are than a serial run of the same work."""
    items = list(items)
    _, serial = run_parallel(func, items, kind="serial")
    return {kind: serial / run_parallel(func, items, kind=kind, workers=workers)[1]
            for kind in ("thread", "process")}


# Which kind suits each workload best: "serial", "thread" or "process".
BEST = {
    # waiting on the network releases the GIL: threads overlap the waits, cheaply
    "fetch 200 pages from a slow web API": "thread",
    # pure-Python arithmetic holds the GIL: only separate processes use more cores
    "count the primes below 10 million in pure Python": "process",
    # hashlib releases the GIL while it hashes a large buffer, so threads run in parallel,
    # and without pickling 50 large buffers over to other processes
    "sha256 of 50 large byte strings already in memory": "thread",
    # microseconds of work: starting threads or processes costs far more than it saves
    "square each of 20 small integers": "serial",
    # a pixel loop in Python is CPU-bound, like the primes
    "resize 500 images with a pure-Python pixel loop": "process",
}

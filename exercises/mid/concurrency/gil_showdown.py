"""Compare threading and multiprocessing by measuring them: the GIL's impact, shown rather than told.

CPython's Global Interpreter Lock lets one thread at a time run Python bytecode. A thread that
waits (for the network, a disk, ``time.sleep``) or runs C code that releases the lock (hashlib
on big buffers, most of numpy) lets the others run, so threads speed up I/O-bound work. Pure
Python arithmetic holds the lock: threads take turns, and CPU-bound work gets no faster.
Processes each have their own interpreter and GIL, so they really run at once, on every core,
at the price of starting processes and pickling arguments and results between them.

    >>> def slow_square(x):
    ...     time.sleep(0.1)
    ...     return x * x
    >>> results, seconds = run_parallel(slow_square, range(8), kind="thread", workers=8)
    >>> results, round(seconds, 1)
    ([0, 1, 4, 9, 16, 25, 36, 49], 0.1)
    >>> speedups(slow_square, range(8), workers=8)          # doctest: +SKIP
    {'thread': 7.8, 'process': 5.1}

The rules:
- ``run_parallel(func, items, *, kind="thread", workers=4)`` computes ``func(x)`` for every
  item and returns ``(results, seconds)``: the results as a list in the order of ``items``,
  and the wall-clock seconds the whole run took (a float, starting and stopping any pool
  included). ``kind="serial"`` runs them one after another in this thread; ``"thread"`` on
  ``workers`` threads of this process; ``"process"`` in ``workers`` worker processes (func and
  the items must then be picklable: module-level functions). An exception raised by ``func``
  propagates unchanged. Any other kind, or ``workers < 1``, is a ValueError.
- ``speedups(func, items, *, workers=4)`` runs the work serially, with threads and with
  processes, and returns ``{"thread": serial_seconds / thread_seconds, "process": ...}``.
- ``BEST`` maps each workload below to the kind that suits it best: replace each ``...`` with
  ``"serial"``, ``"thread"`` or ``"process"``.

The check proves what each kind really does: the processes and threads your functions run in,
requests overlapping at a local server, CPU time against wall time.
"""

from __future__ import annotations

import time  # noqa: F401 - you will need these
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor  # noqa: F401
from typing import Any, Callable, Iterable


def run_parallel(func: Callable[[Any], Any], items: Iterable[Any], *, kind: str = "thread",
                 workers: int = 4) -> tuple[list, float]:
    """``[func(x) for x in items]`` run by ``kind``; returns (results in input order, wall seconds)."""
    raise NotImplementedError


def speedups(func: Callable[[Any], Any], items: Iterable[Any], *, workers: int = 4) -> dict[str, float]:
    """How many times faster threads and processes are than a serial run of the same work."""
    raise NotImplementedError


# Which kind suits each workload best: "serial", "thread" or "process".
BEST = {
    "fetch 200 pages from a slow web API": ...,
    "count the primes below 10 million in pure Python": ...,
    "sha256 of 50 large byte strings already in memory": ...,
    "square each of 20 small integers": ...,
    "resize 500 images with a pure-Python pixel loop": ...,
}

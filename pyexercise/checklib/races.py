"""Making races show: thread-safety tasks need more than a stress test.

On CPython 3.11 an unlocked ``self.n += 1`` hammered by 8 threads loses no update at all, even with
``sys.setswitchinterval(1e-6)``: the interpreter switches threads only at a few points, and rarely
between a read and its write. ``race_amplifier`` traces every opcode the code under test executes
and, at random ones, yields the GIL (``time.sleep(0)``), so another thread runs right there — in
the middle of a read-modify-write, between a check and its act. An unlocked counter then loses
most of its updates; a correctly locked one loses none (a thread that yields while holding the
lock only lets the others wait for it).

    from pyexercise.checklib import hammer, race_amplifier

    counter = Counter()
    with race_amplifier():
        hammer(counter.increment, threads=8, calls=500)
    assert counter.value == 4000
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from pyexercise.checklib.source import target_path


@contextlib.contextmanager
def race_amplifier(files: Iterable[str | os.PathLike] | None = None, probability: float = 0.1,
                   seed: int = 0) -> Iterator[None]:
    """Inside the block, threads started in it (and the current one) yield the GIL at random
    opcodes of code from ``files`` (default: the file under test), with ``probability`` each.

    Only that code is traced, so the check's own code and the standard library (``threading.Lock``
    included) run untouched. Each thread draws from its own seeded generator."""
    paths = {os.path.realpath(p) for p in (files if files is not None else [target_path()])}
    names: dict[str, bool] = {}
    counter = iter(range(1, 1 << 30))
    local = threading.local()

    def is_target(filename: str) -> bool:
        hit = names.get(filename)
        if hit is None:
            hit = names[filename] = os.path.realpath(filename) in paths
        return hit

    def on_opcode(frame, event, arg):
        if event == "opcode":
            rng = getattr(local, "rng", None)
            if rng is None:
                rng = local.rng = random.Random(seed * 1_000_003 + next(counter))
            if rng.random() < probability:
                time.sleep(0)
        return on_opcode

    def on_call(frame, event, arg):
        if event != "call" or not is_target(frame.f_code.co_filename):
            return None  # no tracing inside this frame
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return on_opcode

    previous = sys.gettrace()
    threading.settrace(on_call)
    sys.settrace(on_call)
    try:
        yield
    finally:
        sys.settrace(previous)
        threading.settrace(None)  # type: ignore[arg-type]


@dataclass
class HammerResult:
    results: list = field(default_factory=list)  # what each call returned, in no particular order
    errors: list[BaseException] = field(default_factory=list)


def hammer(fn: Callable[..., object], threads: int = 8, calls: int = 500, args_for=None,
           timeout: float = 30.0) -> HammerResult:
    """Call ``fn`` ``calls`` times from each of ``threads`` threads, all released at once by a
    barrier. ``args_for(thread, i)`` gives the arguments of each call (default: none). Exceptions
    are collected, not raised; a thread still running after ``timeout`` seconds fails the check
    (a deadlock, or a wait that never ends)."""
    barrier = threading.Barrier(threads)
    out = HammerResult()
    lock = threading.Lock()

    def work(t: int) -> None:
        mine, errors = [], []
        try:
            barrier.wait()
            for i in range(calls):
                args = args_for(t, i) if args_for else ()
                mine.append(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - reported to the check
            errors.append(exc)
        with lock:
            out.results += mine
            out.errors += errors

    workers = [threading.Thread(target=work, args=(t,), daemon=True, name=f"pyex-hammer-{t}")
               for t in range(threads)]
    for w in workers:
        w.start()
    deadline = time.monotonic() + timeout
    for w in workers:
        w.join(max(0.0, deadline - time.monotonic()))
    stuck = sum(w.is_alive() for w in workers)
    assert not stuck, (f"{stuck} of {threads} threads were still running after {timeout:g} s: a deadlock, "
                       "or a wait that is never woken up?")
    return out

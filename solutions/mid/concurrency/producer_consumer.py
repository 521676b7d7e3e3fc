"""A producer-consumer pipeline: one producer thread, worker threads, and backpressure."""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Iterable, Iterator

_STOP = object()  # tells a worker there is nothing more to do


def run_pipeline(source: Iterable[Any], process: Callable[[Any], Any], *, workers: int = 4, maxsize: int = 8,
                 ordered: bool = False) -> Iterator[Any]:
    """Yield ``process(item)`` for every item of ``source``, computed by ``workers`` threads."""
    # A plain function that returns the generator: the arguments are checked now, not at the
    # first next() (a generator function's body only starts running then).
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if maxsize < 1:
        raise ValueError(f"maxsize must be at least 1, not {maxsize}")
    return _pipeline(source, process, workers, maxsize, ordered)


def _pipeline(source, process, workers, maxsize, ordered):
    tasks: queue.Queue = queue.Queue(maxsize)  # (index, item), or _STOP
    results: queue.Queue = queue.Queue()  # (index, ok, value), or None when a worker has finished
    window = maxsize + workers  # items taken from the source whose result is not yet yielded
    room = threading.Condition()
    state = {"in_flight": 0, "stopped": False}

    def produce() -> None:
        index = 0
        try:
            it = iter(source)
            while True:
                with room:  # wait for room *before* taking the next item: that is the backpressure
                    room.wait_for(lambda: state["in_flight"] < window or state["stopped"])
                    if state["stopped"]:
                        return
                    state["in_flight"] += 1
                try:
                    item = next(it)
                except StopIteration:
                    return
                tasks.put((index, item))
                index += 1
        except BaseException as exc:  # noqa: BLE001 - the source failed: the caller gets it,
            results.put((index, False, exc))  # after the results of the items before it
        finally:
            for _ in range(workers):
                tasks.put(_STOP)

    def work() -> None:
        try:
            while (task := tasks.get()) is not _STOP:
                index, item = task
                if state["stopped"]:
                    continue  # the caller has gone: drain the queue without doing the work
                try:
                    results.put((index, True, process(item)))
                except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                    results.put((index, False, exc))
        finally:
            results.put(None)

    threads = [threading.Thread(target=produce, name="pipeline-producer", daemon=True)]
    threads += [threading.Thread(target=work, name=f"pipeline-worker-{i}", daemon=True) for i in range(workers)]
    for t in threads:
        t.start()
    try:
        finished = 0
        waiting: dict[int, tuple[bool, object]] = {}  # ordered mode: results that came early
        next_index = 0
        while finished < workers:
            message = results.get()
            if message is None:
                finished += 1
                continue
            index, ok, value = message
            if not ordered:
                ready = [(ok, value)]
            else:
                waiting[index] = (ok, value)
                ready = []
                while next_index in waiting:
                    ready.append(waiting.pop(next_index))
                    next_index += 1
            for ok, value in ready:
                if not ok:
                    raise value
                yield value
                with room:  # the caller has it: one more item may enter the pipeline
                    state["in_flight"] -= 1
                    room.notify()
    finally:
        # normal end, an error, or the caller stopped early (GeneratorExit): stop everything
        # and wait for every thread, so none outlives the pipeline
        with room:
            state["stopped"] = True
            room.notify_all()
        for t in threads:
            t.join()

"""Watching what the code under test does: which files it opens, how far it pulls an iterable,
and an assertion that names what should have been raised.

    with opened_files() as seen:
        files_equal(a, b)
    assert str(a) not in seen.paths, "files of different sizes need no reading: compare the sizes"

    source = Tracked(range(10**9))
    it = merge(source, [1, 2])
    next(it)
    assert source.pulled <= 2, "merge must be lazy"
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

_watchers: list["OpenedFiles"] = []
_lock = threading.Lock()
_hooked = False


@dataclass
class OpenedFiles:
    paths: list[str] = field(default_factory=list)  # every path opened (resolved), in order

    def opened(self, path: str | os.PathLike) -> bool:
        return os.path.realpath(path) in self.paths


def _audit(event: str, args: tuple) -> None:
    if event != "open" or not _watchers:
        return
    path = args[0]
    if isinstance(path, int):
        return
    try:
        resolved = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    for watcher in list(_watchers):
        watcher.paths.append(resolved)


@contextlib.contextmanager
def opened_files() -> Iterator[OpenedFiles]:
    """Record every file opened (by Python code, in any thread) inside the block. An audit hook
    cannot be removed once added: one is added the first time and does nothing outside a block."""
    global _hooked
    with _lock:
        if not _hooked:
            sys.addaudithook(_audit)
            _hooked = True
    seen = OpenedFiles()
    _watchers.append(seen)
    try:
        yield seen
    finally:
        _watchers.remove(seen)


class Tracked:
    """An iterable that counts how many items were pulled from it (``pulled``) and whether it was
    iterated more than once (``iterations``): for laziness and single-pass requirements."""

    def __init__(self, items: Iterable) -> None:
        self._items = items
        self.pulled = 0
        self.iterations = 0

    def __iter__(self):
        self.iterations += 1
        for item in self._items:
            self.pulled += 1
            yield item


def assert_raises(expected: type[BaseException] | tuple, call: Callable[[], object], message: str) -> BaseException:
    """``call()`` must raise ``expected``; otherwise fail with ``message`` (and what happened
    instead) rather than pytest's bare "DID NOT RAISE"."""
    try:
        got = call()
    except expected as exc:
        return exc
    except NotImplementedError:
        raise  # the part is not written yet: "not started", not a wrong answer
    except BaseException as exc:  # noqa: BLE001 - named in the failure
        raise AssertionError(f"{message} (it raised {type(exc).__name__}: {exc})") from exc
    raise AssertionError(f"{message} (it returned {got!r})")

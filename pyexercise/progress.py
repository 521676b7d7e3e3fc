"""The learner's progress: ``.pyex/state.json``. The only module that writes it.

Writes are atomic (temp file, fsync, rename, fsync dir) and serialised by a lock file, so a watch
in one terminal and ``pyex hint`` in another never lose each other's updates, and a kill at any
moment leaves the old state or the new one. A state file that cannot be read is set aside (never
deleted) with a warning, and a fresh one is started.

What this file is worth: it records a learner's own progress in their own workspace. Code being
graded runs as the learner, so it could write this file; pyex notices a write it did not make (it
keeps the digest of its last write in ``last-write``, which is evidence, not a signature: a program
that knows the scheme can forge both) and puts the old state back. That only ever fools the learner
themselves; ``pyex verify`` never reads a pass from this file, it grades every exercise afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from pyexercise.errors import FatalError
from pyexercise.guard import replace_file

STATE_VERSION = 2  # 2: hints are the numbers revealed, not a count
STATE_DIR = ".pyex"
STATE_FILE = "state.json"
HISTORY_FILE = "interviews.json"
HISTORY_VERSION = 1

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@dataclass
class State:
    current: str | None = None
    done: set[str] = field(default_factory=set)
    hints: dict[str, list[int]] = field(default_factory=dict)  # exercise -> the hint numbers revealed
    #: spaced review: exercise -> {"box": 1.., "due": unix time}; see practice.py
    review: dict[str, dict] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "format_version": STATE_VERSION,
            "current": self.current,
            "done": sorted(self.done),
            "hints": {k: sorted(set(v)) for k, v in sorted(self.hints.items())},
            "review": {k: {"box": v["box"], "due": v["due"]} for k, v in sorted(self.review.items())},
        }

    @classmethod
    def from_json(cls, data: object) -> "State":
        """Raises ValueError on anything that is not a state this pyex wrote."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.get("format_version")
        if type(version) is not int or version > STATE_VERSION or version < 1:
            raise ValueError(f"unknown format_version {version!r}")
        current = data.get("current")
        done = data.get("done", [])
        hints = data.get("hints", {})
        if current is not None and not isinstance(current, str):
            raise ValueError("`current` is not a string")
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            raise ValueError("`done` is not a list of names")
        if not isinstance(hints, dict) or not all(isinstance(k, str) for k in hints):
            raise ValueError("`hints` is not a table")
        revealed = {}
        for name, value in hints.items():
            if version == 1 and type(value) is int and value >= 0:  # a count: the first ones
                revealed[name] = list(range(1, value + 1))
            elif isinstance(value, list) and all(type(n) is int and n >= 1 for n in value):
                revealed[name] = sorted(set(value))
            else:
                raise ValueError(f"`hints.{name}` is not a list of hint numbers")
        review = data.get("review", {})
        if not isinstance(review, dict) or not all(
                isinstance(k, str) and isinstance(v, dict) and type(v.get("box")) is int and v["box"] >= 1
                and isinstance(v.get("due"), (int, float)) for k, v in review.items()):
            raise ValueError("`review` is not a table of {box, due}")
        return cls(current=current, done=set(done), hints=revealed,
                   review={k: {"box": v["box"], "due": float(v["due"])} for k, v in review.items()})

    def rename(self, curriculum) -> bool:
        """Carry progress from old names to the exercises that now have them as aliases."""
        changed = False
        for old in list(self.done):
            new = curriculum.renamed(old)
            if new is not None and old not in curriculum:
                self.done.discard(old)
                self.done.add(new.name)
                changed = True
        for old in list(self.hints):
            new = curriculum.renamed(old)
            if new is not None and old not in curriculum:
                self.hints[new.name] = sorted(set(self.hints.pop(old)) | set(self.hints.get(new.name, [])))
                changed = True
        if self.current is not None and self.current not in curriculum and curriculum.renamed(self.current):
            self.current = curriculum.renamed(self.current).name
            changed = True
        return changed


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Progress:
    def __init__(self, root: Path, warn: Callable[[str], None] = lambda message: None) -> None:
        self.dir = root / STATE_DIR
        self.path = self.dir / STATE_FILE
        self.warn = warn

    def load(self, curriculum=None) -> State:
        """The saved state; with ``curriculum``, progress saved under an exercise's old names
        (its ``aliases``) counts for it."""
        state = self._load()
        if curriculum is not None:
            state.rename(curriculum)
        return state

    def _load(self) -> State:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return State()
        except OSError as exc:
            raise FatalError(f"Cannot read {self.path}: {exc.strerror}. Check its permissions.") from None
        try:
            return State.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, UnicodeDecodeError) as exc:
            kept = self._set_aside()
            self.warn(f"Your progress file {self.path} was unreadable ({exc}); it was kept as "
                      f"{kept.name} and a fresh one started. `pyex run` re-marks exercises you solved.")
            return State()

    def _set_aside(self) -> Path:
        kept = self.path.with_name(f"{STATE_FILE}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        n = 1
        while kept.exists():
            kept = kept.with_name(f"{kept.name.split('~')[0]}~{n}")
            n += 1
        try:
            os.replace(self.path, kept)
        except OSError:
            pass
        return kept

    @contextlib.contextmanager
    def update(self, curriculum=None) -> Iterator[State]:
        """Lock, read, let the caller change the state, write it back atomically."""
        with self._locked():
            state = self.load(curriculum)
            yield state
            self._write(state)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.dir.mkdir(exist_ok=True)
            fd = os.open(self.dir / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise FatalError(f"Cannot save progress in {self.dir}: {exc.strerror}. "
                             "Make the workspace writable.") from None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    # -- only pyex writes progress: a check run's code that does is undone -----------------------
    @property
    def _last_write(self) -> Path:
        return self.dir / "last-write"

    def raw(self) -> bytes | None:
        """The state file's bytes as they are now (None: there is none)."""
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def restore_if_forged(self, before: bytes | None) -> bool:
        """After a check run: if the state changed and pyex (in any process) did not write it,
        put ``before`` back and return True."""
        with self._locked():  # writers hold the lock for the state and its signature together
            now = self.raw()
            if now == before:
                return False
            try:
                last = self._last_write.read_text().strip()
            except OSError:
                last = ""
            if now is not None and last == hashlib.sha256(now).hexdigest():
                return False  # pyex wrote it (a hint in another terminal, say)
            if before is None:
                with contextlib.suppress(OSError):
                    self.path.unlink()
            else:
                self._write_bytes(before)
        return True

    # -- the interview history: a file of its own, under the same lock and atomic writes ------------
    @property
    def history_path(self) -> Path:
        return self.dir / HISTORY_FILE

    def history(self) -> list[dict]:
        try:
            data = json.loads(self.history_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            self.warn(f"The interview history {self.history_path} is unreadable ({exc}); it is left as it is.")
            return []
        if not isinstance(data, dict) or data.get("format_version") != HISTORY_VERSION or \
                not isinstance(data.get("interviews"), list):
            self.warn(f"The interview history {self.history_path} is not one this pyex writes; it is left as it is.")
            return []
        return [i for i in data["interviews"] if isinstance(i, dict)]

    def add_interview(self, report: dict) -> None:
        with self._locked():
            interviews = self.history() + [report]
            data = {"format_version": HISTORY_VERSION, "interviews": interviews}
            self._write_bytes((json.dumps(data, indent=2) + "\n").encode("utf-8"), self.history_path, sign=False)

    def _write(self, state: State) -> None:
        self._write_bytes((json.dumps(state.to_json(), indent=2) + "\n").encode("utf-8"))

    def _write_bytes(self, data: bytes, path: Path | None = None, sign: bool = True) -> None:
        path = path or self.path
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()  # never write through a link planted at our temp name
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
            if sign:
                with contextlib.suppress(OSError):
                    replace_file(self._last_write, (hashlib.sha256(data).hexdigest() + "\n").encode())
            dir_fd = os.open(self.dir, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise FatalError(f"Cannot save progress to {path}: {exc.strerror}. Your previous "
                             "progress is intact; free some space or fix permissions and try again.") from None

"""The hidden checks as they were before any learner code ran.

Every run of a session is graded from this copy, never from the disk, so code that rewrites a
check (its own or another exercise's, and puts it back before anyone looks) cannot change any
verdict. After each run the disk is compared with the copy: what changed is put back and the run
reported as tampering.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` as ``path`` by renaming a new file over it: a symlink planted at ``path`` is
    replaced, never written through."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pyex-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def put_back(path: Path, before: bytes | None, now: bytes | None) -> None:
    """Restore ``path`` to ``before`` (None: it did not exist), keeping what was written beside it
    as ``NAME.changed-TIME``, in case it was an author's edit rather than a run's."""
    try:
        if now is not None:
            replace_file(path.with_name(f"{path.name}.changed-{time.strftime('%Y%m%d-%H%M%S')}"), now)
        if before is None:
            path.unlink(missing_ok=True)
        else:
            replace_file(path, before)
    except OSError:
        pass


def _read(path: Path) -> bytes | None:
    try:
        if path.is_symlink():
            return None  # a link planted where a check was is not the check
        return path.read_bytes()
    except OSError:
        return None


class CheckSnapshot:
    """Every check file under ``checks_dir`` (recursively), read once."""

    def __init__(self, checks_dir: Path) -> None:
        self.dir = checks_dir
        self.before: dict[Path, bytes] = self._read_all()

    def _read_all(self) -> dict[Path, bytes]:
        found: dict[Path, bytes] = {}
        if not self.dir.is_dir():
            return found
        for dirpath, dirnames, filenames in os.walk(self.dir):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            for name in filenames:
                if ".changed-" in name or name.endswith((".pyc", ".pyex-tmp")):
                    continue
                path = Path(dirpath, name)
                data = _read(path)
                if data is not None:
                    found[path] = data
        return found

    def refresh(self) -> None:
        """Take the disk as it is now: called when no run is in flight, so what changed since was
        changed by an author, not by a check."""
        self.before = self._read_all()

    def source(self, check: Path) -> bytes | None:
        """The check as it was when the session began (None: there was no such check)."""
        return self.before.get(check)

    def restore(self) -> list[str]:
        """Put back whatever changed since the snapshot; return what changed, relative to the
        curriculum's folder."""
        after = self._read_all()
        changed = [p for p in set(self.before) | set(after) if self.before.get(p) != after.get(p)]
        for path in changed:
            put_back(path, self.before.get(path), after.get(path))
        return sorted(p.relative_to(self.dir.parent).as_posix() for p in changed)

"""Hidden files a check run must not change: noticed afterwards, and put back as they were."""

from __future__ import annotations

import time
from pathlib import Path


def put_back(path: Path, before: bytes | None, now: bytes | None) -> None:
    """Restore ``path`` to ``before`` (None: it did not exist), keeping what was written beside it
    as ``NAME.changed-TIME``, in case it was an author's edit rather than a run's."""
    try:
        if now is not None:
            path.with_name(f"{path.name}.changed-{time.strftime('%Y%m%d-%H%M%S')}").write_bytes(now)
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(before)
    except OSError:
        pass


class Guard:
    """Every check file as it was when the guard was made (verify takes one for its whole run)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.before = self._read()

    def _read(self) -> dict[Path, bytes]:
        # info.toml is parsed once, before any run, so a run that edits it changes nothing
        checks = self.root / "checks"
        found = {}
        for path in sorted(checks.rglob("*")) if checks.is_dir() else []:
            if path.is_file() and "__pycache__" not in path.parts and ".changed-" not in path.name:
                try:
                    found[path] = path.read_bytes()
                except OSError:
                    continue
        return found

    def restore(self) -> list[str]:
        """Put back whatever changed since; return the changed paths, relative to the root."""
        after = self._read()
        changed = [p for p in set(self.before) | set(after) if self.before.get(p) != after.get(p)]
        for path in changed:
            put_back(path, self.before.get(path), after.get(path))
        return sorted(p.relative_to(self.root).as_posix() for p in changed)

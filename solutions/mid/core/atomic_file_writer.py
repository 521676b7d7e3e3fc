"""An atomic file writer: write a temporary file next to the target, then os.replace it."""

from __future__ import annotations

import os
import secrets
import stat
from types import TracebackType
from typing import IO


class AtomicWriter:
    """``with AtomicWriter(path) as f: f.write(...)`` replaces ``path`` only if the block succeeds."""

    def __init__(self, path: str | os.PathLike, mode: str = "w", *, encoding: str | None = None,
                 fsync: bool = True) -> None:
        if mode not in ("w", "wb"):
            raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
        if mode == "wb" and encoding is not None:
            raise ValueError("binary mode ('wb') takes no encoding")
        self.path = os.path.abspath(os.fspath(path))
        self.mode = mode
        self.encoding = (encoding or "utf-8") if mode == "w" else None
        self.fsync = fsync

    def __enter__(self) -> IO:
        directory, name = os.path.split(self.path)
        # Next to the target, so os.replace is a rename within one filesystem: atomic. Mode "x"
        # creates the file exclusively (it never clobbers anything) and with the permissions any
        # new file gets from open(): 0o666 minus the umask. tempfile.mkstemp would give 0o600.
        self._tmp = os.path.join(directory, f".{name}.{secrets.token_hex(8)}.tmp")
        self._file = open(self._tmp, self.mode.replace("w", "x"), encoding=self.encoding)
        try:
            os.chmod(self._tmp, stat.S_IMODE(os.stat(self.path).st_mode))  # keep the old file's bits
        except FileNotFoundError:
            pass  # a new file: the umask already decided
        except BaseException:
            self._discard()
            raise
        return self._file

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if exc_type is not None:
            self._discard()
            return False  # False: the with statement re-raises the exception, KeyboardInterrupt too
        try:
            self._file.flush()  # Python's buffer -> the OS; only then can fsync push it to the disk
            if self.fsync:
                os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            self._discard()
            raise
        if self.fsync:
            self._fsync_directory()
        return False

    def _discard(self) -> None:
        self._file.close()  # closing twice is harmless
        os.unlink(self._tmp)

    def _fsync_directory(self) -> None:
        """A rename is a change to the directory: sync it too, or a crash may forget the rename."""
        fd = os.open(os.path.dirname(self.path), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

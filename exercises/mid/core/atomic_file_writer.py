"""Write a class-based context manager that replaces a file atomically: all of it, or none of it.

    >>> with AtomicWriter("settings.json") as f:
    ...     f.write('{"theme": "dark"}')
    17
    >>> open("settings.json").read()
    '{"theme": "dark"}'

``open(path, "w")`` empties the file at once, so a crash (or a Ctrl-C) halfway through writing
leaves a half-written file, and anyone reading meanwhile sees a partial one. AtomicWriter does
it the safe way, with ``__enter__`` and ``__exit__`` written by you (no contextlib):

- ``__enter__`` creates a temporary file **in the same directory** as ``path`` (a rename within
  one filesystem is atomic; across filesystems it is a copy) and returns it, open for writing.
  The file at ``path`` is not touched while the block runs.
- When the block ends normally, ``__exit__`` flushes the temporary file, ``os.fsync``-s it (so
  the data is on disk before the name points at it), closes it and moves it over ``path`` with
  ``os.replace`` (atomic, and it replaces an existing file on every OS). Then it fsyncs the
  directory, so the rename itself survives a crash. ``fsync=False`` skips both fsyncs.
- When the block raises, whatever the exception (KeyboardInterrupt too), ``__exit__`` closes and
  deletes the temporary file: ``path`` is exactly as before (or still absent), and no temporary
  file remains. ``__exit__`` always returns False, so the exception propagates; it never
  swallows one. If finishing fails (``os.replace`` refuses because ``path`` is a directory,
  say), the temporary file is deleted too, and the error propagates.
- Permissions: a file that is replaced keeps its permission bits (a 0o640 file stays 0o640).
  A new file gets what ``open(path, "w")`` would give it: 0o666 minus the umask (note that
  tempfile.mkstemp makes its files 0o600).
- No file descriptor is left open, whatever happens.

A reader in another process therefore sees the old content or the new content, never a mix.

``mode`` is "w" (text, ``encoding`` defaults to "utf-8") or "wb" (bytes, no encoding allowed);
any other mode, or an encoding with "wb", raises ValueError when the AtomicWriter is made.
``path`` may be a str or a pathlib.Path; if its directory does not exist, entering the
writer raises FileNotFoundError.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import IO


class AtomicWriter:
    """``with AtomicWriter(path) as f: f.write(...)`` replaces ``path`` only if the block succeeds."""

    def __init__(self, path: str | os.PathLike, mode: str = "w", *, encoding: str | None = None,
                 fsync: bool = True) -> None:
        """Check the arguments and remember them; nothing is created until ``__enter__``."""
        # TODO: validate mode and encoding (ValueError), remember the rest.
        raise NotImplementedError

    def __enter__(self) -> IO:
        """Create the temporary file next to ``path`` and return it, open for writing."""
        raise NotImplementedError

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        """Commit (flush, fsync, close, os.replace) on success; discard the temporary file on error."""
        raise NotImplementedError

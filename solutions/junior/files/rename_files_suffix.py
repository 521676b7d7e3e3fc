"""Rename every file in a directory by adding a suffix to its name, before the extension."""

from __future__ import annotations

import os
from pathlib import Path


def add_suffix(directory: str | os.PathLike, suffix: str, dry_run: bool = False) -> dict[str, str]:
    """Add ``suffix`` before the extension of every file in ``directory``; return {old: new}."""
    if not suffix or "/" in suffix or os.sep in suffix:
        raise ValueError(f"not a usable suffix: {suffix!r}")
    folder = Path(directory)
    # First plan every rename (iterdir raises FileNotFoundError for a missing directory)...
    plan = {
        entry.name: entry.stem + suffix + entry.suffix
        for entry in folder.iterdir()
        if entry.is_file()
    }
    # ...then check the whole plan, so a clash stops us before anything has moved.
    for old, new in plan.items():
        if (folder / new).exists() or (folder / new).is_symlink():
            raise FileExistsError(f"cannot rename {old!r}: {new!r} already exists")
    if not dry_run:
        for old, new in plan.items():
            (folder / old).rename(folder / new)
    return plan

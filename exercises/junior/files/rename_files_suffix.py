"""Rename every file in a directory by adding a suffix to its name, before the extension.

    >>> add_suffix("photos", "_old")
    {'beach.jpg': 'beach_old.jpg', 'notes': 'notes_old'}

``add_suffix(directory, suffix, dry_run=False)`` renames each regular file directly inside
``directory`` (``str`` or ``pathlib.Path``) and returns {old name: new name} for them:

- the suffix goes before the extension, which is what pathlib's ``Path.suffix`` says it is:
  the part from the last dot ('archive.tar.gz' → 'archive.tar_old.gz'); a name without one
  just gets the suffix at the end ('README' → 'README_old'), and so does a hidden file
  ('.bashrc' → '.bashrc_old');
- subdirectories are neither renamed nor entered;
- with ``dry_run=True`` nothing is renamed: you get the mapping that would be applied;
- all or nothing: if any new name is already taken in the directory (say 'a.txt' and
  'a_old.txt' are both there), raise FileExistsError *before renaming anything*, so no file is
  overwritten and the directory is left as it was;
- an empty suffix, or one containing '/', raises ValueError;
- a missing directory raises FileNotFoundError.
"""

from __future__ import annotations

import os


def add_suffix(directory: str | os.PathLike, suffix: str, dry_run: bool = False) -> dict[str, str]:
    """Add ``suffix`` before the extension of every file in ``directory``; return {old: new}."""
    # TODO
    raise NotImplementedError

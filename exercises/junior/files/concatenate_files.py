"""Concatenate several text files, in order, into a single file.

    >>> concatenate(["jan.log", "feb.log", "mar.log"], "q1.log")    # returns the bytes written
    5120

``concatenate(paths, dst)`` writes the contents of every file in ``paths`` (a list, or any
iterable, of ``str`` / ``pathlib.Path``), one after another, into ``dst``, replacing whatever
``dst`` held. Rules:

- the files' contents are copied exactly, with one addition: when a non-empty file does not
  end with '\\n', a '\\n' is written after it, so its last line doesn't run into the next
  file's first line; an empty file adds nothing;
- return the number of bytes written to ``dst`` (added newlines included);
- no inputs: ``dst`` is created empty and 0 is returned;
- stream: read each file in chunks, never a whole file at once; logs can be huge;
- check first, write second. If an input does not exist, raise FileNotFoundError; if ``dst``
  is one of the inputs, raise ValueError (writing it would destroy an input). In both cases
  raise before ``dst`` is created or changed.
"""

from __future__ import annotations

import os
from typing import Iterable


def concatenate(paths: Iterable[str | os.PathLike], dst: str | os.PathLike) -> int:
    """Write the files in ``paths`` one after another into ``dst``; return the bytes written."""
    # TODO
    raise NotImplementedError

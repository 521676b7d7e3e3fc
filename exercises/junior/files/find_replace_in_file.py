"""Find a piece of text in a file and replace it everywhere, in place.

    >>> replace_in_file("config.ini", "localhost", "db.internal")   # returns the replacements made
    3

``replace_in_file(path, old, new)`` works like str.replace on the whole file's text and
writes the result back to the same file (UTF-8; ``path`` is ``str`` or ``pathlib.Path``):

- ``old`` is plain text, matched anywhere, even inside a longer word or across a line break;
  occurrences are taken left to right without overlapping ('aaa' holds 'aa' once);
- ``new`` may contain ``old`` ('cat' → 'cats' must not loop forever);
- return how many occurrences were replaced;
- when there is nothing to replace, don't rewrite the file at all (leave it untouched, so its
  modification time stays the same);
- everything else stays as it was, line endings included ('\\r\\n' stays '\\r\\n');
- an empty ``old`` raises ValueError; a missing file raises FileNotFoundError.
"""

from __future__ import annotations

import os


def replace_in_file(path: str | os.PathLike, old: str, new: str) -> int:
    """Replace every ``old`` with ``new`` in the file; return the number of replacements."""
    # TODO
    raise NotImplementedError

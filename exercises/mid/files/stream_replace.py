"""Find and replace text in a file bigger than memory: streaming, and atomic, so a failure loses nothing.

    >>> replace_in_file("app.log", "db-old.internal", "db.internal")      # the replacements made
    1204
    >>> replace_in_file("story.txt", "cat", "dog", whole_word=True)       # not in 'cats' or 'concat'
    2

``replace_in_file(path, old, new, *, whole_word=False, chunk_size=65536)`` does what
``text.replace(old, new)`` would do to the whole file, without ever holding the whole file:

- ``old`` is plain text (even '3.5' or 'C++'), matched left to right without overlapping ('aa'
  is in 'aaaa' twice), and may span a line break; ``new`` is inserted exactly as given, and
  may itself contain ``old`` (replace 'cat' by 'cats' once, not forever);
- with ``whole_word=True`` an occurrence counts only when the character just before it and the
  one just after it (where there is one) are not word characters, as the regex ``\\w`` sees
  them (letters of any alphabet, digits, '_'): 'cat' is replaced in 'cat.', '(cat)' and "cat's"
  but not in 'cats', 'concat' or 'cat_2'. That is the regex ``(?<!\\w)old(?!\\w)``;
- it returns how many occurrences were replaced;
- the file is UTF-8; everything else in it stays exactly as it was, '\\r\\n' line endings too.

It must stream: read ``chunk_size`` characters at a time (``read(chunk_size)`` on the file opened
as text) and write as you go. Not the whole file, nor a line at a time: the file may be one
enormous line. An occurrence may be cut in two by a chunk boundary ('...db-ol' + 'd.internal...'),
and in whole-word mode the characters deciding it may sit in the chunk before or after.

It must be atomic: write the new text to a temporary file in the same folder, then
``os.replace()`` it over the original. So a program that has the file open keeps reading the
old text, and if anything fails midway (an invalid UTF-8 byte deep in the file raises
UnicodeDecodeError: let it propagate) the original is left intact and the temporary file is
removed. The new file keeps the original's permission bits. When nothing is replaced, the
original is not touched at all (the same file, the same modification time).

An empty ``old`` or a ``chunk_size`` below 1 is a ValueError; a missing file raises
FileNotFoundError. The check rewrites an 80 MB one-line file within a 64 MB memory limit.
"""

from __future__ import annotations

import os


def replace_in_file(path: str | os.PathLike, old: str, new: str, *, whole_word: bool = False,
                    chunk_size: int = 65536) -> int:
    """Replace every ``old`` with ``new`` in the file, streaming and atomically; return the count."""
    # TODO: read chunks, keep back the tail an occurrence could still start in, write to a temp file.
    raise NotImplementedError

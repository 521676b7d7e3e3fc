"""Replace every occurrence of a whole word in a text file with another word.

    >>> replace_word("story.txt", "story_v2.txt", "cat", "dog")    # returns the replacements made
    2

"The cat sat on the cats' concatenated mat, cat!" becomes
"The dog sat on the cats' concatenated mat, dog!": only the whole word changes.

``replace_word(src, dst, word, replacement)`` reads ``src`` and writes the new text to ``dst``
(both UTF-8, ``str`` or ``pathlib.Path``; ``dst`` may be the same file as ``src``):

- an occurrence of ``word`` counts only when the character just before it and the one just
  after it (if any) are not word characters: letters of any alphabet, digits or '_'. So 'cat'
  is not replaced in 'cats', 'concatenate' or 'cat_2', but is in 'cat.', '(cat)' and "cat's";
- ``word`` is plain text, even when it holds characters a regex would treat specially:
  '3.5' must not match '345', and 'C++' is a word you can replace;
- ``replacement`` is inserted exactly as given, backslashes and all (r'C:\\new' stays that);
- matching is case-sensitive; everything else, line endings included, stays as it was;
- return how many occurrences were replaced;
- an empty ``word`` raises ValueError; a missing ``src`` raises FileNotFoundError and
  creates no ``dst``.
"""

from __future__ import annotations

import os


def replace_word(src: str | os.PathLike, dst: str | os.PathLike, word: str, replacement: str) -> int:
    """Write ``src`` to ``dst`` with every whole ``word`` replaced; return the count."""
    # TODO
    raise NotImplementedError

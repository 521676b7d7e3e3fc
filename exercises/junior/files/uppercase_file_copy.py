"""Read a text file, convert its contents to uppercase and write them to a new file.

    >>> uppercase_copy("shout.txt", "SHOUT.txt")   # returns the characters written
    18

Both files are UTF-8; ``src`` and ``dst`` may be ``str`` or ``pathlib.Path``. Use str.upper(),
which knows every alphabet: 'é' becomes 'É' and 'ß' becomes 'SS' (so the text can get longer;
return the length of what you wrote).

Only the letters change. Everything else stays byte for byte: blank lines, spaces, and the line
endings, whether '\\n' or Windows '\\r\\n'. (Careful: text mode normally turns '\\r\\n' into '\\n'
when reading. Look up open()'s ``newline`` parameter.)

An existing ``dst`` is overwritten. A missing ``src`` raises FileNotFoundError and creates no
``dst``; a ``src`` that is not valid UTF-8 raises UnicodeDecodeError.
"""

from __future__ import annotations

import os


def uppercase_copy(src: str | os.PathLike, dst: str | os.PathLike) -> int:
    """Write ``src``'s text in uppercase to ``dst``; return the number of characters written."""
    # TODO
    raise NotImplementedError

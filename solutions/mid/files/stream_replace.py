"""Find and replace text in a file bigger than memory: streaming, and atomic, so a failure loses nothing."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile


def replace_in_file(path: str | os.PathLike, old: str, new: str, *, whole_word: bool = False,
                    chunk_size: int = 65536) -> int:
    """Replace every ``old`` with ``new`` in the file, streaming and atomically; return the count."""
    if not old:
        raise ValueError("old must not be empty")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)" if whole_word else re.escape(old))
    # a match is only certain once the character after it is known (in whole-word mode)
    lookahead = 1 if whole_word else 0
    mode = os.stat(path).st_mode  # FileNotFoundError before anything is created
    folder = os.path.dirname(os.path.abspath(path))
    # the temporary file sits beside the original: os.replace is only atomic within one file system
    tmp = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder,
                                      prefix=f".{os.path.basename(path)}.", suffix=".tmp", delete=False)
    count = 0
    try:
        with tmp, open(path, encoding="utf-8", newline="") as src:  # newline="": keep \r\n as it is
            prev = ""  # the character just before buf, already written: the lookbehind may need it
            buf = ""   # read but not yet written: an occurrence may start in it and end in the next chunk
            while True:
                chunk = src.read(chunk_size)
                at_end = not chunk
                text = prev + buf + chunk
                pos = len(prev)
                out = []
                while (m := pattern.search(text, pos)) and (at_end or m.end() + lookahead <= len(text)):
                    out.append(text[pos:m.start()])
                    out.append(new)
                    count += 1
                    pos = m.end()
                if at_end:
                    out.append(text[pos:])
                    tmp.write("".join(out))
                    break
                # everything before `cut` is settled: an occurrence starting there would have been
                # found, so keep back only the tail where one could start (and, with it, any match
                # that was found but still needs the character after it)
                cut = max(pos, len(text) - len(old) - lookahead + 1)
                out.append(text[pos:cut])
                tmp.write("".join(out))
                prev, buf = text[cut - 1:cut], text[cut:]
            # (for durability across a power cut you would also tmp.flush() and os.fsync() here)
        if count == 0:
            os.unlink(tmp.name)  # nothing changed: leave the original file alone
        else:
            os.chmod(tmp.name, mode & 0o7777)  # NamedTemporaryFile makes it 0600
            os.replace(tmp.name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp.name)
        raise
    return count

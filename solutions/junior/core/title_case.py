"""Convert a string to title case: the first character of each word upper case, the rest lower."""

from __future__ import annotations


def title_case(text: str) -> str:
    """Return ``text`` with each word's first character upper-cased and the rest lower-cased."""
    out = []
    at_word_start = True  # the first character of the text starts a word
    for ch in text:
        if ch.isspace():
            out.append(ch)  # whitespace is copied exactly and means a new word follows
            at_word_start = True
        else:
            out.append(ch.upper() if at_word_start else ch.lower())
            at_word_start = False
    return "".join(out)
    # A shorter equivalent: re.sub(r"\S+", lambda m: m[0][0].upper() + m[0][1:].lower(), text)

"""Remove all the punctuation from a sentence.

    >>> remove_punctuation("Hello, world!")
    'Hello world'
    >>> remove_punctuation("It's 5 o'clock... (really?)")
    'Its 5 oclock really'

Punctuation means the ASCII punctuation characters listed in string.punctuation:
    !"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~
Everything else stays exactly as it was: letters (accented ones too), digits, and all the
whitespace, even where removing punctuation leaves two spaces side by side.
"""

from __future__ import annotations


def remove_punctuation(sentence: str) -> str:
    """Return ``sentence`` without any of the characters in string.punctuation."""
    # TODO: keep every character that is not punctuation.
    raise NotImplementedError

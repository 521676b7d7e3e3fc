"""Return the first character of a string that occurs in it only once.

    >>> first_non_repeating("swiss")
    'w'
    >>> first_non_repeating("stress")
    't'
    >>> print(first_non_repeating("aabb"))
    None

"First" means the earliest position in the string. Return None when every character repeats
(and for the empty string). Characters are compared exactly as they are: "a" and "A" are
different, and spaces and punctuation are characters too.

It must run in O(n) time: the check gives it a string of 400,000 characters, where calling
text.count() for every character (O(n^2)) takes far too long.
"""

from __future__ import annotations


def first_non_repeating(text: str) -> str | None:
    """Return the first character that appears exactly once in ``text``, or None."""
    # TODO: first count every character, then find the first one whose count is 1.
    raise NotImplementedError

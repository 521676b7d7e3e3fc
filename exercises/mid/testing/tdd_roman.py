"""Test-driven development, in four small steps: Roman numerals. For each step, first write a
test that fails (red), then just enough code to make it pass (green), then tidy up (refactor),
and only then go on to the next step.

    >>> to_roman(1994)
    'MCMXCIV'
    >>> from_roman("MMXXIV")
    2024

The steps, each a rule your tests pin down before your code meets it:

1. ``to_roman(n)`` for numerals that only add up: the symbols I=1, V=5, X=10, L=50, C=100, D=500
   and M=1000, largest first, each as often as needed: 3 is ``"III"``, 8 ``"VIII"``, 60 ``"LX"``,
   2365 ``"MMCCCLXV"``. (Numbers with no 4 or 9 among their digits need nothing else.)
2. The subtractive pairs: 4 is ``"IV"``, 9 ``"IX"``, 40 ``"XL"``, 90 ``"XC"``, 400 ``"CD"``, 900
   ``"CM"``; no other pair is allowed (99 is ``"XCIX"``, never ``"IC"``). Now every n in
   1..3999 works: 1994 is ``"MCMXCIV"``, 3999 ``"MMMCMXCIX"``.
3. The errors: ``to_roman`` raises ValueError for a number outside 1..3999 (0, 4000, -5), and
   TypeError for anything that is not an int (``3.0``, ``"3"``, ``True``).
4. ``from_roman(s)``: the inverse, ``from_roman(to_roman(n)) == n``. Only numerals exactly as
   ``to_roman`` writes them are accepted: ValueError for anything else (``""``, ``"IIII"``,
   ``"IC"``, ``"VV"``, ``"MMMM"``, lowercase ``"iv"``); TypeError if ``s`` is not a str.

Your tests: name them after their step: ``test_step1_...``, ``test_step2_...``, ``test_step3_...``
and ``test_step4_...`` (as many of each as you like, pytest functions calling ``to_roman`` and
``from_roman`` by name). pyex checks your code, then runs your tests against a correct
implementation (they must all pass) and against versions with one bug planted in each step's
rule: the tests of each step must catch at least one of that step's bugs, and all your tests
together at least 90% of all the bugs.

Run them yourself:  python -m pytest tdd_roman.py   (from this folder)
"""

from __future__ import annotations

import pytest


def to_roman(n: int) -> str:
    """The Roman numeral for ``n`` in 1..3999."""
    raise NotImplementedError


def from_roman(s: str) -> int:
    """The number a canonical Roman numeral stands for."""
    raise NotImplementedError


# -- your tests, one step at a time ---------------------------------------------------------------
# TODO: replace each placeholder with tests for its step, before writing the code for it. E.g.
#
#     def test_step1_ones_add_up():
#         assert to_roman(3) == "III"

def test_step1_placeholder():
    raise NotImplementedError("write the tests of step 1 here")


def test_step2_placeholder():
    raise NotImplementedError("write the tests of step 2 here")


def test_step3_placeholder():
    raise NotImplementedError("write the tests of step 3 here")


def test_step4_placeholder():
    raise NotImplementedError("write the tests of step 4 here")

"""Test-driven development, in four small steps: Roman numerals."""

from __future__ import annotations

import re

import pytest

# Largest first, the six subtractive pairs in their places: greedy subtraction then writes every
# number canonically (step 1 needed only the seven single symbols; step 2 added the pairs).
_VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

# What to_roman can write: thousands, then hundreds, tens and ones, each in one of its forms.
_CANONICAL = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_SYMBOL = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    """The Roman numeral for ``n`` in 1..3999."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"to_roman() needs an int, not {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals go from 1 to 3999, got {n}")
    parts = []
    for value, symbols in _VALUES:
        count, n = divmod(n, value)
        parts.append(symbols * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    """The number a canonical Roman numeral stands for."""
    if not isinstance(s, str):
        raise TypeError(f"from_roman() needs a str, not {type(s).__name__}")
    if not s or not _CANONICAL.fullmatch(s):
        raise ValueError(f"not a Roman numeral as to_roman writes them: {s!r}")
    # A symbol smaller than the one after it is subtracted (the I of IV), any other added.
    total = 0
    for symbol, following in zip(s, s[1:] + " "):
        value = _SYMBOL[symbol]
        total += -value if value < _SYMBOL.get(following, 0) else value
    return total


# -- the tests, in the order they were written ----------------------------------------------------
@pytest.mark.parametrize("n, want", [(1, "I"), (3, "III"), (5, "V"), (8, "VIII"), (10, "X"), (60, "LX"),
                                     (100, "C"), (500, "D"), (1000, "M"), (2365, "MMCCCLXV"), (3888, "MMMDCCCLXXXVIII")])
def test_step1_symbols_add_up_largest_first(n, want):
    assert to_roman(n) == want


@pytest.mark.parametrize("n, want", [(4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"), (99, "XCIX"),
                                     (400, "CD"), (900, "CM"), (999, "CMXCIX"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX")])
def test_step2_subtractive_pairs(n, want):
    assert to_roman(n) == want


@pytest.mark.parametrize("n", [0, -5, 4000])
def test_step3_out_of_range(n):
    with pytest.raises(ValueError):
        to_roman(n)


@pytest.mark.parametrize("n", [3.0, "3", True, None])
def test_step3_not_an_int(n):
    with pytest.raises(TypeError):
        to_roman(n)


def test_step4_round_trip():
    for n in range(1, 4000):
        assert from_roman(to_roman(n)) == n


@pytest.mark.parametrize("s", ["", "IIII", "IC", "VV", "MMMM", "iv", "XIIII", "IM", " X"])
def test_step4_non_canonical_is_refused(s):
    with pytest.raises(ValueError):
        from_roman(s)


def test_step4_not_a_str():
    with pytest.raises(TypeError):
        from_roman(4)

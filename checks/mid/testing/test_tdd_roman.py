"""The learner's code is checked against an oracle; then the learner's tests, step by step, are run
against a correct implementation (all must pass) and against bugs planted in each step's rule."""

import math
import re

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import PlantedBugs, assert_raises
from tdd_roman import from_roman, to_roman

PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def oracle(n):
    """Digit by digit, a different way from the greedy one."""
    out = []
    for unit, (one, five, ten) in ((1000, "M??"), (100, "CDM"), (10, "XLC"), (1, "IVX")):
        d, n = divmod(n, unit)
        out.append(["", one, one * 2, one * 3, one + five, five, five + one, five + one * 2, five + one * 3,
                    one + ten][d] if unit < 1000 else "M" * d)
    return "".join(out)


ALL = {oracle(n): n for n in range(1, 4000)}


# -- the code -------------------------------------------------------------------------------------
def test_to_roman_examples():
    """the docstring's numerals, step 1 and step 2"""
    for n, want in [(3, "III"), (8, "VIII"), (60, "LX"), (2365, "MMCCCLXV"), (4, "IV"), (9, "IX"), (40, "XL"),
                    (90, "XC"), (400, "CD"), (900, "CM"), (99, "XCIX"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX")]:
        got = to_roman(n)
        assert type(got) is str and got == want, f"to_roman({n}) should be {want!r}, got {got!r}"


def test_to_roman_every_number():
    """to_roman is right for every n in 1..3999"""
    for n in range(1, 4000):
        got = to_roman(n)
        assert got == oracle(n), f"to_roman({n}) should be {oracle(n)!r}, got {got!r}"


def test_to_roman_errors():
    """step 3: ValueError outside 1..3999, TypeError for non-ints"""
    assert to_roman(1) == "I", "to_roman(1) should be 'I'"
    for n in (0, -1, -5, 4000, 10**6):
        assert_raises(ValueError, lambda: to_roman(n), f"to_roman({n}) must raise ValueError: numerals go from 1 to 3999")
    for n in (3.0, "3", True, None):
        assert_raises(TypeError, lambda: to_roman(n), f"to_roman({n!r}) must raise TypeError: only ints are numbers here")


def test_from_roman_round_trip():
    """step 4: from_roman(to_roman(n)) == n for every n"""
    for text, n in ALL.items():
        got = from_roman(text)
        assert type(got) is int and got == n, f"from_roman({text!r}) should be {n}, got {got!r}"


def test_from_roman_refuses():
    """step 4: non-canonical numerals, other characters and non-strings"""
    assert from_roman("I") == 1, "from_roman('I') should be 1"
    for s in ("", "IIII", "IC", "VV", "MMMM", "iv", "XIIII", "IM", "VX", "IIV", "CMC", " X", "X ", "XLX", "DD", "IXI"):
        assert_raises(ValueError, lambda: from_roman(s), f"from_roman({s!r}) must raise ValueError: to_roman never writes it")
    for s in (4, None, b"IV"):
        assert_raises(TypeError, lambda: from_roman(s), f"from_roman({s!r}) must raise TypeError")


@given(st.text(alphabet="IVXLCDM", max_size=9))
def test_from_roman_accepts_exactly_canonical(s):
    """any string of Roman symbols: accepted exactly when to_roman would write it"""
    from_roman("I")
    if s in ALL:
        got = from_roman(s)
        assert got == ALL[s], f"from_roman({s!r}) should be {ALL[s]}, got {got!r}"
    else:
        assert_raises(ValueError, lambda: from_roman(s), f"from_roman({s!r}) must raise ValueError: it is not canonical")


# -- the learner's tests --------------------------------------------------------------------------
def make(step1="", step2="", step3="", step4=""):
    """to_roman and from_roman, correct unless a bug is named for a step."""
    pairs = PAIRS
    if step1 == "no_L":
        pairs = [p for p in pairs if p[1] != "L"]
    if step1 == "no_D":
        pairs = [p for p in pairs if p[1] != "D"]
    if step2 == "no_fours":
        pairs = [p for p in pairs if p[1] not in ("IV", "XL", "CD")]
    if step2 == "no_900":
        pairs = [p for p in pairs if p[1] != "CM"]
    if step2 == "any_pair":
        pairs = sorted(pairs + [(999, "IM"), (990, "XM"), (499, "ID"), (99, "IC"), (490, "XD"), (49, "IL")], reverse=True)

    def to_roman(n):
        if step3 == "float_ok" and isinstance(n, (float, str)):
            n = int(float(n))
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError("not an int")
        if not (0 if step3 == "zero_ok" else 1) <= n <= (4000 if step3 == "4000_ok" else 3999):
            raise ValueError("out of range")
        out = []
        for value, symbols in pairs:
            count, n = divmod(n, value)
            out.append(symbols * count)
        return "".join(out)[::-1] if step1 == "ascending" else "".join(out)

    symbol = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    canonical = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")

    def from_roman(s):
        if not isinstance(s, str):
            raise TypeError("not a str")
        if step4 == "lowercase_ok":
            s = s.upper()
        if step4 == "empty_is_zero" and s == "":
            return 0
        if step4 != "lenient" and (not s or not canonical.fullmatch(s)):
            raise ValueError("not canonical")
        total = 0
        for a, b in zip(s, s[1:] + " "):
            if a not in symbol:
                raise ValueError("not a numeral")
            value = symbol[a]
            total += -value if value < symbol.get(b, 0) and step4 != "all_add" else value
        return total

    return {"to_roman": to_roman, "from_roman": from_roman}


STEP_BUGS = {
    1: {"ascending": "writes the symbols smallest first (8 becomes 'IIIV')",
        "no_L": "has no L: 50 becomes 'XXXXX'",
        "no_D": "has no D: 500 becomes 'CCCCC'"},
    2: {"no_fours": "has no IV, XL or CD: 4 becomes 'IIII', 40 'XXXX'",
        "no_900": "has no CM: 900 becomes 'DCCCC'",
        "any_pair": "uses pairs that are not allowed: 99 becomes 'IC', 999 'IM'"},
    3: {"zero_ok": "to_roman(0) returns '' instead of raising ValueError",
        "4000_ok": "to_roman(4000) returns 'MMMM' instead of raising ValueError",
        "float_ok": "to_roman(3.0) and to_roman('3') return 'III' instead of raising TypeError"},
    4: {"lenient": "from_roman accepts numerals to_roman never writes ('IIII' gives 4, 'IC' 99)",
        "lowercase_ok": "from_roman('iv') returns 4 instead of raising ValueError",
        "empty_is_zero": "from_roman('') returns 0 instead of raising ValueError",
        "all_add": "from_roman adds every symbol: 'IV' gives 6"},
}
PLANTED = {f"step{step}:{name}": (make(**{f"step{step}": name}), what)
           for step, bugs in STEP_BUGS.items() for name, what in bugs.items()}
suite = PlantedBugs(make(), PLANTED, min_tests=4)


def caught_by(bug):
    """The names of the learner's tests that fail with ``bug`` planted."""
    run = suite.run(bug)
    if run.not_written:
        raise NotImplementedError(f"{run.not_written[0]} still raises NotImplementedError")
    return list(run.failed)


def test_your_tests_pass_on_correct_code():
    """your tests all pass on a correct implementation, and every step has at least one"""
    run = suite.check_correct()
    for step in STEP_BUGS:
        if not any(name.startswith(f"test_step{step}") for name in run.passed):
            pytest.fail(f"there is no test for step {step}: name the tests of each step test_step{step}_...",
                        pytrace=False)


@pytest.mark.parametrize("step", list(STEP_BUGS))
def test_each_step_catches_its_bugs(step):
    """the tests of each step catch at least one bug planted in that step's rule"""
    suite.check_correct()
    caught = [name for name in STEP_BUGS[step]
              if any(t.startswith(f"test_step{step}") for t in caught_by(f"step{step}:{name}"))]
    if not caught:
        missed = "; ".join(STEP_BUGS[step].values())
        pytest.fail(f"your test_step{step}_... tests catch none of the bugs planted in step {step}'s rule. Each of "
                    f"these passes them: {missed}. Write a failing test for the rule first, then the code",
                    pytrace=False)


def test_tests_catch_nine_in_ten():
    """all your tests together catch at least 90% of the planted bugs"""
    suite.check_correct()
    missed = [what for bug, (_, what) in PLANTED.items() if not caught_by(bug)]
    need = math.ceil(0.9 * len(PLANTED))
    if len(PLANTED) - len(missed) < need:
        pytest.fail(f"your tests catch {len(PLANTED) - len(missed)} of {len(PLANTED)} planted bugs; they need to "
                    f"catch {need}. These pass all your tests: " + "; ".join(f"a version that {m}" for m in missed),
                    pytrace=False)

"""The learner's unittest tests are run against the correct is_leap_year (all must pass) and
against planted bugs (each must make at least one test fail)."""

import importlib.util
import itertools
import sys
import traceback
import unittest

import pytest

import leap_year_unittest
from pyexercise.checklib import target_path


def _check_year(year):
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("year must be an int")
    if year < 1:
        raise ValueError("years start at 1")


def correct(year):
    _check_year(year)
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def only_divisible_by_4(year):
    _check_year(year)
    return year % 4 == 0


def forgets_400_rule(year):
    _check_year(year)
    return year % 4 == 0 and year % 100 != 0


def only_divisible_by_400(year):
    _check_year(year)
    return year % 400 == 0


def always_false(year):
    _check_year(year)
    return False


def always_true(year):
    _check_year(year)
    return True


def accepts_zero_and_negative(year):
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("year must be an int")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def rejects_year_1(year):
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("year must be an int")
    if year <= 1:
        raise ValueError("years start at 1")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def accepts_floats(year):
    if year < 1:
        raise ValueError("years start at 1")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def wrong_error_for_zero(year):
    if isinstance(year, bool) or not isinstance(year, int) or year < 1:
        raise TypeError("bad year")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


BUGS = {
    "only_divisible_by_4": (only_divisible_by_4, "treats every year divisible by 4 as leap, 1900 too"),
    "forgets_400_rule": (forgets_400_rule, "forgets that years divisible by 400 are leap (says 2000 is not)"),
    "only_divisible_by_400": (only_divisible_by_400, "only counts years divisible by 400 (says 2024 is not leap)"),
    "always_false": (always_false, "always returns False"),
    "always_true": (always_true, "always returns True"),
    "accepts_zero_and_negative": (accepts_zero_and_negative, "returns an answer for year 0 and negative years instead of raising ValueError"),
    "rejects_year_1": (rejects_year_1, "raises ValueError for year 1, the first valid year (an off-by-one)"),
    "accepts_floats": (accepts_floats, "accepts a float like 2024.0 instead of raising TypeError"),
    "wrong_error_for_zero": (wrong_error_for_zero, "raises TypeError instead of ValueError for year 0"),
}


class Recorder(unittest.TestResult):
    """A TestResult that keeps each problem's exception object, not just its traceback text."""

    def __init__(self):
        super().__init__()
        self.problems = []  # (test id, exception)
        self.ran_ids = []

    def startTest(self, test):
        super().startTest(test)
        self.ran_ids.append(test.id())

    def addError(self, test, err):
        super().addError(test, err)
        self.problems.append((test.id(), err[1]))

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.problems.append((test.id(), err[1]))

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.problems.append((subtest.id(), err[1]))


_copies = itertools.count()


def run_learner_tests(impl):
    """Import a fresh copy of the learner's file, swap in ``impl`` for is_leap_year, run its tests."""
    name = f"_pyex_leap_copy_{next(_copies)}"
    spec = importlib.util.spec_from_file_location(name, target_path())
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        module.is_leap_year = impl
        suite = unittest.TestLoader().loadTestsFromModule(module)
        result = Recorder()
        suite.run(result)
    finally:
        sys.modules.pop(name, None)
    for test_id, exc in result.problems:
        if isinstance(exc, NotImplementedError):
            raise NotImplementedError(f"{test_id.split('.')[-1]} still raises NotImplementedError: "
                                      "replace the placeholder with your tests") from exc
    return result


def describe(problems, limit=3):
    lines = []
    for test_id, exc in problems[:limit]:
        lines.append(f"  {short_id(test_id)}: " + "".join(traceback.format_exception_only(type(exc), exc)).strip())
    return "\n".join(lines)


def test_function_left_unchanged():
    """is_leap_year itself is still the correct function you were given"""
    run_learner_tests(correct)  # your tests first
    given = leap_year_unittest.is_leap_year
    for year in list(range(1, 2501)) + [10**6, 10**6 + 4, 4 * 10**9]:
        if given(year) is not correct(year):
            pytest.fail(f"is_leap_year({year}) now returns {given(year)!r}: leave the function as it was "
                        "(pyex reset leap_year_unittest brings the stub back) and test it instead")
    for bad, error in [(0, ValueError), (-4, ValueError), (-400, ValueError), (2024.0, TypeError),
                       ("2024", TypeError), (True, TypeError), (None, TypeError)]:
        try:
            given(bad)
        except error:
            continue
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"is_leap_year({bad!r}) now raises {type(exc).__name__}, not {error.__name__}: "
                        "leave the function as it was")
        pytest.fail(f"is_leap_year({bad!r}) no longer raises {error.__name__}: leave the function as it was")


def short_id(test_id):
    return test_id.split(".", 1)[-1]  # drop the module copy's name


def bad_on_correct_code():
    """The learner's tests that fail on the correct code (they cannot count as catching bugs)."""
    return {short_id(test_id) for test_id, _ in run_learner_tests(correct).problems}


def test_tests_pass_on_correct_code():
    """your tests all pass on the correct is_leap_year"""
    result = run_learner_tests(correct)
    if result.testsRun == 0:
        pytest.fail("no tests were found: write methods named test_... in a class that subclasses unittest.TestCase")
    if result.problems:
        pytest.fail("these tests fail on the correct is_leap_year, so what they expect is wrong:\n"
                    + describe(result.problems))
    if result.skipped:
        pytest.fail(f"{len(result.skipped)} test(s) were skipped: a skipped test checks nothing")
    if result.expectedFailures or result.unexpectedSuccesses:
        pytest.fail("don't mark tests with @expectedFailure: every test should simply pass on the correct code")


def test_a_few_tests():
    """there are at least three test methods: one per rule is a good start"""
    result = run_learner_tests(correct)
    if result.testsRun < 3:
        pytest.fail(f"found {result.testsRun} test method(s); write at least three, each checking one rule "
                    "(leap every 4 years, not on centuries, yes every 400 years, the errors)")


@pytest.mark.parametrize("bug", list(BUGS))
def test_catches_bug(bug):
    """your tests catch a planted bug: at least one of them fails"""
    impl, what = BUGS[bug]
    result = run_learner_tests(impl)
    if result.testsRun == 0:
        pytest.fail("no tests were found in your TestCase")
    wrong = bad_on_correct_code()
    caught = [short_id(test_id) for test_id, _ in result.problems if short_id(test_id) not in wrong]
    if not caught:
        pytest.fail(f"a buggy is_leap_year that {what} passes all your tests"
                    + (" (not counting those that fail on the correct code too)" if wrong else "")
                    + ". Add a test that this version would fail, and call is_leap_year by its name in it.")

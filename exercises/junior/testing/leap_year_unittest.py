"""Write a few unit tests, with `unittest`, for the function `is_leap_year` below.

`is_leap_year` is already correct; don't change it. Your job is the `TestIsLeapYear` class:
write test methods (their names start with `test_`) that would catch a wrong `is_leap_year`.

pyex grades your tests by running them twice over: against the correct function (every test
must pass) and against several buggy versions of it (each bug must make at least one of your
tests fail). Write at least three test methods, and call the function by its name,
`is_leap_year(...)`: that is how pyex swaps the buggy versions in.

The rules the function follows (the Gregorian calendar):
  - a year divisible by 4 is a leap year (2024),
  - except a year divisible by 100, which is not (1900),
  - except a year divisible by 400, which is (2000);
  - years start at 1: 0 or a negative year raises ValueError, and a year that is not an int
    (a float, a string, a bool) raises TypeError.

Run your tests yourself:  python -m unittest -v leap_year_unittest   (from this folder)
"""

from __future__ import annotations

import unittest


def is_leap_year(year: int) -> bool:
    """True if ``year`` is a leap year in the Gregorian calendar.

    Raises TypeError if ``year`` is not an int, ValueError if it is less than 1.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int, not {type(year).__name__}")
    if year < 1:
        raise ValueError(f"years start at 1, got {year}")
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class TestIsLeapYear(unittest.TestCase):
    # TODO: replace this placeholder with your tests. A first one could be:
    #
    #     def test_year_divisible_by_4_is_leap(self):
    #         self.assertTrue(is_leap_year(2024))
    #
    def test_placeholder(self):
        raise NotImplementedError("write your tests in place of this placeholder")


if __name__ == "__main__":
    unittest.main()

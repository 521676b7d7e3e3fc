"""Write a few unit tests, with `unittest`, for the function `is_leap_year` below."""

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
    # One test per rule, named after the rule: when one fails, its name says which rule broke.

    def test_divisible_by_4_is_leap(self):
        self.assertIs(is_leap_year(2024), True)  # assertIs: True itself, not just something truthy

    def test_not_divisible_by_4_is_not_leap(self):
        self.assertIs(is_leap_year(2023), False)

    def test_century_is_not_leap(self):
        self.assertIs(is_leap_year(1900), False)

    def test_every_400_years_is_leap(self):
        self.assertIs(is_leap_year(2000), True)

    def test_year_1_is_the_first_valid_year(self):
        # test both sides of a boundary: the last valid value and the first invalid one
        self.assertIs(is_leap_year(1), False)
        with self.assertRaises(ValueError):
            is_leap_year(0)

    def test_negative_years_are_rejected(self):
        with self.assertRaises(ValueError):
            is_leap_year(-4)  # divisible by 4: without the check it would answer True

    def test_non_int_years_are_rejected(self):
        for year in (2024.0, "2024", None):
            with self.subTest(year=year):  # each value is reported on its own if it fails
                with self.assertRaises(TypeError):
                    is_leap_year(year)


if __name__ == "__main__":
    unittest.main()

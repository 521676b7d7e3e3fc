"""Validate a user record with custom exceptions: a small error hierarchy, ``raise ... from`` to
keep the original cause, and an ExceptionGroup that reports every problem at once. Then write
pytest tests that pin the behaviour down.

    >>> validate_user({"name": " Ada ", "age": "36", "email": "ada@example.org"})
    User(name='Ada', age=36, email='ada@example.org')
    >>> parse_age("forty")
    Traceback (most recent call last):
    ...
    validation_errors.WrongType: age: not a whole number: 'forty'
    >>> error_report({"name": "", "age": 200})
    {'name': 'BadFormat', 'age': 'OutOfRange', 'email': 'MissingField'}

The exceptions: ``ValidationError(field, message)`` is a ValueError whose ``str()`` is
``"<field>: <message>"`` and which keeps ``.field`` and ``.message``. Four subclasses say what
went wrong: ``MissingField``, ``WrongType``, ``OutOfRange`` and ``BadFormat``.

- ``parse_age(value)``: an ``int`` (not a bool) is taken as it is; a ``str`` is read with
  ``int()`` (surrounding spaces are fine). A string ``int()`` refuses raises ``WrongType("age",
  ...)`` *from* the ValueError ``int()`` raised, so ``err.__cause__`` is that ValueError. Any
  other type (float, bool, None...) raises ``WrongType("age", ...)`` with no cause. An age
  outside 0..150 (both included) raises ``OutOfRange("age", ...)``.
- ``validate_user(data)``: checks the fields of the mapping ``data`` in the order name, age,
  email, and returns a ``User``. ``name``: a str, stripped of surrounding spaces, not empty
  (else ``BadFormat``). ``age``: as ``parse_age``. ``email``: a str with exactly one ``@``,
  something on both sides and no spaces (else ``BadFormat``). A missing key raises
  ``MissingField``; a value of the wrong type ``WrongType``. Every problem is found, not just
  the first: if there are any, raise ``ExceptionGroup("invalid user", [...])`` with one
  exception per bad field, in field order. Other keys are ignored.
- ``error_report(data)``: ``{}`` if ``validate_user(data)`` succeeds, else a dict from each bad
  field to the name of its exception class, in field order. Use ``except*``; exceptions that
  are not ValidationErrors are not caught.

Then the tests: write at least five pytest test functions (named ``test_...``) below, calling
the functions and classes by their names. pyex runs them against a correct implementation (they
must all pass) and against versions with a bug planted in them (each bug must make one of your
tests fail), so pin down every rule above: the boundaries, ``__cause__``, and what the
ExceptionGroup holds. ``pytest.raises(ExceptionGroup)`` gives you the group as ``info.value``;
its ``.exceptions`` is the tuple of the errors inside.

Run them yourself:  python -m pytest validation_errors.py   (from this folder)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import pytest


class ValidationError(ValueError):
    """A field of the input is not valid; str() is "<field>: <message>"."""

    def __init__(self, field: str, message: str) -> None:
        raise NotImplementedError


class MissingField(ValidationError):
    """The field is not there at all."""


class WrongType(ValidationError):
    """The field's value has the wrong type (or is not a number where one is needed)."""


class OutOfRange(ValidationError):
    """The field's value is a number outside its range."""


class BadFormat(ValidationError):
    """The field's value has the right type but the wrong shape."""


@dataclass(frozen=True)
class User:
    name: str
    age: int
    email: str


def parse_age(value: object) -> int:
    """The age in ``value`` (an int, or a str of one), 0..150; WrongType or OutOfRange otherwise."""
    raise NotImplementedError


def validate_user(data: Mapping[str, Any]) -> User:
    """A User from ``data``, or an ExceptionGroup of every ValidationError found."""
    raise NotImplementedError


def error_report(data: Mapping[str, Any]) -> dict[str, str]:
    """Each bad field of ``data`` mapped to the name of its exception class ({} if valid)."""
    raise NotImplementedError


# -- your tests -----------------------------------------------------------------------------------
# TODO: replace the placeholder with at least five tests. For example:
#
#     def test_age_from_text():
#         assert parse_age(" 42 ") == 42
#
#     def test_bad_age_keeps_its_cause():
#         with pytest.raises(WrongType) as info:
#             parse_age("forty")
#         assert isinstance(info.value.__cause__, ValueError)

def test_placeholder():
    raise NotImplementedError("write your tests in place of this placeholder")

"""Validate a user record with custom exceptions: a small error hierarchy, ``raise ... from`` to
keep the original cause, and an ExceptionGroup that reports every problem at once. Then write
pytest tests that pin the behaviour down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import pytest


class ValidationError(ValueError):
    """A field of the input is not valid; str() is "<field>: <message>"."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


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
    if isinstance(value, str):
        try:
            age = int(value)
        except ValueError as err:
            # `from err` records the low-level error as __cause__: the traceback shows both.
            raise WrongType("age", f"not a whole number: {value!r}") from err
    elif isinstance(value, int) and not isinstance(value, bool):  # bool is an int subclass
        age = value
    else:
        raise WrongType("age", f"expected an int or a str, got {type(value).__name__}")
    if not 0 <= age <= 150:
        raise OutOfRange("age", f"must be between 0 and 150, got {age}")
    return age


def _name(value: object) -> str:
    if not isinstance(value, str):
        raise WrongType("name", f"expected a str, got {type(value).__name__}")
    name = value.strip()
    if not name:
        raise BadFormat("name", "must not be empty")
    return name


def _email(value: object) -> str:
    if not isinstance(value, str):
        raise WrongType("email", f"expected a str, got {type(value).__name__}")
    local, at, domain = value.partition("@")
    if not (at and local and domain) or "@" in domain or " " in value:
        raise BadFormat("email", f"not an address: {value!r}")
    return value


_FIELDS = {"name": _name, "age": parse_age, "email": _email}


def validate_user(data: Mapping[str, Any]) -> User:
    """A User from ``data``, or an ExceptionGroup of every ValidationError found."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for field, check in _FIELDS.items():
        if field not in data:
            errors.append(MissingField(field, "is required"))
            continue
        try:
            values[field] = check(data[field])
        except ValidationError as err:
            errors.append(err)  # keep going: the caller wants every problem at once
    if errors:
        raise ExceptionGroup("invalid user", errors)
    return User(**values)


def error_report(data: Mapping[str, Any]) -> dict[str, str]:
    """Each bad field of ``data`` mapped to the name of its exception class ({} if valid)."""
    report: dict[str, str] = {}
    try:
        validate_user(data)
    except* ValidationError as group:  # only the ValidationErrors; anything else propagates
        for err in group.exceptions:
            report[err.field] = type(err).__name__
    return report


# -- the tests ------------------------------------------------------------------------------------
def test_valid_user_is_cleaned_up():
    user = validate_user({"name": "  Ada ", "age": " 36", "email": "ada@example.org", "extra": 1})
    assert user == User(name="Ada", age=36, email="ada@example.org")
    assert type(user.age) is int


def test_error_str_and_fields():
    err = OutOfRange("age", "too old")
    assert isinstance(err, ValidationError) and isinstance(err, ValueError)
    assert (str(err), err.field, err.message) == ("age: too old", "age", "too old")


@pytest.mark.parametrize("age", [0, 150, "0", "150"])
def test_age_boundaries_are_accepted(age):
    assert parse_age(age) == int(age)


@pytest.mark.parametrize("age", [-1, 151, "-1", "151"])
def test_age_outside_range_is_refused(age):
    with pytest.raises(OutOfRange):
        parse_age(age)


def test_unreadable_age_keeps_its_cause():
    with pytest.raises(WrongType) as info:
        parse_age("12.5")
    assert isinstance(info.value.__cause__, ValueError)  # raise ... from err


@pytest.mark.parametrize("age", [36.0, True, None])
def test_age_of_wrong_type_has_no_cause(age):
    with pytest.raises(WrongType) as info:
        parse_age(age)
    assert info.value.__cause__ is None


def test_every_problem_is_reported_in_field_order():
    with pytest.raises(ExceptionGroup) as info:
        validate_user({"name": " ", "age": 200})
    errors = info.value.exceptions
    assert [type(e) for e in errors] == [BadFormat, OutOfRange, MissingField]
    assert [e.field for e in errors] == ["name", "age", "email"]


@pytest.mark.parametrize("email", ["ada.example.org", "@example.org", "ada@", "a@b@c", "ada @example.org"])
def test_bad_emails(email):
    with pytest.raises(ExceptionGroup) as info:
        validate_user({"name": "Ada", "age": 36, "email": email})
    assert [type(e) for e in info.value.exceptions] == [BadFormat]


def test_wrong_types_in_the_record():
    with pytest.raises(ExceptionGroup) as info:
        validate_user({"name": 7, "age": [], "email": None})
    assert [type(e) for e in info.value.exceptions] == [WrongType] * 3


def test_error_report():
    assert error_report({"name": "Ada", "age": 36, "email": "ada@example.org"}) == {}
    assert error_report({"age": "x", "email": "nope"}) == {"name": "MissingField", "age": "WrongType",
                                                           "email": "BadFormat"}

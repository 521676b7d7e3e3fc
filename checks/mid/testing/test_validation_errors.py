"""The learner's code is tested directly; then the learner's tests are run against a correct
implementation (all must pass) and against planted bugs (each must be caught)."""

import pytest

from pyexercise.checklib import PlantedBugs, assert_raises
from validation_errors import (BadFormat, MissingField, OutOfRange, User, ValidationError, WrongType, error_report,
                               parse_age, validate_user)

VALID = {"name": "Ada", "age": 36, "email": "ada@example.org"}


def group_of(data):
    """The ExceptionGroup validate_user(data) raises (fails the test if it raises anything else)."""
    try:
        got = validate_user(data)
    except ExceptionGroup as group:
        return group
    except NotImplementedError:
        raise
    except Exception as err:  # noqa: BLE001
        pytest.fail(f"validate_user({data!r}) raised {type(err).__name__}: {err}; every problem should come in an "
                    "ExceptionGroup('invalid user', [...]), even a single one", pytrace=False)
    pytest.fail(f"validate_user({data!r}) returned {got!r} instead of raising an ExceptionGroup", pytrace=False)


def kinds(group):
    return [(type(e).__name__, getattr(e, "field", None)) for e in group.exceptions]


# -- the code -------------------------------------------------------------------------------------
def test_error_classes():
    """ValidationError is a ValueError with field and message; four subclasses"""
    err = ValidationError("age", "too old")
    assert isinstance(err, ValueError), "ValidationError should subclass ValueError"
    assert str(err) == "age: too old", f"str(ValidationError('age', 'too old')) should be 'age: too old', got {str(err)!r}"
    assert (err.field, err.message) == ("age", "too old"), "a ValidationError keeps .field and .message"
    for cls in (MissingField, WrongType, OutOfRange, BadFormat):
        assert issubclass(cls, ValidationError), f"{cls.__name__} should subclass ValidationError"
        assert str(cls("email", "x")) == "email: x", f"{cls.__name__} should build its str() like ValidationError"


def test_parse_age_accepts():
    """ints and numeric strings in 0..150, boundaries included"""
    for value, want in [(0, 0), (150, 150), (36, 36), ("36", 36), (" 42 ", 42), ("0", 0), ("150", 150), ("+7", 7)]:
        got = parse_age(value)
        assert type(got) is int and got == want, f"parse_age({value!r}) should be {want!r}, got {got!r}"


def test_parse_age_out_of_range():
    """-1 and 151 are out of range, as ints and as strings"""
    parse_age(0)
    for value in (-1, 151, "-1", "151", 10**9):
        err = assert_raises(OutOfRange, lambda: parse_age(value), f"parse_age({value!r}) must raise OutOfRange")
        assert err.field == "age", f"the OutOfRange from parse_age should have field 'age', got {err.field!r}"


def test_parse_age_unreadable_keeps_cause():
    """a string int() refuses raises WrongType from int()'s ValueError"""
    parse_age("1")
    for value in ("forty", "12.5", "", "1_0x"):
        err = assert_raises(WrongType, lambda: parse_age(value), f"parse_age({value!r}) must raise WrongType")
        assert err.field == "age", f"the WrongType should have field 'age', got {err.field!r}"
        assert type(err.__cause__) is ValueError, (
            f"parse_age({value!r}): the WrongType's __cause__ should be the ValueError int() raised, got "
            f"{err.__cause__!r}: write `except ValueError as err: raise WrongType(...) from err`")


def test_parse_age_wrong_types():
    """floats, bools, None: WrongType with no cause"""
    parse_age(1)
    for value in (36.0, True, False, None, [36]):
        err = assert_raises(WrongType, lambda: parse_age(value), f"parse_age({value!r}) must raise WrongType")
        assert err.__cause__ is None, f"parse_age({value!r}) has nothing to chain: __cause__ should be None"


def test_valid_user():
    """a valid record becomes a User; the name is stripped, other keys ignored"""
    got = validate_user({"name": "  Ada ", "age": " 36", "email": "ada@example.org", "role": "admin"})
    want = User(name="Ada", age=36, email="ada@example.org")
    assert type(got) is User and got == want, f"validate_user(...) should be {want!r}, got {got!r}"
    assert type(got.age) is int, "age should be an int"


def test_every_problem_in_one_group():
    """all bad fields are reported at once, in field order"""
    group = group_of({"name": "   ", "age": 200})
    assert group.message == "invalid user", f"the group's message should be 'invalid user', got {group.message!r}"
    want = [("BadFormat", "name"), ("OutOfRange", "age"), ("MissingField", "email")]
    assert kinds(group) == want, f"expected {want}, got {kinds(group)}"
    group = group_of({})
    want = [("MissingField", "name"), ("MissingField", "age"), ("MissingField", "email")]
    assert kinds(group) == want, f"an empty record is missing all three fields: expected {want}, got {kinds(group)}"


def test_single_problem_is_a_group_too():
    """one bad field still comes as an ExceptionGroup, with the cause kept"""
    group = group_of({**VALID, "age": "old"})
    assert kinds(group) == [("WrongType", "age")], f"expected one WrongType for age, got {kinds(group)}"
    assert type(group.exceptions[0].__cause__) is ValueError, "the WrongType inside the group keeps its __cause__"


def test_field_types_and_formats():
    """wrong types and bad email shapes"""
    group = group_of({"name": 7, "age": None, "email": ["a@b"]})
    want = [("WrongType", "name"), ("WrongType", "age"), ("WrongType", "email")]
    assert kinds(group) == want, f"expected {want}, got {kinds(group)}"
    for email in ("ada.example.org", "@example.org", "ada@", "a@b@c", "ada @example.org", ""):
        group = group_of({**VALID, "email": email})
        assert kinds(group) == [("BadFormat", "email")], f"email {email!r} should be a BadFormat, got {kinds(group)}"


def test_error_report():
    """error_report maps bad fields to class names; other errors pass through"""
    assert error_report(VALID) == {}, "a valid record has an empty report"
    got = error_report({"name": "", "age": 200})
    want = {"name": "BadFormat", "age": "OutOfRange", "email": "MissingField"}
    assert got == want and list(got) == list(want), f"expected {want}, got {got}"
    assert_raises(TypeError, lambda: error_report(None),
                  "error_report(None) should let the TypeError through: except* ValidationError catches only those")


# -- the learner's tests --------------------------------------------------------------------------
class C:
    """A correct implementation, with switches that plant one bug each."""

    def __init__(self, **bugs):
        self.bugs = bugs

    def parse_age(self, value):
        b = self.bugs
        if isinstance(value, str):
            try:
                age = int(float(value)) if b.get("float_text") else int(value)
            except ValueError as err:
                if b.get("no_cause"):
                    raise WrongType("age", f"not a whole number: {value!r}") from None
                raise WrongType("age", f"not a whole number: {value!r}") from err
        elif isinstance(value, int) and (b.get("bool_ok") or not isinstance(value, bool)):
            age = value
        else:
            raise WrongType("age", f"expected an int or a str, got {type(value).__name__}")
        low, high = (1 if b.get("min_1") else 0), (149 if b.get("max_149") else 150)
        if not low <= age <= high:
            raise OutOfRange("age", f"must be between 0 and 150, got {age}")
        return age

    def _name(self, value):
        if not isinstance(value, str):
            raise WrongType("name", "expected a str")
        name = value if self.bugs.get("no_strip") else value.strip()
        if not name and not self.bugs.get("empty_name"):
            raise BadFormat("name", "must not be empty")
        return name

    def _email(self, value):
        if not isinstance(value, str):
            raise WrongType("email", "expected a str")
        local, at, domain = value.partition("@")
        if not (at and local and domain) or ("@" in domain and not self.bugs.get("two_ats")) or " " in value:
            raise BadFormat("email", f"not an address: {value!r}")
        return value

    def validate_user(self, data):
        b = self.bugs
        values, errors = {}, []
        for field, check in (("name", self._name), ("age", self.parse_age), ("email", self._email)):
            if field not in data:
                errors.append((WrongType if b.get("missing_as_type") else MissingField)(field, "is required"))
                continue
            try:
                values[field] = check(data[field])
            except ValidationError as err:
                errors.append(err)
        if errors:
            if b.get("bare_error"):
                raise errors[0]
            raise ExceptionGroup("invalid user", errors[:1] if b.get("first_only") else errors)
        return User(**values)

    def error_report(self, data):
        report = {}
        try:
            self.validate_user(data)
        except* ValidationError as group:
            for err in group.exceptions:
                report[err.field] = type(err).__name__
                if self.bugs.get("report_first_only"):
                    break
        return report

    def names(self):
        return {"parse_age": self.parse_age, "validate_user": self.validate_user, "error_report": self.error_report,
                "ValidationError": ValidationError, "MissingField": MissingField, "WrongType": WrongType,
                "OutOfRange": OutOfRange, "BadFormat": BadFormat, "User": User}


BUGS = {
    "no_cause": "parse_age('forty') raises WrongType without `from err`: its __cause__ is None",
    "max_149": "parse_age(150) raises OutOfRange: the upper bound 150 is left out",
    "min_1": "parse_age(0) raises OutOfRange: the lower bound 0 is left out",
    "float_text": "parse_age('12.5') returns 12 instead of raising WrongType",
    "bool_ok": "parse_age(True) returns True instead of raising WrongType",
    "bare_error": "validate_user raises the first ValidationError itself, not an ExceptionGroup",
    "first_only": "validate_user's ExceptionGroup holds only the first problem, not all of them",
    "missing_as_type": "a missing field is reported as WrongType instead of MissingField",
    "no_strip": "validate_user keeps the spaces around the name (' Ada ' stays ' Ada ')",
    "empty_name": "validate_user accepts an empty (or all-spaces) name",
    "two_ats": "validate_user accepts an email with two @ signs ('a@b@c')",
    "report_first_only": "error_report lists only the first bad field",
}
PLANTED = {name: (C(**{name: True}).names(), what) for name, what in BUGS.items()}
suite = PlantedBugs(C().names(), PLANTED, min_tests=5)


def test_your_tests_pass_on_correct_code():
    """your tests (at least five) all pass on a correct implementation"""
    suite.check_correct()


@pytest.mark.parametrize("bug", list(BUGS))
def test_your_tests_catch(bug):
    """your tests catch a planted bug: at least one of them fails"""
    suite.check_caught(bug)


import pytest
from hypothesis import Phase, given, settings, strategies as st

import invalid_age_error
from invalid_age_error import InvalidAgeError, main, parse_age

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


class Boom(Exception):
    """An unexpected error that main() must not swallow."""


def test_valid_ages():
    """valid ages come back as ints"""
    for text, want in [("42", 42), ("0", 0), ("150", 150), (" 7 ", 7), ("+18", 18), ("007", 7)]:
        got = parse_age(text)
        assert got == want and type(got) is int, f"parse_age({text!r}) should be {want!r}, got {got!r}"


def test_exception_class():
    """InvalidAgeError is a ValueError that keeps the value and the reason"""
    assert issubclass(InvalidAgeError, ValueError), "InvalidAgeError should subclass ValueError"
    err = InvalidAgeError("abc", "not a whole number")
    assert err.value == "abc" and err.reason == "not a whole number", (
        f"InvalidAgeError('abc', 'not a whole number') should keep value='abc' and reason='not a whole number', "
        f"got value={getattr(err, 'value', None)!r}, reason={getattr(err, 'reason', None)!r}")
    assert str(err) == "invalid age 'abc': not a whole number", f"str(err) was {str(err)!r}"
    assert err.args == ("invalid age 'abc': not a whole number",), (
        f"pass the message to super().__init__(message): err.args is {err.args!r}")


@pytest.mark.parametrize("text", ["forty", "4.5", "", "   ", "1e2", "12a", "--3", "0x10"])
def test_not_a_number(text):
    """text int() cannot read raises InvalidAgeError 'not a whole number'"""
    with pytest.raises(InvalidAgeError) as info:
        parse_age(text)
    err = info.value
    assert type(err) is InvalidAgeError, f"parse_age({text!r}) should raise InvalidAgeError itself, got {type(err).__name__}"
    assert err.value == text, f"err.value should be the text exactly as given, {text!r}, got {err.value!r}"
    assert err.reason == "not a whole number", f"err.reason should be 'not a whole number', got {err.reason!r}"
    assert str(err) == f"invalid age {text!r}: not a whole number", f"the message was {str(err)!r}"


def test_chained_from_int_error():
    """the 'not a whole number' error is raised from int()'s ValueError"""
    with pytest.raises(InvalidAgeError) as info:
        parse_age("forty")
    cause = info.value.__cause__
    assert isinstance(cause, ValueError) and not isinstance(cause, InvalidAgeError), (
        f"use `raise InvalidAgeError(...) from err` inside `except ValueError as err:`; __cause__ is {cause!r}")


@pytest.mark.parametrize("text", ["-1", "151", "1000", "-0150", " 200 "])
def test_out_of_range(text):
    """ages outside 0..150 raise InvalidAgeError 'must be between 0 and 150'"""
    with pytest.raises(InvalidAgeError) as info:
        parse_age(text)
    err = info.value
    assert err.value == text, f"err.value should be {text!r}, got {err.value!r}"
    assert err.reason == "must be between 0 and 150", f"err.reason should be 'must be between 0 and 150', got {err.reason!r}"
    assert str(err) == f"invalid age {text!r}: must be between 0 and 150", f"the message was {str(err)!r}"


def test_boundaries_are_valid():
    """0 and 150 are still valid ages"""
    assert parse_age("0") == 0, "0 is a valid age"
    assert parse_age("150") == 150, "150 is a valid age"
    assert parse_age("-0") == 0, "-0 is 0, a valid age"


@pytest.mark.parametrize("value", [42, None, 4.5, b"42", ["42"]])
def test_not_a_string(value):
    """a value that is not a string is a TypeError, not an InvalidAgeError"""
    with pytest.raises(TypeError):
        parse_age(value)


def test_catchable_as_value_error():
    """code that only knows ValueError still catches it"""
    try:
        parse_age("nope")
    except ValueError as err:
        assert isinstance(err, InvalidAgeError)
    else:
        pytest.fail("parse_age('nope') should raise")


def test_main_all_valid(capsys):
    """main() prints 'ok: AGE' for each valid age and returns 0"""
    code = main(["42", " 7", "150"])
    out, err = capsys.readouterr()
    assert out == "ok: 42\nok: 7\nok: 150\n", f"main(['42', ' 7', '150']) printed {out!r}"
    assert err == "", f"nothing should go to stderr when every age is valid, got {err!r}"
    assert code == 0, f"main() should return 0 when every age is valid, got {code!r}"


def test_main_handles_errors(capsys):
    """main() reports each invalid age on stderr, carries on, and returns 1"""
    code = main(["42", "200", "abc", "7"])
    out, err = capsys.readouterr()
    assert out == "ok: 42\nok: 7\n", f"the valid ages should still be printed to stdout; got {out!r}"
    want = "error: invalid age '200': must be between 0 and 150\nerror: invalid age 'abc': not a whole number\n"
    assert err == want, f"stderr should be {want!r}, got {err!r}"
    assert code == 1, f"main() should return 1 when an age was invalid, got {code!r}"


def test_main_no_arguments(capsys):
    """main([]) prints a usage line to stderr and returns 2"""
    code = main([])
    out, err = capsys.readouterr()
    assert code == 2, f"main([]) should return 2, got {code!r}"
    assert err == "usage: invalid_age_error AGE...\n", f"main([]) should print the usage line to stderr, got {err!r}"
    assert out == ""


def test_main_uses_sys_argv(capsys, monkeypatch):
    """main() with no argv reads sys.argv[1:]"""
    monkeypatch.setattr("sys.argv", ["invalid_age_error", "12", "x"])
    code = main()
    out, err = capsys.readouterr()
    assert out == "ok: 12\n" and err == "error: invalid age 'x': not a whole number\n" and code == 1, (
        f"main() should check sys.argv[1:]; printed {out!r} / {err!r}, returned {code!r}")


def test_main_does_not_hide_other_errors(monkeypatch, capsys):
    """main() catches only InvalidAgeError: other exceptions are bugs and propagate"""
    main(["1"])
    capsys.readouterr()

    def broken(text):
        raise Boom("a bug, not bad input")

    monkeypatch.setattr(invalid_age_error, "parse_age", broken)
    with pytest.raises(Boom):
        main(["1"])

    def plain_value_error(text):
        raise ValueError("some other ValueError")

    monkeypatch.setattr(invalid_age_error, "parse_age", plain_value_error)
    with pytest.raises(ValueError, match="some other"):
        main(["1"])  # `except ValueError` would be too wide: catch InvalidAgeError


@QUICK
@given(st.integers(-10**6, 10**6))
def test_any_integer(n):
    """any integer: the age itself if in 0..150, else a range error"""
    text = str(n)
    if 0 <= n <= 150:
        assert parse_age(text) == n
    else:
        with pytest.raises(InvalidAgeError) as info:
            parse_age(text)
        assert info.value.reason == "must be between 0 and 150"


def _int_or_none(text):
    try:
        return int(text)
    except ValueError:
        return None


@QUICK
@given(st.text(max_size=8).filter(lambda t: _int_or_none(t) is None))
def test_any_text(text):
    """any text int() rejects is 'not a whole number'"""
    with pytest.raises(InvalidAgeError) as info:
        parse_age(text)
    assert info.value.reason == "not a whole number" and info.value.value == text

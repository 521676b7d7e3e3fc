import math
from fractions import Fraction

import pytest
from hypothesis import Phase, given, settings, strategies as st

from employee_record import Employee

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def grace():
    return Employee("Grace", 55000, "Engineering")


def test_attributes():
    """name, salary and department are kept as attributes"""
    e = grace()
    assert (e.name, e.salary, e.department) == ("Grace", 55000, "Engineering"), (
        f"got name={e.name!r}, salary={e.salary!r}, department={e.department!r}")
    other = Employee("Alan", 0, "Maths")
    assert (e.name, other.name) == ("Grace", "Alan"), "creating a second Employee changed the first"
    assert other.salary == 0, "a salary of 0 is allowed"


def test_details():
    """details() returns the three lines, the salary with a thousands separator and cents"""
    got = grace().details()
    want = "Name: Grace\nDepartment: Engineering\nSalary: $55,000.00"
    assert got == want, f"details() should be {want!r}, got {got!r}"
    got = Employee("Ada", 1234567.5, "R&D").details()
    want = "Name: Ada\nDepartment: R&D\nSalary: $1,234,567.50"
    assert got == want, f"details() should be {want!r}, got {got!r}"
    got = Employee("Bo", 999.999, "Ops").details()
    assert got.endswith("Salary: $1,000.00"), f"999.999 should show as $1,000.00 (2 decimals), got {got!r}"


def test_print_details(capsys):
    """print_details() prints the details and returns None"""
    returned = grace().print_details()
    out = capsys.readouterr().out
    assert out == "Name: Grace\nDepartment: Engineering\nSalary: $55,000.00\n", f"print_details() printed {out!r}"
    assert returned is None, f"print_details() should print, not return: it returned {returned!r}"


def test_give_raise():
    """give_raise(10) adds 10% and returns the new salary"""
    e = grace()
    got = e.give_raise(10)
    assert got == pytest.approx(60500), f"a 10% raise on 55000 should give 60500, got {got!r}"
    assert e.salary == pytest.approx(60500), f"after the raise e.salary should be 60500, is {e.salary!r}"
    assert e.give_raise(0) == pytest.approx(60500), "a 0% raise changes nothing"
    assert e.give_raise(2.5) == pytest.approx(62012.5), "a 2.5% raise on 60500 should give 62012.5"


def test_give_raise_rounds_to_cents():
    """the raised salary is rounded to 2 decimals"""
    e = Employee("Ann", 1000, "Sales")
    got = e.give_raise(3.333)
    assert got == 1033.33, f"a 3.333% raise on 1000 should give 1033.33 (rounded to cents), got {got!r}"
    e = Employee("Bob", 33333, "Sales")
    got = e.give_raise(1)
    assert got == 33666.33, f"a 1% raise on 33333 is 33666.33 after rounding to cents, got {got!r}"


def test_details_after_changes():
    """details() reflects raises and updates"""
    e = grace()
    e.give_raise(10)
    e.update(department="Research", name="Grace H.")
    want = "Name: Grace H.\nDepartment: Research\nSalary: $60,500.00"
    assert e.details() == want, f"after a raise and an update, details() should be {want!r}, got {e.details()!r}"


@pytest.mark.parametrize("percent, exc", [(-1, ValueError), (-0.01, ValueError), ("5", TypeError),
                                          (None, TypeError), (True, TypeError), (math.nan, ValueError)])
def test_bad_raise(percent, exc):
    """a raise must be a number, 0 or more; a bad one changes nothing"""
    e = grace()
    with pytest.raises(exc):
        e.give_raise(percent)
    assert e.salary == 55000, f"a rejected raise changed the salary to {e.salary!r}"


def test_update_some_fields():
    """update() changes only the fields it is given"""
    e = grace()
    returned = e.update(salary=70000)
    assert returned is None, f"update() should return None, got {returned!r}"
    assert (e.name, e.salary, e.department) == ("Grace", 70000, "Engineering"), f"after update(salary=70000): {e!r}"
    e.update(name="G. Hopper")
    assert (e.name, e.salary, e.department) == ("G. Hopper", 70000, "Engineering"), f"after update(name=...): {e!r}"
    e.update(department="Navy")
    assert (e.name, e.salary, e.department) == ("G. Hopper", 70000, "Navy"), f"after update(department=...): {e!r}"
    e.update()
    assert (e.name, e.salary, e.department) == ("G. Hopper", 70000, "Navy"), "update() with nothing changes nothing"
    e.update(salary=0)
    assert e.salary == 0, "update(salary=0) sets the salary to 0 (0 is not 'nothing given')"


def test_update_is_keyword_only():
    """update() takes keyword arguments only, and no unknown ones"""
    e = grace()
    with pytest.raises(TypeError):
        e.update("Someone")
    with pytest.raises(TypeError):
        e.update(title="Boss")


@pytest.mark.parametrize("fields, exc", [
    ({"name": "Ada", "salary": -5}, ValueError),
    ({"salary": 60000, "department": ""}, ValueError),
    ({"name": "", "department": "Sales"}, ValueError),
    ({"department": "Sales", "salary": "lots"}, TypeError),
    ({"name": 42, "salary": 1}, TypeError),
    ({"salary": 90000, "department": "HR", "name": None}, None),
])
def test_update_all_or_nothing(fields, exc):
    """an update with one bad field raises and changes none of the fields"""
    e = grace()
    if exc is None:  # None means "not given" and is fine
        e.update(**fields)
        assert (e.name, e.salary, e.department) == ("Grace", 90000, "HR"), f"after update(**{fields!r}): {e!r}"
        return
    with pytest.raises(exc):
        e.update(**fields)
    assert (e.name, e.salary, e.department) == ("Grace", 55000, "Engineering"), (
        f"update(**{fields!r}) raised, but left the employee half-updated: {e!r}. Check every field first, then assign.")


def test_bad_constructor_arguments():
    """name and department must be non-empty strings; salary a number, 0 or more"""
    with pytest.raises(ValueError):
        Employee("", 1, "X")
    with pytest.raises(ValueError):
        Employee("A", 1, "")
    with pytest.raises(TypeError):
        Employee(None, 1, "X")
    with pytest.raises(TypeError):
        Employee("A", 1, 7)
    with pytest.raises(ValueError):
        Employee("A", -1, "X")
    with pytest.raises(TypeError):
        Employee("A", "1000", "X")
    with pytest.raises(TypeError):
        Employee("A", False, "X")


def test_repr():
    """repr() is the code that rebuilds the employee"""
    got = repr(grace())
    assert got == "Employee(name='Grace', salary=55000, department='Engineering')", f"repr() was {got!r}"


@QUICK
@given(st.integers(0, 10**7), st.integers(0, 200) | st.floats(0, 200))
def test_raise_any(salary, percent):
    """any raise on any salary lands on the exact result, rounded to cents"""
    e = Employee("P", salary, "Q")
    got = e.give_raise(percent)
    exact = Fraction(salary) * (1 + Fraction(percent) / 100)
    assert abs(Fraction(got) - exact) <= Fraction(1, 200) + Fraction(1, 10**6), (
        f"give_raise({percent!r}) on {salary} should be about {float(exact):.4f}, got {got!r}")
    assert round(got, 2) == got, f"give_raise() should round to cents, got {got!r}"
    assert e.salary == got

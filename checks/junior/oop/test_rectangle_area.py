import math

import pytest
from hypothesis import Phase, given, settings, strategies as st

from rectangle_area import Rectangle

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def _number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def test_attributes():
    """the width and height are kept as attributes"""
    r = Rectangle(3, 4)
    assert (r.width, r.height) == (3, 4), f"Rectangle(3, 4) should have width 3 and height 4, got {r.width!r}, {r.height!r}"
    other = Rectangle(10, 2.5)
    assert (r.width, r.height) == (3, 4), "creating a second Rectangle changed the first: store data on self"
    assert (other.width, other.height) == (10, 2.5)


def test_area():
    """area() is width times height"""
    for w, h, want in [(3, 4, 12), (1, 1, 1), (10, 2, 20), (2.5, 4, 10.0), (7, 3, 21)]:
        got = Rectangle(w, h).area()
        assert _number(got) and got == want, f"Rectangle({w}, {h}).area() should be {want}, got {got!r}"


def test_perimeter():
    """perimeter() is twice the width plus the height"""
    for w, h, want in [(3, 4, 14), (1, 1, 4), (10, 2, 24), (2.5, 4, 13.0), (7, 3, 20)]:
        got = Rectangle(w, h).perimeter()
        assert _number(got) and got == want, f"Rectangle({w}, {h}).perimeter() should be {want}, got {got!r}"


def test_is_square():
    """is_square() is True exactly when the sides are equal"""
    assert Rectangle(5, 5).is_square() is True, "Rectangle(5, 5).is_square() should be True"
    assert Rectangle(2.5, 2.5).is_square() is True, "Rectangle(2.5, 2.5).is_square() should be True"
    assert Rectangle(5, 4).is_square() is False, "Rectangle(5, 4).is_square() should be False"
    assert Rectangle(4, 5).is_square() is False, "Rectangle(4, 5).is_square() should be False"


def test_methods_follow_changes():
    """area() and perimeter() use the current sides, not values saved at creation"""
    r = Rectangle(3, 4)
    r.width = 10
    assert r.area() == 40, f"after r.width = 10, Rectangle(3, 4).area() should be 40, got {r.area()!r}"
    assert r.perimeter() == 28, f"after r.width = 10, perimeter() should be 28, got {r.perimeter()!r}"


def test_repr():
    """repr() is the code that rebuilds the rectangle"""
    got = repr(Rectangle(3, 4))
    assert got == "Rectangle(width=3, height=4)", f"repr(Rectangle(3, 4)) should be 'Rectangle(width=3, height=4)', got {got!r}"
    got = repr(Rectangle(2.5, 1))
    assert got == "Rectangle(width=2.5, height=1)", f"repr(Rectangle(2.5, 1)) should be 'Rectangle(width=2.5, height=1)', got {got!r}"


def test_equality():
    """rectangles with the same sides are equal; swapped sides or other types are not"""
    assert Rectangle(3, 4) == Rectangle(3, 4), "Rectangle(3, 4) == Rectangle(3, 4) should be True"
    assert not (Rectangle(3, 4) != Rectangle(3, 4)), "Rectangle(3, 4) != Rectangle(3, 4) should be False"
    assert Rectangle(3, 4) != Rectangle(4, 3), "a 3x4 and a 4x3 rectangle have different widths: not equal"
    assert Rectangle(3, 4) != Rectangle(3, 5), "Rectangle(3, 4) and Rectangle(3, 5) are not equal"
    assert Rectangle(3, 4) != Rectangle(2, 4), "Rectangle(3, 4) and Rectangle(2, 4) are not equal"
    assert Rectangle(3, 4) != (3, 4), "a Rectangle should not equal a tuple"
    assert Rectangle(3, 4) != "Rectangle(width=3, height=4)", "a Rectangle should not equal a string"


def test_eq_returns_notimplemented():
    """__eq__ returns NotImplemented for things that are not rectangles"""
    got = Rectangle(3, 4).__eq__(12)
    assert got is NotImplemented, f"Rectangle(3, 4).__eq__(12) should return NotImplemented, got {got!r}"


@pytest.mark.parametrize("w, h", [(0, 4), (3, 0), (-1, 4), (3, -2.5), (0.0, 0.0), (math.nan, 1)])
def test_non_positive_sides(w, h):
    """a side of 0 or less is a ValueError"""
    with pytest.raises(ValueError):
        Rectangle(w, h)


@pytest.mark.parametrize("w, h", [("3", 4), (3, None), (True, 4), (3, [4])])
def test_non_number_sides(w, h):
    """a side that is not a number (a bool included) is a TypeError"""
    with pytest.raises(TypeError):
        Rectangle(w, h)


sides = st.integers(1, 10**6) | st.floats(0.001, 1e6)


@QUICK
@given(sides, sides)
def test_formulas(w, h):
    """area, perimeter and is_square agree with the formulas for any sides"""
    r = Rectangle(w, h)
    assert r.area() == pytest.approx(w * h), f"Rectangle({w!r}, {h!r}).area()"
    assert r.perimeter() == pytest.approx(2 * (w + h)), f"Rectangle({w!r}, {h!r}).perimeter()"
    assert r.is_square() is (w == h)
    assert Rectangle(w, h) == r and eval(repr(r), {"Rectangle": Rectangle}) == r

import math

import pytest
from hypothesis import Phase, given, settings, strategies as st

from circle_geometry import Circle

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def test_radius_kept():
    """the radius given is the radius kept"""
    c = Circle(2)
    assert c.radius == 2 and type(c.radius) is int, f"Circle(2).radius should be 2, got {c.radius!r}"
    d = Circle(0.5)
    assert c.radius == 2, "creating a second Circle changed the first one's radius"
    assert d.radius == 0.5


def test_area():
    """area() is pi r squared, as a float"""
    for r, want in [(1, math.pi), (2, 4 * math.pi), (0.5, math.pi / 4), (10, 100 * math.pi)]:
        got = Circle(r).area()
        assert type(got) is float, f"Circle({r}).area() should be a float, got {type(got).__name__}"
        assert got == pytest.approx(want, rel=1e-12), (
            f"Circle({r}).area() should be {want!r}, got {got!r} (use math.pi, and radius ** 2)")


def test_circumference():
    """circumference() is 2 pi r, as a float"""
    for r, want in [(1, 2 * math.pi), (2, 4 * math.pi), (0.5, math.pi), (10, 20 * math.pi)]:
        got = Circle(r).circumference()
        assert type(got) is float, f"Circle({r}).circumference() should be a float, got {type(got).__name__}"
        assert got == pytest.approx(want, rel=1e-12), (
            f"Circle({r}).circumference() should be {want!r}, got {got!r} (use math.pi)")


def test_zero_radius():
    """a radius of 0 is allowed: a point with no area"""
    c = Circle(0)
    assert c.area() == 0 and c.circumference() == 0, "Circle(0) has area 0 and circumference 0"
    assert type(c.area()) is float, "Circle(0).area() should still be a float (0.0)"


def test_diameter():
    """diameter is a read-only property: twice the radius"""
    c = Circle(2)
    assert c.diameter == 4, f"Circle(2).diameter should be 4, got {c.diameter!r}"
    assert Circle(1.25).diameter == 2.5, "Circle(1.25).diameter should be 2.5"
    with pytest.raises(AttributeError):
        c.diameter = 10  # no setter: read-only


def test_set_radius():
    """setting the radius later changes area, circumference and diameter"""
    c = Circle(2)
    c.radius = 3
    assert c.radius == 3, f"after c.radius = 3, c.radius should be 3, got {c.radius!r}"
    assert c.area() == pytest.approx(9 * math.pi), "after c.radius = 3, area() should be 9 pi"
    assert c.circumference() == pytest.approx(6 * math.pi), "after c.radius = 3, circumference() should be 6 pi"
    assert c.diameter == 6, "after c.radius = 3, diameter should be 6"


def test_set_bad_radius_keeps_old():
    """setting a bad radius raises and leaves the old radius in place"""
    c = Circle(2)
    with pytest.raises(ValueError):
        c.radius = -1
    assert c.radius == 2, f"a rejected radius must not be stored: radius is now {c.radius!r}, should still be 2"
    with pytest.raises(TypeError):
        c.radius = "3"
    assert c.radius == 2, f"a rejected radius must not be stored: radius is now {c.radius!r}, should still be 2"
    assert c.area() == pytest.approx(4 * math.pi)


@pytest.mark.parametrize("bad", [-1, -0.001, math.nan])
def test_negative_radius(bad):
    """a negative radius is a ValueError"""
    with pytest.raises(ValueError):
        Circle(bad)


@pytest.mark.parametrize("bad", ["2", None, True, [2], 2j])
def test_not_a_number(bad):
    """a radius that is not a number (a bool included) is a TypeError"""
    with pytest.raises(TypeError):
        Circle(bad)


def test_repr():
    """repr() is the code that rebuilds the circle"""
    assert repr(Circle(2)) == "Circle(radius=2)", f"repr(Circle(2)) should be 'Circle(radius=2)', got {repr(Circle(2))!r}"
    c = Circle(1.5)
    c.radius = 0.25
    assert repr(c) == "Circle(radius=0.25)", f"repr() should show the current radius, got {repr(c)!r}"


@QUICK
@given(st.integers(0, 10**6) | st.floats(0, 1e6))
def test_formulas(r):
    """area and circumference match the formulas for any radius, and doubling r quadruples the area"""
    c = Circle(r)
    assert c.area() == pytest.approx(math.pi * r * r, rel=1e-12)
    assert c.circumference() == pytest.approx(2 * math.pi * r, rel=1e-12)
    assert Circle(2 * r).area() == pytest.approx(4 * c.area(), rel=1e-12)
    assert eval(repr(c), {"Circle": Circle}).radius == r

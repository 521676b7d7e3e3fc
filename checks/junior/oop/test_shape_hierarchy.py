import inspect
import math

import pytest
from hypothesis import Phase, given, settings, strategies as st

from shape_hierarchy import Shape, Square, Triangle, total_area

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def _number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def test_square_area():
    """a square's area is its side squared"""
    for side, want in [(3, 9), (1, 1), (2.5, 6.25), (10, 100)]:
        got = Square(side).area()
        assert _number(got) and got == want, f"Square({side}).area() should be {want}, got {got!r}"


def test_triangle_area():
    """a triangle's area from its sides (Heron's formula)"""
    cases = [((3, 4, 5), 6.0), ((5, 12, 13), 30.0), ((2, 2, 2), math.sqrt(3)), ((10, 10, 12), 48.0),
             ((7, 8, 9), math.sqrt(720))]
    for sides, want in cases:
        got = Triangle(*sides).area()
        assert type(got) is float, f"Triangle{sides}.area() should be a float, got {type(got).__name__}"
        assert got == pytest.approx(want, rel=1e-9), f"Triangle{sides}.area() should be {want}, got {got!r}"


def test_triangle_side_order_does_not_matter():
    """the same three sides in any order make the same triangle"""
    for sides in [(3, 4, 5), (5, 3, 4), (4, 5, 3), (13, 5, 12)]:
        got = Triangle(*sides).area()
        want = 30.0 if 13 in sides else 6.0
        assert got == pytest.approx(want), f"Triangle{sides}.area() should be {want}, got {got!r}"


@pytest.mark.parametrize("sides", [(1, 2, 3), (1, 1, 5), (5, 1, 1), (1, 10, 2), (2, 3, 5.0)])
def test_not_a_triangle(sides):
    """sides that break the triangle inequality (flat or too long) are a ValueError"""
    with pytest.raises(ValueError):
        Triangle(*sides)


@pytest.mark.parametrize("bad", [0, -1, -2.5, math.nan])
def test_non_positive_lengths(bad):
    """a side of 0 or less is a ValueError"""
    with pytest.raises(ValueError):
        Square(bad)
    with pytest.raises(ValueError):
        Triangle(bad, 4, 5)
    with pytest.raises(ValueError):
        Triangle(3, 4, bad)


@pytest.mark.parametrize("bad", ["3", None, True, [3]])
def test_non_number_lengths(bad):
    """a side that is not a number (a bool included) is a TypeError"""
    with pytest.raises(TypeError):
        Square(bad)
    with pytest.raises(TypeError):
        Triangle(3, bad, 5)


def test_describe():
    """describe() says 'CLASSNAME with area AREA' with 2 decimals"""
    assert Square(3).describe() == "Square with area 9.00", f"Square(3).describe() was {Square(3).describe()!r}"
    got = Triangle(2, 2, 2).describe()
    assert got == "Triangle with area 1.73", f"Triangle(2, 2, 2).describe() should be 'Triangle with area 1.73', got {got!r}"


def test_describe_works_for_new_shapes():
    """describe() lives in Shape and works for a shape it has never seen"""
    class Circle(Shape):
        def area(self):
            return math.pi

    Square(1).describe()
    assert Circle().describe() == "Circle with area 3.14", (
        f"a new Shape subclass got {Circle().describe()!r}: use type(self).__name__ and self.area()")
    for cls in (Square, Triangle):
        assert "describe" not in vars(cls), f"{cls.__name__} defines its own describe(): write it once, in Shape"


def test_total_area():
    """total_area() adds up the areas of mixed shapes"""
    got = total_area([Square(2), Triangle(3, 4, 5)])
    assert got == pytest.approx(10.0), f"total_area([Square(2), Triangle(3, 4, 5)]) should be 10.0, got {got!r}"
    got = total_area([Square(1)])
    assert got == 1, f"total_area([Square(1)]) should be 1, got {got!r}"
    got = total_area(s for s in [Square(1), Square(2), Square(3)])
    assert got == 14, f"total_area() of squares 1, 2, 3 should be 14 (it may get a generator), got {got!r}"


def test_total_area_empty():
    """the total area of no shapes is 0"""
    Square(1).area()
    got = total_area([])
    assert got == 0 and _number(got), f"total_area([]) should be 0, got {got!r}"


def test_total_area_any_shape():
    """total_area() works for any Shape, calling its area()"""
    class Unit(Shape):
        def area(self):
            return 1.5

    got = total_area([Unit(), Square(2), Unit()])
    assert got == pytest.approx(7.0), f"total_area() with two 1.5-area shapes and Square(2) should be 7.0, got {got!r}"


def test_hierarchy():
    """Square and Triangle are Shapes that implement area() themselves"""
    sq, tri = Square(1), Triangle(3, 4, 5)
    assert isinstance(sq, Shape) and isinstance(tri, Shape), "Squares and Triangles are Shapes"
    assert issubclass(Square, Shape) and issubclass(Triangle, Shape)
    assert not isinstance(sq, Triangle) and not isinstance(tri, Square)
    for cls in (Square, Triangle):
        assert "area" in vars(cls), f"{cls.__name__} should define its own area()"


def test_shape_is_abstract():
    """a plain Shape cannot be made, nor a subclass without area(); Shape.area() raises NotImplementedError"""
    Square(1)
    assert inspect.isabstract(Shape), "Shape should be abstract (an ABC with area() as an abstractmethod)"
    with pytest.raises(TypeError):
        Shape()

    class Blob(Shape):
        pass

    with pytest.raises(TypeError):
        Blob()

    class Lazy(Shape):
        def area(self):
            return super().area()

    try:
        Lazy().area()
    except NotImplementedError:
        return
    pytest.fail("Shape.area() should raise NotImplementedError: a generic shape has no area")


@QUICK
@given(st.integers(1, 1000), st.integers(1, 1000), st.integers(1, 1000))
def test_triangle_any_sides(a, b, c):
    """any three sides: a triangle exactly when the inequality holds, with the right area"""
    x, y, z = sorted((a, b, c))
    if x + y <= z:
        with pytest.raises(ValueError):
            Triangle(a, b, c)
        return
    # a numerically stable form of Heron's formula, for sides sorted z >= y >= x
    want = 0.25 * math.sqrt((z + (y + x)) * (x - (z - y)) * (x + (z - y)) * (z + (y - x)))
    assert Triangle(a, b, c).area() == pytest.approx(want, rel=1e-6, abs=1e-9)
    assert Triangle(c, a, b).area() == pytest.approx(want, rel=1e-6, abs=1e-9)

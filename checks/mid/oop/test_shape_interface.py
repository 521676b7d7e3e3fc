import ast
import math
from unittest import mock

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import target_source
from shape_interface import Circle, Rectangle, Shape, Square, Triangle

CONCRETE = {"Circle", "Rectangle", "Square", "Triangle"}


class Hexagon(Shape):
    """A regular hexagon, written only against the documented interface of Shape."""

    def __init__(self, side):
        super().__init__(side=side)

    def area(self):
        return 3 * math.sqrt(3) / 2 * self.side ** 2

    def perimeter(self):
        return 6 * self.side

    def params(self):
        return (self.side,)


def heron(a, b, c):
    s = (a + b + c) / 2
    return math.sqrt(s * (s - a) * (s - b) * (s - c))


CASES = [  # shape, area, perimeter, repr
    (lambda: Circle(1), math.pi, 2 * math.pi, "Circle(1)"),
    (lambda: Circle(2.5), math.pi * 6.25, 5 * math.pi, "Circle(2.5)"),
    (lambda: Rectangle(2, 3), 6, 10, "Rectangle(2, 3)"),
    (lambda: Square(4), 16, 16, "Square(4)"),
    (lambda: Triangle(3, 4, 5), 6.0, 12, "Triangle(3, 4, 5)"),
    (lambda: Triangle(13, 5, 12), 30.0, 30, "Triangle(5, 12, 13)"),
    (lambda: Triangle(2, 2, 2), math.sqrt(3), 6, "Triangle(2, 2, 2)"),
]


@pytest.mark.parametrize("make, area, perimeter, text", CASES, ids=[c[3] for c in CASES])
def test_area_perimeter_repr(make, area, perimeter, text):
    """each shape's area, perimeter and repr"""
    shape = make()
    got = shape.area()
    assert got == pytest.approx(area, rel=1e-12), f"{text}.area() should be {area}, got {got!r}"
    got = shape.perimeter()
    assert got == pytest.approx(perimeter, rel=1e-12), f"{text}.perimeter() should be {perimeter}, got {got!r}"
    assert repr(shape) == text, f"repr should be {text!r} (a Triangle lists its sides in ascending order), got {repr(shape)!r}"


def test_params_rebuild_the_shape():
    """params() gives the constructor's arguments: type(s)(*s.params()) == s"""
    for shape, want in [(Circle(3), (3,)), (Rectangle(2, 5), (2, 5)), (Square(7), (7,)), (Triangle(5, 3, 4), (3, 4, 5))]:
        got = shape.params()
        assert type(got) is tuple and got == want, f"{shape!r}.params() should be the tuple {want}, got {got!r}"
        assert type(shape)(*got) == shape


def test_square_is_a_rectangle():
    """a Square is a Rectangle (it inherits area and perimeter) with a side"""
    sq = Square(3)
    assert isinstance(sq, Rectangle), "Square should subclass Rectangle"
    assert (sq.side, sq.width, sq.height) == (3, 3, 3), "Square(3) has side, width and height 3"
    assert "area" not in vars(Square) and "perimeter" not in vars(Square), (
        "Square should inherit area() and perimeter() from Rectangle, not write them again")


@pytest.mark.parametrize("sides", [(1, 2, 3), (3, 1, 2), (2, 3, 1), (1, 1, 5), (5, 1, 1), (1, 5, 1), (2, 3, 5.0)])
def test_not_a_triangle(sides):
    """sides that break the triangle inequality (flat or too long, in any position) are a ValueError"""
    Triangle(3, 4, 5).area()
    with pytest.raises(ValueError):
        Triangle(*sides)
        pytest.fail(f"Triangle{sides} should be a ValueError: the longest side must be shorter than the other two together")


def test_thin_triangles_are_fine():
    """a valid but thin triangle is accepted, with an accurate area"""
    got = Triangle(1, 1, 1.999).area()
    assert got == pytest.approx(heron(1, 1, 1.999), rel=1e-9), f"Triangle(1, 1, 1.999).area() should be tiny but right, got {got}"


@pytest.mark.parametrize("make", [lambda v: Circle(v), lambda v: Rectangle(v, 2), lambda v: Rectangle(2, v),
                                  lambda v: Square(v), lambda v: Triangle(3, 4, v), lambda v: Triangle(v, 4, 5)],
                         ids=["Circle", "Rectangle.width", "Rectangle.height", "Square", "Triangle.c", "Triangle.a"])
def test_bad_lengths(make):
    """lengths must be positive finite numbers: ValueError for 0, negatives, NaN and inf; TypeError otherwise"""
    make(4)
    for bad in (0, -1, -0.5, math.nan, math.inf):
        with pytest.raises(ValueError):
            make(bad)
            pytest.fail(f"a length of {bad} should be a ValueError")
    for bad in ("3", None, True, [3], 3j):
        with pytest.raises(TypeError):
            make(bad)
            pytest.fail(f"a length of {bad!r} should be a TypeError (a bool is not a length)")


def test_shapes_are_immutable():
    """no attribute can be set, added or deleted: a new shape is made instead"""
    for shape, name in [(Circle(1), "radius"), (Rectangle(1, 2), "width"), (Square(2), "width"), (Triangle(3, 4, 5), "a")]:
        before = shape.params()
        with pytest.raises(AttributeError):
            setattr(shape, name, 10)
            pytest.fail(f"setting {type(shape).__name__}.{name} should be an AttributeError: shapes are immutable")
        with pytest.raises(AttributeError):
            shape.colour = "red"
            pytest.fail(f"adding an attribute to a {type(shape).__name__} should be an AttributeError")
        with pytest.raises(AttributeError):
            delattr(shape, name)
            pytest.fail(f"deleting {type(shape).__name__}.{name} should be an AttributeError")
        assert shape.params() == before, "a refused change must change nothing"


def test_equality_and_hash():
    """equal when the same kind with the same lengths; equal shapes hash alike"""
    pairs_equal = [(Circle(1), Circle(1.0)), (Rectangle(2, 3), Rectangle(2, 3)), (Triangle(3, 4, 5), Triangle(5, 3, 4))]
    for a, b in pairs_equal:
        assert a == b and not (a != b), f"{a!r} and {b!r} should be equal"
        assert hash(a) == hash(b), f"{a!r} == {b!r}, so their hashes must be equal too"
    pairs_unequal = [(Square(2), Rectangle(2, 2)), (Circle(1), Circle(2)), (Rectangle(2, 3), Rectangle(3, 2))]
    for a, b in pairs_unequal:
        assert a != b and not (a == b), f"{a!r} and {b!r} should not be equal (a different kind counts)"
    assert len({Circle(1), Circle(1), Square(2), Rectangle(2, 2), Triangle(3, 4, 5), Triangle(4, 3, 5)}) == 4, (
        "a set of shapes should drop only the equal ones")
    assert Circle(1) != "Circle(1)" and Circle(1) != 1 and not (Square(1) == 1), "a shape never equals a non-shape"
    assert Circle(1) == mock.ANY, ("Circle(1) == mock.ANY should be True: for a non-shape __eq__ should return "
                                   "NotImplemented, so that Python asks the other object")


def test_ordering_by_area():
    """< <= > >= compare areas, across kinds; sorted() and max() work on mixed shapes"""
    small, big = Circle(1), Square(2)  # pi < 4
    assert small < big and small <= big and big > small and big >= small, "Circle(1) (area pi) < Square(2) (area 4)"
    assert not (small > big) and not (small >= big) and not (big < small) and not (big <= small)
    same_a, same_b = Square(2), Rectangle(1, 4)  # both area 4, not equal
    assert same_a <= same_b and same_a >= same_b and same_b <= same_a, (
        "Square(2) <= Rectangle(1, 4) should be True (equal areas) although they are not ==: "
        "functools.total_ordering would derive <= from < and ==, which is wrong here")
    assert not (same_a < same_b) and not (same_a > same_b)
    shapes = [Square(3), Circle(1), Triangle(3, 4, 5), Rectangle(1, 2), Hexagon(1)]
    got = sorted(shapes)
    want = sorted(shapes, key=lambda s: s.area())
    assert got == want, f"sorted(shapes) should order them by area: {want!r}, got {got!r}"
    assert max(shapes) == Square(3)


def test_comparing_with_a_non_shape_is_a_type_error():
    """ordering a shape against a number is a TypeError (return NotImplemented)"""
    Circle(1).area()
    for op in ("<", "<=", ">", ">="):
        with pytest.raises(TypeError):
            eval(f"Circle(1) {op} 5", {"Circle": Circle})
            pytest.fail(f"Circle(1) {op} 5 should be a TypeError: a shape only compares with shapes")


def test_scaled():
    """scaled(k) is a new shape of the same kind with every length times k"""
    for shape, want in [(Circle(2), Circle(5.0)), (Rectangle(1, 3), Rectangle(2.5, 7.5)), (Square(2), Square(5.0)),
                        (Triangle(4, 2, 3), Triangle(5.0, 7.5, 10.0))]:
        got = shape.scaled(2.5)
        assert type(got) is type(shape), f"{shape!r}.scaled(2.5) should be a {type(shape).__name__}, got {type(got).__name__}"
        assert got == want and got is not shape, f"{shape!r}.scaled(2.5) should be {want!r}, got {got!r}"
        assert got.area() == pytest.approx(shape.area() * 6.25), "scaling by k multiplies the area by k squared"
    with pytest.raises(ValueError):
        Circle(1).scaled(0)
    with pytest.raises(ValueError):
        Square(1).scaled(-2)


def test_abstract_and_incomplete_shapes_cannot_be_made():
    """Shape, and a subclass missing area, perimeter or params, cannot be instantiated"""
    Hexagon(1).area()
    with pytest.raises(TypeError):
        Shape()
    members = {
        "area": lambda self: 1.0,
        "perimeter": lambda self: 4.0,
        "params": lambda self: (self.side,),
    }
    for missing in members:
        body = {k: v for k, v in members.items() if k != missing}
        body["__init__"] = lambda self, side: Shape.__init__(self, side=side)
        Partial = type(f"No_{missing}", (Shape,), body)
        with pytest.raises(TypeError):
            Partial(1)
            pytest.fail(f"a Shape subclass without {missing}() should not be instantiable: make {missing} abstract")


def test_a_new_shape_plugs_in():
    """a Hexagon written elsewhere (here, in the check) gets everything from Shape"""
    h = Hexagon(2)
    assert h.area() == pytest.approx(6 * math.sqrt(3)) and h.perimeter() == 12
    assert repr(h) == "Hexagon(2)", f"repr(Hexagon(2)) should be 'Hexagon(2)', got {repr(h)!r}"
    big = h.scaled(3)
    assert type(big) is Hexagon and big == Hexagon(6) and big.side == 6, f"Hexagon(2).scaled(3) should be Hexagon(6), got {big!r}"
    assert h == Hexagon(2.0) and hash(h) == hash(Hexagon(2.0)) and h != Circle(2)
    assert Circle(1) < h < Circle(2), "a Hexagon of side 2 (area 10.4) sorts between Circle(1) and Circle(2)"
    with pytest.raises(AttributeError):
        h.side = 3
    with pytest.raises(ValueError):
        Hexagon(-1)


SHAPES = st.one_of(
    st.builds(Circle, st.floats(0.1, 100)),
    st.builds(Rectangle, st.floats(0.1, 100), st.floats(0.1, 100)),
    st.builds(Square, st.integers(1, 100)),
    st.builds(Hexagon, st.floats(0.1, 100)),
    st.tuples(st.floats(0.5, 100), st.floats(0.5, 100), st.floats(0.05, 0.95)).map(
        lambda t: Triangle(t[0], t[1], abs(t[0] - t[1]) + t[2] * (t[0] + t[1] - abs(t[0] - t[1])))),
)


@given(SHAPES, SHAPES)
def test_properties(a, b):
    """for random shapes: ordering agrees with area, equality with hashing, scaling with area"""
    assert (a < b) == (a.area() < b.area()) and (a <= b) == (a.area() <= b.area()), f"{a!r} vs {b!r}: compare areas"
    assert (a > b) == (a.area() > b.area()) and (a >= b) == (a.area() >= b.area()), f"{a!r} vs {b!r}: compare areas"
    if a == b:
        assert hash(a) == hash(b), f"{a!r} == {b!r} but their hashes differ"
    assert type(a)(*a.params()) == a, f"rebuilding {a!r} from its params() should give an equal shape"
    assert a.scaled(2).area() == pytest.approx(4 * a.area()), f"{a!r}.scaled(2) should have 4 times the area"
    assert a.scaled(2).perimeter() == pytest.approx(2 * a.perimeter())


def _type_switches(tree):
    """Places that ask which concrete shape an object is."""
    found = []
    for node in ast.walk(tree):
        names = set()
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("isinstance", "issubclass"):
            names = {n.id for arg in node.args[1:] for n in ast.walk(arg) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
            names = {n.id for p in parts for n in ast.walk(p) if isinstance(n, ast.Name)}
            names |= {n.value for p in parts for n in ast.walk(p)
                      if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        elif isinstance(node, ast.MatchClass):
            names = {n.id for n in ast.walk(node.cls) if isinstance(n, ast.Name)}
        hit = names & CONCRETE
        if hit:
            found.append(f"line {node.lineno}: {ast.unparse(node)[:60]}")
    return found


def test_no_type_switches():
    """polymorphism, not isinstance: nothing asks whether a shape is a Circle, a Square..."""
    Circle(1).area()
    found = _type_switches(ast.parse(target_source()))
    assert not found, ("each shape should answer for itself (its own area(), perimeter(), params()), never a check of "
                       "its concrete class: " + "; ".join(found))

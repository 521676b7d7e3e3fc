import gc
import weakref

import pytest

from pyexercise.checklib import assert_not_used
from typed_descriptors import Bounded, Typed, lazy, my_property


def make_point():
    class Point:
        x = Typed(int)
        y = Typed(int, default=0)
        label = Typed(str, default="")

        def __init__(self, x, y=None):
            self.x = x
            if y is not None:
                self.y = y

    return Point


def make_account():
    class Account:
        balance = Bounded((int, float), min=0)
        rate = Bounded(float, min=0.0, max=1.0, default=0.5)
        grade = Bounded(str, min="A", max="F", default="C")

    return Account


def test_typed_get_and_set():
    """a Typed attribute stores and returns values of its type"""
    Point = make_point()
    p = Point(3, 4)
    assert (p.x, p.y) == (3, 4), f"Point(3, 4) should have x=3, y=4, got {p.x}, {p.y}"
    p.x = -10
    assert p.x == -10
    p.label = "origin"
    assert p.label == "origin"


def test_values_are_per_instance():
    """each instance has its own values, and two Typed attributes never share one"""
    Point = make_point()
    a, b = Point(1, 2), Point(10, 20)
    assert (a.x, a.y, b.x, b.y) == (1, 2, 10, 20), (
        "two Points should keep their own x and y: store values in the instance (obj.__dict__[name]), not on the "
        "descriptor, which the whole class shares")
    Other = make_point()
    c = Other(7)
    assert (a.x, c.x) == (1, 7), "the same descriptor class in another class keeps its own values"


def test_typed_rejects_other_types_naming_the_attribute():
    """a value of another type is a TypeError whose message names Class.attribute and the type"""
    Point = make_point()
    p = Point(1)
    for value, typename in [("3", "str"), (2.5, "float"), (None, "NoneType"), ([1], "list")]:
        with pytest.raises(TypeError) as caught:
            p.x = value
        message = str(caught.value)
        assert "Point.x" in message and typename in message, (
            f"setting Point.x to {value!r} should raise a TypeError naming 'Point.x' and '{typename}', got {message!r}")
        assert p.x == 1, "a refused value must not be stored"
    with pytest.raises(TypeError, match="Point.y"):
        p.y = "4"
    with pytest.raises(TypeError, match="Point.x"):
        Point("1")


def test_tuple_of_types():
    """Typed((int, float)) accepts either"""
    Account = make_account()
    a = Account()
    a.balance = 10
    a.balance = 2.5
    assert a.balance == 2.5
    with pytest.raises(TypeError, match="Account.balance") as caught:
        a.balance = "lots"
    assert "int or float" in str(caught.value), f"the message should list the types as 'int or float': {caught.value}"


def test_defaults_and_missing_values():
    """an unset attribute gives its default, or an AttributeError naming it"""
    Point = make_point()
    p = Point.__new__(Point)
    assert p.y == 0 and p.label == "", "y and label have defaults 0 and ''"
    with pytest.raises(AttributeError, match="Point.x"):
        p.x
        pytest.fail("reading Point.x before it is set should be an AttributeError naming it")
    assert getattr(p, "x", "fallback") == "fallback", "getattr with a default works (it needs an AttributeError)"
    p.y = 5
    del p.y
    assert p.y == 0, "deleting y brings back its default"
    with pytest.raises(AttributeError, match="Point.x"):
        del p.x
        pytest.fail("deleting an unset Point.x should be an AttributeError")
    p.x = 1
    del p.x
    assert not hasattr(p, "x"), "after del p.x it has no value again"


def test_class_access_returns_the_descriptor():
    """Point.x (on the class) is the descriptor itself"""
    Point = make_point()
    assert isinstance(Point.x, Typed) and Point.x is vars(Point)["x"], (
        f"Point.x should return the Typed descriptor (for obj None, return self), got {Point.x!r}")
    assert isinstance(make_account().balance, Bounded)


def test_typed_is_a_data_descriptor():
    """Typed defines __set__: it sees every assignment, even with a same-named instance attribute"""
    Point = make_point()
    p = Point(1)
    assert hasattr(type(vars(Point)["x"]), "__set__"), "Typed must define __set__ to validate assignments"
    vars(p)["y"] = 99  # someone writes into the instance dict directly
    with pytest.raises(TypeError):
        p.y = "not an int"
        pytest.fail("an assignment must still go through Typed.__set__, however the instance dict looks")


def test_instances_stay_collectable_and_may_be_unhashable():
    """values don't keep instances alive, and instances need not be hashable"""
    class Unhashable:
        n = Typed(int)

        def __eq__(self, other):
            return True

    u = Unhashable()
    u.n = 3
    assert u.n == 3, "an instance without __hash__ must work: don't key a dict by the instance"
    ref = weakref.ref(u)
    del u
    gc.collect()
    assert ref() is None, "the instance was kept alive after it was deleted: store the value in the instance"


def test_subclasses_inherit_typed_attributes():
    """a subclass inherits the descriptors, and validation with them"""
    Point = make_point()

    class Point3(Point):
        z = Typed(int, default=0)

    p = Point3(1, 2)
    p.z = 3
    assert (p.x, p.y, p.z) == (1, 2, 3)
    with pytest.raises(TypeError, match="Point3.z"):
        p.z = 1.5
    with pytest.raises(TypeError, match="x"):
        p.x = "no"


def test_bounded():
    """Bounded checks the type, then min and max (inclusive), naming the attribute"""
    Account = make_account()
    a = Account()
    assert issubclass(Bounded, Typed), "Bounded should extend Typed (override its validation, reuse the rest)"
    for ok in (0, 0.0, 1e9):
        a.balance = ok
        assert a.balance == ok
    with pytest.raises(ValueError) as caught:
        a.balance = -0.01
    assert "Account.balance" in str(caught.value), f"the ValueError should name Account.balance: {caught.value}"
    assert a.balance == 1e9, "a refused value must not be stored"
    a.rate = 0.0
    a.rate = 1.0
    assert a.rate == 1.0, "the bounds are inclusive"
    for bad in (1.0001, -0.5):
        with pytest.raises(ValueError, match="Account.rate"):
            a.rate = bad
    with pytest.raises(TypeError, match="Account.rate"):
        a.rate = 1
        pytest.fail("Bounded(float) should refuse the int 1: the type is checked first")
    assert Account().rate == 0.5, "Bounded takes a default too"
    a.grade = "A"
    a.grade = "F"
    with pytest.raises(ValueError, match="Account.grade"):
        a.grade = "G"
    with pytest.raises(TypeError, match="Account.grade"):
        a.grade = 3


def test_lazy_computes_once():
    """lazy computes on first access, then the value is a plain instance attribute"""
    calls = []

    class Circle:
        def __init__(self, r):
            self.r = r

        @lazy
        def area(self):
            """The area, computed once."""
            calls.append(self.r)
            return 3 * self.r ** 2

    c = Circle(2)
    assert calls == [], "nothing is computed before the first access"
    assert c.area == 12 and c.area == 12 and calls == [2], f"area should be computed once, calls: {calls}"
    assert vars(c).get("area") == 12, "the value should be stored in the instance's __dict__ under 'area'"
    d = Circle(3)
    assert d.area == 27 and calls == [2, 3], "each instance computes its own"
    del c.area
    assert c.area == 12 and calls == [2, 3, 2], "after del, the next access computes again"
    assert isinstance(Circle.area, lazy), "Circle.area on the class should be the lazy descriptor"
    assert Circle.area.__doc__ == "The area, computed once.", "lazy should keep the function's docstring"


def test_lazy_is_a_non_data_descriptor():
    """lazy defines no __set__: assigning simply sets the instance attribute, and wins"""
    class Thing:
        @lazy
        def value(self):
            return "computed"

    assert not hasattr(lazy, "__set__") and not hasattr(lazy, "__delete__"), (
        "lazy should define only __get__ (a non-data descriptor): then, once the value is in the instance "
        "__dict__, Python finds it there first and never calls lazy again")
    t = Thing()
    t.value = "assigned"
    assert t.value == "assigned", "an assigned value wins over the lazy one"


def test_lazy_uses_the_attribute_name():
    """stored under the name it is assigned to, which may differ from the function's name"""
    calls = []

    def compute(self):
        calls.append(1)
        return 42

    class Box:
        answer = lazy(compute)

    b = Box()
    assert b.answer == 42 and b.answer == 42 and calls == [1], (
        "Box.answer = lazy(compute) should compute once: store the value under 'answer' (the name __set_name__ "
        f"gives), not 'compute'; calls: {len(calls)}")
    assert "answer" in vars(b) and "compute" not in vars(b)


def make_temperature(log):
    class Temperature:
        def __init__(self):
            self._c = 0.0

        @my_property
        def celsius(self):
            """Degrees Celsius."""
            log.append("get")
            return self._c

        @celsius.setter
        def celsius(self, value):
            log.append("set")
            if value < -273.15:
                raise ValueError("below absolute zero")
            self._c = value

        @celsius.deleter
        def celsius(self):
            log.append("del")
            self._c = 0.0

        @my_property
        def kelvin(self):
            return self._c + 273.15

    return Temperature


def test_my_property_get_set_delete():
    """my_property calls the getter, setter and deleter"""
    log = []
    t = make_temperature(log)()
    t.celsius = 25
    assert t.celsius == 25 and log == ["set", "get"], f"set then get should call the setter then the getter: {log}"
    with pytest.raises(ValueError):
        t.celsius = -300
    del t.celsius
    assert t.celsius == 0.0 and log[-2:] == ["del", "get"], f"del should call the deleter: {log}"
    assert t.kelvin == pytest.approx(273.15)


def test_my_property_read_only():
    """without a setter or deleter, assigning or deleting is an AttributeError naming it"""
    t = make_temperature([])()
    with pytest.raises(AttributeError, match="kelvin"):
        t.kelvin = 0
        pytest.fail("kelvin has no setter: assigning it should be an AttributeError")
    assert "kelvin" not in vars(t), "the refused value must not land in the instance dict"
    with pytest.raises(AttributeError, match="kelvin"):
        del t.kelvin
    class NoGetter:
        w = my_property(None, lambda self, v: None)
    with pytest.raises(AttributeError, match="w"):
        NoGetter().w


def test_my_property_is_a_data_descriptor():
    """an instance attribute of the same name does not shadow it"""
    Temperature = make_temperature([])
    t = Temperature()
    vars(t)["kelvin"] = "shadow"
    assert t.kelvin == pytest.approx(273.15), (
        "my_property must be a data descriptor (define __set__ and __delete__ even without fset/fdel), so it wins "
        "over the instance dict, as property does")


def test_my_property_chaining_makes_new_objects():
    """getter/setter/deleter return a new my_property; the original is unchanged"""
    def fget(self):
        """doc of fget"""
        return 1

    def fset(self, value):
        pass

    def fdel(self):
        pass

    p1 = my_property(fget)
    p2 = p1.setter(fset)
    p3 = p2.deleter(fdel)
    assert type(p2) is my_property and p2 is not p1, "setter() should return a new my_property"
    assert (p1.fget, p1.fset, p1.fdel) == (fget, None, None), "the original must keep fset None"
    assert (p2.fget, p2.fset, p2.fdel) == (fget, fset, None)
    assert (p3.fget, p3.fset, p3.fdel) == (fget, fset, fdel)
    p4 = p3.getter(lambda self: 2)
    assert p4.fset is fset and p4.fdel is fdel and p4.fget is not fget
    assert p1.__doc__ == "doc of fget", "the docstring comes from the getter"
    assert my_property(fget, doc="explicit").__doc__ == "explicit"
    Temperature = make_temperature([])
    assert isinstance(Temperature.celsius, my_property), "Temperature.celsius on the class is the descriptor"
    assert Temperature.celsius.__doc__ == "Degrees Celsius."


def test_no_builtin_property():
    """my_property and lazy are yours: no property, no functools.cached_property"""
    my_property(lambda self: 1)
    assert_not_used("the built-in property or functools.cached_property", names=["property", "cached_property"],
                    attributes=["cached_property"])

import abc
import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from strict_class_meta import StrictABCMeta, StrictMeta


def qualified(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


def test_an_ordinary_class_works():
    """a class without duplicates is made as usual, and registered"""
    class Point(metaclass=StrictMeta):
        """A point."""
        dims: int = 2

        def __init__(self, x, y):
            self.x, self.y = x, y

        @property
        def norm(self):
            return (self.x ** 2 + self.y ** 2) ** 0.5

        @norm.setter
        def norm(self, value):
            raise AttributeError("read-only")

    p = Point(3, 4)
    assert type(Point) is StrictMeta and p.norm == 5 and Point.dims == 2 and Point.__doc__ == "A point."
    assert Point.__annotations__ == {"dims": int} or Point.__annotations__ == {"dims": "int"}
    got = StrictMeta.registry.get(qualified(Point))
    assert got is Point, f"StrictMeta.registry[{qualified(Point)!r}] should be the class, got {got!r}"


def test_duplicate_method_is_refused():
    """a method defined twice in a class body is a TypeError when the class statement runs"""
    StrictMeta.registry  # noqa: B018
    with pytest.raises(TypeError) as caught:
        class Circle(metaclass=StrictMeta):
            def area(self):
                return 1

            def perimeter(self):
                return 2

            def area(self):  # noqa: F811 - the point of the test
                return 3
    message = str(caught.value)
    assert "area" in message and "Circle" in message, f"the message should name the class and 'area', got {message!r}"
    assert not any(key.endswith(".Circle") and "test_duplicate_method_is_refused" in key for key in StrictMeta.registry), (
        "a refused class must not be registered")


@pytest.mark.parametrize("body, name", [
    ("x = 1\ny = 2\nx = 3", "x"),
    ("def f(self): pass\nf = 5", "f"),
    ("limit = 10\ndef limit(self): pass", "limit"),
    ("class Inner: pass\nInner = None", "Inner"),
    ("import os\nos = 1", "os"),
    ("@property\ndef p(self): return 1\np = 2", "p"),
    ("@staticmethod\ndef s(): pass\n@classmethod\ndef s(cls): pass", "s"),
])
def test_any_duplicate_binding(body, name):
    """any name bound twice (assignment, def, class, import) is refused, naming it"""
    StrictMeta.registry  # noqa: B018
    source = "class C(metaclass=StrictMeta):\n" + textwrap.indent(body, "    ")
    with pytest.raises(TypeError, match=repr(name)):
        exec(source, {"StrictMeta": StrictMeta, "__name__": "generated"})
        pytest.fail(f"a class body that binds {name!r} twice should be refused:\n{source}")


def test_property_chains_are_allowed():
    """@x.setter / @x.deleter rebinding a property is not a duplicate"""
    class Temperature(metaclass=StrictMeta):
        def __init__(self):
            self._c = 0

        @property
        def celsius(self):
            return self._c

        @celsius.setter
        def celsius(self, value):
            self._c = value

        @celsius.deleter
        def celsius(self):
            self._c = 0

    t = Temperature()
    t.celsius = 5
    assert t.celsius == 5


NAMES = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=6)


@settings(max_examples=60)
@given(NAMES, st.lists(st.sampled_from(["assign", "def", "class"]), min_size=6, max_size=6))
def test_duplicates_anywhere(names, kinds):
    """for random class bodies: refused exactly when a name repeats, naming the first repeat"""
    lines = []
    for name, kind in zip(names, kinds):
        lines.append({"assign": f"{name} = 1", "def": f"def {name}(self): pass", "class": f"class {name}: pass"}[kind])
    source = "class C(metaclass=StrictMeta):\n" + textwrap.indent("\n".join(lines), "    ")
    seen, repeat = set(), None
    for name in names:
        if name in seen:
            repeat = name
            break
        seen.add(name)
    env = {"StrictMeta": StrictMeta, "__name__": "generated"}
    if repeat is None:
        exec(source, env)
        assert isinstance(env["C"], StrictMeta)
    else:
        with pytest.raises(TypeError) as caught:
            exec(source, env)
        assert repr(repeat) in str(caught.value), f"the body\n{source}\nrepeats {repeat!r} first: got {caught.value}"


def test_class_features_still_work():
    """super(), class keywords for __init_subclass__, and subclasses all work under StrictMeta"""
    seen = []

    class Base(metaclass=StrictMeta):
        def __init_subclass__(cls, /, tag=None, **kwargs):
            super().__init_subclass__(**kwargs)
            seen.append((cls.__name__, tag))

        def hello(self):
            return "base"

    class Child(Base, tag="t"):
        def hello(self):
            return "child+" + super().hello()

    assert Child().hello() == "child+base", "zero-argument super() must work (keep __classcell__)"
    assert seen == [("Child", "t")], "class keywords must reach __init_subclass__ (pass **kwargs on)"
    assert type(Child) is StrictMeta and StrictMeta.registry[qualified(Child)] is Child


def test_registry_keys():
    """the registry maps 'module.qualname' to the class; a redefinition replaces it"""
    def make():
        class Plugin(metaclass=StrictMeta):
            pass
        return Plugin

    first, second = make(), make()
    key = f"{__name__}.test_registry_keys.<locals>.make.<locals>.Plugin"
    assert qualified(first) == key
    assert StrictMeta.registry[key] is second, "defining the class again replaces the entry"
    assert isinstance(StrictMeta.registry, dict)


def shape_class():
    """A fresh strict class with a method, a classmethod, a staticmethod and __init__ to override."""
    class Shape(metaclass=StrictMeta):
        def scale(self, factor, *, around=None):
            return "shape"

        @classmethod
        def parse(cls, text):
            return cls

        @staticmethod
        def unit(name):
            return name

        def __init__(self, a):
            self.a = a

    return Shape


def test_overrides_keep_the_signature():
    """an override with the same parameters is fine; defaults and annotations may differ"""
    Shape = shape_class()

    class Square(Shape):
        def scale(self, factor: float = 2.0, *, around: tuple = (0, 0)) -> str:
            return "square"

        @classmethod
        def parse(cls, text):
            return "square"

        @staticmethod
        def unit(name):
            return name.upper()

        def __init__(self, a, b, c):  # special methods may differ
            super().__init__(a)

        def _helper(self, anything):  # private methods are not checked
            return anything

    assert Square(1, 2, 3).scale() == "square" and Square.parse("x") == "square" and Square.unit("m") == "M"


@pytest.mark.parametrize("override", [
    "def scale(self, factor, extra): pass",
    "def scale(self): pass",
    "def scale(self, k, *, around=None): pass",
    "def scale(self, *, factor, around=None): pass",
    "def scale(self, factor, around=None): pass",
    "def scale(self, factor, *args, around=None): pass",
    "def scale(self, factor, *, around=None, **kw): pass",
    "@staticmethod\ndef scale(factor, *, around=None): pass",
    "@classmethod\ndef parse(cls, text, strict): pass",
])
def test_changed_signature_is_refused(override):
    """an override that changes the parameters (names, kinds or number) is a TypeError"""
    Shape = shape_class()
    name = "parse" if "parse" in override else "scale"
    source = "class Bad(Shape):\n" + textwrap.indent(override, "    ")
    env = {"Shape": Shape, "__name__": "generated"}
    with pytest.raises(TypeError) as caught:
        exec(source, env)
        pytest.fail(f"this override should be refused: it changes Shape.{name}'s parameters\n{source}")
    message = str(caught.value)
    assert "Bad" in message and "Shape" in message and name in message, (
        f"the message should name Bad.{name} and Shape.{name}, got {message!r}")
    assert "generated.Bad" not in StrictMeta.registry, "a refused class must not be registered"


def test_overrides_checked_against_the_nearest_parent():
    """the check follows the MRO: a grandparent's method, and a plain (non-strict) base's, count too"""
    class Plain:
        def run(self, job):
            return job

    class Worker(Plain, metaclass=StrictMeta):
        pass

    with pytest.raises(TypeError, match="run"):
        class Fast(Worker):
            def run(self, job, priority):
                return job

    class Runner(Worker):
        def run(self, job):
            return "runner"

    assert Runner().run(1) == "runner"

    class Extended(Plain):  # not strict: free to change run()
        def run(self, job, extra):
            return job

    class Strict(Extended, metaclass=StrictMeta):
        def run(self, job, extra):  # matches Extended.run, the nearest: fine
            return "strict"

    assert Strict().run(1, 2) == "strict", "only the nearest definition in the MRO counts, not every ancestor's"


def test_works_with_abcmeta():
    """StrictABCMeta combines both: abstract methods are enforced, and so are the strict rules"""
    class Shape(metaclass=StrictABCMeta):
        @abc.abstractmethod
        def area(self):
            ...

    assert issubclass(StrictABCMeta, StrictMeta) and issubclass(StrictABCMeta, abc.ABCMeta), (
        "StrictABCMeta should derive from both StrictMeta and ABCMeta")

    with pytest.raises(TypeError):
        Shape()
        pytest.fail("Shape has an abstract area(): it should not be instantiable")

    class Square(Shape):
        def __init__(self, side):
            self.side = side

        def area(self):
            return self.side ** 2

    assert Square(3).area() == 9 and isinstance(Square(1), Shape)
    assert StrictMeta.registry[qualified(Square)] is Square
    with pytest.raises(TypeError, match="area"):
        class Wrong(Shape):
            def area(self, units):
                return 0
    with pytest.raises(TypeError, match="area"):
        class Twice(Shape):
            def area(self):
                return 1

            def area(self):  # noqa: F811
                return 2

    class Legacy:
        def area(self):
            return 0

    Shape.register(Legacy)
    assert isinstance(Legacy(), Shape), "ABCMeta's register() still works"


def test_metaclass_conflict_resolved():
    """bases with StrictMeta and ABCMeta conflict; metaclass=StrictABCMeta resolves it"""
    class StrictBase(metaclass=StrictMeta):
        def ping(self):
            return "pong"

    class Interface(abc.ABC):
        @abc.abstractmethod
        def ping(self):
            ...

    with pytest.raises(TypeError, match="metaclass conflict"):
        class Broken(StrictBase, Interface):
            pass

    class Mixed(StrictBase, Interface, metaclass=StrictABCMeta):
        pass

    assert Mixed().ping() == "pong" and isinstance(Mixed(), Interface) and type(Mixed) is StrictABCMeta

"""Design a Shape interface, and immutable Circle, Rectangle, Square and Triangle classes behind it.

`Shape` is an abstract base class. It asks each subclass for three primitives, and builds all
the rest on them, once, for every shape there is or will be:

    primitives (abstract)      area(), perimeter(), params()
    built on them in Shape     validation and immutability, scaled(k), ==, hash(),
                               < <= > >= (by area), repr()

    >>> Triangle(5, 3, 4)
    Triangle(3, 4, 5)
    >>> Square(2).scaled(1.5)
    Square(3.0)
    >>> sorted([Square(2), Circle(1), Rectangle(1, 2)])
    [Rectangle(1, 2), Circle(1), Square(2)]
    >>> Square(2) == Rectangle(2, 2), Square(2) <= Rectangle(1, 4) <= Square(2)
    (False, True)

The interface, exactly (a new shape written elsewhere, say a Hexagon, must get everything by
following it):
- A subclass's __init__ calls ``super().__init__(name=value, ...)`` with its lengths by name:
  ``Shape.__init__(**lengths)`` checks each is an int or float, not a bool (TypeError
  otherwise) and positive and finite (ValueError otherwise, NaN too), and stores it as an
  attribute: after ``super().__init__(radius=2)``, ``self.radius == 2``.
- ``params()`` returns the constructor's arguments as a tuple: ``type(s)(*s.params()) == s``.
- Shapes are immutable: setting, adding or deleting any attribute is an AttributeError.
- ``scaled(k)`` returns a new shape of the same class with every length times k (all params
  are lengths); so a bad k is refused by the constructor.
- Two shapes are equal when they are of the same class with equal params() (so Square(2) is
  not equal to Rectangle(2, 2)); equal shapes have equal hashes. Against a non-shape __eq__
  returns NotImplemented, so the other object decides (a shape is never equal to a number).
- ``<``, ``<=``, ``>``, ``>=`` compare areas, across classes; against a non-shape they are a
  TypeError. Careful: two shapes of equal area are ``<=`` each other without being ``==``.
- ``repr(s)`` is ``ClassName(p1, p2, ...)`` with the params' reprs.
- A subclass that lacks any of the three primitives cannot be instantiated (TypeError).

The shapes: ``Circle(radius)``, ``Rectangle(width, height)``, ``Square(side)`` (a Rectangle
subclass: it inherits area() and perimeter(), and has ``side``, ``width`` and ``height``), and
``Triangle(a, b, c)``, which keeps its sides in ascending order (so Triangle(5, 3, 4) ==
Triangle(3, 4, 5)) and raises ValueError unless the longest side is shorter than the other two
together. Its area from the sides is Heron's formula, √(s(s−a)(s−b)(s−c)) with s the half
perimeter.

No code may ask which concrete class a shape is (isinstance(x, Circle), type(x) is Square...):
each class answers for itself. That is polymorphism.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Any


class Shape(ABC):
    """An immutable plane shape, defined by a few lengths."""

    def __init__(self, **lengths: float) -> None:
        """Store the defining lengths, by name, after checking each is a positive number."""
        raise NotImplementedError

    @abstractmethod
    def area(self) -> float:
        """The area."""

    @abstractmethod
    def perimeter(self) -> float:
        """The length of the boundary."""

    @abstractmethod
    def params(self) -> tuple[float, ...]:
        """The constructor's arguments: ``type(s)(*s.params()) == s``."""

    # TODO: immutability (which methods does Python call for `s.x = 1` and `del s.x`?)

    def scaled(self, factor: float) -> Shape:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        raise NotImplementedError

    def __hash__(self) -> int:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        raise NotImplementedError

    def __le__(self, other: object) -> bool:
        raise NotImplementedError

    def __gt__(self, other: object) -> bool:
        raise NotImplementedError

    def __ge__(self, other: object) -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        raise NotImplementedError


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError

    def perimeter(self) -> float:
        raise NotImplementedError

    def params(self) -> tuple[float, ...]:
        raise NotImplementedError


class Rectangle(Shape):
    def __init__(self, width: float, height: float) -> None:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError

    def perimeter(self) -> float:
        raise NotImplementedError

    def params(self) -> tuple[float, ...]:
        raise NotImplementedError


class Square(Rectangle):
    def __init__(self, side: float) -> None:
        raise NotImplementedError

    # area() and perimeter() come from Rectangle

    # TODO: a read-only `side`

    def params(self) -> tuple[float, ...]:
        raise NotImplementedError


class Triangle(Shape):
    def __init__(self, a: float, b: float, c: float) -> None:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError

    def perimeter(self) -> float:
        raise NotImplementedError

    def params(self) -> tuple[float, ...]:
        raise NotImplementedError

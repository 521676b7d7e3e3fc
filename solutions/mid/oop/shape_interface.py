"""A Shape interface: the base class holds every behaviour that only needs the interface.

Shape asks its subclasses for three primitives (area, perimeter, params) and builds everything
else on them: validation and immutability, scaling, equality and hashing, ordering by area and
repr. A new shape gets all of that by writing the three primitives; nothing in this file asks
which concrete class an object is.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Any


class Shape(ABC):
    """An immutable plane shape, defined by a few lengths."""

    def __init__(self, **lengths: float) -> None:
        """Store the defining lengths, by name, after checking each is a positive number."""
        for name, value in lengths.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name} must be a number, not {type(value).__name__}")
            if not (value > 0 and math.isfinite(value)):
                raise ValueError(f"{name} must be a positive finite number, got {value!r}")
            object.__setattr__(self, name, value)  # our own __setattr__ refuses everyone

    # -- the primitives every shape provides ----------------------------------------------------
    @abstractmethod
    def area(self) -> float:
        """The area."""

    @abstractmethod
    def perimeter(self) -> float:
        """The length of the boundary."""

    @abstractmethod
    def params(self) -> tuple[float, ...]:
        """The constructor's arguments: ``type(s)(*s.params()) == s``."""

    # -- immutability -----------------------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: make a new one (scaled() does)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    # -- built on the primitives --------------------------------------------------------------
    def scaled(self, factor: float) -> Shape:
        """A new shape of the same kind, every length multiplied by ``factor``."""
        return type(self)(*(p * factor for p in self.params()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Shape):
            return NotImplemented
        # the same kind of shape with the same lengths; a Square is never equal to a Rectangle
        return type(self) is type(other) and self.params() == other.params()

    def __hash__(self) -> int:
        return hash((type(self), self.params()))  # equal shapes have equal params: equal hashes

    # Ordering compares areas. All four are written out: functools.total_ordering would derive
    # <= as "< or ==", but two shapes of the same area need not be equal (Square(2), Rectangle(1, 4)).
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() < other.area()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() <= other.area()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() > other.area()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() >= other.area()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self.params()))})"


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        super().__init__(radius=radius)

    def area(self) -> float:
        return math.pi * self.radius ** 2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius

    def params(self) -> tuple[float, ...]:
        return (self.radius,)


class Rectangle(Shape):
    def __init__(self, width: float, height: float) -> None:
        super().__init__(width=width, height=height)

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)

    def params(self) -> tuple[float, ...]:
        return (self.width, self.height)


class Square(Rectangle):
    """A Rectangle with equal sides: it inherits area() and perimeter(), and since shapes are
    immutable no code holding a Rectangle can break it by setting the width alone."""

    def __init__(self, side: float) -> None:
        super().__init__(side, side)

    @property
    def side(self) -> float:
        return self.width

    def params(self) -> tuple[float, ...]:
        return (self.side,)


class Triangle(Shape):
    """A triangle from its three sides, kept in ascending order (so equal triangles compare equal)."""

    def __init__(self, a: float, b: float, c: float) -> None:
        super().__init__(a=a, b=b, c=c)  # type and sign checks first: sorted() needs numbers
        a, b, c = sorted((a, b, c))
        if a + b <= c:
            raise ValueError(f"sides {a}, {b}, {c} break the triangle inequality: {a} + {b} <= {c}")
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)
        object.__setattr__(self, "c", c)

    def area(self) -> float:
        a, b, c = self.a, self.b, self.c
        # Heron's formula in Kahan's arrangement (c >= b >= a): stays accurate for needle-thin triangles
        return 0.25 * math.sqrt((c + (b + a)) * (a - (c - b)) * (a + (c - b)) * (c + (b - a)))

    def perimeter(self) -> float:
        return self.a + self.b + self.c

    def params(self) -> tuple[float, ...]:
        return (self.a, self.b, self.c)

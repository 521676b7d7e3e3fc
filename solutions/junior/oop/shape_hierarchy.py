"""Build a class hierarchy of shapes: `Shape` (the base class), `Square` and `Triangle`, each with `area()`."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Iterable


def _length(label: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{label} must be a number, not {type(value).__name__}")
    if not value > 0:
        raise ValueError(f"{label} must be greater than 0, got {value!r}")
    return value


class Shape(ABC):
    """The base class of all shapes. Abstract: only its subclasses can be instantiated."""

    @abstractmethod
    def area(self) -> float:
        """The shape's area. Every subclass must implement this."""
        raise NotImplementedError

    def describe(self) -> str:
        # self.area() is the subclass's method: one describe() serves every shape
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, side: float) -> None:
        self.side = _length("side", side)

    def area(self) -> float:
        return self.side ** 2


class Triangle(Shape):
    def __init__(self, a: float, b: float, c: float) -> None:
        a, b, c = _length("a", a), _length("b", b), _length("c", c)
        # sorted, the longest side must be shorter than the other two together
        small, middle, longest = sorted((a, b, c))
        if not small + middle > longest:
            raise ValueError(f"sides {a}, {b}, {c} do not make a triangle")
        self.a, self.b, self.c = a, b, c

    def area(self) -> float:
        s = (self.a + self.b + self.c) / 2  # Heron's formula
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))


def total_area(shapes: Iterable[Shape]) -> float:
    return sum(shape.area() for shape in shapes)

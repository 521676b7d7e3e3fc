"""Build a class hierarchy of shapes: `Shape` (the base class), `Square` and `Triangle`, each with `area()`.

    >>> Square(3).area()
    9
    >>> Triangle(3, 4, 5).area()
    6.0
    >>> Triangle(3, 4, 5).describe()
    'Triangle with area 6.00'
    >>> total_area([Square(2), Triangle(3, 4, 5)])
    10.0

Rules:
- `Shape` is abstract (an ABC with `area()` as an abstractmethod, already written): it cannot be
  instantiated, and neither can a subclass that doesn't implement `area()`.
- `describe()` is written once, in Shape: "CLASSNAME with area AREA", the area with 2 decimals.
- `Square(side)` and `Triangle(a, b, c)` (the three side lengths) take numbers (int or float;
  TypeError otherwise, bool included) greater than 0 (ValueError otherwise, for NaN too).
- A triangle's sides must satisfy the triangle inequality: each side is shorter than the other
  two together (so 1, 2, 3 is flat, not a triangle): ValueError otherwise.
- A triangle's area from its three sides is Heron's formula: with s = (a + b + c) / 2,
  area = √(s (s − a) (s − b) (s − c)).
- `total_area(shapes)` adds up the areas of any shapes (0 for none), without caring which kind
  each one is.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Iterable


class Shape(ABC):
    """The base class of all shapes. Abstract: only its subclasses can be instantiated."""

    @abstractmethod
    def area(self) -> float:
        """The shape's area. Every subclass must implement this."""
        raise NotImplementedError  # (this one stays: a generic shape has no area)

    def describe(self) -> str:
        """'Square with area 9.00'"""
        raise NotImplementedError


class Square(Shape):
    def __init__(self, side: float) -> None:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError


class Triangle(Shape):
    def __init__(self, a: float, b: float, c: float) -> None:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError


def total_area(shapes: Iterable[Shape]) -> float:
    """The sum of the areas of ``shapes``."""
    raise NotImplementedError

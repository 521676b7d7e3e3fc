"""Write a class `Rectangle` with methods that calculate its area and its perimeter.

    >>> r = Rectangle(3, 4)
    >>> r.area()
    12
    >>> r.perimeter()
    14
    >>> r.is_square()
    False
    >>> r
    Rectangle(width=3, height=4)
    >>> Rectangle(3, 4) == Rectangle(3, 4)
    True

Rules:
- `width` and `height` are numbers (int or float; TypeError for anything else, bool included)
  and must be greater than 0 (ValueError otherwise, NaN included: `nan <= 0` is False!).
- `area()` is width × height and `perimeter()` is 2 × (width + height).
- `is_square()` is True when width equals height.
- Two rectangles are equal (==) when they have the same width and the same height;
  a rectangle is never equal to something that is not a Rectangle (return NotImplemented
  from `__eq__` for other types and Python handles the rest).
"""

from __future__ import annotations


class Rectangle:
    """A rectangle with a positive width and height."""

    def __init__(self, width: float, height: float) -> None:
        # TODO: check both sides, then keep them as self.width and self.height
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError

    def perimeter(self) -> float:
        raise NotImplementedError

    def is_square(self) -> bool:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        """'Rectangle(width=3, height=4)'"""
        raise NotImplementedError

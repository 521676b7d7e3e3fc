"""Write a class `Rectangle` with methods that calculate its area and its perimeter."""

from __future__ import annotations


def _side(label: str, value: float) -> float:
    """Return ``value`` if it is a valid side length, else raise TypeError or ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{label} must be a number, not {type(value).__name__}")
    if not value > 0:  # written this way round so that NaN is rejected too
        raise ValueError(f"{label} must be greater than 0, got {value!r}")
    return value


class Rectangle:
    """A rectangle with a positive width and height."""

    def __init__(self, width: float, height: float) -> None:
        self.width = _side("width", width)
        self.height = _side("height", height)

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)

    def is_square(self) -> bool:
        return self.width == self.height

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rectangle):
            return NotImplemented  # let Python try other.__eq__, then fall back to identity
        return (self.width, self.height) == (other.width, other.height)

    # defining __eq__ sets __hash__ to None; these rectangles are mutable, so unhashable is right

    def __repr__(self) -> str:
        return f"{type(self).__name__}(width={self.width!r}, height={self.height!r})"

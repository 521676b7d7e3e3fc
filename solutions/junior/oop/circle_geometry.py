"""Write a class `Circle` that takes a radius and calculates its area and circumference."""

from __future__ import annotations

import math


class Circle:
    """A circle with a non-negative radius."""

    def __init__(self, radius: float) -> None:
        self.radius = radius  # goes through the setter below, so __init__ is checked too

    @property
    def radius(self) -> float:
        return self._radius

    @radius.setter
    def radius(self, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"radius must be a number, not {type(value).__name__}")
        if not value >= 0:  # also rejects NaN
            raise ValueError(f"radius cannot be negative, got {value!r}")
        self._radius = value  # only reached when the value is good

    @property
    def diameter(self) -> float:
        return 2 * self._radius

    def area(self) -> float:
        return math.pi * self._radius ** 2

    def circumference(self) -> float:
        return 2 * math.pi * self._radius

    def __repr__(self) -> str:
        return f"{type(self).__name__}(radius={self._radius!r})"

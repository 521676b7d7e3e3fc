"""Write a class `Circle` that takes a radius and calculates its area and circumference.

    >>> c = Circle(1)
    >>> round(c.area(), 4)
    3.1416
    >>> round(c.circumference(), 4)
    6.2832
    >>> c.diameter
    2
    >>> c
    Circle(radius=1)
    >>> c.radius = 3
    >>> round(c.area(), 2)
    28.27

Rules:
- The radius is a number (int or float; TypeError for anything else, bool included) and must be 0
  or more (ValueError otherwise, NaN included); a radius of 0 is allowed.
- `radius` is a property: setting it later (`c.radius = 3`) is checked the same way, and a bad
  value leaves the old radius in place.
- `area()` is π r² and `circumference()` is 2 π r, both as floats. Use `math.pi`, not 3.14.
- `diameter` is a read-only property: twice the radius.
"""

from __future__ import annotations

import math


class Circle:
    """A circle with a non-negative radius."""

    def __init__(self, radius: float) -> None:
        # TODO: set the radius through the property, so it is checked
        raise NotImplementedError

    @property
    def radius(self) -> float:
        raise NotImplementedError

    @radius.setter
    def radius(self, value: float) -> None:
        # TODO: check the value; keep it in another attribute, e.g. self._radius
        raise NotImplementedError

    @property
    def diameter(self) -> float:
        raise NotImplementedError

    def area(self) -> float:
        raise NotImplementedError

    def circumference(self) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        """'Circle(radius=2)'"""
        raise NotImplementedError

"""Write a class `Car` that keeps a car's make, model and year and can display its information."""

from __future__ import annotations


class Car:
    """A car with a make, a model and a model year."""

    def __init__(self, make: str, model: str, year: int) -> None:
        for label, value in (("make", make), ("model", model)):
            if not isinstance(value, str):
                raise TypeError(f"{label} must be a string, not {type(value).__name__}")
            if not value:
                raise ValueError(f"{label} must not be empty")
        # bool is a subclass of int, so rule it out explicitly: Car("VW", "Golf", True) is a mistake
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        self.make = make
        self.model = model
        self.year = year

    def __str__(self) -> str:
        return f"{self.year} {self.make} {self.model}"

    def __repr__(self) -> str:
        # !r quotes the strings, so the result is valid Python that rebuilds an equal car
        return f"{type(self).__name__}(make={self.make!r}, model={self.model!r}, year={self.year!r})"

    def display(self) -> None:
        print(self)  # print() calls str() for us

    def age(self, current_year: int) -> int:
        if current_year < self.year:
            raise ValueError(f"the car was made in {self.year}, after {current_year}")
        return current_year - self.year

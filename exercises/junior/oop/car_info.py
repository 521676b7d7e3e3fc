"""Write a class `Car` that keeps a car's make, model and year and can display its information.

    >>> car = Car("Toyota", "Corolla", 2020)
    >>> car.make, car.model, car.year
    ('Toyota', 'Corolla', 2020)
    >>> str(car)
    '2020 Toyota Corolla'
    >>> car
    Car(make='Toyota', model='Corolla', year=2020)
    >>> car.display()
    2020 Toyota Corolla
    >>> car.age(2024)
    4

Rules:
- `make` and `model` must be strings (TypeError otherwise) and not empty (ValueError).
- `year` must be an int (TypeError for anything else, a float or a bool included).
- `str(car)` is "YEAR MAKE MODEL", for people; `repr(car)` is Python code that rebuilds the car,
  for programmers (it is what the interpreter shows).
- `display()` prints `str(car)` on one line and returns None.
- `age(current_year)` is how many whole years old the car is in `current_year`; asking about a
  year before the car was made raises ValueError.
"""

from __future__ import annotations


class Car:
    """A car with a make, a model and a model year."""

    def __init__(self, make: str, model: str, year: int) -> None:
        # TODO: check the arguments, then keep them as self.make, self.model, self.year
        raise NotImplementedError

    def __str__(self) -> str:
        """'2020 Toyota Corolla'"""
        raise NotImplementedError

    def __repr__(self) -> str:
        """"Car(make='Toyota', model='Corolla', year=2020)" """
        raise NotImplementedError

    def display(self) -> None:
        """Print the car's information (its str) on one line."""
        raise NotImplementedError

    def age(self, current_year: int) -> int:
        """How many years old the car is in ``current_year``; ValueError if that is before ``year``."""
        raise NotImplementedError

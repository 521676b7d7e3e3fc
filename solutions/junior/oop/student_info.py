"""Write a class `Student` with a name and an age, and a method that prints its information."""

from __future__ import annotations


class Student:
    """A student with a name and an age."""

    def __init__(self, name: str, age: int) -> None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, not {type(name).__name__}")
        if not name.strip():
            raise ValueError("name must not be empty")
        if isinstance(age, bool) or not isinstance(age, int):  # True is an int too
            raise TypeError(f"age must be an int, not {type(age).__name__}")
        if age < 0:
            raise ValueError(f"age cannot be negative, got {age}")
        self.name = name
        self.age = age

    @classmethod
    def from_string(cls, text: str) -> Student:
        # cls, not Student: a subclass calling from_string gets an instance of itself
        try:
            name, age = text.split(",")
        except ValueError:  # not exactly two parts
            raise ValueError(f"expected 'name, age', got {text!r}") from None
        return cls(name.strip(), int(age))  # int() strips spaces and raises ValueError itself

    def print_info(self) -> None:
        print(f"Name: {self.name}")
        print(f"Age: {self.age}")

    def have_birthday(self) -> int:
        self.age += 1
        return self.age

    def __str__(self) -> str:
        unit = "year" if self.age == 1 else "years"
        return f"{self.name}, {self.age} {unit} old"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, age={self.age!r})"

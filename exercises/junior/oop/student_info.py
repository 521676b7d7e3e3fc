"""Write a class `Student` with a name and an age, and a method that prints its information.

    >>> alice = Student("Alice", 20)
    >>> alice.print_info()
    Name: Alice
    Age: 20
    >>> str(alice)
    'Alice, 20 years old'
    >>> alice
    Student(name='Alice', age=20)
    >>> alice.have_birthday()
    21
    >>> Student.from_string("Bob, 1")
    Student(name='Bob', age=1)

Rules:
- `name` is a string (TypeError otherwise) that is not empty or only spaces (ValueError).
- `age` is an int (TypeError for anything else, bool included) and not negative (ValueError).
- `print_info()` prints exactly the two lines shown above and returns None.
- `str(student)` says "1 year old" for age 1 and "N years old" otherwise.
- `have_birthday()` adds one to the age and returns the new age.
- `Student.from_string("NAME, AGE")` is a second constructor (a classmethod): it splits the text
  at the comma, strips spaces from both parts and builds the student. Text that is not exactly
  "name, age" (no comma, two commas, an age that is not a number) raises ValueError. Called on a
  subclass, it builds an instance of that subclass.
"""

from __future__ import annotations


class Student:
    """A student with a name and an age."""

    def __init__(self, name: str, age: int) -> None:
        # TODO: check the arguments, then keep them as self.name and self.age
        raise NotImplementedError

    @classmethod
    def from_string(cls, text: str) -> Student:
        """Build a student from text like ``"Alice, 20"``."""
        raise NotImplementedError

    def print_info(self) -> None:
        """Print 'Name: ...' and 'Age: ...' on two lines."""
        raise NotImplementedError

    def have_birthday(self) -> int:
        """Add one year to the age; return the new age."""
        raise NotImplementedError

    def __str__(self) -> str:
        """'Alice, 20 years old' (or '1 year old')"""
        raise NotImplementedError

    def __repr__(self) -> str:
        """"Student(name='Alice', age=20)" """
        raise NotImplementedError

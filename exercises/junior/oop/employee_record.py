"""Write a class `Employee` (name, salary, department) with methods to update and print its details.

    >>> e = Employee("Grace", 55000, "Engineering")
    >>> e.print_details()
    Name: Grace
    Department: Engineering
    Salary: $55,000.00
    >>> e.give_raise(10)
    60500.0
    >>> e.update(department="Research")
    >>> e
    Employee(name='Grace', salary=60500.0, department='Research')

Rules:
- `name` and `department` are strings (TypeError otherwise) and not empty (ValueError).
- `salary` is a number (int or float; TypeError otherwise, bool included), 0 or more (ValueError).
- `details()` returns the three lines shown (no newline at the end); the salary has a thousands
  separator and 2 decimals. `print_details()` prints them and returns None.
- `give_raise(percent)` raises the salary by that percentage, rounds it to 2 decimals (cents) and
  returns the new salary. The percentage is a number, 0 or more (TypeError / ValueError; NaN is
  not a percentage).
- `update(name=..., salary=..., department=...)` (keyword arguments only, all optional) changes
  just the fields given, checked by the same rules as in `__init__`. If any of them is invalid,
  raise and change nothing at all: no half-updated employees.
"""

from __future__ import annotations


class Employee:
    """An employee record."""

    def __init__(self, name: str, salary: float, department: str) -> None:
        # TODO: check the arguments, then keep them as self.name, self.salary, self.department
        raise NotImplementedError

    def details(self) -> str:
        """'Name: ...\\nDepartment: ...\\nSalary: $55,000.00'"""
        raise NotImplementedError

    def print_details(self) -> None:
        raise NotImplementedError

    def give_raise(self, percent: float) -> float:
        """Raise the salary by ``percent`` %, rounded to cents; return the new salary."""
        raise NotImplementedError

    def update(self, *, name: str | None = None, salary: float | None = None,
               department: str | None = None) -> None:
        """Change the fields given (checked); if any is invalid, change none."""
        raise NotImplementedError

    def __repr__(self) -> str:
        """"Employee(name='Grace', salary=55000, department='Engineering')" """
        raise NotImplementedError

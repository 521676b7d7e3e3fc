"""Write a class `Employee` (name, salary, department) with methods to update and print its details."""

from __future__ import annotations


def _text(label: str, value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{label} must be a string, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{label} must not be empty")
    return value


def _amount(label: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{label} must be a number, not {type(value).__name__}")
    if not value >= 0:
        raise ValueError(f"{label} cannot be negative, got {value!r}")
    return value


class Employee:
    """An employee record."""

    def __init__(self, name: str, salary: float, department: str) -> None:
        self.name = _text("name", name)
        self.salary = _amount("salary", salary)
        self.department = _text("department", department)

    def details(self) -> str:
        return "\n".join([
            f"Name: {self.name}",
            f"Department: {self.department}",
            f"Salary: ${self.salary:,.2f}",  # ',' groups thousands, '.2f' gives cents
        ])

    def print_details(self) -> None:
        print(self.details())

    def give_raise(self, percent: float) -> float:
        _amount("percent", percent)
        self.salary = round(self.salary * (1 + percent / 100), 2)
        return self.salary

    def update(self, *, name: str | None = None, salary: float | None = None,
               department: str | None = None) -> None:
        # validate everything first, into locals; assign only once nothing can fail any more
        new_name = self.name if name is None else _text("name", name)
        new_salary = self.salary if salary is None else _amount("salary", salary)
        new_department = self.department if department is None else _text("department", department)
        self.name, self.salary, self.department = new_name, new_salary, new_department

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(name={self.name!r}, salary={self.salary!r}, "
                f"department={self.department!r})")

"""Write a class `ShoppingCart` to add, remove and view items and calculate the total price."""

from __future__ import annotations


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise TypeError(f"quantity must be an int, not {type(quantity).__name__}")
    if quantity < 1:
        raise ValueError(f"quantity must be at least 1, got {quantity}")


class ShoppingCart:
    """A shopping cart: item names with a unit price and a quantity."""

    def __init__(self) -> None:
        # name -> [unit price, quantity]; dicts remember insertion order, which items() reports
        self._lines: dict[str, list] = {}

    def add_item(self, name: str, price: float, quantity: int = 1) -> None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, not {type(name).__name__}")
        if not name:
            raise ValueError("name must not be empty")
        if isinstance(price, bool) or not isinstance(price, (int, float)):
            raise TypeError(f"price must be a number, not {type(price).__name__}")
        if not price >= 0:
            raise ValueError(f"price cannot be negative, got {price!r}")
        _check_quantity(quantity)
        if name in self._lines:
            line = self._lines[name]
            if line[0] != price:
                raise ValueError(f"{name!r} is in the cart at {line[0]}, not {price}")
            line[1] += quantity
        else:
            self._lines[name] = [price, quantity]

    def remove_item(self, name: str, quantity: int | None = None) -> None:
        if name not in self._lines:
            raise KeyError(name)
        line = self._lines[name]
        if quantity is None:
            quantity = line[1]
        _check_quantity(quantity)
        if quantity > line[1]:
            raise ValueError(f"only {line[1]} of {name!r} in the cart, cannot remove {quantity}")
        line[1] -= quantity
        if line[1] == 0:
            del self._lines[name]

    def items(self) -> list[tuple[str, float, int]]:
        # fresh tuples in a fresh list: the caller cannot reach into the cart through them
        return [(name, price, quantity) for name, (price, quantity) in self._lines.items()]

    def total(self) -> float:
        return round(sum(price * quantity for price, quantity in self._lines.values()), 2)

"""Write a class `ShoppingCart` to add, remove and view items and calculate the total price.

    >>> cart = ShoppingCart()
    >>> cart.add_item("apple", 0.5, 4)
    >>> cart.add_item("bread", 2.25)
    >>> cart.add_item("apple", 0.5)
    >>> cart.items()
    [('apple', 0.5, 5), ('bread', 2.25, 1)]
    >>> cart.total()
    4.75
    >>> cart.remove_item("apple", 2)
    >>> cart.remove_item("bread")
    >>> cart.items()
    [('apple', 0.5, 3)]

Rules:
- `add_item(name, price, quantity=1)`: `name` is a non-empty string, `price` (per unit) a number
  0 or more (not NaN), `quantity` an int 1 or more. TypeError for a wrong type (bool is not a
  number or a quantity here), ValueError for a bad value. Adding an item that is already in the
  cart adds to its quantity; its price must be the same as before (ValueError otherwise).
- `remove_item(name, quantity=None)` takes that many units out; with no quantity it removes the
  item completely. An item whose quantity reaches 0 leaves the cart. Removing an item that is not
  in the cart raises KeyError; removing more units than there are, or a quantity below 1, raises
  ValueError. A call that raises changes nothing.
- `items()` returns a new list of (name, price, quantity) tuples in the order the items were first
  added; changing that list does not change the cart.
- `total()` is the sum of price × quantity over all items, rounded to 2 decimals; 0 when empty.
"""

from __future__ import annotations


class ShoppingCart:
    """A shopping cart: item names with a unit price and a quantity."""

    def __init__(self) -> None:
        # TODO: start with an empty cart (a dict keeps insertion order)
        raise NotImplementedError

    def add_item(self, name: str, price: float, quantity: int = 1) -> None:
        raise NotImplementedError

    def remove_item(self, name: str, quantity: int | None = None) -> None:
        raise NotImplementedError

    def items(self) -> list[tuple[str, float, int]]:
        raise NotImplementedError

    def total(self) -> float:
        raise NotImplementedError

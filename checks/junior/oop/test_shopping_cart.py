import math

import pytest
from hypothesis import Phase, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from pyexercise.checklib import assert_raises
from shopping_cart import ShoppingCart

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def refused(cart, error, call, what, want):
    """``call()`` (``what``, in words) must raise ``error`` and leave the cart's items as ``want``."""
    assert_raises(error, call, f"{what} should raise {error.__name__}")
    assert cart.items() == want, f"a rejected {what} changed the cart: {cart.items()!r}"


def test_empty_cart():
    """a new cart has no items and a total of 0"""
    cart = ShoppingCart()
    assert cart.items() == [], f"a new cart's items() should be [], got {cart.items()!r}"
    assert cart.total() == 0, f"a new cart's total() should be 0, got {cart.total()!r}"


def test_add_and_view():
    """items() lists (name, price, quantity) in the order items were added"""
    cart = ShoppingCart()
    assert cart.add_item("apple", 0.5, 4) is None, "add_item() should return None"
    cart.add_item("bread", 2.25)
    cart.add_item("cheese", 7, 2)
    got = cart.items()
    want = [("apple", 0.5, 4), ("bread", 2.25, 1), ("cheese", 7, 2)]
    assert got == want, f"items() should be {want!r}, got {got!r}"
    assert type(got) is list and all(type(t) is tuple for t in got), "items() should be a list of tuples"


def test_add_same_item_again():
    """adding an item already in the cart adds to its quantity and keeps its place"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 4)
    cart.add_item("bread", 2.25)
    cart.add_item("apple", 0.5)
    cart.add_item("apple", 0.5, 10)
    got = cart.items()
    assert got == [("apple", 0.5, 15), ("bread", 2.25, 1)], f"adding apple 4 + 1 + 10 times: items() is {got!r}"


def test_add_same_item_other_price():
    """adding an item again at a different price is a ValueError and changes nothing"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 4)
    refused(cart, ValueError, lambda: cart.add_item("apple", 0.6), "add_item('apple', 0.6)", [("apple", 0.5, 4)])


def test_total():
    """total() is the sum of price times quantity, rounded to 2 decimals"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 4)
    cart.add_item("bread", 2.25)
    assert cart.total() == 4.25, f"4 x 0.5 + 1 x 2.25 should total 4.25, got {cart.total()!r}"
    cart.add_item("gum", 0.1, 3)
    got = cart.total()
    assert got == 4.55, f"adding 3 x 0.1 should make the total 4.55 (rounded: 0.1 * 3 is 0.30000000000000004), got {got!r}"
    cart.add_item("free sample", 0)
    assert cart.total() == 4.55, "a free item (price 0) adds nothing"


def test_total_is_rounded():
    """total() rounds the sum to 2 decimals"""
    cart = ShoppingCart()
    cart.add_item("nail", 0.333, 3)
    got = cart.total()
    assert got == 1.0, f"3 x 0.333 is 0.999, which rounds to 1.0; total() gave {got!r}"
    cart.add_item("screw", 0.004)
    got = cart.total()
    assert got == 1.0, f"0.999 + 0.004 is 1.003, which rounds to 1.0; total() gave {got!r}"


def test_remove_from_expensive_item():
    """the quantity removed is compared with the quantity in the cart (not with anything else)"""
    cart = ShoppingCart()
    cart.add_item("tv", 499.0, 2)
    refused(cart, ValueError, lambda: cart.remove_item("tv", 3), "remove_item('tv', 3)", [("tv", 499.0, 2)])
    cart.add_item("pin", 0.01, 10)
    cart.remove_item("pin", 8)
    assert cart.items() == [("tv", 499.0, 2), ("pin", 0.01, 2)], f"removing 8 of 10 pins: {cart.items()!r}"


def test_remove_some_units():
    """remove_item(name, n) takes n units out"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 5)
    cart.add_item("bread", 2.25)
    assert cart.remove_item("apple", 2) is None, "remove_item() should return None"
    assert cart.items() == [("apple", 0.5, 3), ("bread", 2.25, 1)], f"after removing 2 of 5 apples: {cart.items()!r}"
    assert cart.total() == 3.75, f"total after removing 2 apples should be 3.75, got {cart.total()!r}"


def test_remove_whole_item():
    """remove_item(name) removes the item completely; so does removing every unit"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 5)
    cart.add_item("bread", 2.25, 2)
    cart.add_item("milk", 1.1)
    cart.remove_item("apple")
    assert cart.items() == [("bread", 2.25, 2), ("milk", 1.1, 1)], f"after remove_item('apple'): {cart.items()!r}"
    cart.remove_item("bread", 2)
    assert cart.items() == [("milk", 1.1, 1)], f"removing both breads should drop the item: {cart.items()!r}"
    cart.add_item("bread", 3.0)
    assert cart.items() == [("milk", 1.1, 1), ("bread", 3.0, 1)], (
        f"an item removed and added again goes to the end, at its new price: {cart.items()!r}")


def test_remove_missing_item():
    """removing an item that is not in the cart is a KeyError"""
    cart = ShoppingCart()
    with pytest.raises(KeyError):
        cart.remove_item("unicorn")
    cart.add_item("apple", 0.5)
    cart.remove_item("apple")
    with pytest.raises(KeyError):
        cart.remove_item("apple")


@pytest.mark.parametrize("quantity", [6, 0, -1])
def test_remove_bad_quantity(quantity):
    """removing more units than there are, or fewer than 1, is a ValueError and changes nothing"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 5)
    refused(cart, ValueError, lambda: cart.remove_item("apple", quantity), f"remove_item('apple', {quantity})",
            [("apple", 0.5, 5)])


@pytest.mark.parametrize("args, exc", [
    (("", 1.0), ValueError), ((None, 1.0), TypeError), ((3, 1.0), TypeError),
    (("pen", -0.01), ValueError), (("pen", "1.0"), TypeError), (("pen", True), TypeError),
    (("pen", math.nan), ValueError),
    (("pen", 1.0, 0), ValueError), (("pen", 1.0, -2), ValueError), (("pen", 1.0, 1.5), TypeError),
    (("pen", 1.0, "2"), TypeError), (("pen", 1.0, True), TypeError),
])
def test_bad_add(args, exc):
    """bad names, prices and quantities are rejected and change nothing"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5)
    refused(cart, exc, lambda: cart.add_item(*args), f"add_item{args!r}", [("apple", 0.5, 1)])


def test_items_is_a_copy():
    """changing the list items() returned does not change the cart"""
    cart = ShoppingCart()
    cart.add_item("apple", 0.5, 2)
    view = cart.items()
    view.append(("gold", 1000.0, 1))
    view.pop(0)
    assert cart.items() == [("apple", 0.5, 2)], "changing the list from items() changed the cart: return a new list"
    assert cart.total() == 1.0


def test_carts_are_independent():
    """two carts never share items"""
    a, b = ShoppingCart(), ShoppingCart()
    a.add_item("apple", 0.5)
    assert b.items() == [], "adding to one cart put the item in another: make the dict in __init__"


PRICES = {"apple": 0.5, "bread": 2.25, "milk": 1.1, "tea": 3.99, "gum": 0.1}
names = st.sampled_from(sorted(PRICES))


class CartMachine(RuleBasedStateMachine):
    """Random adds and removes against a dict as the model."""

    def __init__(self):
        super().__init__()
        self.cart = ShoppingCart()
        self.model = {}  # name -> quantity, in insertion order

    @rule(name=names, quantity=st.integers(1, 5))
    def add(self, name, quantity):
        self.cart.add_item(name, PRICES[name], quantity)
        self.model[name] = self.model.get(name, 0) + quantity

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def remove_some(self, data):
        name = data.draw(st.sampled_from(sorted(self.model)))
        quantity = data.draw(st.integers(1, self.model[name] + 1))
        if quantity > self.model[name]:
            with pytest.raises(ValueError):
                self.cart.remove_item(name, quantity)
            return
        self.cart.remove_item(name, quantity)
        self.model[name] -= quantity
        if self.model[name] == 0:
            del self.model[name]

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def remove_all(self, data):
        name = data.draw(st.sampled_from(sorted(self.model)))
        self.cart.remove_item(name)
        del self.model[name]

    @rule(name=names)
    def remove_missing(self, name):
        if name not in self.model:
            with pytest.raises(KeyError):
                self.cart.remove_item(name)

    @invariant()
    def contents_match(self):
        want = [(name, PRICES[name], q) for name, q in self.model.items()]
        assert self.cart.items() == want, f"items() is {self.cart.items()!r}, should be {want!r}"
        exact = sum(PRICES[name] * q for name, q in self.model.items())
        assert self.cart.total() == pytest.approx(round(exact, 2), abs=1e-9), (
            f"total() is {self.cart.total()!r}, should be {round(exact, 2)!r}")


def test_random_operations():
    """a random series of adds and removes keeps the right items and total"""
    run_state_machine_as_test(CartMachine, settings=settings(QUICK, max_examples=50, stateful_step_count=30))

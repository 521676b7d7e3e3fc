"""Write a class `BankAccount` with methods to deposit, withdraw and check the balance."""

from __future__ import annotations


class InsufficientFundsError(ValueError):
    """Raised by withdraw() when the balance is too low."""

    def __init__(self, balance: float, amount: float) -> None:
        super().__init__(f"cannot withdraw {amount}: the balance is only {balance}")
        self.balance = balance
        self.amount = amount


def _check_number(label: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{label} must be a number, not {type(value).__name__}")


def _check_amount(amount: float) -> None:
    _check_number("amount", amount)
    if not amount > 0:
        raise ValueError(f"amount must be greater than 0, got {amount!r}")


class BankAccount:
    """A bank account that never goes below zero."""

    def __init__(self, owner: str, balance: float = 0) -> None:
        if not isinstance(owner, str):
            raise TypeError(f"owner must be a string, not {type(owner).__name__}")
        if not owner:
            raise ValueError("owner must not be empty")
        _check_number("balance", balance)
        if not balance >= 0:
            raise ValueError(f"the opening balance cannot be negative, got {balance!r}")
        self.owner = owner
        self._balance = balance  # the underscore says: not for outside code to touch

    @property
    def balance(self) -> float:
        return self._balance  # a property without a setter: reading works, assigning raises

    def deposit(self, amount: float) -> float:
        _check_amount(amount)
        self._balance += amount
        return self._balance

    def withdraw(self, amount: float) -> float:
        _check_amount(amount)
        if amount > self._balance:
            # check everything before changing anything: a failed call leaves the account as it was
            raise InsufficientFundsError(self._balance, amount)
        self._balance -= amount
        return self._balance

    def __repr__(self) -> str:
        return f"{type(self).__name__}(owner={self.owner!r}, balance={self._balance!r})"

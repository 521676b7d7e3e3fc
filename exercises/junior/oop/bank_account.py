"""Write a class `BankAccount` with methods to deposit, withdraw and check the balance.

    >>> acct = BankAccount("Ada", 100)
    >>> acct.deposit(50)
    150
    >>> acct.withdraw(30)
    120
    >>> acct.balance
    120
    >>> acct.withdraw(500)
    Traceback (most recent call last):
    ...
    InsufficientFundsError: cannot withdraw 500: the balance is only 120

Rules:
- `BankAccount(owner, balance=0)`: the owner is a non-empty string (TypeError / ValueError);
  the opening balance is a number (int or float, not bool: TypeError) and not negative (ValueError).
- `balance` is a read-only property: `acct.balance = 10**6` raises AttributeError. Money moves only
  through `deposit()` and `withdraw()`.
- `deposit(amount)` and `withdraw(amount)` return the new balance. The amount must be a number
  (TypeError otherwise, bool included) and greater than 0 (ValueError for 0 or less, and for NaN).
- Withdrawing more than the balance raises `InsufficientFundsError`, a subclass of ValueError
  that you complete below; withdrawing the whole balance is fine.
- A call that raises changes nothing: the balance stays what it was.
"""

from __future__ import annotations


class InsufficientFundsError(ValueError):
    """Raised by withdraw() when the balance is too low.

    Keeps the numbers as attributes, `balance` and `amount`, and its message reads
    "cannot withdraw AMOUNT: the balance is only BALANCE".
    """

    def __init__(self, balance: float, amount: float) -> None:
        # TODO: keep both numbers, and pass the message to super().__init__(...)
        raise NotImplementedError


class BankAccount:
    """A bank account that never goes below zero."""

    def __init__(self, owner: str, balance: float = 0) -> None:
        # TODO: check the arguments; keep the balance in self._balance
        raise NotImplementedError

    @property
    def balance(self) -> float:
        """The current balance (read-only)."""
        raise NotImplementedError

    def deposit(self, amount: float) -> float:
        """Add ``amount``; return the new balance."""
        raise NotImplementedError

    def withdraw(self, amount: float) -> float:
        """Take out ``amount``; return the new balance. InsufficientFundsError if it is too much."""
        raise NotImplementedError

    def __repr__(self) -> str:
        """"BankAccount(owner='Ada', balance=120)" """
        raise NotImplementedError

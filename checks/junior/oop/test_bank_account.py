import math

import pytest
from hypothesis import Phase, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from bank_account import BankAccount, InsufficientFundsError

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def test_opening_balance():
    """a new account has the opening balance, 0 by default"""
    acct = BankAccount("Ada", 100)
    assert acct.balance == 100, f"BankAccount('Ada', 100).balance should be 100, got {acct.balance!r}"
    assert acct.owner == "Ada", f"acct.owner should be 'Ada', got {acct.owner!r}"
    empty = BankAccount("Bob")
    assert empty.balance == 0 and type(empty.balance) is int, f"the default balance should be 0, got {empty.balance!r}"


def test_deposit():
    """deposit() adds the amount and returns the new balance"""
    acct = BankAccount("Ada", 100)
    got = acct.deposit(50)
    assert got == 150, f"deposit(50) on 100 should return 150, got {got!r}"
    assert acct.balance == 150, f"after deposit(50) on 100 the balance should be 150, got {acct.balance!r}"
    assert acct.deposit(0.25) == 150.25, "deposit(0.25) on 150 should return 150.25"


def test_withdraw():
    """withdraw() takes the amount out and returns the new balance"""
    acct = BankAccount("Ada", 100)
    got = acct.withdraw(30)
    assert got == 70, f"withdraw(30) from 100 should return 70, got {got!r}"
    assert acct.balance == 70, f"after withdraw(30) from 100 the balance should be 70, got {acct.balance!r}"


def test_withdraw_everything():
    """withdrawing exactly the whole balance is allowed"""
    acct = BankAccount("Ada", 100)
    assert acct.withdraw(100) == 0, "withdraw(100) from 100 should leave 0"
    assert acct.balance == 0


def test_overdraft():
    """withdrawing more than the balance raises InsufficientFundsError and changes nothing"""
    acct = BankAccount("Ada", 100)
    with pytest.raises(InsufficientFundsError) as info:
        acct.withdraw(100.01)
    assert acct.balance == 100, f"a refused withdrawal must not change the balance; it is now {acct.balance!r}"
    err = info.value
    assert err.balance == 100 and err.amount == 100.01, (
        f"the error should keep balance=100 and amount=100.01, got balance={getattr(err, 'balance', None)!r}, "
        f"amount={getattr(err, 'amount', None)!r}")
    assert str(err) == "cannot withdraw 100.01: the balance is only 100", f"the error message was {str(err)!r}"


def test_overdraft_on_empty_account():
    """any withdrawal from an empty account is an overdraft"""
    acct = BankAccount("Ada")
    with pytest.raises(InsufficientFundsError):
        acct.withdraw(1)
    assert acct.balance == 0


def test_error_class():
    """InsufficientFundsError is a ValueError, so `except ValueError` catches it too"""
    assert issubclass(InsufficientFundsError, ValueError), "InsufficientFundsError should subclass ValueError"
    err = InsufficientFundsError(5, 7)
    assert (err.balance, err.amount) == (5, 7), "InsufficientFundsError(5, 7) should keep balance=5, amount=7"
    assert str(err) == "cannot withdraw 7: the balance is only 5", f"str(InsufficientFundsError(5, 7)) was {str(err)!r}"


@pytest.mark.parametrize("amount, error", [(0, ValueError), (-1, ValueError), (-0.5, ValueError),
                                           (math.nan, ValueError), ("10", TypeError), (None, TypeError),
                                           (True, TypeError), ([10], TypeError)])
def test_bad_amounts(amount, error):
    """an amount of 0 or less is a ValueError, one that is not a number (a bool included) a TypeError: no change"""
    acct = BankAccount("Ada", 100)
    with pytest.raises(error):
        acct.deposit(amount)
    with pytest.raises(error):
        acct.withdraw(amount)
    assert acct.balance == 100, f"a refused {amount!r} changed the balance to {acct.balance!r}"


def test_non_positive_is_not_overdraft():
    """withdraw(0) and withdraw(-5) are ValueErrors, not InsufficientFundsError"""
    acct = BankAccount("Ada")
    for amount in (0, -5):
        with pytest.raises(ValueError) as info:
            acct.withdraw(amount)
        assert type(info.value) is ValueError, (
            f"withdraw({amount}) should raise a plain ValueError (a bad amount), not {type(info.value).__name__}")


def test_bad_opening():
    """the owner must be a non-empty string; the opening balance a non-negative number"""
    with pytest.raises(ValueError):
        BankAccount("Ada", -1)
    with pytest.raises(TypeError):
        BankAccount("Ada", "100")
    with pytest.raises(TypeError):
        BankAccount("Ada", True)
    with pytest.raises(ValueError):
        BankAccount("", 10)
    with pytest.raises(TypeError):
        BankAccount(None, 10)


def test_balance_is_read_only():
    """the balance cannot be assigned from outside"""
    acct = BankAccount("Ada", 100)
    with pytest.raises(AttributeError):
        acct.balance = 1_000_000
    assert acct.balance == 100, "assigning to acct.balance must not change it"


def test_accounts_are_independent():
    """two accounts keep separate balances"""
    a, b = BankAccount("Ada", 10), BankAccount("Bob", 20)
    a.deposit(5)
    assert (a.balance, b.balance) == (15, 20), f"a deposit into one account changed the other: {a.balance}, {b.balance}"


def test_repr():
    """repr() shows the owner and the balance"""
    acct = BankAccount("Ada", 100)
    acct.withdraw(40)
    assert repr(acct) == "BankAccount(owner='Ada', balance=60)", f"repr() was {repr(acct)!r}"


class AccountMachine(RuleBasedStateMachine):
    """Random deposits and withdrawals, against a plain int as the model."""

    @initialize(opening=st.integers(0, 200))
    def open_account(self, opening):
        self.account = BankAccount("Model", opening)
        self.model = opening

    @rule(amount=st.integers(-5, 150))
    def deposit(self, amount):
        if amount <= 0:
            with pytest.raises(ValueError):
                self.account.deposit(amount)
        else:
            self.model += amount
            got = self.account.deposit(amount)
            assert got == self.model, f"deposit({amount}) returned {got!r}, the balance should be {self.model}"

    @rule(amount=st.integers(-5, 300))
    def withdraw(self, amount):
        if amount <= 0:
            with pytest.raises(ValueError):
                self.account.withdraw(amount)
        elif amount > self.model:
            with pytest.raises(InsufficientFundsError):
                self.account.withdraw(amount)
        else:
            self.model -= amount
            got = self.account.withdraw(amount)
            assert got == self.model, f"withdraw({amount}) returned {got!r}, the balance should be {self.model}"

    @invariant()
    def balance_matches(self):
        assert self.account.balance == self.model, (
            f"the balance is {self.account.balance!r}, it should be {self.model}")


def test_random_operations():
    """a random series of deposits and withdrawals keeps the right balance"""
    run_state_machine_as_test(AccountMachine, settings=settings(QUICK, max_examples=50, stateful_step_count=30))

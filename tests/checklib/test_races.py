"""The race amplifier makes an unlocked read-modify-write lose updates every time, and leaves a
locked one exact."""

from __future__ import annotations

import threading

import pytest

from pyexercise.checklib import hammer, race_amplifier

THIS = __file__


class Unlocked:
    def __init__(self) -> None:
        self.value = 0

    def increment(self) -> None:
        self.value += 1


class Locked(Unlocked):
    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()

    def increment(self) -> None:
        with self.lock:
            self.value += 1


@pytest.mark.parametrize("attempt", range(5))
def test_unlocked_counter_loses_updates(attempt):
    counter = Unlocked()
    with race_amplifier(files=[THIS], seed=attempt):
        run = hammer(counter.increment, threads=8, calls=250)
    assert not run.errors
    assert counter.value < 2000 * 0.9, f"only {2000 - counter.value} of 2000 updates were lost"


@pytest.mark.parametrize("attempt", range(3))
def test_locked_counter_is_exact(attempt):
    counter = Locked()
    with race_amplifier(files=[THIS], seed=attempt):
        run = hammer(counter.increment, threads=8, calls=250)
    assert not run.errors and counter.value == 2000


def test_without_the_amplifier_the_race_hides():
    """why the helper exists: on CPython 3.11 the plain stress test passes an unlocked counter"""
    counter = Unlocked()
    hammer(counter.increment, threads=8, calls=2000)
    assert counter.value > 16000 * 0.9


def test_tracing_is_removed_afterwards():
    import sys

    with race_amplifier(files=[THIS]):
        pass
    assert sys.gettrace() is None and threading._trace_hook is None  # type: ignore[attr-defined]


def test_hammer_collects_results_and_errors():
    calls = []

    def fn(t, i):
        calls.append((t, i))
        if i == 3:
            raise ValueError(t)
        return t * 10 + i

    run = hammer(fn, threads=3, calls=5, args_for=lambda t, i: (t, i))
    assert len(calls) == 12  # each thread stops at its first error
    assert sorted(run.results) == sorted(t * 10 + i for t in range(3) for i in range(3))
    assert sorted(e.args[0] for e in run.errors) == [0, 1, 2]


def test_hammer_names_a_deadlock():
    never = threading.Event()
    with pytest.raises(AssertionError, match="deadlock"):
        hammer(never.wait, threads=2, calls=1, timeout=0.3)
    never.set()

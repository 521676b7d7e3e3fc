import collections

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pyexercise.checklib import hammer, race_amplifier
from thread_safe_counter import Counter


# ---------------------------------------------------------------- one thread: the behaviour

def test_counts_up_and_down():
    """increment and decrement return the new value, an int"""
    c = Counter()
    assert c.value == 0 and type(c.value) is int, f"a new Counter() should have value 0 (an int), got {c.value!r}"
    got = c.increment()
    assert type(got) is int and got == 1, f"increment() on 0 should return the new value 1, got {got!r}"
    assert c.increment(5) == 6, "increment(5) on 1 should return 6"
    got = c.decrement()
    assert type(got) is int and got == 5, f"decrement() on 6 should return the new value 5, got {got!r}"
    assert c.decrement(7) == -2, "decrement(7) on 5 should return -2: the counter may go below zero"
    assert c.value == -2, f"value should be -2 after those calls, got {c.value!r}"
    assert c.increment(0) == -2 and c.decrement(0) == -2, "a step of 0 is allowed and changes nothing"


def test_start_value():
    """Counter(start) begins there"""
    c = Counter(41)
    assert c.value == 41, f"Counter(41).value should be 41, got {c.value!r}"
    assert c.increment() == 42
    assert Counter(-3).value == -3, "a negative start is fine"


def test_reset_returns_the_old_value():
    """reset() sets 0 and returns what was there"""
    c = Counter(7)
    c.increment(3)
    got = c.reset()
    assert type(got) is int and got == 10, f"reset() on 10 should return 10, got {got!r}"
    assert c.value == 0, f"after reset() the value should be 0, got {c.value!r}"
    assert c.reset() == 0, "reset() of a counter at 0 returns 0"
    assert c.increment() == 1, "a reset counter counts on from 0"


def test_compare_and_set():
    """compare_and_set sets the new value only when the current one is the expected one"""
    c = Counter(5)
    got = c.compare_and_set(5, 9)
    assert got is True, f"compare_and_set(5, 9) on 5 should return True, got {got!r}"
    assert c.value == 9, f"...and set the value to 9, got {c.value!r}"
    got = c.compare_and_set(5, 100)
    assert got is False, f"compare_and_set(5, 100) on 9 should return False, got {got!r}"
    assert c.value == 9, f"a failed compare_and_set must change nothing, but the value is now {c.value!r}"
    assert c.compare_and_set(9, 9) is True and c.value == 9, "setting the same value back succeeds"


@pytest.mark.parametrize("step", [-1, -10])
def test_negative_step_is_a_value_error(step):
    """a negative step is a ValueError (use the other method)"""
    c = Counter(3)
    with pytest.raises(ValueError):
        c.increment(step)
    with pytest.raises(ValueError):
        c.decrement(step)
    assert c.value == 3, f"a refused step must change nothing, but the value is {c.value!r}"


@pytest.mark.parametrize("bad", [1.0, "1", True, None])
def test_non_int_is_a_type_error(bad):
    """steps, starts and new values must be ints (bool doesn't count)"""
    c = Counter()
    for call, name in [(c.increment, "increment"), (c.decrement, "decrement")]:
        with pytest.raises(TypeError):
            call(bad)
            pytest.fail(f"{name}({bad!r}) should raise TypeError")
    with pytest.raises(TypeError):
        c.compare_and_set(0, bad)
        pytest.fail(f"compare_and_set(0, {bad!r}) should raise TypeError")
    assert c.value == 0 and type(c.value) is int, f"refused calls must change nothing, value is {c.value!r}"
    with pytest.raises(TypeError):
        Counter(bad)
        pytest.fail(f"Counter({bad!r}) should raise TypeError")


def test_value_is_read_only():
    """assigning to value is refused: every change goes through the lock"""
    c = Counter(1)
    with pytest.raises(AttributeError):
        c.value = 5
        pytest.fail("`counter.value = 5` should raise AttributeError: make value a property with no setter")
    assert c.value == 1


class CounterMachine(RuleBasedStateMachine):
    """Any sequence of calls from one thread behaves like a plain int."""

    @initialize(start=st.integers(-50, 50))
    def make(self, start):
        self.counter = Counter(start)
        self.model = start

    @rule(n=st.integers(0, 20))
    def increment(self, n):
        self.model += n
        got = self.counter.increment(n)
        assert got == self.model, f"increment({n}) should return {self.model}, got {got!r}"

    @rule(n=st.integers(0, 20))
    def decrement(self, n):
        self.model -= n
        got = self.counter.decrement(n)
        assert got == self.model, f"decrement({n}) should return {self.model}, got {got!r}"

    @rule()
    def reset(self):
        got = self.counter.reset()
        assert got == self.model, f"reset() should return the old value {self.model}, got {got!r}"
        self.model = 0

    @rule(guess=st.integers(-5, 5), new=st.integers(-50, 50), exact=st.booleans())
    def compare_and_set(self, guess, new, exact):
        expected = self.model if exact else self.model + guess
        want = expected == self.model
        got = self.counter.compare_and_set(expected, new)
        assert got is want, f"compare_and_set({expected}, {new}) on {self.model} should return {want}, got {got!r}"
        if want:
            self.model = new

    @invariant()
    def same_value(self):
        if hasattr(self, "counter"):
            assert self.counter.value == self.model, f"value should be {self.model}, got {self.counter.value!r}"


CounterMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25)
TestCounterMachine = CounterMachine.TestCase


# ---------------------------------------------------------------- many threads: the races

THREADS, CALLS = 8, 100


def test_no_increment_is_lost():
    """8 threads x 100 increments give exactly 800"""
    c = Counter()
    with race_amplifier():
        run = hammer(c.increment, threads=THREADS, calls=CALLS)
    assert not run.errors, f"increment() raised {run.errors[0]!r} while other threads were counting"
    want = THREADS * CALLS
    assert c.value == want, (f"{THREADS} threads x {CALLS} increments should give {want}, got {c.value}: "
                             "some updates were lost. Hold a threading.Lock around the read-add-write")


def test_each_increment_returns_its_own_value():
    """every concurrent increment returns a different new value: 1, 2, ..., 800 once each"""
    c = Counter()
    with race_amplifier():
        run = hammer(c.increment, threads=THREADS, calls=CALLS)
    want = THREADS * CALLS
    dupes = sorted(v for v, k in collections.Counter(run.results).items() if k > 1)
    assert not dupes, (f"increment() returned {dupes[:5]} more than once: read the value you return while "
                       "you still hold the lock, or another thread's change slips in before you read it")
    assert sorted(run.results) == list(range(1, want + 1)), (
        f"the {want} increments should have returned 1..{want}, each once")


def test_mixed_increments_and_decrements():
    """threads adding and subtracting at once end at the exact sum"""
    c = Counter(1000)

    def step(t, i):
        return c.increment(3) if t % 2 else c.decrement(2)

    with race_amplifier():
        run = hammer(step, threads=THREADS, calls=CALLS, args_for=lambda t, i: (t, i))
    assert not run.errors, f"the calls raised {run.errors[0]!r}"
    want = 1000 + (THREADS // 2) * CALLS * (3 - 2)
    assert c.value == want, (f"4 threads adding 3 and 4 subtracting 2, {CALLS} times each, should end at "
                             f"{want}, got {c.value}: decrement needs the lock too")


def test_reset_loses_nothing():
    """counts taken by concurrent reset() calls plus what is left add up to every increment"""
    c = Counter()

    def work(t, i):
        if t < 2 and i % 5 == 0:  # two threads reset now and then; the rest count
            return "reset", c.reset()
        return "inc", c.increment()

    with race_amplifier():
        run = hammer(work, threads=THREADS, calls=CALLS, args_for=lambda t, i: (t, i))
    assert not run.errors, f"the calls raised {run.errors[0]!r}"
    increments = sum(1 for kind, _ in run.results if kind == "inc")
    taken = sum(v for kind, v in run.results if kind == "reset")
    assert taken + c.value == increments, (
        f"{increments} increments ran while reset() was called; the resets returned {taken} in all and "
        f"{c.value} is left, which makes {taken + c.value}: reset() must read and zero the value in one "
        "locked step, or an increment between the two is lost")


def test_compare_and_set_is_atomic():
    """two threads never both win compare_and_set from the same expected value"""
    c = Counter()

    def cas_increment():
        # the classic lock-free increment: retry until nobody changed the value under us
        while True:
            seen = c.value
            if c.compare_and_set(seen, seen + 1):
                return seen

    with race_amplifier():
        run = hammer(cas_increment, threads=THREADS, calls=50)
    want = THREADS * 50
    dupes = sorted(v for v, k in collections.Counter(run.results).items() if k > 1)
    assert not dupes, (f"compare_and_set succeeded twice from the same expected value {dupes[:5]}: "
                       "the compare and the set must happen under one lock")
    assert not run.errors and c.value == want, f"{want} compare-and-set increments should give {want}, got {c.value}"

import gc
import time

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from min_stack import MinStack
from pyexercise.checklib import Item, comparisons, time_budget


def test_push_pop_peek():
    """last in, first out; pop returns the very object pushed; push returns None"""
    s = MinStack()
    a, b = ["a"], ["b"]
    assert s.push(a) is None, "push() returns None"
    s.push(b)
    assert s.peek() is b, "peek() returns the top item without removing it"
    assert len(s) == 2, f"len() should be 2 after two pushes, got {len(s)}"
    assert s.pop() is b and s.pop() is a, "pop() returns the items newest first, the very objects pushed"
    assert len(s) == 0 and not s, "an empty stack has len 0 and is falsy"


def test_min_and_max():
    """get_min() and get_max() follow pushes and pops"""
    s = MinStack()
    steps = []
    for x in [5, 3, 8, 1, 9]:
        s.push(x)
        steps.append((s.get_min(), s.get_max()))
    assert steps == [(5, 5), (3, 5), (3, 8), (1, 8), (1, 9)], f"(min, max) after pushing 5, 3, 8, 1, 9: {steps}"
    back = []
    for _ in range(4):
        s.pop()
        back.append((s.get_min(), s.get_max()))
    assert back == [(1, 8), (3, 8), (3, 5), (5, 5)], f"(min, max) after each pop should come back: {back}"


def test_duplicate_minima():
    """popping one copy of the minimum leaves the other: min stays until the last copy goes"""
    s = MinStack([2, 1, 1, 3, 1])
    mins = []
    while len(s) > 1:
        s.pop()
        mins.append(s.get_min())
    assert mins == [1, 1, 1, 2], f"stack [2, 1, 1, 3, 1], popping down: get_min() should be 1, 1, 1, 2, got {mins}"


def test_ties_return_the_lowest_in_the_stack():
    """among equal minima (or maxima), get_min()/get_max() return the one pushed first"""
    first, second = Item(1, "first"), Item(1, "second")
    s = MinStack([Item(5, "five"), first, second])
    assert s.get_min() is first, f"two items tie for the minimum: get_min() should be the one pushed first, got {s.get_min().tag}"
    top1, top2 = Item(9, "top1"), Item(9, "top2")
    s.push(top1)
    s.push(top2)
    assert s.get_max() is top1, f"two items tie for the maximum: get_max() should be the one pushed first, got {s.get_max().tag}"
    s.pop()
    s.pop()
    s.pop()
    assert s.get_min() is first


def test_constructor_and_repr():
    """MinStack(items) pushes them in order; repr lists them bottom to top"""
    data = [3, 1, 2]
    s = MinStack(data)
    data.append(0)
    assert (len(s), s.peek(), s.get_min(), s.get_max()) == (3, 2, 1, 3), "MinStack([3, 1, 2]) has top 2, min 1, max 3"
    assert repr(s) == "MinStack([3, 1, 2])", f"repr should be 'MinStack([3, 1, 2])', got {repr(s)!r}"
    assert repr(MinStack()) == "MinStack([])"
    assert len(MinStack(iter(range(4)))) == 4, "any iterable works, a generator too"


@pytest.mark.parametrize("op", ["pop", "peek", "get_min", "get_max"])
def test_empty_stack_errors(op):
    """pop, peek, get_min and get_max on an empty stack raise IndexError"""
    s = MinStack()
    with pytest.raises(IndexError):
        getattr(s, op)()
        pytest.fail(f"{op}() on an empty MinStack should raise IndexError")
    s.push(1)
    s.pop()
    with pytest.raises(IndexError):
        getattr(s, op)()
        pytest.fail(f"{op}() on a stack emptied by pop() should raise IndexError")


def test_failed_push_changes_nothing():
    """pushing an item that can't be compared raises TypeError and leaves the stack as it was"""
    s = MinStack([4, 2, 7])
    with pytest.raises(TypeError):
        s.push("x")
    got = (len(s), s.peek(), s.get_min(), s.get_max())
    assert got == (3, 7, 2, 7), (f"after a refused push the stack should be unchanged (len 3, top 7, min 2, max 7), "
                                 f"got {got}: compare first, change the stack after")
    one = MinStack(["only"])
    assert one.get_min() == one.get_max() == "only", "one item is both the minimum and the maximum"


def test_any_comparable_items():
    """any mutually comparable items work: strings, floats, tuples"""
    s = MinStack(["pear", "apple", "zoo"])
    assert (s.get_min(), s.get_max()) == ("apple", "zoo")
    t = MinStack([(2, "b"), (1, "z"), (1, "a")])
    assert t.get_min() == (1, "a") and t.get_max() == (2, "b")
    f = MinStack([0.5, -1e9, 3])
    assert f.get_min() == -1e9 and f.get_max() == 3


def test_comparisons_are_constant():
    """push compares at most twice, pop at most twice, peek/get_min/get_max/len never"""
    s = MinStack()
    for k in range(500, 0, -1):  # every push is a new minimum: the worst case for "recompute on pop"
        with comparisons() as counted:
            s.push(Item(k))
        assert counted.count <= 2, f"push() made {counted.count} comparisons on a stack of {len(s) - 1}: at most 2"
    for _ in range(499):
        with comparisons() as counted:
            s.peek(), s.get_min(), s.get_max(), len(s)
        assert counted.count == 0, (f"peek/get_min/get_max/len made {counted.count} comparisons on a stack of {len(s)}: "
                                    "remember the minimum and maximum, don't search for them")
        with comparisons() as counted:
            s.pop()
        assert counted.count <= 2, (f"pop() made {counted.count} comparisons on a stack of {len(s) + 1}: popping the "
                                    "minimum must not search for the next one")


def per_op(s, rounds=3000):
    """Seconds per round of push, get_min, get_max, pop, peek on the stack ``s``."""
    gc.disable()
    try:
        start = time.perf_counter()
        for i in range(rounds):
            s.push(-i)  # a new minimum each time, then popped: the worst case for a lazy minimum
            s.get_min()
            s.get_max()
            s.pop()
            s.peek()
        return (time.perf_counter() - start) / rounds
    finally:
        gc.enable()


def test_operations_are_constant_time():
    """a 100x taller stack is not noticeably slower per operation"""
    with time_budget(3, "building a MinStack of 100,000 items took over 3 s: does push() copy or scan the stack?"):
        short, tall = MinStack(range(1_000, 0, -1)), MinStack(range(100_000, 0, -1))
    small = big = float("inf")
    for _ in range(5):  # alternate and keep the best of each: a busy machine only adds time
        small = min(small, per_op(short))
        big = min(big, per_op(tall, 300 if big == float("inf") else 3000))  # a short first look
        if big / small > 60 or big / small < 3:
            break
    ratio = big / small
    assert ratio < 8, (f"each operation on a stack of 100,000 took {ratio:.0f}x as long as on one of 1,000: something "
                       "copies or scans the whole stack (min(), list + [x], insert(0, ...))?")


class MinStackModel(RuleBasedStateMachine):
    """The stack against a plain list, with many equal keys told apart by their tags."""

    @initialize()
    def start(self):
        self.stack = MinStack()
        self.model = []
        self.tags = iter(range(1 << 30))

    @rule(key=st.integers(0, 4))
    def push(self, key):
        item = Item(key, f"#{next(self.tags)}")
        self.stack.push(item)
        self.model.append(item)

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        got, want = self.stack.pop(), self.model.pop()
        assert got is want, f"pop() should return {want!r}{want.tag}, got {got!r}{getattr(got, 'tag', '')}"

    @precondition(lambda self: not self.model)
    @rule()
    def pop_empty(self):
        with pytest.raises(IndexError):
            self.stack.pop()

    @invariant()
    def agrees(self):
        if not hasattr(self, "model"):
            return
        assert len(self.stack) == len(self.model), f"len should be {len(self.model)}, got {len(self.stack)}"
        if self.model:
            keys = [x.key for x in self.model]
            want_min, want_max = min(self.model, key=lambda x: x.key), max(self.model, key=lambda x: x.key)
            got = self.stack.get_min()
            assert got is want_min, (f"stack keys {keys}: get_min() should be {want_min!r}{want_min.tag} (the lowest "
                                     f"of the equal minima), got {got!r}{getattr(got, 'tag', '')}")
            got = self.stack.get_max()
            assert got is want_max, (f"stack keys {keys}: get_max() should be {want_max!r}{want_max.tag} (the lowest "
                                     f"of the equal maxima), got {got!r}{getattr(got, 'tag', '')}")
            assert self.stack.peek() is self.model[-1]


TestMinStackModel = MinStackModel.TestCase
TestMinStackModel.settings = settings(max_examples=60, stateful_step_count=40)
TestMinStackModel.__doc__ = "random pushes and pops agree with a list, equal minima included"

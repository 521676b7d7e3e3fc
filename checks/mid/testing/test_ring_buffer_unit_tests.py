"""The learner's pytest tests are run against the correct RingBuffer (all must pass) and against
planted bugs (each must make at least one test fail); they must use parametrize and pytest.raises.
The RingBuffer given in the file must still behave as given."""

import ast
import gc

import pytest
from hypothesis import given, strategies as st

import ring_buffer_unit_tests as learner
from pyexercise.checklib import PlantedBugs, target_source

# Each run of the learner's tests is a nested pytest session, which does a full garbage collection
# on the way out: objects made before the first one never need collecting, so keep them out of
# its way (sessions 2-3x faster).
gc.freeze()


class RingBuffer:
    """The correct class, as the stub gives it."""

    def __init__(self, capacity):
        if isinstance(capacity, bool) or not isinstance(capacity, int):
            raise TypeError(f"capacity must be an int, not {type(capacity).__name__}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._slots = [None] * capacity
        self._head = 0
        self._size = 0

    @property
    def capacity(self):
        return len(self._slots)

    def __len__(self):
        return self._size

    def is_empty(self):
        return self._size == 0

    def is_full(self):
        return self._size == len(self._slots)

    def push(self, item):
        tail = (self._head + self._size) % len(self._slots)
        if self.is_full():
            evicted = self._slots[self._head]
            self._slots[tail] = item
            self._head = (self._head + 1) % len(self._slots)
            return evicted
        self._slots[tail] = item
        self._size += 1
        return None

    def extend(self, items):
        for item in items:
            self.push(item)

    def pop(self):
        if self._size == 0:
            raise IndexError("pop from an empty RingBuffer")
        item = self._slots[self._head]
        self._slots[self._head] = None
        self._head = (self._head + 1) % len(self._slots)
        self._size -= 1
        return item

    def peek(self):
        if self._size == 0:
            raise IndexError("peek at an empty RingBuffer")
        return self._slots[self._head]

    def __getitem__(self, index):
        if not -self._size <= index < self._size:
            raise IndexError(f"RingBuffer index {index} out of range for {self._size} items")
        if index < 0:
            index += self._size
        return self._slots[(self._head + index) % len(self._slots)]

    def __iter__(self):
        for offset in range(self._size):
            yield self._slots[(self._head + offset) % len(self._slots)]

    def clear(self):
        self._slots = [None] * len(self._slots)
        self._head = 0
        self._size = 0


# ------------------------------------------------------------------------------ planted bugs

class HoldsOneExtra(RingBuffer):
    def __init__(self, capacity):
        super().__init__(capacity)
        self._slots.append(None)  # one slot too many: full only at capacity + 1

    @property
    def capacity(self):
        return len(self._slots) - 1


class FullTooEarly(RingBuffer):
    def is_full(self):
        return self._size >= len(self._slots) - 1

    def push(self, item):
        if self.is_full() and self._size:
            evicted = self.pop()
            super().push(item)
            return evicted
        return super().push(item)


class OverwritesNewest(RingBuffer):
    def push(self, item):
        if self.is_full():
            newest = (self._head + self._size - 1) % len(self._slots)
            evicted, self._slots[newest] = self._slots[newest], item
            return evicted
        return super().push(item)


class PushReturnsNothing(RingBuffer):
    def push(self, item):
        super().push(item)
        return None


class PopsNewest(RingBuffer):
    def pop(self):
        if self._size == 0:
            raise IndexError("pop from an empty RingBuffer")
        newest = (self._head + self._size - 1) % len(self._slots)
        item, self._slots[newest] = self._slots[newest], None
        self._size -= 1
        return item


class PopEmptyReturnsNone(RingBuffer):
    def pop(self):
        return super().pop() if self._size else None


class PeekRemoves(RingBuffer):
    def peek(self):
        return self.pop()


class IteratesInSlotOrder(RingBuffer):
    def __iter__(self):
        # walks the occupied slots from slot 0, wherever the oldest item is
        return iter([s for i, s in enumerate(self._slots) if (i - self._head) % len(self._slots) < self._size])


class LenZeroWhenFull(RingBuffer):
    def __len__(self):
        tail = (self._head + self._size) % len(self._slots)
        return (tail - self._head) % len(self._slots)  # 0 when full: tail has met head again


class ClearKeepsLength(RingBuffer):
    def clear(self):
        self._slots = [None] * len(self._slots)
        self._head = 0


class NegativeIndexFromSlots(RingBuffer):
    def __getitem__(self, index):
        if not -self._size <= index < self._size:
            raise IndexError(f"RingBuffer index {index} out of range for {self._size} items")
        return self._slots[(self._head + index) % len(self._slots)]  # right only when full


class IndexOneTooFar(RingBuffer):
    def __getitem__(self, index):
        if not -self._size <= index <= self._size:
            raise IndexError(f"RingBuffer index {index} out of range for {self._size} items")
        if index < 0:
            index += self._size
        return self._slots[(self._head + index) % len(self._slots)]


class AcceptsZeroCapacity(RingBuffer):
    def __init__(self, capacity):
        if capacity == 0:
            self._slots, self._head, self._size = [], 0, 0
        else:
            super().__init__(capacity)


BUGS = {
    "holds_one_extra": ({"RingBuffer": HoldsOneExtra}, "keeps capacity + 1 items before it overwrites anything"),
    "full_too_early": ({"RingBuffer": FullTooEarly}, "counts as full one item early, so it keeps only capacity - 1 items"),
    "overwrites_newest": ({"RingBuffer": OverwritesNewest}, "when full, overwrites the newest item instead of the oldest"),
    "push_returns_nothing": ({"RingBuffer": PushReturnsNothing}, "push() returns None even when it overwrote an item"),
    "pops_newest": ({"RingBuffer": PopsNewest}, "pop() returns the newest item (last in, first out)"),
    "pop_empty_returns_none": ({"RingBuffer": PopEmptyReturnsNone}, "pop() on an empty buffer returns None instead of raising IndexError"),
    "peek_removes": ({"RingBuffer": PeekRemoves}, "peek() removes the item it shows"),
    "iterates_in_slot_order": ({"RingBuffer": IteratesInSlotOrder}, "iterates in storage order, which is wrong once the buffer has wrapped around"),
    "len_zero_when_full": ({"RingBuffer": LenZeroWhenFull}, "len() of a full buffer is 0"),
    "clear_keeps_length": ({"RingBuffer": ClearKeepsLength}, "clear() forgets to reset the length"),
    "negative_index_from_slots": ({"RingBuffer": NegativeIndexFromSlots}, "buf[-1] is only the newest item when the buffer is full"),
    "index_one_too_far": ({"RingBuffer": IndexOneTooFar}, "buf[len(buf)] returns an item instead of raising IndexError"),
    "accepts_zero_capacity": ({"RingBuffer": AcceptsZeroCapacity}, "RingBuffer(0) is accepted instead of raising ValueError"),
}

suite = PlantedBugs({"RingBuffer": RingBuffer}, BUGS, min_tests=8)


def test_your_tests_pass_on_the_correct_class():
    """your tests all pass on the correct RingBuffer (and there are at least 8)"""
    suite.check_correct()


def _test_functions(tree):
    return [node for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")]


def _is_pytest_attr(node, *names):
    """node is pytest.a.b... spelled out (pytest.mark.parametrize, pytest.raises)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return isinstance(node, ast.Name) and node.id == "pytest" and tuple(reversed(parts)) == names


def test_uses_parametrize_and_raises():
    """your tests use @pytest.mark.parametrize and `with pytest.raises(...)`"""
    suite.check_correct()
    tests = _test_functions(ast.parse(target_source()))
    parametrized = [t.name for t in tests for d in t.decorator_list
                    if _is_pytest_attr(d.func if isinstance(d, ast.Call) else d, "mark", "parametrize")]
    assert parametrized, ("no test is decorated with @pytest.mark.parametrize: when several cases differ only in "
                          "their data (capacities, what was pushed, what should be kept), write one test and list "
                          "the cases, e.g. @pytest.mark.parametrize('capacity, pushed, kept', [(1, [1, 2], [2]), ...])")
    raises = [t.name for t in tests for node in ast.walk(t)
              if isinstance(node, ast.Call) and _is_pytest_attr(node.func, "raises")]
    assert raises, ("no test uses pytest.raises: the errors are behaviour too. Write e.g. "
                    "`with pytest.raises(IndexError):` around a pop() from an empty buffer")


OPS = st.lists(st.one_of(
    st.tuples(st.just("push"), st.integers(0, 99)),
    st.tuples(st.just("extend"), st.lists(st.integers(0, 99), max_size=4)),
    st.tuples(st.sampled_from(["pop", "peek", "len", "is_empty", "is_full", "list", "capacity", "clear"])),
    st.tuples(st.just("index"), st.integers(-6, 6)),
), max_size=30)


def _apply(buf, op):
    """One operation, as (what it returned or raised)."""
    name, *args = op
    try:
        if name == "push":
            return ("ok", buf.push(*args))
        if name == "extend":
            return ("ok", buf.extend(*args))
        if name == "len":
            return ("ok", len(buf))
        if name == "list":
            return ("ok", list(buf))
        if name == "capacity":
            return ("ok", buf.capacity)
        if name == "index":
            return ("ok", buf[args[0]])
        return ("ok", getattr(buf, name)())
    except Exception as exc:  # noqa: BLE001 - the error is part of the behaviour compared
        return ("raises", type(exc).__name__)


def _looks(capacity):
    """Every question a caller can ask of a buffer of this capacity."""
    return ([("len",), ("list",), ("is_empty",), ("is_full",), ("capacity",), ("peek",)]
            + [("index", i) for i in range(-capacity - 1, capacity + 1)])


def _scenario(capacity):
    """Fill past full twice over, looking after each push; empty it again; clear; refill."""
    ops = []
    for n in range(2 * capacity + 1):
        ops += [("push", 10 + n)] + _looks(capacity)
    ops += [("pop",), *_looks(capacity)] * (capacity + 1)
    ops += [("extend", [1, 2, 3]), ("clear",), *_looks(capacity), ("extend", [4, 5, 6, 7, 8]), *_looks(capacity)]
    return ops


def _compare(capacity, ops):
    given_buf, model = learner.RingBuffer(capacity), RingBuffer(capacity)
    for i, op in enumerate(ops):
        got, want = _apply(given_buf, op), _apply(model, op)
        assert got == want, (f"the RingBuffer in your file has changed: after RingBuffer({capacity}) and {ops[:i + 1]}, "
                             f"it gave {got}, the class as given gives {want}. Leave the class as it was "
                             "(pyex reset ring_buffer_unit_tests brings the stub back) and test it instead")


@pytest.mark.parametrize("capacity", [1, 2, 3, 5])
def test_given_class_unchanged(capacity):
    """the RingBuffer in your file still behaves exactly as given (test it, don't change it)"""
    suite.check_correct()
    _compare(capacity, _scenario(capacity))


@pytest.mark.parametrize("capacity", [0, -3, 1.0, "3", True, None])
def test_given_class_still_checks_capacity(capacity):
    """the RingBuffer in your file still rejects a bad capacity as given"""
    suite.check_correct()
    try:
        RingBuffer(capacity)
    except Exception as exc:  # noqa: BLE001
        want = type(exc)
    with pytest.raises(want):
        learner.RingBuffer(capacity)


@pytest.mark.parametrize("bug", list(BUGS))
def test_your_tests_catch(bug, monkeypatch):
    """your tests catch a planted bug: at least one of them fails on it"""
    suite.check_correct()
    monkeypatch.setenv("PYTEST_ADDOPTS", "-x --tb=no")  # one failure is enough to catch a bug
    suite.check_caught(bug)


@given(capacity=st.integers(1, 4), ops=OPS)
def test_given_class_unchanged_any_operations(capacity, ops):
    """the RingBuffer in your file still behaves as given under any sequence of operations"""
    suite.check_correct()
    _compare(capacity, ops)

import random

from hypothesis import Phase, given, settings, strategies as st

from pyexercise.checklib import assert_not_used
from selection_sort import selection_sort

# Hypothesis's "explain" phase re-runs a failing test many times: seconds, for a note nobody needs here.
no_explain = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])

COMPARISONS = [0]
SELF_COMPARISONS = [0]
ONLY_LT_GT = ("the task says the items can be compared with < and >, and these cannot be compared with <= or >=: "
              "find the smallest with <, which keeps the first of equal items (<= would pick the last one)")


class Item:
    """Sorts by ``key`` like a number, with < and > only; counts comparisons; carries a ``tag`` to check stability."""

    __slots__ = ("key", "tag")

    def __init__(self, key, tag=""):
        self.key, self.tag = key, tag

    def _other(self, other):
        if not isinstance(other, Item):
            raise TypeError(f"compared an item of the list with {other!r}: compare the list's items with each other")
        COMPARISONS[0] += 1
        if other is self:
            SELF_COMPARISONS[0] += 1
        return other.key

    def __lt__(self, other):
        return self.key < self._other(other)

    def __le__(self, other):
        raise TypeError(ONLY_LT_GT)

    def __gt__(self, other):
        return self.key > self._other(other)

    def __ge__(self, other):
        raise TypeError(ONLY_LT_GT)

    def __eq__(self, other):
        return isinstance(other, Item) and self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return f"{self.key}{self.tag}"


class TrackedList(list):
    """A list that records every change made to it."""

    def __init__(self, items):
        super().__init__(items)
        self.writes = []   # indexes written with lst[i] = ...
        self.others = []   # any other kind of change

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            self.others.append("slice assignment")
        else:
            self.writes.append(index % len(self))
        super().__setitem__(index, value)



def _recording(name):
    def method(self, *args):
        self.others.append(name if name.startswith("__") else f".{name}()")
        return getattr(list, name)(self, *args)
    return method


for _name in ("__delitem__", "__iadd__", "__imul__", "append", "extend", "insert", "pop", "remove",
              "clear", "reverse", "sort"):
    setattr(TrackedList, _name, _recording(_name))


def check(numbers):
    want = sorted(numbers)
    given_list = list(numbers)
    got = selection_sort(given_list)
    assert got is None, f"selection_sort() sorts the list in place and returns None (like list.sort()), got {got!r}"
    assert given_list == want, f"selection_sort({numbers!r}) should leave the list as {want!r}, got {given_list!r}"
    assert all(type(a) is type(b) for a, b in zip(given_list, want)), "the sorted list should hold the same items"


def test_sorts_in_place():
    """sorts the list it is given and returns None"""
    check([5, 2, 9, 1])
    check([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])


def test_empty_and_tiny():
    """an empty list, one item and two items"""
    check([])
    check([1])
    check([2, 1])
    check([1, 2])


def test_duplicates_negatives_floats():
    """duplicates, negative numbers and floats are sorted too"""
    check([3, 1, 3, 1, 2, 2])
    check([-1, -10, 5, 0, -3])
    check([2.5, -0.5, 1.0, 2.25])
    check([7, 7, 7])


def test_sorted_and_reversed():
    """an already sorted list stays sorted, and a reversed one is turned round"""
    check(list(range(20)))
    check(list(range(20, 0, -1)))
    check([2, 1, 4, 3, 6, 5])


def test_minimum_at_either_end():
    """the smallest item may be last, the largest first"""
    check([2, 3, 4, 5, 1])
    check([5, 1, 2, 3, 4])


def moves(items):
    return len(items.writes) + len(items.others)


def assert_few_swaps(items, described):
    n = len(items)
    assert "slice assignment" not in items.others, (
        f"sorting {described} assigned a whole slice of the list: sort in place, by swapping items inside "
        "the list, instead of building a new list and copying it back")
    assert moves(items) <= max(0, 2 * (n - 1)), (
        f"sorting {described} changed the list {moves(items)} times; selection sort swaps at most once per pass "
        f"(at most {max(0, n - 1)} swaps, {max(0, 2 * (n - 1))} writes): find the index of the minimum first, "
        "then swap once")


def test_at_most_one_swap_per_pass():
    """at most n - 1 swaps in all: one per position, after finding that position's minimum"""
    n = 40
    for name, keys in (("a reversed list", list(range(n, 0, -1))),
                       ("a shuffled list", random.Random(7).sample(range(n), n))):
        items = TrackedList(Item(k) for k in keys)
        selection_sort(items)
        assert [i.key for i in items] == sorted(keys), f"{name} of {n} should end up sorted"
        assert_few_swaps(items, f"{name} of {n}")


def test_scans_whole_unsorted_part():
    """each pass compares against every unsorted item, even when the list is already sorted"""
    n = 30
    items = [Item(k) for k in range(n)]
    COMPARISONS[0] = 0
    selection_sort(items)
    want = n * (n - 1) // 2
    assert COMPARISONS[0] >= want, (
        f"selection sort made only {COMPARISONS[0]} comparisons on a sorted list of {n}; finding the minimum of "
        f"the unsorted part means looking at every item in it, {want} comparisons in all. Stopping early is "
        "what insertion sort and bubble sort do, not selection sort")
    assert [i.key for i in items] == list(range(n)), "a sorted list should stay sorted"


def test_compares_with_lt_and_gt_only():
    """items are compared with < or > only, as the task says: the check's items have no <= or >="""
    keys = [3, 1, 2, 1, 3, 2]
    items = [Item(k) for k in keys]
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"


def test_never_compares_an_item_with_itself():
    """each pass compares its candidate with the other unsorted items, never with itself"""
    n = 25
    keys = random.Random(3).sample(range(n), n)
    items = [Item(k) for k in keys]
    SELF_COMPARISONS[0] = 0
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"
    assert SELF_COMPARISONS[0] == 0, (
        f"sorting a list of {n} compared an item with itself {SELF_COMPARISONS[0]} times, which tells nothing: "
        "the first unsorted item is the starting candidate, so the search compares it with the items after it "
        "(range(start + 1, n))")


def test_finds_minimum_itself():
    """the search for the minimum is yours: no min(), max(), sorted(), .sort() or heapq"""
    assert_not_used("min(), max(), sorted(), list.sort() or heapq", names=["min", "max", "sorted"],
                    attributes=["sort"], imports=["heapq"])


@no_explain
@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted(numbers):
    """agrees with sorted() on any list of integers"""
    check(numbers)


@no_explain
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=25))
def test_few_swaps_on_any_list(keys):
    """on any list, at most n - 1 swaps"""
    items = TrackedList(Item(k) for k in keys)
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"
    assert_few_swaps(items, f"{keys}")

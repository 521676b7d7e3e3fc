
from hypothesis import Phase, given, settings, strategies as st

from insertion_sort import insertion_sort
from pyexercise.checklib import assert_not_used

# Hypothesis's "explain" phase re-runs a failing test many times: seconds, for a note nobody needs here.
no_explain = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])

COMPARISONS = [0]


class Item:
    """Sorts by ``key`` like a number, counts comparisons, and carries a ``tag`` to check stability."""

    __slots__ = ("key", "tag")

    def __init__(self, key, tag=""):
        self.key, self.tag = key, tag

    def _other(self, other):
        if not isinstance(other, Item):
            raise TypeError(f"compared an item of the list with {other!r}: compare the list's items with each other")
        COMPARISONS[0] += 1
        return other.key

    def __lt__(self, other):
        return self.key < self._other(other)

    def __le__(self, other):
        return self.key <= self._other(other)

    def __gt__(self, other):
        return self.key > self._other(other)

    def __ge__(self, other):
        return self.key >= self._other(other)

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
    got = insertion_sort(given_list)
    assert got is None, f"insertion_sort() sorts the list in place and returns None (like list.sort()), got {got!r}"
    assert given_list == want, f"insertion_sort({numbers!r}) should leave the list as {want!r}, got {given_list!r}"
    assert all(type(a) is type(b) for a, b in zip(given_list, want)), "the sorted list should hold the same items"


def comparisons_to_sort(keys):
    items = TrackedList(Item(k) for k in keys)
    COMPARISONS[0] = 0
    insertion_sort(items)
    assert [i.key for i in items] == sorted(keys), "the list should end up sorted"
    assert "slice assignment" not in items.others, (
        "your code assigned a whole slice of the list: sort in place, by moving items inside the list, "
        "instead of sorting a copy and copying it back")
    return COMPARISONS[0]


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


def test_item_goes_all_the_way_to_the_front():
    """an item smaller than everything before it is inserted at index 0"""
    check([2, 3, 4, 5, 1])
    check([1, 2, 3, 0])
    check([5, 1, 2, 3, 4])


def test_stable():
    """equal items keep their original order: stop at an equal item, don't pass it"""
    items = [Item(2, "a"), Item(1, "a"), Item(2, "b"), Item(1, "b"), Item(2, "c"), Item(0, "a")]
    insertion_sort(items)
    got = [repr(i) for i in items]
    want = ["0a", "1a", "1b", "2a", "2b", "2c"]
    assert got == want, f"sorting [2a, 1a, 2b, 1b, 2c, 0a] by number should give {want}, got {got}: equal items must keep their order"


def test_fast_on_sorted_input():
    """a sorted list takes about n comparisons: each item is already in place"""
    n = 200
    used = comparisons_to_sort(list(range(n)))
    assert used <= 10 * n, (
        f"insertion sort made {used} comparisons on an already sorted list of {n}; each item needs just one "
        "comparison with its left neighbour to see it is in place. Stop moving an item as soon as the one to "
        "its left is not bigger")


def test_fast_on_nearly_sorted_input():
    """a nearly sorted list takes about n comparisons too"""
    n = 200
    cases = {
        "the smallest item moved to the end": list(range(1, n)) + [0],
        "neighbouring pairs swapped": [k ^ 1 for k in range(n)],
        "the largest item moved to the front": [n] + list(range(n)),
    }
    for name, keys in cases.items():
        used = comparisons_to_sort(keys)
        assert used <= 10 * n, (
            f"insertion sort made {used} comparisons on a list of {n} with {name}; only a few items are out of "
            "place, and each should move just as far as it needs to, stopping as soon as the item to its left "
            "is not bigger")


def test_no_builtin_sort():
    """the sorting is yours: no sorted(), .sort(), heapq or bisect"""
    assert_not_used("sorted(), list.sort(), heapq or bisect", names=["sorted"], attributes=["sort", "insort"],
                    imports=["heapq", "bisect"])


@no_explain
@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted(numbers):
    """agrees with sorted() on any list of integers"""
    check(numbers)


@no_explain
@given(st.lists(st.integers(min_value=0, max_value=3), max_size=20))
def test_stable_on_any_list(keys):
    """on any list, equal items end up in their original order"""
    items = [Item(k, f"#{i}") for i, k in enumerate(keys)]
    original = [repr(i) for i in items]
    want = [repr(i) for i in sorted(items, key=lambda i: i.key)]
    insertion_sort(items)
    got = [repr(i) for i in items]
    assert got == want, f"sorting {original} by number should give {want}, got {got}: equal items must keep their order"

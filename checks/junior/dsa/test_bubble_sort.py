import random

from hypothesis import Phase, given, settings, strategies as st

from bubble_sort import bubble_sort
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


def inversions(items):
    return sum(1 for i in range(len(items)) for j in range(i + 1, len(items)) if items[i] > items[j])


def check(numbers):
    want = sorted(numbers)
    given_list = list(numbers)
    got = bubble_sort(given_list)
    assert got is None, f"bubble_sort() sorts the list in place and returns None (like list.sort()), got {got!r}"
    assert given_list == want, f"bubble_sort({numbers!r}) should leave the list as {want!r}, got {given_list!r}"
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


def test_stable():
    """equal items keep their original order: swap only when strictly greater"""
    items = [Item(2, "a"), Item(1, "a"), Item(2, "b"), Item(1, "b"), Item(2, "c"), Item(0, "a")]
    bubble_sort(items)
    got = [repr(i) for i in items]
    want = ["0a", "1a", "1b", "2a", "2b", "2c"]
    assert got == want, f"sorting [2a, 1a, 2b, 1b, 2c, 0a] by number should give {want}, got {got}: equal items must keep their order"


def test_stops_after_a_pass_without_swaps():
    """an already sorted list takes one pass: n - 1 comparisons"""
    n = 100
    items = [Item(k) for k in range(n)]
    COMPARISONS[0] = 0
    bubble_sort(items)
    assert COMPARISONS[0] <= n - 1, (
        f"bubble sort made {COMPARISONS[0]} comparisons on an already sorted list of {n} items; one pass "
        f"({n - 1} comparisons) shows nothing needs swapping: stop when a pass makes no swap")
    assert [i.key for i in items] == list(range(n)), "a sorted list should stay sorted"


def test_only_swaps_out_of_order_neighbours():
    """every change to the list swaps two neighbours, one swap per out-of-order pair"""
    keys = [k // 2 for k in range(40)]  # every key twice: equal neighbours must not be swapped
    random.Random(2024).shuffle(keys)
    items = TrackedList(Item(k) for k in keys)
    expected_swaps = inversions(keys)
    bubble_sort(items)
    assert [i.key for i in items] == sorted(keys), "the list should end up sorted"
    assert not items.others, (
        f"bubble sort only swaps neighbours (lst[i], lst[i + 1] = lst[i + 1], lst[i]), but your code also used "
        f"{', '.join(sorted(set(items.others)))} on the list")
    pairs = list(zip(items.writes[::2], items.writes[1::2]))
    assert len(items.writes) % 2 == 0 and all(abs(a - b) == 1 for a, b in pairs), (
        "bubble sort swaps two neighbouring items at a time; your code wrote to the list at indexes "
        f"{items.writes[:12]}...")
    assert len(pairs) == expected_swaps, (
        f"sorting this list of 40 takes exactly {expected_swaps} neighbour swaps (one per pair out of order; "
        f"equal items are never swapped), your code made {len(pairs)}")


def test_no_builtin_sort():
    """the sorting is yours: no sorted(), .sort() or heapq"""
    assert_not_used("sorted(), list.sort() or heapq", names=["sorted"], attributes=["sort"], imports=["heapq"])


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
    bubble_sort(items)
    got = [repr(i) for i in items]
    assert got == want, f"sorting {original} by number should give {want}, got {got}: equal items must keep their order"

from hypothesis import given, strategies as st

from binary_search_index import binary_search
from pyexercise.checklib import assert_not_used


class Probe:
    """A sorted sequence that allows only len() and items[i], and counts the reads."""

    def __init__(self, items):
        self._items = items
        self.reads = 0
        self.limit = 10 * budget(len(items)) + 100

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("binary search must not slice the list: a slice copies the items (O(n)); "
                            "keep lo and hi indexes into the one list instead")
        self.reads += 1
        if self.reads > self.limit:
            raise AssertionError(
                f"binary search read over {self.limit} items of a list of {len(self._items)} and had not finished: "
                "a linear scan, or an endless loop (does every step move lo or hi past mid?)")
        return self._items[index]

    def __iter__(self):
        raise TypeError("binary search must not loop over the items (a linear scan, O(n)): "
                        "look only at the middle item of the part still in play")

    def __contains__(self, item):
        raise TypeError("`in` scans every item (O(n)): binary search looks at the middle item and halves the range")

    def index(self, *args):
        raise TypeError(".index() scans every item (O(n)): binary search looks at the middle item and halves the range")

    def count(self, *args):
        raise TypeError(".count() scans every item (O(n)): binary search looks at the middle item and halves the range")

    def __repr__(self):
        items = list(self._items) if len(self._items) <= 12 else f"<{len(self._items)} sorted items>"
        return f"{items}"


def budget(n):
    """Generous: three reads per halving, plus a few."""
    return 3 * (n.bit_length() + 2)


def search(items, target):
    probe = Probe(items)
    got = binary_search(probe, target)
    assert type(got) is int, f"binary_search({probe!r}, {target!r}) should return an int, got {got!r}"
    assert probe.reads <= budget(len(items)), (
        f"binary_search({probe!r}, {target!r}) read {probe.reads} items; binary search on {len(items)} items "
        f"needs about {max(1, len(items).bit_length())} (halve the range on every step)")
    return got


def check_found(items, target):
    got = search(items, target)
    assert 0 <= got < len(items) and items[got] == target, (
        f"binary_search({list(items)!r}, {target!r}) should give an index of {target!r}, got {got}")


def check_missing(items, target):
    got = search(items, target)
    assert got == -1, f"binary_search({list(items)!r}, {target!r}) should be -1 ({target!r} is not there), got {got}"


def test_typical():
    """finds 7 at index 3, and reports a missing 4 as -1"""
    got = search([1, 3, 5, 7, 9, 11], 7)
    assert got == 3, f"binary_search([1, 3, 5, 7, 9, 11], 7) should be 3, got {got}"
    check_missing([1, 3, 5, 7, 9, 11], 4)


def test_every_position():
    """every item of a list is found at its own index, first and last included"""
    for n in range(1, 34):
        items = list(range(10, 10 + 3 * n, 3))
        for i, target in enumerate(items):
            got = search(items, target)
            assert got == i, f"binary_search({items!r}, {target}) should be {i}, got {got}"


def test_missing_everywhere():
    """a value below, between or above the items gives -1"""
    for n in range(0, 34):
        items = list(range(10, 10 + 3 * n, 3))
        for target in [0, 9] + [x + 1 for x in items] + [x + 2 for x in items] + [10**6]:
            check_missing(items, target)


def test_empty_and_single():
    """an empty list gives -1; a one-item list finds its item"""
    check_missing([], 5)
    got = search([5], 5)
    assert got == 0, f"binary_search([5], 5) should be 0, got {got}"
    check_missing([5], 4)
    check_missing([5], 6)


def test_duplicates_and_negatives():
    """finds some index of a repeated value; negatives work"""
    check_found([1, 2, 2, 2, 2, 3], 2)
    check_found([4, 4, 4, 4], 4)
    check_missing([4, 4, 4, 4], 5)
    check_found([-9, -4, -4, 0, 3], -4)
    check_found([-9, -4, -4, 0, 3], -9)


def test_strings():
    """works for any sorted items, strings too"""
    words = ["apple", "banana", "cherry", "kiwi", "mango", "plum"]
    for i, w in enumerate(words):
        got = search(words, w)
        assert got == i, f"binary_search({words!r}, {w!r}) should be {i}, got {got}"
    check_missing(words, "grape")


def test_million_items_in_few_reads():
    """a million items take about 20 reads, not a million"""
    items = range(0, 2_000_000, 2)  # 1,000,000 sorted even numbers
    for target, want in [(0, 0), (1_999_998, 999_999), (1_000_000, 500_000), (123_456, 61_728)]:
        got = search(items, target)
        assert got == want, f"binary_search(<the even numbers below 2,000,000>, {target}) should be {want}, got {got}"
    for target in (-1, 1, 999_999, 2_000_000):
        got = search(items, target)
        assert got == -1, f"binary_search(<the even numbers below 2,000,000>, {target}) should be -1, got {got}"


def test_no_bisect():
    """the halving is yours: no bisect module"""
    assert_not_used("the bisect module", imports=["bisect"], attributes=["bisect_left", "bisect_right", "bisect"])


@given(st.lists(st.integers(min_value=-50, max_value=50), max_size=40).map(sorted),
       st.integers(min_value=-55, max_value=55))
def test_matches_linear_search(items, target):
    """agrees with a linear search on any sorted list, in O(log n) reads"""
    if target in items:
        check_found(items, target)
    else:
        check_missing(items, target)

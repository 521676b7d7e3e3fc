from hypothesis import given, strategies as st

from merge_sorted_lists import merge_sorted
from pyexercise.checklib import Item, assert_not_used, comparisons, stable_order


def check(a, b):
    want = sorted(a + b)
    before = (list(a), list(b))
    got = merge_sorted(a, b)
    call = f"merge_sorted({before[0]!r}, {before[1]!r})"
    assert type(got) is list, f"{call} should return a list, got {type(got).__name__}"
    assert got == want, f"{call} should be {want!r}, got {got!r}"
    assert all(type(x) is type(y) for x, y in zip(got, want)), f"{call} should hold the items themselves"
    assert (a, b) == before, f"{call} changed its arguments to {a!r} and {b!r}: leave them as they are"
    assert got is not a and got is not b, f"{call} should return a new list"


def test_typical():
    """interleaves two sorted lists"""
    check([1, 4, 9], [2, 3, 10, 11])
    check([1, 3, 5], [2, 4, 6])


def test_one_list_runs_out_first():
    """the rest of the longer list is kept once the other runs out"""
    check([1, 2, 3], [10, 20, 30])
    check([10, 20, 30], [1, 2, 3])
    check([5], [1, 2, 3, 4, 6, 7])


def test_empty():
    """an empty list on either side, or both"""
    check([], [])
    check([], [5, 6])
    check([5, 6], [])


def test_duplicates_and_negatives():
    """duplicates (within and across lists) and negatives are all kept"""
    check([1, 1, 2], [1, 2, 2])
    check([-5, -1, 0], [-3, -3, 4])
    check([7], [7])


def test_floats_and_strings():
    """anything comparable: floats, strings"""
    check([0.5, 2.5], [1.0, 1.5, 3.0])
    check(["apple", "kiwi"], ["banana", "cherry", "plum"])


def test_stable():
    """equal items: those from a come before those from b"""
    a = [Item(1, "a"), Item(2, "a"), Item(2, "a2"), Item(3, "a")]
    b = [Item(1, "b"), Item(2, "b"), Item(4, "b")]
    got = [repr(x) for x in merge_sorted(a, b)]
    want = ["1a", "1b", "2a", "2a2", "2b", "3a", "4b"]
    assert got == want, f"merging {a} and {b} should give {want}, got {got}: on a tie, take from a first"


def test_linear_number_of_comparisons():
    """at most len(a) + len(b) - 1 comparisons: one per item taken"""
    a = [Item(k) for k in range(0, 400, 2)]
    b = [Item(k) for k in range(1, 400, 2)]
    with comparisons() as counted:
        got = merge_sorted(a, b)
    assert [x.key for x in got] == list(range(400)), "merging the even and the odd numbers below 400 should give 0..399"
    limit = len(a) + len(b) - 1
    assert counted.count <= limit, (
        f"merging two sorted lists of 200 made {counted.count} comparisons; walking both lists at once needs at most "
        f"{limit} (compare the two front items, take the smaller, move on)")


def test_no_builtin_sort():
    """the merging is yours: no sorted(), .sort() or heapq"""
    assert_not_used("sorted(), list.sort() or heapq", names=["sorted"], attributes=["sort"], imports=["heapq"])


sorted_lists = st.lists(st.integers(min_value=-100, max_value=100), max_size=15).map(sorted)


@given(sorted_lists, sorted_lists)
def test_matches_sorted(a, b):
    """agrees with sorting the two lists together, on any two sorted lists"""
    check(a, b)


@given(sorted_lists, sorted_lists)
def test_stable_and_linear_on_any_lists(a_keys, b_keys):
    """on any two sorted lists: ties from a first, and at most len(a) + len(b) - 1 comparisons"""
    a = [Item(k, "a") for k in a_keys]
    b = [Item(k, "b") for k in b_keys]
    want = stable_order(a + b)
    with comparisons() as counted:
        got = [repr(x) for x in merge_sorted(a, b)]
    assert got == want, f"merging {a} and {b} should give {want}, got {got}"
    limit = max(0, len(a) + len(b) - 1)
    assert counted.count <= limit, f"merging {a} and {b} made {counted.count} comparisons; at most {limit} are needed"

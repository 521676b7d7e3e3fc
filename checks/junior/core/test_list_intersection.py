from hypothesis import given, strategies as st

from list_intersection import intersection


class Key:
    """An item that counts how often it is compared with ==."""

    eq_calls = 0

    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        Key.eq_calls += 1
        return isinstance(other, Key) and self.value == other.value

    def __repr__(self):
        return f"Key({self.value!r})"


def check(a, b, want, why=""):
    got = intersection(list(a), list(b))
    assert type(got) is list, f"intersection() should return a list, got {type(got).__name__}"
    assert got == want, f"intersection({a!r}, {b!r}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """the common elements, in the order of the first list"""
    check([1, 2, 3, 4], [4, 3, 9], [3, 4], ": order as in the first list")


def test_order_follows_first_list():
    """the order comes from a, not from b, and is not sorted"""
    check([9, 1, 5], [1, 5, 9], [9, 1, 5])
    check(["pear", "apple"], ["apple", "pear"], ["pear", "apple"])


def test_duplicates_appear_once():
    """a value repeated in either list is in the result once"""
    check(["a", "b", "a"], ["a", "a", "c"], ["a"])
    check([2, 2, 2], [2], [2])
    check([2], [2, 2, 2], [2])


def test_nothing_in_common():
    """disjoint lists have an empty intersection"""
    check([1, 2], [3, 4], [])


def test_empty_lists():
    """if either list is empty, so is the intersection"""
    check([], [1, 2], [])
    check([1, 2], [], [])
    check([], [], [])


def test_same_list():
    """a list intersected with itself is its distinct values"""
    check([3, 1, 3, 2], [3, 1, 3, 2], [3, 1, 2])


def test_mixed_types():
    """values of different types are told apart: '1' is not 1"""
    check(["1", 1, None, (1, 2)], [1, (1, 2), "x"], [1, (1, 2)])


def test_inputs_not_modified():
    """neither list passed in is changed"""
    a, b = [1, 2, 2, 3], [2, 3, 3]
    intersection(a, b)
    assert a == [1, 2, 2, 3] and b == [2, 3, 3], f"intersection() changed its arguments to {a!r}, {b!r}"


def test_linear_time():
    """O(len(a) + len(b)): each look-up must not scan a whole list"""
    n = 600
    a = [Key(i) for i in range(n)]
    b = [Key(i) for i in range(n // 2, n + n // 2)]
    Key.eq_calls = 0
    got = intersection(a, b)
    calls = Key.eq_calls
    assert got == a[n // 2:], "intersection(0..599, 300..899) should be 300..599"
    assert calls <= 10 * n, (
        f"intersection() of two {n}-item lists compared items with == {calls} times: that is "
        "O(n*m). Put the items of one list in a set, so each look-up is O(1)")


small = st.lists(st.integers(min_value=0, max_value=8), max_size=12)


@given(small, small)
def test_matches_set_model(a, b):
    """for any two lists: exactly the distinct values in both, ordered by first place in a"""
    want = [x for x in dict.fromkeys(a) if x in set(b)]
    check(a, b, want)

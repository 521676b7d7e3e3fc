from hypothesis import given, strategies as st

from dedupe_ordered import dedupe


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


def check(items, want, why=""):
    got = dedupe(list(items))
    assert type(got) is list, f"dedupe() should return a list, got {type(got).__name__}"
    assert got == want, f"dedupe({items!r}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """repeats are dropped and the first occurrences keep their order"""
    check([3, 1, 3, 2, 1], [3, 1, 2], ": keep the order of first appearance, don't sort")


def test_strings():
    """works for strings too"""
    check(["b", "a", "b", "c", "a"], ["b", "a", "c"])


def test_no_duplicates():
    """a list without repeats comes back the same"""
    check([5, 4, 3], [5, 4, 3], ": keep the original order, not sorted order")


def test_all_the_same():
    """a list of one repeated item becomes one item"""
    check([7, 7, 7, 7], [7])


def test_empty_and_single():
    """an empty list and a one-item list come back as they are"""
    check([], [])
    check([None], [None])


def test_adjacent_and_far_duplicates():
    """duplicates are found whether they are next to each other or far apart"""
    check([1, 1, 2, 2, 1], [1, 2], ": a repeat need not be next to its first occurrence")


def test_mixed_types():
    """items of different types are told apart"""
    check(["1", 1, None, "1", None, (1, 2), (1, 2)], ["1", 1, None, (1, 2)])


def test_first_occurrence_is_the_one_kept():
    """of two equal items, the first one is kept (not a later one)"""
    first, later = Key("x"), Key("x")
    got = dedupe([first, Key("y"), later])
    assert got == [Key("x"), Key("y")], f"dedupe() should keep one Key('x') and Key('y'), got {got!r}"
    assert got[0] is first, "dedupe() should keep the first occurrence, not a later equal one"


def test_input_not_modified():
    """the list passed in is left as it was, and a new list is returned"""
    items = [1, 2, 1]
    got = dedupe(items)
    assert items == [1, 2, 1], f"dedupe() changed its argument to {items!r}; build a new list"
    assert got is not items, "dedupe() should return a new list"


def test_linear_time():
    """O(n): checking 'seen before?' must not compare with every earlier item"""
    n = 600
    items = [Key(i) for i in range(n)] + [Key(i) for i in range(n)]
    Key.eq_calls = 0
    got = dedupe(items)
    calls = Key.eq_calls
    assert got == items[:n], "dedupe() of 0..599 twice should be 0..599 once"
    assert calls <= 5 * n, (
        f"dedupe() of {2 * n} items compared items with == {calls} times: that is O(n**2). "
        "Remember what you have seen in a set, so each look-up is O(1)")


@given(st.lists(st.integers(min_value=-5, max_value=5) | st.sampled_from(["a", "b", None])))
def test_matches_dict_fromkeys(items):
    """for any list: each item once, in order of first appearance"""
    check(items, list(dict.fromkeys(items)))

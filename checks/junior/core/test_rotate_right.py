from collections import deque

from hypothesis import given, strategies as st

from rotate_right import rotate_right


def check(items, n, want, why=""):
    got = rotate_right(list(items), n)
    assert type(got) is list, f"rotate_right() should return a list, got {type(got).__name__}"
    assert got == want, f"rotate_right({items!r}, {n}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """the last n items move to the front"""
    check([1, 2, 3, 4, 5], 2, [4, 5, 1, 2, 3])


def test_by_one():
    """rotating by one moves only the last item to the front"""
    check([1, 2, 3, 4, 5], 1, [5, 1, 2, 3, 4])
    check(["a", "b"], 1, ["b", "a"])


def test_by_zero_and_by_length():
    """rotating by 0 or by the length gives the same order"""
    check([1, 2, 3], 0, [1, 2, 3])
    check([1, 2, 3], 3, [1, 2, 3], ": rotating by the length is a full turn")


def test_more_than_length():
    """n larger than the list wraps around"""
    check([1, 2, 3], 4, [3, 1, 2], ": rotating by 4 is rotating by 1 here")
    check([1, 2, 3], 8, [2, 3, 1])
    check([1, 2, 3], 3 * 10**12 + 1, [3, 1, 2], ": use n % len(items), don't step n times")


def test_negative_rotates_left():
    """a negative n rotates to the left"""
    check([1, 2, 3, 4, 5], -1, [2, 3, 4, 5, 1])
    check([1, 2, 3, 4, 5], -7, [3, 4, 5, 1, 2])


def test_empty_and_single():
    """an empty list stays empty (no ZeroDivisionError); one item stays put"""
    check([], 3, [], ": an empty list has nothing to rotate")
    check([], 0, [])
    check(["x"], 5, ["x"])


def test_duplicates_are_kept():
    """equal items are moved like any other"""
    check([1, 1, 2], 1, [2, 1, 1])


def test_returns_new_list_input_unchanged():
    """a new list comes back and the one passed in is unchanged, even for n = 0"""
    items = [1, 2, 3]
    got = rotate_right(items, 1)
    assert items == [1, 2, 3], f"rotate_right() changed its argument to {items!r}"
    got0 = rotate_right(items, 0)
    assert got0 == items and got0 is not items, "rotate_right(items, 0) should return a copy, not items itself"
    assert got is not items


@given(st.lists(st.integers(min_value=0, max_value=9), max_size=10), st.integers(min_value=-25, max_value=25))
def test_matches_deque_rotate(items, n):
    """for any list and n: agrees with collections.deque.rotate, and rotating back undoes it"""
    model = deque(items)
    model.rotate(n)
    check(items, n, list(model))
    assert rotate_right(rotate_right(list(items), n), -n) == items, "rotating by n and then by -n should undo it"

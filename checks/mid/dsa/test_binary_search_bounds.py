import bisect
import math

import pytest
from hypothesis import given, strategies as st

from binary_search_bounds import first_true, lower_bound, search_rotated, upper_bound
from pyexercise.checklib import CountingSequence, assert_not_used


def read_budget(n):
    """2 * ceil(log2(n)) + 2, the most reads the docstring allows on n items."""
    return 2 * max(n - 1, 0).bit_length() + 2


def call_budget(lo, hi):
    """ceil(log2(hi - lo + 1)) + 1 predicate calls."""
    return (hi - lo).bit_length() + 1


def shown(items):
    return repr(list(items)) if len(items) <= 12 else f"<{len(items):,} sorted items>"


def bound(fn, items, x, key=None):
    """Call lower_bound/upper_bound on a read-counting view of ``items``; check type and reads."""
    seq = CountingSequence(items)
    call = f"{fn.__name__}({shown(items)}, {x!r}{'' if key is None else ', key=' + key.__name__})"
    try:
        got = fn(seq, x) if key is None else fn(seq, x, key=key)
    except TypeError as exc:
        if key is None:
            raise
        pytest.fail(f"{call} raised TypeError ({exc}): apply key to the items you read only; x is already a "
                    "key, like bisect's key=")
    assert type(got) is int, f"{call} should return an int index, got {got!r}"
    assert seq.reads <= read_budget(len(items)), (
        f"{call} read {seq.reads} items; a binary search on {len(items):,} items needs at most "
        f"{read_budget(len(items))}: halve the range on every step, and don't walk along a run of equal items")
    return got


def check_bounds(items, x, key=None):
    keyed = {} if key is None else {"key": key}
    for fn, oracle, meaning in ((lower_bound, bisect.bisect_left, ">="), (upper_bound, bisect.bisect_right, ">")):
        want = oracle(items, x, **keyed)
        got = bound(fn, items, x, key)
        assert got == want, (f"{fn.__name__}({shown(items)}, {x!r}{'' if key is None else ', key=' + key.__name__})"
                             f" should be {want}: the first index whose {'key' if key else 'item'} is {meaning} {x!r}"
                             + (" (len(seq) when there is none)" if want == len(items) else ""))


def rotated(seq_sorted, k):
    return seq_sorted[k:] + seq_sorted[:k]


def check_rotated(items, x):
    seq = CountingSequence(items)
    want = items.index(x) if x in items else -1
    got = search_rotated(seq, x)
    call = f"search_rotated({shown(items)}, {x!r})"
    assert type(got) is int, f"{call} should return an int, got {got!r}"
    assert got == want, f"{call} should be {want}" + ("" if want >= 0 else f": {x!r} is not there")
    assert seq.reads <= read_budget(len(items)), (
        f"{call} read {seq.reads} items, but a sequence of {len(items):,} allows at most {read_budget(len(items))}: "
        "read each item you need once (keep it in a variable); the last item tells the two sorted runs apart, "
        "so one binary search finds where the runs meet and a second one searches the right run")


class Pred:
    """A monotone predicate over integers: True from ``threshold`` on. Counts its calls and refuses
    arguments outside [lo, hi) or that are not ints."""

    def __init__(self, threshold, lo, hi, test=None):
        self.threshold, self.lo, self.hi, self.calls = threshold, lo, hi, 0
        self.test = test or (lambda i: i >= threshold)

    def __call__(self, i):
        assert type(i) is int, f"first_true called pred({i!r}): pred takes ints only (a float mid loses precision)"
        assert self.lo <= i < self.hi, (f"first_true(pred, {self.lo}, {self.hi}) called pred({i}), outside "
                                        f"[{self.lo}, {self.hi}): hi itself is never a candidate to ask about")
        self.calls += 1
        if self.calls > call_budget(self.lo, self.hi) + 20:
            raise AssertionError(f"first_true(pred, {self.lo}, {self.hi}) has called pred {self.calls} times and "
                                 "not finished: an endless loop? Every step must move lo past mid or hi down to mid")
        return self.test(i)


def run_first_true(threshold, lo, hi, test=None, what=None):
    pred = Pred(threshold, lo, hi, test)
    got = first_true(pred, lo, hi)
    want = min(max(threshold, lo), hi)
    what = what or f"first_true(<True from {threshold} on>, {lo}, {hi})"
    assert type(got) is int, f"{what} should return an int, got {got!r}"
    assert got == want, f"{what} should be {want}" + (": no i in the range is True, so hi" if want == hi else "")
    assert pred.calls <= call_budget(lo, hi), (
        f"{what} called pred {pred.calls} times; halving a range of {hi - lo:,} numbers needs at most "
        f"{call_budget(lo, hi)}")
    return got


# -- lower_bound and upper_bound ------------------------------------------------------------------
def test_docstring_examples():
    """the examples of the docstring"""
    xs = [1, 3, 3, 3, 7, 9]
    assert bound(lower_bound, xs, 3) == 1, "lower_bound([1, 3, 3, 3, 7, 9], 3) should be 1, the first 3"
    assert bound(upper_bound, xs, 3) == 4, "upper_bound([1, 3, 3, 3, 7, 9], 3) should be 4, just past the last 3"
    assert bound(lower_bound, xs, 4) == 4 and bound(upper_bound, xs, 4) == 4, (
        "with no 4 in [1, 3, 3, 3, 7, 9], both bounds of 4 should be 4, where it would be inserted")
    words = ["fig", "kiwi", "lemon", "banana"]
    assert bound(lower_bound, words, 5, key=len) == 2, "lower_bound(words, 5, key=len) should be 2 ('lemon')"


def test_bounds_everywhere_small():
    """every value below, on, between and above the items, with duplicates, matches bisect"""
    for items in ([], [5], [5, 5], [1, 2, 3], [2, 2, 2, 2, 2], [1, 1, 2, 3, 3, 3, 8], [-7, -7, -2, 0, 0, 4],
                  list(range(0, 40, 2)), [0] * 9 + [1] * 9):
        for x in range(-9, 42):
            check_bounds(items, x)


def test_empty_sequence():
    """an empty sequence gives 0 for both bounds"""
    for fn in (lower_bound, upper_bound):
        got = bound(fn, [], 1)
        assert got == 0, f"{fn.__name__}([], 1) should be 0, got {got!r}"


def test_key_is_applied_to_items_only():
    """key= maps the items; x is already a key (as in bisect), never passed to key"""
    words = ["a", "to", "cat", "tree", "hello", "banana"]  # sorted by len
    for x in range(0, 8):
        check_bounds(words, x, key=len)
    people = [("ann", 19), ("bob", 25), ("cy", 25), ("dee", 31)]

    def age(person):
        return person[1]
    for x in (18, 19, 25, 26, 31, 40):
        check_bounds(people, x, key=age)


def test_key_none_means_identity():
    """key=None passed explicitly works like no key at all"""
    items = [2, 4, 4, 8]
    for fn, want in ((lower_bound, 1), (upper_bound, 3)):
        got = fn(CountingSequence(items), 4, key=None)
        assert got == want, f"{fn.__name__}([2, 4, 4, 8], 4, key=None) should be {want}, got {got!r}"


def test_strings_and_floats():
    """any ordered items: strings, floats"""
    check_bounds(["apple", "banana", "banana", "cherry"], "banana")
    check_bounds(["apple", "banana", "banana", "cherry"], "blueberry")
    check_bounds([0.5, 1.5, 1.5, 2.25], 1.5)
    check_bounds([0.5, 1.5, 1.5, 2.25], 0.0)


def test_all_equal_million_in_log_reads():
    """a million equal items: both bounds in about 20 reads, not a walk along the run"""
    items = [7] * 1_000_000
    for x, lo, hi in ((7, 0, 1_000_000), (6, 0, 0), (8, 1_000_000, 1_000_000)):
        assert bound(lower_bound, items, x) == lo, f"lower_bound(<a million 7s>, {x}) should be {lo}"
        assert bound(upper_bound, items, x) == hi, f"upper_bound(<a million 7s>, {x}) should be {hi}"


def test_long_runs_of_duplicates():
    """runs of equal items at the start, middle and end, on a big sequence"""
    items = [0] * 300_000 + [1] * 400_000 + [2] * 300_000
    for x, lo, hi in ((0, 0, 300_000), (1, 300_000, 700_000), (2, 700_000, 1_000_000), (-1, 0, 0), (3, 10**6, 10**6)):
        assert bound(lower_bound, items, x) == lo, f"lower_bound(<300k 0s, 400k 1s, 300k 2s>, {x}) should be {lo}"
        assert bound(upper_bound, items, x) == hi, f"upper_bound(<300k 0s, 400k 1s, 300k 2s>, {x}) should be {hi}"


# -- search_rotated -------------------------------------------------------------------------------
def test_rotated_docstring_example():
    """search_rotated([30, 40, 50, 10, 20], 10) is 3"""
    check_rotated([30, 40, 50, 10, 20], 10)


def test_rotated_every_rotation_and_target():
    """every rotation of lists of 0 to 17 items, every item found, every gap reported as -1"""
    for n in range(0, 18):
        base = list(range(10, 10 + 10 * n, 10))
        for k in range(max(n, 1)):
            items = rotated(base, k)
            for x in range(5, 15 + 10 * n, 5):
                check_rotated(items, x)


def test_rotated_not_rotated_and_single():
    """a list that is not rotated at all, a single item, an empty list"""
    check_rotated([1, 2, 3, 4, 5, 6, 7, 8], 8)
    check_rotated([1, 2, 3, 4, 5, 6, 7, 8], 1)
    check_rotated([1, 2, 3, 4, 5, 6, 7, 8], 0)
    check_rotated([42], 42)
    check_rotated([42], 41)
    check_rotated([], 1)


def test_rotated_strings_and_negatives():
    """works for strings and negative numbers"""
    words = ["melon", "peach", "plum", "apple", "fig", "grape"]
    for w in words + ["kiwi", "zebra", "aardvark"]:
        check_rotated(words, w)
    for x in (-3, 0, 2, 5):
        check_rotated([0, 2, 5, -9, -3], x)


class Rotated:
    """The even numbers below 2 * n, rotated left by k, without building the list."""

    def __init__(self, n, k):
        self.n, self.k = n, k

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return 2 * ((i + self.k) % self.n)


def test_rotated_million_in_log_reads():
    """a million items at several rotations: found or not, about 40 reads each"""
    n = 1_000_000
    for k in (0, 1, 250_000, 500_000, 999_999):
        seq = CountingSequence(Rotated(n, k))
        for x in (0, 2 * k, 2 * ((k - 1) % n), 999_998, 1_999_998, 1_234_567, -2, 2_000_000):
            seq.reads = 0
            want = (x // 2 - k) % n if x % 2 == 0 and 0 <= x < 2 * n else -1
            got = search_rotated(seq, x)
            call = f"search_rotated(<a million even numbers rotated by {k:,}>, {x:,})"
            assert got == want, f"{call} should be {want}, got {got!r}"
            assert seq.reads <= read_budget(n), (
                f"{call} read {seq.reads} items, over {read_budget(n)}: two binary searches, each item read once")


# -- first_true -----------------------------------------------------------------------------------
def test_first_true_docstring_example():
    """first_true(lambda r: r * r > 2_000_000, 0, 2_000_001) is 1415"""
    run_first_true(1415, 0, 2_000_001, lambda r: r * r > 2_000_000,
                   "first_true(lambda r: r * r > 2_000_000, 0, 2_000_001)")


def test_first_true_every_threshold():
    """every turning point of small ranges, including none True and all True"""
    for lo, hi in ((0, 0), (0, 1), (0, 2), (0, 7), (3, 11), (-20, -3), (-5, 5), (100, 164)):
        for threshold in range(lo - 2, hi + 3):
            run_first_true(threshold, lo, hi)


def test_first_true_empty_range():
    """lo == hi is an empty range: return it without calling pred"""
    for n in (0, -4, 10**20):
        pred = Pred(0, n, n)
        got = first_true(pred, n, n)
        assert got == n and pred.calls == 0, f"first_true(pred, {n}, {n}) should be {n} with no calls to pred"


def test_first_true_lo_above_hi():
    """lo > hi is a ValueError"""
    with pytest.raises(ValueError):
        first_true(lambda i: True, 5, 4)
    with pytest.raises(ValueError):
        first_true(lambda i: True, 0, -10)


def test_isqrt_of_10_to_30():
    """isqrt(10**30) through first_true in at most 101 calls: integer arithmetic, no floats"""
    n = 10**30
    pred = Pred(None, 0, n + 1, lambda r: r * r > n)
    got = first_true(pred, 0, n + 1) - 1
    assert got == 10**15, (f"first_true(lambda r: r * r > 10**30, 0, 10**30 + 1) - 1 should be 10**15, got {got}: "
                           "compute mid with // on ints, (lo + hi) / 2 is a float and loses digits")
    assert pred.calls <= 101, f"first_true took {pred.calls} calls on a range of 10**30 + 1 numbers: at most 101"


def test_huge_ranges_exact():
    """exact answers on ranges far beyond float precision"""
    for n in (2**61 - 1, 10**40 + 12345, 3**90, 7 * 10**25 + 1):
        pred = Pred(None, 0, n + 1, lambda r, n=n: r * r > n)
        got = first_true(pred, 0, n + 1) - 1
        assert got == math.isqrt(n), f"isqrt({n}) via first_true should be {math.isqrt(n)}, got {got}"
        assert pred.calls <= call_budget(0, n + 1), f"first_true took {pred.calls} calls on a range of {n + 1}"
    run_first_true(10**50 + 3, -(10**50), 10**51)


def test_no_bisect():
    """the halving is yours: no bisect module"""
    assert lower_bound([1, 2], 2) == 1, "lower_bound([1, 2], 2) should be 1"
    assert_not_used("the bisect module", imports=["bisect"],
                    attributes=["bisect_left", "bisect_right", "bisect", "insort"])


# -- properties -----------------------------------------------------------------------------------
@given(st.lists(st.integers(-20, 20), max_size=60).map(sorted), st.integers(-25, 25))
def test_bounds_match_bisect(items, x):
    """on any sorted list, the bounds agree with bisect_left and bisect_right"""
    check_bounds(items, x)


def neg(v):
    return -v


@given(st.lists(st.integers(-20, 20), max_size=60).map(lambda v: sorted(v, key=neg)), st.integers(-25, 25))
def test_bounds_with_key_match_bisect(items, x):
    """with a key (a list sorted by key=neg, i.e. descending), they agree with bisect's key="""
    check_bounds(items, x, key=neg)


@given(st.sets(st.integers(-1000, 1000), max_size=40).map(sorted), st.data())
def test_rotated_matches_index(base, data):
    """any rotation of any sorted list of distinct values, any target: the index or -1"""
    k = data.draw(st.integers(0, max(len(base) - 1, 0)), label="rotation")
    x = data.draw(st.one_of(st.sampled_from(base), st.integers(-1005, 1005)) if base else st.integers(-5, 5),
                  label="x")
    check_rotated(rotated(base, k), x)


@given(st.integers(-10**6, 10**6), st.integers(0, 10**6), st.integers(-10**6 - 5, 2 * 10**6 + 5))
def test_first_true_matches_linear(lo, size, threshold):
    """any range and any turning point: the first True, in few calls"""
    run_first_true(threshold, lo, lo + size)

import random
from collections import deque

import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from deque_windows import RecentEvents, sliding_window_max, tail
from pyexercise.checklib import Tracked, assert_raises, time_budget


def brute_max(values, k):
    return [max(values[i:i + k]) for i in range(len(values) - k + 1)]


def same(got, want):
    """Equal, item for item, with the same types (1 and 1.0 are equal but not the same)."""
    return (type(got) is list and len(got) == len(want)
            and all(type(g) is type(w) and g == w for g, w in zip(got, want)))


# -- sliding_window_max ---------------------------------------------------------------------------
def test_docstring_example():
    """the docstring's example: windows of 3"""
    got = sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3)
    assert same(got, [3, 3, 5, 5, 6, 7]), f"sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3) should be [3, 3, 5, 5, 6, 7], got {got!r}"


def test_window_edges():
    """k = 1, k = len, k > len, one value and no values"""
    cases = [([4, 2, 7], 1, [4, 2, 7]), ([4, 2, 7], 3, [7]), ([4, 2, 7], 4, []), ([5], 1, [5]), ([], 1, []),
             ([], 3, []), ([-5, -2, -9, -1], 2, [-2, -2, -1]), (["b", "a", "c"], 2, ["b", "c"])]
    for values, k, want in cases:
        got = sliding_window_max(values, k)
        assert same(got, want), f"sliding_window_max({values!r}, {k}) should be {want!r}, got {got!r}"


def test_bad_window_size():
    """k < 1 is refused with ValueError"""
    sliding_window_max([1], 1)
    for k in (0, -1):
        assert_raises(ValueError, lambda: sliding_window_max([1, 2, 3], k),
                      f"sliding_window_max([1, 2, 3], {k}) must raise ValueError: a window holds at least one value")


def test_equal_values_earliest_wins():
    """among equal values the earliest is the maximum, as max() returns it"""
    values = [1, 1.0, 0, True, 1.0, 0]
    got = sliding_window_max(values, 2)
    want = brute_max(values, 2)  # [1, 1.0, True, True, 1.0]
    assert same(got, want), (f"sliding_window_max({values!r}, 2) should be {want!r} (1, 1.0 and True are equal: "
                             f"keep the earliest of them, as max() does), got {got!r}")


def test_reads_values_once():
    """values may be a generator: it is read once, front to back"""
    tracked = Tracked(iter([2, 9, 4, 1, 8, 3]))
    got = sliding_window_max(tracked, 2)
    assert same(got, [9, 9, 4, 8, 8]), f"sliding_window_max(iter([2, 9, 4, 1, 8, 3]), 2) should be [9, 9, 4, 8, 8], got {got!r}"
    assert tracked.iterations == 1, f"the values were iterated {tracked.iterations} times: read them once, they may be a generator"


@given(st.lists(st.integers(-20, 20), max_size=40), st.integers(1, 12))
def test_matches_brute_force(values, k):
    """matches max() of every window, for any values and k"""
    got = sliding_window_max(values, k)
    want = brute_max(values, k)
    assert same(got, want), f"sliding_window_max({values!r}, {k}) should be {want!r}, got {got!r}"


@pytest.mark.parametrize("shape", ["descending", "ascending", "random"])
def test_linear_time(shape):
    """half a million values with k = 10,000 in well under the budget: O(n), not O(n * k)"""
    n, k = 500_000, 10_000
    if shape == "descending":  # the maximum leaves every window: recomputing it then is O(n * k)
        values, want_first, want_last = range(n, 0, -1), n, k
    elif shape == "ascending":
        values, want_first, want_last = range(n), k - 1, n - 1
    else:
        rng = random.Random(7)
        values = [rng.randrange(10**6) for _ in range(n)]
        want_first, want_last = max(values[:k]), max(values[-k:])
    with time_budget(4, f"sliding_window_max() took over 4 s on 500,000 {shape} values with k = 10,000: keep a "
                        "deque of candidates so each value goes in and out once, instead of rescanning windows"):
        got = sliding_window_max(iter(values), k)
    assert len(got) == n - k + 1, f"500,000 values and k = 10,000 make {n - k + 1:,} windows, got {len(got):,}"
    assert got[0] == want_first and got[-1] == want_last, (
        f"on {shape} values the first and last window maxima should be {want_first} and {want_last}, "
        f"got {got[0]} and {got[-1]}")
    if shape == "descending":
        assert all(a == b for a, b in zip(got, range(n, k - 1, -1))), \
            "on descending values each window's maximum is its first value"


# -- tail -----------------------------------------------------------------------------------------
def write(path, text):
    path.write_bytes(text.encode("utf-8"))
    return path


def test_tail_small_files(tmp_path):
    """the last n lines, endings kept, oldest first; short files, no final newline, unicode"""
    cases = [("one\ntwo\nthree\nfour\n", 2, ["three\n", "four\n"]),
             ("one\ntwo\nthree", 2, ["two\n", "three"]),
             ("a\nb\n", 5, ["a\n", "b\n"]),
             ("a\nb\n", 0, []),
             ("", 3, []),
             ("naïve\n日本語\n\n", 2, ["日本語\n", "\n"]),
             ("x\r\ny\r\n", 1, ["y\r\n"])]
    for i, (text, n, want) in enumerate(cases):
        got = tail(write(tmp_path / f"f{i}.txt", text), n)
        assert type(got) is list and got == want, f"tail() of a file holding {text!r} with n={n} should be {want!r}, got {got!r}"


def test_tail_negative(tmp_path):
    """n < 0 is refused with ValueError"""
    path = write(tmp_path / "f.txt", "a\n")
    tail(path, 1)
    assert_raises(ValueError, lambda: tail(path, -1), "tail(path, -1) must raise ValueError")


def test_tail_of_a_big_file(tmp_path):
    """the last 5 lines of a 150 MB file, within the memory limit: stream, don't read it all"""
    path = tmp_path / "big.log"
    line = "2024-05-01T12:00:00 INFO request served in 12 ms from a cache of a few hundred entries\n"
    block = line * 20_000
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(150_000_000 // len(block)):
            f.write(block)
        for i in range(5):
            f.write(f"last line {i}\n")
    got = tail(path, 5)
    want = [f"last line {i}\n" for i in range(5)]
    assert got == want, f"the last 5 lines of the big file should be {want!r}, got {got!r}"


# -- RecentEvents ---------------------------------------------------------------------------------
def test_recent_events_example():
    """the docstring's example: capacity 3, four events"""
    log = RecentEvents(capacity=3)
    for event in "abcd":
        assert log.add(event) is None, "add() returns None"
    assert list(log) == ["b", "c", "d"], f"after adding a, b, c, d to a log of 3, it should hold ['b', 'c', 'd'], got {list(log)!r}"
    got = log.latest(2)
    assert type(got) is list and got == ["d", "c"], f"latest(2) should be the newest first, ['d', 'c'], got {got!r}"
    assert log.pop_oldest() == "b" and len(log) == 2, "pop_oldest() should return 'b' and leave 2 events"


def test_recent_events_errors():
    """bad capacity, a negative n and popping an empty log"""
    log = RecentEvents(2)
    for capacity in (0, -3):
        assert_raises(ValueError, lambda: RecentEvents(capacity), f"RecentEvents({capacity}) must raise ValueError")
    log = RecentEvents(2)
    assert_raises(IndexError, log.pop_oldest, "pop_oldest() on an empty log must raise IndexError")
    assert_raises(ValueError, lambda: log.latest(-1), "latest(-1) must raise ValueError")
    assert log.latest(0) == [] and log.latest(5) == [], "latest() of an empty log is []"
    log.add(None)
    assert len(log) == 1 and log.pop_oldest() is None, "None is an event like any other"
    one = RecentEvents(1)
    one.add("a")
    one.add("b")
    assert list(one) == ["b"], f"a log of capacity 1 keeps only the newest event, got {list(one)!r}"
    assert_raises(IndexError, log.pop_oldest, "pop_oldest() must raise IndexError once the log is empty again")


class RecentEventsMachine(RuleBasedStateMachine):
    """RecentEvents against a plain list holding the same events."""

    def __init__(self):
        super().__init__()
        self.capacity = 3
        self.log = RecentEvents(self.capacity)
        self.model = []
        self.serial = 0

    @rule()
    def add(self):
        self.serial += 1
        self.log.add(self.serial)
        self.model = (self.model + [self.serial])[-self.capacity:]

    @precondition(lambda self: self.model)
    @rule()
    def pop_oldest(self):
        got, want = self.log.pop_oldest(), self.model.pop(0)
        assert got == want, f"pop_oldest() should return the oldest event {want}, got {got!r}"

    @precondition(lambda self: not self.model)
    @rule()
    def pop_empty(self):
        assert_raises(IndexError, self.log.pop_oldest, "pop_oldest() on an empty log must raise IndexError")

    @rule(n=st.integers(0, 5))
    def latest(self, n):
        got, want = self.log.latest(n), self.model[::-1][:n]
        assert got == want, f"latest({n}) should be {want!r} (newest first), got {got!r}"

    @invariant()
    def contents(self):
        assert len(self.log) == len(self.model), f"len(log) should be {len(self.model)}, got {len(self.log)}"
        assert list(self.log) == self.model, f"the log should hold {self.model!r}, oldest first, got {list(self.log)!r}"


TestRecentEventsModel = RecentEventsMachine.TestCase
TestRecentEventsModel.settings = settings(max_examples=50, stateful_step_count=25)


def test_recent_events_fast_at_both_ends():
    """a million adds and 200,000 pops on a log of 200,000: O(1) each, not list.pop(0)"""
    capacity = 200_000
    log = RecentEvents(capacity)
    with time_budget(3, "1,000,000 add() calls on a log of capacity 200,000 took over 3 s: dropping the oldest "
                        "from the front of a list moves every other item; a deque(maxlen=...) drops it in O(1)"):
        for i in range(1_000_000):
            log.add(i)
    assert len(log) == capacity and next(iter(log)) == 800_000, "after 1,000,000 adds the log should hold 800000..999999"
    with time_budget(3, "10,000 latest(3) calls on a full log of 200,000 took over 3 s: latest(n) should touch n "
                        "events, not copy the whole log (reversed() and itertools.islice)"):
        for _ in range(10_000):
            got = log.latest(3)
    assert got == [999_999, 999_998, 999_997], f"latest(3) should be [999999, 999998, 999997], got {got!r}"
    with time_budget(3, "200,000 pop_oldest() calls took over 3 s: list.pop(0) is O(n), deque.popleft() is O(1)"):
        for i in range(capacity):
            got = log.pop_oldest()
    assert got == 999_999 and len(log) == 0, "popping everything should end with the newest event, 999999"

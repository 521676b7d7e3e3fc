import bisect
import random
import statistics
import time
from fractions import Fraction

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from median_multiset import MedianSet
from pyexercise.checklib import assert_not_used, assert_raises, time_budget


def check_median(s, values, what):
    want = statistics.median(values)
    got = s.median()
    assert type(got) is type(want) and got == want, (
        f"after {what} the values are {shown(values)}, so median() should be {want!r} ({type(want).__name__}), got "
        f"{got!r} ({type(got).__name__})" + (": for an even count it is (a + b) / 2 of the two middle values"
                                            if len(values) % 2 == 0 else ": the middle value itself"))


def shown(values):
    values = sorted(values)
    return repr(values) if len(values) <= 12 else f"<{len(values):,} values>"


# -- the basics -----------------------------------------------------------------------------------
def test_docstring_example():
    """the docstring's example: odd, even, then a removal"""
    s = MedianSet([5, 1, 9])
    check_median(s, [5, 1, 9], "MedianSet([5, 1, 9])")
    assert s.add(3) is None, "add() returns None"
    check_median(s, [5, 1, 9, 3], "adding 3")
    assert s.remove(9) is None, "remove() returns None"
    got = (s.median(), len(s), 9 in s)
    assert got == (3, 3, False), f"after removing 9, (median, len, 9 in s) should be (3, 3, False), got {got!r}"


def test_empty():
    """an empty set has len 0 and no median: ValueError"""
    s = MedianSet()
    assert len(s) == 0 and type(len(s)) is int, "MedianSet() has len 0"
    assert 3 not in s, "nothing is in an empty set"
    assert_raises(ValueError, s.median, "median() of an empty MedianSet should raise ValueError")
    s.add(4)
    s.remove(4)
    assert len(s) == 0, "after adding and removing 4 the set is empty again"
    assert_raises(ValueError, s.median, "median() after the last value is removed should raise ValueError")


def test_one_and_two_values():
    """one value is its own median; two give their mean"""
    s = MedianSet([7])
    check_median(s, [7], "MedianSet([7])")
    s.add(8)
    check_median(s, [7, 8], "adding 8 to {7}")
    s.remove(7)
    check_median(s, [8], "removing 7 from {7, 8}")


def test_remove_missing_raises():
    """removing a value that isn't there is a ValueError, and changes nothing"""
    s = MedianSet([1, 2, 3])
    assert_raises(ValueError, lambda: s.remove(5), "MedianSet([1, 2, 3]).remove(5) should raise ValueError")
    assert len(s) == 3 and s.median() == 2, "a failed remove must leave the set as it was"
    s.remove(2)
    assert_raises(ValueError, lambda: s.remove(2), "the only 2 is gone: remove(2) again should raise ValueError")
    check_median(s, [1, 3], "MedianSet([1, 2, 3]), removing 2, and a failed second remove(2)")


def test_duplicates():
    """copies count: len counts them, remove takes one, `in` stays true while any is left"""
    s = MedianSet([4, 4, 4, 1])
    assert len(s) == 4, f"MedianSet([4, 4, 4, 1]) has len 4, got {len(s)}"
    check_median(s, [4, 4, 4, 1], "MedianSet([4, 4, 4, 1])")
    s.remove(4)
    assert 4 in s and len(s) == 3, "after removing one 4, two are left: 4 in s, len 3"
    check_median(s, [4, 4, 1], "removing one 4")
    s.remove(4)
    s.remove(4)
    assert 4 not in s and len(s) == 1, "after removing all three 4s, only 1 is left"
    check_median(s, [1], "removing all three 4s")


def test_negatives_floats_and_fractions():
    """negative numbers, floats and Fractions, each with the type statistics.median gives"""
    for values in ([-5, -1, -3], [-2, 2], [0.5, 2.25, -1.0, 3.5], [Fraction(1, 3), Fraction(1, 2)],
                   [Fraction(1, 3), Fraction(1, 2), Fraction(-7, 4)], [10**20, 1, 10**20 + 2]):
        check_median(MedianSet(values), values, f"MedianSet({values!r})")


def test_equal_numbers_are_one_value():
    """1, 1.0 and True are equal: remove(1.0) removes a 1"""
    s = MedianSet([1, 5, 9])
    s.remove(1.0)
    assert 1 not in s and len(s) == 2, "remove(1.0) should remove the 1: they are equal numbers"
    check_median(s, [5, 9], "MedianSet([1, 5, 9]) and remove(1.0)")


def test_constructor_takes_any_iterable():
    """MedianSet(<a generator>) and MedianSet(range(...)) work"""
    s = MedianSet(x * x for x in range(5))
    check_median(s, [0, 1, 4, 9, 16], "MedianSet(<a generator of 0, 1, 4, 9, 16>)")
    s = MedianSet(range(10, 0, -1))
    check_median(s, list(range(1, 11)), "MedianSet(range(10, 0, -1))")


def test_median_does_not_change_the_set():
    """median() only looks"""
    s = MedianSet([3, 8, 1, 6])
    for _ in range(3):
        check_median(s, [3, 8, 1, 6], "MedianSet([3, 8, 1, 6]) and some median() calls")
    assert len(s) == 4


def test_removing_from_both_halves():
    """removing the small values then the large ones moves the median each time"""
    values = list(range(1, 21))
    s = MedianSet(reversed(values))
    for x in [1, 2, 3, 20, 19, 10, 11, 4, 5, 6, 7, 8]:
        s.remove(x)
        values.remove(x)
        check_median(s, values, f"removing {x}")


def test_no_sorting():
    """no sorting, bisect, statistics or sortedcontainers"""
    assert MedianSet([2, 1, 3]).median() == 2, "MedianSet([2, 1, 3]).median() should be 2"
    assert_not_used("sorting", names=["sorted", "median", "insort", "SortedList"],
                    attributes=["sort", "insort", "insort_left", "insort_right", "bisect_left", "bisect_right"],
                    imports=["bisect", "statistics", "sortedcontainers", "numpy", "blist"])


# -- O(log n) -------------------------------------------------------------------------------------
def mixed_ops(s, xs, present):
    """add, median, remove a value that was there, add it back: on one set, the time it takes."""
    started = time.process_time()
    for x, old in zip(xs, present):
        s.add(x)
        s.median()
        s.remove(old)
        s.median()
        s.add(old)
        s.remove(x)
    return time.process_time() - started


def test_running_median_of_a_stream():
    """a stream read once, lazily: median() after every add() is the median of everything seen so far"""
    rng = random.Random(23)
    stream = (rng.choice((rng.randrange(-50, 50), rng.randrange(10**6))) for _ in range(20_000))
    s, seen, checked = MedianSet(), [], 0
    for i, x in enumerate(stream, 1):
        s.add(x)
        bisect.insort(seen, x)
        mid = len(seen) // 2
        want = seen[mid] if len(seen) % 2 else (seen[mid - 1] + seen[mid]) / 2
        got = s.median()
        if got != want or type(got) is not type(want):
            pytest.fail(f"after the first {i:,} numbers of a stream the running median is {want!r}, median() gave "
                        f"{got!r}: each add() must keep the two halves balanced (sizes equal, or the lower half one "
                        "bigger) with every value of the lower half <= every value of the upper one", pytrace=False)
        checked += 1
    assert checked == 20_000 and len(s) == 20_000


def test_operations_do_not_slow_down_with_size():
    """operations on 500,000 values are about as fast as on 5,000"""
    rng = random.Random(5)
    sizes = {}
    for n in (5_000, 500_000):
        values = [rng.randrange(10**9) for _ in range(n)]
        with time_budget(20, f"MedianSet(<{n:,} values>) took over 20 s to build: each add() should be O(log n)"):
            s = MedianSet(values)
        assert len(s) == n, f"MedianSet(<{n:,} values>) should have len {n:,}, got {len(s):,}"
        xs = [rng.randrange(10**9) for _ in range(2_000)]
        present = rng.sample(values, 2_000)
        with time_budget(10, f"12,000 operations on a MedianSet of {n:,} values took over 10 s: each should be "
                             "O(log n); a sorted list moves half of its items on every insertion, and list.remove() "
                             "or heapify() on a heap is O(n): remove lazily instead"):
            sizes[n] = min(mixed_ops(s, xs, present) for _ in range(3))
        check_median(s, values, f"MedianSet(<{n:,} values>) and 12,000 operations that undo each other")
    small, big = sizes[5_000], sizes[500_000]
    assert big < 6 * max(small, 1e-3), (
        f"12,000 operations took {big:.3f} s on 500,000 values but {small:.3f} s on 5,000: {big / small:.0f}x slower "
        "for 100x the data, so they are O(n), not O(log n); keep two heaps (the smaller half in a max-heap, the "
        "larger half in a min-heap), and remove lazily: count the value as gone and drop it when it reaches a top")


# -- stateful -------------------------------------------------------------------------------------
class AgainstAList(RuleBasedStateMachine):
    """Random add/remove/median against a plain list and statistics.median."""

    @initialize(start=st.lists(st.integers(-6, 6), max_size=6))
    def make(self, start):
        self.s = MedianSet(start)
        self.values = list(start)
        self.log = [f"MedianSet({start!r})"]

    def what(self):
        return "; ".join(self.log[-15:])

    @rule(x=st.integers(-6, 6))
    def add(self, x):
        self.s.add(x)
        self.values.append(x)
        self.log.append(f"add({x})")

    @precondition(lambda self: self.values)
    @rule(data=st.data())
    def remove_present(self, data):
        x = data.draw(st.sampled_from(sorted(set(self.values))))
        self.s.remove(x)
        self.values.remove(x)
        self.log.append(f"remove({x})")

    @rule(x=st.integers(-6, 6))
    def remove_any(self, x):
        self.log.append(f"remove({x})")
        if x in self.values:
            self.s.remove(x)
            self.values.remove(x)
        else:
            assert_raises(ValueError, lambda: self.s.remove(x), f"after {self.what()}: {x} is not in the set")

    @precondition(lambda self: self.values)
    @rule()
    def median(self):
        check_median(self.s, self.values, self.what())

    @rule(x=st.integers(-6, 6))
    def contains(self, x):
        assert (x in self.s) is (x in self.values), f"after {self.what()}: `{x} in s` should be {x in self.values}"

    @invariant()
    def same_length(self):
        if hasattr(self, "s"):
            assert len(self.s) == len(self.values), (f"after {self.what()} len() should be {len(self.values)}, got "
                                                     f"{len(self.s)}")
            if not self.values:
                assert_raises(ValueError, self.s.median, f"after {self.what()} the set is empty: median() should "
                                                         "raise ValueError")


TestAgainstAList = AgainstAList.TestCase
TestAgainstAList.settings = settings(max_examples=80, stateful_step_count=40)
TestAgainstAList.__doc__ = "random add/remove/median agree with a list and statistics.median"

import collections
import collections.abc
import inspect
import itertools
import random

import pytest
from hypothesis import given, strategies as st

from fibonacci_iter import FibIterator, Fibonacci, fib
from pyexercise.checklib import time_budget


def first(n: int) -> list[int]:
    out, a, b = [], 0, 1
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out


FIRST = first(3000)
# F(100000): its last 20 digits, its length in bits and its top 64 bits (str() of it is refused:
# Python limits int-to-str conversion to 4,300 digits)
F100K_LOW, F100K_BITS, F100K_TOP = 49895374653428746875, 69424, 9419779610750417444


def test_generator_function():
    """fib() is a generator function yielding 0, 1, 1, 2, 3, 5, ... forever"""
    got = list(itertools.islice(fib(), 15))
    assert got == FIRST[:15], f"the first 15 of fib() should be {FIRST[:15]}, got {got}"
    assert inspect.isgeneratorfunction(fib), "fib should be a generator function: use `yield` in it"
    long = list(itertools.islice(fib(), 1000))
    assert long == FIRST[:1000], "fib() should go on: its first 1,000 numbers are wrong"
    a, b = fib(), fib()
    assert [next(a), next(a), next(a)] == [0, 1, 1] and next(b) == 0, \
        "each call of fib() should start afresh at 0"


def test_iterator_protocol():
    """FibIterator: __iter__ returns itself, __next__ gives the numbers, then StopIteration"""
    it = FibIterator(5)
    itself = iter(it) is it
    assert itself, "an iterator's __iter__ should return the iterator itself (return self)"
    assert isinstance(it, collections.abc.Iterator), "FibIterator should have __iter__ and __next__"
    got = [next(it) for _ in range(5)]
    assert got == [0, 1, 1, 2, 3], f"next() five times on FibIterator(5) should give 0, 1, 1, 2, 3, got {got}"
    for _ in range(3):
        with pytest.raises(StopIteration):
            next(it)
            pytest.fail("after its limit, every next() should raise StopIteration (not return None, not restart)")


def test_iterator_limits():
    """FibIterator(limit) yields exactly limit numbers; None is endless; it is used up once"""
    assert list(FibIterator(0)) == [], "FibIterator(0) should yield nothing"
    assert list(FibIterator(1)) == [0], "FibIterator(1) should yield just 0"
    assert list(FibIterator(2)) == [0, 1]
    assert list(FibIterator(300)) == FIRST[:300], "FibIterator(300) should yield the first 300 numbers"
    endless = FibIterator()
    assert list(itertools.islice(endless, 50)) == FIRST[:50], "FibIterator() with no limit should not stop"
    assert list(itertools.islice(endless, 3)) == FIRST[50:53], "islice again continues where it stopped"
    it = FibIterator(4)
    assert list(it) == [0, 1, 1, 2] and list(it) == [], \
        "an iterator is used up: a second list(it) of the same FibIterator should be []"


@pytest.mark.parametrize("make", [FibIterator, Fibonacci])
def test_bad_limits(make):
    """a limit that is not an int is a TypeError; a negative one is a ValueError"""
    for bad in (2.5, "3", [1]):
        with pytest.raises(TypeError):
            make(bad)
            pytest.fail(f"{make.__name__}({bad!r}) should raise TypeError: the limit is a count, an int")
    for bad in (-1, -100):
        with pytest.raises(ValueError):
            make(bad)
            pytest.fail(f"{make.__name__}({bad}) should raise ValueError: a count cannot be negative")


def test_sequence_basics():
    """Fibonacci(n) is a Sequence: len, indexes, negative indexes, and the free mixin methods"""
    fibs = Fibonacci(100)
    assert isinstance(fibs, collections.abc.Sequence), "Fibonacci should subclass collections.abc.Sequence"
    assert len(fibs) == 100 and type(len(fibs)) is int, f"len(Fibonacci(100)) should be 100, got {len(fibs)}"
    for i in (0, 1, 2, 10, 50, 99):
        got = fibs[i]
        assert got == FIRST[i] and type(got) is int, f"Fibonacci(100)[{i}] should be {FIRST[i]}, got {got!r}"
    assert fibs[-1] == FIRST[99], f"fibs[-1] is the last number, F(99) = {FIRST[99]}, got {fibs[-1]}"
    assert fibs[-100] == 0, "fibs[-100] of Fibonacci(100) is the first number, 0"
    assert len(Fibonacci(0)) == 0 and list(Fibonacci(0)) == [], "Fibonacci(0) is empty"
    small = Fibonacci(6)
    assert list(reversed(small)) == [5, 3, 2, 1, 1, 0], "reversed() comes with the Sequence ABC"
    assert small.index(3) == 4 and small.count(1) == 2, "index() and count() come with the Sequence ABC"


def test_slices():
    """a slice gives a list, with the usual start/stop/step rules"""
    fibs = Fibonacci(20)
    for s in (slice(3, 7), slice(None, 5), slice(15, None), slice(None, None, 3), slice(-3, None),
              slice(10, 2, -2), slice(5, 5), slice(100, 200)):
        got = fibs[s]
        want = FIRST[:20][s]
        assert type(got) is list and got == want, \
            f"Fibonacci(20)[{s.start}:{s.stop}:{s.step}] should be the list {want}, got {got!r}"


@pytest.mark.parametrize("index, error", [(10, IndexError), (11, IndexError), (-11, IndexError),
                                          ("1", TypeError), (1.0, TypeError), (None, TypeError)])
def test_bad_indexes(index, error):
    """an index out of range is an IndexError; one that is not an int is a TypeError"""
    fibs = Fibonacci(10)
    with pytest.raises(error):
        fibs[index]
        pytest.fail(f"Fibonacci(10)[{index!r}] should raise {error.__name__}, like a list of 10 items would")


def test_re_iterable():
    """each iter() of a Fibonacci is a new, independent FibIterator"""
    fibs = Fibonacci(8)
    one, two = iter(fibs), iter(fibs)
    is_fib_iterator = type(one) is FibIterator
    assert is_fib_iterator, f"iter(Fibonacci(8)) should return a FibIterator, got {type(one).__name__}"
    assert one is not two, "each iter() should return a new iterator"
    assert [next(one), next(one), next(one)] == [0, 1, 1] and next(two) == 0, \
        "two iterators over the same sequence must not share their position"
    assert list(fibs) == FIRST[:8] and list(fibs) == FIRST[:8], "a sequence can be looped over again and again"
    assert list(itertools.islice(fibs, 2, 5)) == [1, 2, 3], "islice works on it like on any iterable"


def test_contains():
    """x in fibs finds members, rejects others, and stops once the numbers pass x"""
    fibs = Fibonacci(30)
    for value, want in ((0, True), (1, True), (55, True), (514229, True), (4, False), (-1, False),
                        (832040, False), (8.0, True), (8.5, False), ("8", False), (None, False)):
        got = fibs.__contains__(value)
        assert got is want, f"{value!r} in Fibonacci(30) should be {want}, got {got!r}"
    assert (832040 in Fibonacci(31)) is True, "F(30) = 832040 is the last number of Fibonacci(31)"
    with time_budget(1, "10**100 in Fibonacci(10**6) took over a second: the numbers only grow, so stop "
                        "as soon as one is bigger than the value (about 480 numbers here, not a million)"):
        assert (10 ** 100 in Fibonacci(10 ** 6)) is False
        assert (FIRST[400] in Fibonacci(10 ** 6)) is True


@given(st.data())
def test_indexes_agree_with_iteration(data):
    """random indexes and slices agree with the numbers added up one by one"""
    n = data.draw(st.integers(0, 3000), label="limit")
    fibs = Fibonacci(n)
    if n:
        i = data.draw(st.integers(-n, n - 1), label="index")
        assert fibs[i] == FIRST[:n][i], f"Fibonacci({n})[{i}] should be {FIRST[:n][i]}, got {fibs[i]}"
    s = data.draw(st.slices(max(n, 1)), label="slice")
    if n <= 200:
        assert fibs[s] == FIRST[:n][s], f"Fibonacci({n})[{s}] should be {FIRST[:n][s]}, got {fibs[s]}"


def test_iteration_is_one_addition_per_step():
    """iterating (FibIterator, Fibonacci) is O(1) per step: 40,000 numbers in well under a second"""
    with time_budget(1.5, "going through 40,000 numbers of FibIterator / Fibonacci took over 1.5 s: each "
                          "__next__ should be one addition from the two numbers before, not a fresh "
                          "fast-doubling lookup"):
        last = collections.deque(FibIterator(40_000), maxlen=1)[0]
        again = collections.deque(Fibonacci(40_000), maxlen=1)[0]
    assert last == again == Fibonacci(40_000)[-1], "the last of 40,000 numbers should be F(39,999) both ways"


def test_f100000_exact():
    """Fibonacci(100_001)[100_000] is exact (20,899 digits)"""
    fibs = Fibonacci(100_001)
    big = fibs[100_000]
    assert type(big) is int, f"F(100000) should be an int, got {type(big).__name__} (no floats: they are not exact)"
    assert big % 10 ** 20 == F100K_LOW and big.bit_length() == F100K_BITS and big >> (F100K_BITS - 64) == F100K_TOP, \
        "F(100000) is wrong (its last digits, length or leading bits differ): check the doubling formulas"
    assert fibs[99_999] + fibs[99_998] == big, "F(99998) + F(99999) should be F(100000)"
    assert fibs[-1] == big


def test_indexing_is_logarithmic():
    """fibs[i] is O(log i): 40 lookups between 50,000 and 100,000 in well under a second"""
    fibs = Fibonacci(100_001)
    indexes = random.Random(7).sample(range(50_000, 100_001), 40)
    with time_budget(1.5, "40 lookups fibs[i] with i between 50,000 and 100,000 took over 1.5 s: adding up i times "
                          "for every lookup is O(i); use fast doubling, O(log i) multiplications"):
        got = {i: fibs[i] for i in indexes}
    for i in indexes[:3]:
        assert got[i] + fibs[i + 1] == fibs[i + 2], f"F({i}) + F({i + 1}) should be F({i + 2})"

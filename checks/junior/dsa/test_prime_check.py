from hypothesis import given, strategies as st

from prime_check import is_prime
from pyexercise.checklib import time_budget

PRIMES_BELOW_100 = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73,
                    79, 83, 89, 97]


def brute(n):
    return n >= 2 and all(n % d for d in range(2, n))


def check(n, want, why=""):
    got = is_prime(n)
    assert type(got) is bool, f"is_prime({n}) should return True or False, got {got!r}"
    assert got is want, f"is_prime({n}) should be {want}" + (f": {why}" if why else "")


def test_small_primes_and_composites():
    """7 and 13 are prime; 9, 15 and 100 are not"""
    check(7, True)
    check(13, True)
    check(9, False, "9 = 3 * 3")
    check(15, False, "15 = 3 * 5")
    check(100, False)


def test_primes_below_100():
    """exactly the 25 primes below 100 are prime"""
    got = [n for n in range(100) if is_prime(n)]
    assert got == PRIMES_BELOW_100, f"the primes below 100 should be {PRIMES_BELOW_100}, your is_prime gives {got}"


def test_two_and_three():
    """2 is prime (the only even prime), and so is 3"""
    check(2, True, "2 is the smallest prime")
    check(3, True)
    check(4, False)


def test_below_two_not_prime():
    """1, 0 and negative numbers are not prime"""
    check(1, False, "1 has only one divisor, so it is not prime")
    check(0, False)
    check(-1, False)
    check(-7, False, "negative numbers are not prime")


def test_squares_of_primes():
    """squares of primes are not prime: the square root itself must be tried"""
    for p in [2, 3, 5, 7, 11, 101, 10007]:
        check(p * p, False, f"it is {p} * {p}; try divisors up to and including the square root")


def test_big_prime_is_fast():
    """a prime near a trillion is recognised quickly (divisors up to the square root only)"""
    with time_budget(3, "is_prime(1_000_000_000_039) took over 3 seconds: stop trying divisors once d * d > n"):
        check(1_000_000_000_039, True)
        check(1_000_000_007, True)


def test_big_composites():
    """big composites, including a product of two big primes, are not prime"""
    with time_budget(3, "is_prime() is too slow on numbers near a trillion: stop trying divisors once d * d > n"):
        check(999983 * 1000003, False, "it is 999983 * 1000003")
        check(2**40, False)
        check(10**12 + 1, False)


@given(st.integers(min_value=-50, max_value=3000))
def test_matches_brute_force(n):
    """agrees with trying every divisor, for any number up to 3000"""
    check(n, brute(n))

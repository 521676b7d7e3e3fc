"""Binary search built once, in ``first_true``, and reused by everything else.

Every search here is the same question: over a range of integers where a condition is False
and then True, where does it turn? ``first_true`` answers it in ceil(log2(n + 1)) calls, and the
other functions only choose the condition.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence


def first_true(pred: Callable[[int], bool], lo: int, hi: int) -> int:
    """The first i in ``[lo, hi)`` with ``pred(i)`` true (``hi`` if none); ``pred`` is monotone."""
    if lo > hi:
        raise ValueError(f"empty range: lo={lo} is above hi={hi}")
    # Invariant: pred is False everywhere below lo, True at hi and above (hi itself never asked).
    while lo < hi:
        mid = (lo + hi) // 2  # // keeps it exact: (lo + hi) / 2 is a float, wrong beyond 2**53
        if pred(mid):
            hi = mid  # mid may be the first True: keep it in the range
        else:
            lo = mid + 1  # mid is False, so the answer is past it
    return lo


def _identity(item: Any) -> Any:
    return item


def lower_bound(seq: Sequence, x: Any, key: Callable[[Any], Any] | None = None) -> int:
    """The first index i with ``key(seq[i]) >= x`` (``len(seq)`` if none)."""
    key = key or _identity
    # "not (k < x)" rather than "k >= x": like bisect, ask only for <, the one comparison every
    # ordered type has.
    return first_true(lambda i: not key(seq[i]) < x, 0, len(seq))


def upper_bound(seq: Sequence, x: Any, key: Callable[[Any], Any] | None = None) -> int:
    """The first index i with ``key(seq[i]) > x`` (``len(seq)`` if none)."""
    key = key or _identity
    return first_true(lambda i: x < key(seq[i]), 0, len(seq))


def search_rotated(seq: Sequence, x: Any) -> int:
    """The index of ``x`` in the rotated sorted sequence of distinct values ``seq``, or -1.

    A rotated list is two ascending runs, the larger values first: [30, 40, 50 | 10, 20]. The
    last item tells them apart: the items of the second run are <= it, those of the first run
    are > it. So one search finds where the second run starts, a comparison with the last item
    says which run can hold x, and a second search looks in that run: two binary searches,
    2 * ceil(log2(n)) + 2 reads at most.
    """
    n = len(seq)
    if n == 0:
        return -1
    last = seq[n - 1]
    if x == last:
        return n - 1
    # The start of the second run: the first index whose item is <= last. Index n - 1 surely
    # is, so search only [0, n - 1) and let "none found" mean n - 1.
    start = first_true(lambda i: not last < seq[i], 0, n - 1)
    if last < x:
        lo, hi = 0, start  # bigger than the last item: only the first run can hold it
    else:
        lo, hi = start, n - 1  # smaller: the second run, whose last item we have ruled out
    i = first_true(lambda i: not seq[i] < x, lo, hi)
    return i if i < hi and seq[i] == x else -1

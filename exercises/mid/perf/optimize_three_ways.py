"""Optimize slow Python code three ways: the right built-in data structure, a better algorithm,
and NumPy's vectorised operations.

Each ``slow_*`` function below is correct, and slow. Write the fast function next to it. It must
give exactly the same results (the check compares them on many inputs) and run at least 20 times
faster on the check's sizes, measured side by side on the same machine.

    >>> common_words(["to", "be", "or", "not", "to", "be"], ["be", "to", "question"])
    ['to', 'be']
    >>> pair_count([1, 5, 3, 3, 1], 4)              # (1, 3) four ways, ...
    4
    >>> moving_average([1, 2, 3, 4, 5], 2)
    array([1.5, 2.5, 3.5, 4.5])

1. ``common_words(a, b)``, the right data structure: ``x in some_list`` looks at every item, so
   ``slow_common_words`` does len(a) * len(b) comparisons. A ``set`` answers ``in`` in O(1).
2. ``pair_count(nums, target)``, a better algorithm: ``slow_pair_count`` tries all n² / 2 pairs.
   One pass with a dict of how often each value was seen so far is O(n): every earlier copy of
   ``target - x`` makes a pair with ``x``.
3. ``moving_average(values, window)``, NumPy: the mean of every ``window`` consecutive values, as a
   NumPy float64 array of ``len(values) - window + 1`` means; a ValueError if ``window`` is not
   between 1 and ``len(values)``. No Python-level loop in it: no ``for``, ``while``,
   comprehension, ``map`` or ``filter`` (the check reads your function's source). Whole-array
   operations run in C: ``np.cumsum`` (sum of a window = difference of two running sums) or
   ``np.convolve``. The means must agree with the slow version to within 1e-9 times the largest
   magnitude among the values (running sums round a little differently from adding up each
   window afresh).
"""

from __future__ import annotations

import numpy as np  # noqa: F401 - you will need it


def slow_common_words(a: list[str], b: list[str]) -> list[str]:
    """The words of ``a`` that are also in ``b``, each once, in the order they first appear in ``a``."""
    found = []
    for word in a:
        if word in b and word not in found:
            found.append(word)
    return found


def slow_pair_count(nums: list[int], target: int) -> int:
    """How many index pairs i < j have nums[i] + nums[j] == target."""
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                count += 1
    return count


def slow_moving_average(values: list[float], window: int) -> list[float]:
    """The mean of each run of ``window`` consecutive values."""
    if not 1 <= window <= len(values):
        raise ValueError(f"window must be between 1 and {len(values)}, not {window}")
    means = []
    for start in range(len(values) - window + 1):
        total = 0.0
        for value in values[start:start + window]:
            total += value
        means.append(total / window)
    return means


def common_words(a: list[str], b: list[str]) -> list[str]:
    """``slow_common_words(a, b)``, in O(len(a) + len(b))."""
    raise NotImplementedError


def pair_count(nums: list[int], target: int) -> int:
    """``slow_pair_count(nums, target)``, in O(n)."""
    raise NotImplementedError


def moving_average(values: list[float], window: int) -> np.ndarray:
    """``slow_moving_average(values, window)`` as a NumPy array, with no Python loop."""
    raise NotImplementedError

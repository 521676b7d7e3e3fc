"""Three rewrites of slow code: a set for membership, one pass with counts, NumPy running sums."""

from __future__ import annotations

from collections import Counter

import numpy as np


# The slow_* functions the stub gives stay as they are; the check compares against its own copies.


def common_words(a: list[str], b: list[str]) -> list[str]:
    """``slow_common_words(a, b)``, in O(len(a) + len(b))."""
    wanted = set(b)  # O(1) membership instead of scanning the list
    # dict.fromkeys keeps the first appearance of each word, in order
    return [word for word in dict.fromkeys(a) if word in wanted]


def pair_count(nums: list[int], target: int) -> int:
    """``slow_pair_count(nums, target)``, in O(n)."""
    seen: Counter[int] = Counter()
    pairs = 0
    for x in nums:
        pairs += seen[target - x]  # every earlier partner of x makes one pair
        seen[x] += 1
    return pairs


def moving_average(values: list[float], window: int) -> np.ndarray:
    """``slow_moving_average(values, window)`` as a NumPy array, with no Python loop."""
    if not 1 <= window <= len(values):
        raise ValueError(f"window must be between 1 and {len(values)}, not {window}")
    # the sum of values[i:i + window] is sums[i + window] - sums[i], with sums[0] = 0: two array
    # operations instead of a loop over windows (float64 running sums stay exact enough here)
    sums = np.concatenate(([0.0], np.cumsum(np.asarray(values, dtype=np.float64))))
    return (sums[window:] - sums[:-window]) / window

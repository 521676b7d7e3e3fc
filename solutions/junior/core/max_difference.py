"""Find the maximum difference between two elements of a list, in two versions."""

from __future__ import annotations


def max_difference(numbers: list[int]) -> int:
    """Return the largest ``numbers[x] - numbers[y]`` over any two positions x != y."""
    if len(numbers) < 2:
        raise ValueError("max_difference() needs at least two numbers")
    # Order doesn't matter here, so the answer is simply the largest minus the smallest.
    return max(numbers) - min(numbers)


def max_gain(numbers: list[int]) -> int:
    """Return the largest ``numbers[j] - numbers[i]`` with ``j > i``, in one pass."""
    if len(numbers) < 2:
        raise ValueError("max_gain() needs at least two numbers")
    # The best pair ending at j uses the smallest number before j, so one pass that remembers
    # that minimum is enough. Start `best` from a real pair, not 0: the answer may be negative.
    lowest = numbers[0]
    best = numbers[1] - numbers[0]
    for x in numbers[1:]:
        best = max(best, x - lowest)
        lowest = min(lowest, x)
    return best

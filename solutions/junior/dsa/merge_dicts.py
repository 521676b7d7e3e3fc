"""Merge two dictionaries, combining the values of keys that are in both."""

from __future__ import annotations

import operator
from typing import Any, Callable, Hashable


def merge_dicts(first: dict[Hashable, Any], second: dict[Hashable, Any],
                combine: Callable[[Any, Any], Any] = operator.add) -> dict[Hashable, Any]:
    """Return a new dict with the keys of both; values of shared keys are combined."""
    merged = dict(first)  # a new dict, in first's key order; the values are shared, not copied
    for key, value in second.items():
        if key in merged:
            # Assign the combined value: never `merged[key] += value`, which would extend a list
            # that still belongs to `first` in place.
            merged[key] = combine(merged[key], value)
        else:
            merged[key] = value  # new keys land after first's, in second's order
    return merged

"""Merge two dictionaries, combining the values of keys that are in both.

    >>> merge_dicts({"apples": 3, "pears": 1}, {"apples": 2, "plums": 5})
    {'apples': 5, 'pears': 1, 'plums': 5}
    >>> merge_dicts({"a": [1]}, {"a": [2, 3]})
    {'a': [1, 2, 3]}
    >>> merge_dicts({"a": 1, "b": 7}, {"a": 9}, combine=max)
    {'a': 9, 'b': 7}

The result is a new dict holding every key of both:
- a key in only one dict keeps its value;
- a key in both gets ``combine(first[key], second[key])``: first's value, then second's.
  ``combine`` is called once for each shared key and never for any other key. By default it is
  ``+`` (numbers add up, lists and strings join up).
- Key order: the keys of ``first`` in their order, then the keys only in ``second`` in theirs.

Neither dict, nor any value inside them, may change: merging {"a": [1]} with {"a": [2]} must
leave the first dict's list as [1].
"""

from __future__ import annotations

import operator
from typing import Any, Callable, Hashable


def merge_dicts(first: dict[Hashable, Any], second: dict[Hashable, Any],
                combine: Callable[[Any, Any], Any] = operator.add) -> dict[Hashable, Any]:
    """Return a new dict with the keys of both; values of shared keys are combined."""
    # TODO: start from a copy of `first`, then go through `second`.
    raise NotImplementedError

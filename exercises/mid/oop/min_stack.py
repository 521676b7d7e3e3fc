"""Write a stack class with push, pop and peek that also returns its minimum (and maximum) in O(1).

    >>> s = MinStack([5, 3, 8])
    >>> s.get_min(), s.get_max(), s.peek()
    (3, 8, 8)
    >>> s.push(1)
    >>> s.get_min()
    1
    >>> s.pop()
    1
    >>> s.get_min()            # the minimum before 1 came back
    3
    >>> s
    MinStack([5, 3, 8])

Rules:
- ``MinStack(items)`` starts with the items pushed in order (any iterable). ``push(item)``
  returns None; ``pop()`` removes and returns the top item (the very object pushed);
  ``peek()`` returns it without removing it. ``get_min()`` and ``get_max()`` return the
  smallest and largest item on the stack. ``len()``, truthiness, and ``repr()`` as
  "MinStack([...])" listing the items bottom to top.
- pop, peek, get_min and get_max on an empty stack raise IndexError.
- Every operation is O(1), however tall the stack: push compares the new item at most twice,
  pop at most twice, and peek, get_min, get_max and len compare nothing. No searching, no
  copying the stack.
- Equal items: popping one copy of the minimum leaves the others, so the minimum stays until
  the last copy goes. When several items tie, get_min() / get_max() return the one lowest in
  the stack (the one pushed first).
- A push that fails (an item that can't be compared with the others: TypeError) leaves the
  stack exactly as it was.
"""

from __future__ import annotations

from typing import Any, Iterable


class MinStack:
    """A last-in, first-out stack with O(1) push, pop, peek, get_min and get_max."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        raise NotImplementedError

    def push(self, item: Any) -> None:
        raise NotImplementedError

    def pop(self) -> Any:
        raise NotImplementedError

    def peek(self) -> Any:
        raise NotImplementedError

    def get_min(self) -> Any:
        raise NotImplementedError

    def get_max(self) -> Any:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __bool__(self) -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        raise NotImplementedError

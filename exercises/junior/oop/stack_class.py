"""Write a class `Stack` that implements a simple stack with push and pop operations.

A stack is last in, first out: pop() returns the item pushed most recently.

    >>> s = Stack()
    >>> s.push(1)
    >>> s.push(2)
    >>> s.pop()
    2
    >>> s.peek()
    1
    >>> len(s), s.is_empty()
    (1, False)
    >>> Stack([1, 2, 3])
    Stack([1, 2, 3])

Rules:
- `Stack(items)` optionally starts with the given items pushed in order, so the last one is on
  top. The stack keeps its own copy: changing the list afterwards doesn't change the stack.
- `push(item)` adds any object (None too) on top and returns None.
- `pop()` removes and returns the top item; `peek()` returns it without removing it. Both raise
  IndexError on an empty stack.
- `len(stack)` is the number of items; `is_empty()` is True when there are none.
- `repr(stack)` is "Stack([...])" listing the items from bottom to top.
- push and pop must both be O(1): keep the top of the stack at the end of a list.
"""

from __future__ import annotations

from typing import Any, Iterable


class Stack:
    """A last-in, first-out stack."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        # TODO: keep the items in a list of this stack's own
        raise NotImplementedError

    def push(self, item: Any) -> None:
        raise NotImplementedError

    def pop(self) -> Any:
        """Remove and return the top item; IndexError if the stack is empty."""
        raise NotImplementedError

    def peek(self) -> Any:
        """Return the top item without removing it; IndexError if the stack is empty."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __repr__(self) -> str:
        """'Stack([1, 2, 3])', bottom to top"""
        raise NotImplementedError

"""Write a class `Stack` that implements a simple stack with push and pop operations."""

from __future__ import annotations

from typing import Any, Iterable


class Stack:
    """A last-in, first-out stack, on top of a Python list.

    The top of the stack is the end of the list: list.append and list.pop() are O(1) there,
    while inserting or removing at the front (index 0) would shift every item, O(n).
    """

    def __init__(self, items: Iterable[Any] = ()) -> None:
        # list(...) makes a new list every time. A default of `items=[]` stored as is would
        # be shared by every Stack built without arguments.
        self._items = list(items)

    def push(self, item: Any) -> None:
        self._items.append(item)

    def pop(self) -> Any:
        if not self._items:
            raise IndexError("pop from an empty stack")
        return self._items.pop()

    def peek(self) -> Any:
        if not self._items:
            raise IndexError("peek at an empty stack")
        return self._items[-1]

    def is_empty(self) -> bool:
        return not self._items

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

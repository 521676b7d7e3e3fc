"""A stack that also knows its minimum and maximum, all in O(1).

Each level of the stack remembers the minimum and maximum of everything at or below it. Pushing
works them out from the level below (two comparisons); popping just drops the level, and the one
below still knows its own. Nothing is ever searched.
"""

from __future__ import annotations

from typing import Any, Iterable


class MinStack:
    """A last-in, first-out stack with O(1) push, pop, peek, get_min and get_max."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._levels: list[tuple[Any, Any, Any]] = []  # (item, min so far, max so far)
        for item in items:
            self.push(item)

    def push(self, item: Any) -> None:
        if self._levels:
            _, low, high = self._levels[-1]
            # compute both before changing anything: an item that can't be compared raises
            # TypeError here and leaves the stack as it was
            if item < low:
                low = item
            if high < item:
                high = item
        else:
            low = high = item
        self._levels.append((item, low, high))

    def pop(self) -> Any:
        if not self._levels:
            raise IndexError("pop from an empty MinStack")
        return self._levels.pop()[0]

    def peek(self) -> Any:
        return self._top()[0]

    def get_min(self) -> Any:
        return self._top()[1]

    def get_max(self) -> Any:
        return self._top()[2]

    def _top(self) -> tuple[Any, Any, Any]:
        if not self._levels:
            raise IndexError("the MinStack is empty")
        return self._levels[-1]

    def __len__(self) -> int:
        return len(self._levels)

    def __bool__(self) -> bool:
        return bool(self._levels)

    def __repr__(self) -> str:
        return f"MinStack([{', '.join(repr(level[0]) for level in self._levels)}])"

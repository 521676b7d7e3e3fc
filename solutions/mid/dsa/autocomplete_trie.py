"""A prefix tree of weighted words: pruning delete and top-k auto-complete.

Every walk is a loop, never one recursive call per letter, so a word of any length works. The
trie keeps its word and node counts up to date, so len() and node_count() are O(1).
"""

from __future__ import annotations

import heapq


class _Node:
    __slots__ = ("children", "weight")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.weight: float | None = None  # None: no word ends here, the node is only on the way


class Trie:
    """A prefix tree of weighted words with pruning delete and top-k auto-complete."""

    def __init__(self) -> None:
        self._root = _Node()  # the empty prefix
        self._words = 0
        self._nodes = 1

    def _find(self, prefix: str) -> _Node | None:
        """The node of ``prefix``, or None if no stored word starts with it."""
        node = self._root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word: str, weight: float = 1) -> None:
        if not isinstance(word, str):
            raise TypeError(f"a word is a str, not {type(word).__name__}")
        if not word:
            raise ValueError("cannot insert the empty word")
        node = self._root
        for ch in word:
            child = node.children.get(ch)
            if child is None:
                child = node.children[ch] = _Node()
                self._nodes += 1
            node = child
        if node.weight is None:
            self._words += 1
        node.weight = weight  # a second insert only replaces the weight

    def delete(self, word: str) -> None:
        # Walk down first, touching nothing: a missing word must leave the trie as it was.
        path = [self._root]  # path[i] is the node of word[:i]
        for ch in word:
            node = path[-1].children.get(ch)
            if node is None:
                raise KeyError(word)
            path.append(node)
        if path[-1].weight is None:
            raise KeyError(word)  # only a prefix of stored words
        path[-1].weight = None
        self._words -= 1
        # Prune bottom-up: a node that ends no word and has no children leads nowhere. Stop at the
        # first node still in use; everything above it is in use too. The root is never removed.
        i = len(word)
        while i > 0 and path[i].weight is None and not path[i].children:
            del path[i - 1].children[word[i - 1]]
            self._nodes -= 1
            i -= 1

    def complete(self, prefix: str = "", k: int = 10) -> list[str]:
        if k < 0:
            raise ValueError(f"k must be 0 or more, not {k}")
        start = self._find(prefix)
        if start is None:
            return []
        # Visit only the subtree under the prefix (an explicit stack: no recursion limit), then
        # keep the k best with a heap: O(m log k) for the m words under the prefix.
        found = []
        stack = [(start, prefix)]
        while stack:
            node, word = stack.pop()
            if node.weight is not None:
                found.append((-node.weight, word))  # smallest first = highest weight, then str order
            stack.extend((child, word + ch) for ch, child in node.children.items())
        return [word for _, word in heapq.nsmallest(k, found)]

    def node_count(self) -> int:
        return self._nodes

    def __len__(self) -> int:
        return self._words

    def __contains__(self, word: object) -> bool:
        node = self._find(word) if isinstance(word, str) else None
        return node is not None and node.weight is not None

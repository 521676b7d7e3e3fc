"""Build the trie behind a search box: insert weighted words, delete them, and auto-complete a
prefix with the k best words under it.

    >>> t = Trie()
    >>> for word, weight in [("car", 5), ("cart", 3), ("care", 3), ("cat", 9), ("dog", 1)]:
    ...     t.insert(word, weight)
    >>> t.complete("ca", 3)          # best first; equal weights in alphabetical order
    ['cat', 'car', 'care']
    >>> t.delete("cart")
    >>> t.complete("car")
    ['car', 'care']
    >>> len(t), "cart" in t, "ca" in t
    (4, False, False)

A trie has one node per letter position: the root stands for the empty prefix and each child
adds one letter, so every word is a path from the root and words sharing a prefix share its
nodes. Build it yourself (a node class with a dict of children is the usual way):

- ``insert(word, weight=1)``: add ``word`` (a non-empty str: "" is a ValueError, anything not a
  str a TypeError) with a numeric ``weight``. Inserting a word again replaces its weight.
- ``delete(word)``: remove ``word``; KeyError if it is not in the trie (a prefix of a word is not
  a word), and then the trie is left as it was. Delete prunes: nodes that no longer lead to any
  word are removed, so deleting everything you inserted brings the trie back to its empty size.
  A word that is a prefix of the deleted one (``car`` when you delete ``cart``) stays, and so do
  the words the deleted one is a prefix of.
- ``complete(prefix="", k=10)``: a list of at most ``k`` words that start with ``prefix`` (the
  prefix itself too, if it is a word), the highest weight first, equal weights in str order
  (as ``sorted()`` orders them). ``k=0`` gives ``[]``, a negative ``k`` is a ValueError, and a
  prefix nothing starts with gives ``[]``. It must look only at the part of the trie under the
  prefix: a trie holding 10,000 other words answers as fast as one holding 50.
- ``node_count()``: how many nodes the trie has, the root included: one per distinct prefix of
  the stored words. An empty trie has 1; with ``car`` and ``cart`` it has 5. Don't compress
  chains of single children (that would be a radix tree, another exercise).
- ``len(trie)`` is the number of words and ``word in trie`` is True for stored words only.
- Words are any str, unicode too (one node per character), and may be thousands of characters
  long: walk the trie with loops, not one recursive call per letter (the recursion limit is 1,000).
"""

from __future__ import annotations


class Trie:
    """A prefix tree of weighted words with pruning delete and top-k auto-complete."""

    def __init__(self) -> None:
        # TODO: the root node (the empty prefix), and what len() and node_count() need
        raise NotImplementedError

    def insert(self, word: str, weight: float = 1) -> None:
        """Add ``word`` with ``weight`` (replacing the weight if it is there already)."""
        raise NotImplementedError

    def delete(self, word: str) -> None:
        """Remove ``word`` and prune the nodes that lead to no word; KeyError if it is not stored."""
        raise NotImplementedError

    def complete(self, prefix: str = "", k: int = 10) -> list[str]:
        """The ``k`` best words starting with ``prefix``: highest weight first, ties in str order."""
        raise NotImplementedError

    def node_count(self) -> int:
        """The number of nodes, the root included."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, word: object) -> bool:
        raise NotImplementedError

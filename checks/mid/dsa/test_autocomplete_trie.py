import random
import string
import tracemalloc

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from autocomplete_trie import Trie
from pyexercise.checklib import speed_ratio, time_budget


def nodes_for(words):
    """what node_count() must be: the root plus one node per distinct non-empty prefix"""
    return 1 + len({w[:i] for w in words for i in range(1, len(w) + 1)})


def best(model, prefix, k):
    """the model answer: words under prefix, highest weight first, ties in str order"""
    under = [w for w in model if w.startswith(prefix)]
    return sorted(under, key=lambda w: (-model[w], w))[:k]


def build(pairs):
    t = Trie()
    for word, weight in pairs:
        t.insert(word, weight)
    return t


def count(t, what):
    got = t.node_count()
    assert type(got) is int, f"node_count() should return an int, got {got!r}"
    return got


def complete(t, prefix, k, what):
    got = t.complete(prefix, k)
    assert type(got) is list, f"{what}: complete({prefix!r}, {k}) should return a list, got {type(got).__name__}"
    return got


DOC = [("car", 5), ("cart", 3), ("care", 3), ("cat", 9), ("dog", 1)]


# -- cheap and deterministic first --------------------------------------------------------------
def test_empty_trie():
    """an empty trie: 1 node (the root), no words, nothing to complete"""
    t = Trie()
    assert count(t, "empty") == 1, f"an empty trie has one node, the root; node_count() gave {t.node_count()}"
    assert len(t) == 0 and type(len(t)) is int, "an empty trie has len 0"
    assert complete(t, "", 5, "empty") == [] and complete(t, "a", 5, "empty") == [], \
        "an empty trie completes nothing"
    assert "a" not in t and "" not in t, "an empty trie contains no word"


def test_docstring_example():
    """the docstring's example: complete("ca", 3), delete("cart"), len and in"""
    t = build(DOC)
    got = complete(t, "ca", 3, "the docstring's trie")
    assert got == ["cat", "car", "care"], (
        f"complete('ca', 3) should be ['cat', 'car', 'care']: cat (9), car (5), then of care and cart (both 3) the "
        f"first in str order; got {got!r}")
    assert t.delete("cart") is None, "delete() returns None"
    got = complete(t, "car", 10, "after deleting cart")
    assert got == ["car", "care"], f"after delete('cart'), complete('car') should be ['car', 'care'], got {got!r}"
    assert (len(t), "cart" in t, "ca" in t) == (4, False, False), (
        f"(len(t), 'cart' in t, 'ca' in t) should be (4, False, False): 'ca' is only a prefix; got "
        f"{(len(t), 'cart' in t, 'ca' in t)}")


def test_node_count_is_one_per_prefix():
    """node_count() counts the root plus one node per distinct prefix: shared prefixes share nodes"""
    t = Trie()
    for word, want in (("car", 4), ("cart", 5), ("car", 5), ("care", 6), ("c", 6), ("dog", 9), ("do", 9)):
        t.insert(word, 1)
        got = count(t, word)
        assert got == want, (f"after inserting {word!r} the trie should have {want} nodes (the root plus one per "
                             f"distinct prefix of the words), node_count() gave {got}")
    assert len(t) == 6, f"car, cart, care, c, dog and do are 6 words (car was inserted twice), len gave {len(t)}"


def test_insert_again_replaces_the_weight():
    """inserting a word again replaces its weight, it does not add a second copy"""
    t = build([("apple", 1), ("apricot", 2)])
    t.insert("apple", 10)
    got = complete(t, "ap", 10, "after re-inserting apple")
    assert got == ["apple", "apricot"], (f"apple re-inserted with weight 10 should now come first: "
                                         f"['apple', 'apricot'], got {got!r}")
    t.insert("apple", 0)
    got = complete(t, "ap", 10, "after re-inserting apple with 0")
    assert got == ["apricot", "apple"], f"apple's weight is now 0: ['apricot', 'apple'] expected, got {got!r}"
    assert len(t) == 2, f"re-inserting a word does not add one: len should be 2, got {len(t)}"


def test_default_weight_and_arguments():
    """insert's weight defaults to 1 and complete's prefix to "" and k to 10"""
    t = Trie()
    for w in "kiwi fig pear".split():
        t.insert(w)
    t.insert("plum", 2)
    t.insert("date", 0.5)
    got = t.complete()
    assert got == ["plum", "fig", "kiwi", "pear", "date"], (
        f"complete() should list every word: plum (2), then fig, kiwi, pear (weight 1 by default, str order), then "
        f"date (0.5); got {got!r}")
    for i in range(20):
        t.insert(f"z{i:02}", 1)
    got = t.complete("z")
    assert got == [f"z{i:02}" for i in range(10)], f"complete('z') gives 10 words by default, got {got!r}"


def test_ties_in_str_order_and_negative_weights():
    """equal weights come in str order (uppercase before lowercase); weights may be negative or float"""
    t = build([("bb", 1), ("Ba", 1), ("ba", 1), ("b", -2), ("bab", 1.5), ("bz", -0.5)])
    got = complete(t, "b", 10, "ties")
    want = ["bab", "ba", "bb", "bz", "b"]
    assert got == want, f"complete('b') should be {want!r}: by weight, highest first, got {got!r}"
    got = complete(t, "", 10, "ties")
    want = ["bab", "Ba", "ba", "bb", "bz", "b"]
    assert got == want, f"complete('') should be {want!r}: 'Ba' < 'ba' < 'bb' in str order, got {got!r}"


def test_k_limits_and_errors():
    """k=0 gives [], k bigger than the matches gives them all, a negative k is a ValueError"""
    t = build(DOC)
    assert complete(t, "ca", 0, "k=0") == [], "complete('ca', 0) should be []"
    got = complete(t, "ca", 1, "k=1")
    assert got == ["cat"], f"complete('ca', 1) should be ['cat'], got {got!r}"
    got = complete(t, "ca", 100, "k=100")
    assert got == ["cat", "car", "care", "cart"], f"complete('ca', 100) should give all 4 words under 'ca', got {got!r}"
    with pytest.raises(ValueError):
        t.complete("ca", -1)
        pytest.fail("complete('ca', -1) should raise ValueError: k must be 0 or more")


def test_prefix_is_a_word_and_missing_prefix():
    """the prefix itself counts when it is a word; a prefix nothing starts with gives []"""
    t = build(DOC)
    got = complete(t, "car", 10, "prefix car")
    assert got == ["car", "care", "cart"], f"complete('car') should include 'car' itself: got {got!r}"
    got = complete(t, "cart", 10, "prefix cart")
    assert got == ["cart"], f"complete('cart') should be ['cart'], got {got!r}"
    for prefix in ("carts", "x", "dogs", "C", "cb"):
        got = complete(t, prefix, 10, "missing prefix")
        assert got == [], f"no word starts with {prefix!r}: complete should give [], got {got!r}"
    assert count(t, "after completing missing prefixes") == nodes_for(w for w, _ in DOC), \
        "complete() must not add nodes for a prefix it looks up"


def test_insert_errors():
    """insert("") is a ValueError and a word that is not a str a TypeError; the trie stays as it was"""
    t = build(DOC)
    with pytest.raises(ValueError):
        t.insert("", 3)
        pytest.fail("insert('') should raise ValueError: the empty word is not a word")
    for bad in (5, None, ["c", "a", "t"], b"cat"):
        with pytest.raises(TypeError):
            t.insert(bad, 3)
            pytest.fail(f"insert({bad!r}) should raise TypeError: words are str")
    assert len(t) == 5 and count(t, "after bad inserts") == nodes_for(w for w, _ in DOC), \
        "refused inserts must leave the trie as it was"
    assert "" not in t and 5 not in t and None not in t, "'' and non-str values are never in the trie (False, no error)"


def test_delete_missing_word_changes_nothing():
    """delete of a word not in the trie (a prefix, a longer word, another word) is a KeyError and changes nothing"""
    t = build(DOC)
    before = count(t, "before")
    for missing in ("ca", "c", "carts", "cab", "do", "", "zebra", "Car"):
        with pytest.raises(KeyError):
            t.delete(missing)
            pytest.fail(f"delete({missing!r}) should raise KeyError: {missing!r} was never inserted")
        assert count(t, "after a failed delete") == before and len(t) == 5, (
            f"a failed delete({missing!r}) should leave the trie as it was ({before} nodes, 5 words), now "
            f"{t.node_count()} nodes and {len(t)} words")
    got = complete(t, "", 10, "after failed deletes")
    assert got == ["cat", "car", "care", "cart", "dog"], f"failed deletes must not lose words: got {got!r}"
    t.delete("dog")
    with pytest.raises(KeyError):
        t.delete("dog")
        pytest.fail("deleting 'dog' a second time should raise KeyError")


def test_delete_prunes_exactly():
    """delete prunes the nodes that lead to no word, and only those"""
    t = build(DOC)
    t.delete("cart")  # 't' leads nowhere now: one node fewer, car and care stay
    assert count(t, "after delete cart") == 9, (
        f"after delete('cart') the 't' node below 'car' leads to no word and should be pruned: 9 nodes expected, "
        f"got {t.node_count()}")
    assert "car" in t and "care" in t, "deleting 'cart' must keep 'car' (its prefix) and 'care' (a sibling)"
    t.delete("car")  # 'car' still leads to 'care': no node goes
    assert count(t, "after delete car") == 9, (
        f"after delete('car') its node still leads to 'care' and must stay: 9 nodes expected, got {t.node_count()}")
    assert complete(t, "car", 10, "after delete car") == ["care"], "after deleting 'car', complete('car') is ['care']"
    t.delete("care")  # now c-a-r-e up to 'ca' (which leads to 'cat') goes
    assert count(t, "after delete care") == 7, (
        f"after delete('care') the nodes 'car' and 'care' lead nowhere: 7 nodes expected, got {t.node_count()}")
    t.delete("cat")
    t.delete("dog")
    assert count(t, "empty again") == 1 and len(t) == 0, (
        f"with every word deleted the trie should be back to 1 node and 0 words, got {t.node_count()} nodes and "
        f"{len(t)} words: prune every node that leads to no word")
    t.insert("cat", 2)
    assert complete(t, "", 10, "reused") == ["cat"] and count(t, "reused") == 4, "the trie works again after emptying"


def test_delete_a_word_with_longer_words_below():
    """deleting a short word keeps the longer words under it"""
    t = build([("a", 1), ("ab", 2), ("abc", 3), ("abd", 4)])
    t.delete("a")
    got = complete(t, "a", 10, "after delete a")
    assert got == ["abd", "abc", "ab"], f"deleting 'a' must keep ab, abc and abd: got {got!r}"
    t.delete("abd")
    assert count(t, "after delete abd") == 4, f"root, a, ab, abc: 4 nodes expected, got {t.node_count()}"
    t.delete("abc")
    assert count(t, "after delete abc") == 3 and complete(t, "", 10, "x") == ["ab"]


def test_unicode():
    """one node per character, unicode too: café and cafe are different words"""
    words = [("café", 3), ("cafe", 2), ("カフェ", 5), ("🍰cake", 1), ("naïve", 4)]
    t = build(words)
    assert count(t, "unicode") == nodes_for(w for w, _ in words), (
        f"{[w for w, _ in words]} make {nodes_for(w for w, _ in words)} nodes (one per character), node_count() "
        f"gave {t.node_count()}")
    assert complete(t, "caf", 10, "unicode") == ["café", "cafe"], "complete('caf') should be ['café', 'cafe']"
    assert complete(t, "カ", 10, "unicode") == ["カフェ"] and complete(t, "🍰", 10, "unicode") == ["🍰cake"]
    t.delete("café")
    assert "café" not in t and "cafe" in t and count(t, "x") == nodes_for(["cafe", "カフェ", "🍰cake", "naïve"])


def test_long_words_do_not_recurse():
    """a word of 5,000 characters works: insert, complete, delete (loops, not recursion)"""
    long = "ab" * 2500
    t = build([(long, 1), (long[:-1], 2), ("b", 1)])
    try:
        got = t.complete("ab", 5)
        assert got == [long[:-1], long], "complete('ab') should give the two long words, the heavier first"
        assert long in t
        t.delete(long[:-1])
        t.delete(long)
    except RecursionError:
        pytest.fail("a 5,000-character word hit the recursion limit: walk the trie with a loop (and complete with "
                    "an explicit stack) rather than one recursive call per letter")
    assert count(t, "after deleting the long words") == 2, (
        f"after deleting both long words only the root and 'b' remain: 2 nodes expected, got {t.node_count()}")


# -- stateful: the trie against a dict ------------------------------------------------------------
WORDS = st.text(alphabet="abc", min_size=1, max_size=4)


class TrieModel(RuleBasedStateMachine):
    """Trie against a dict of word -> weight; node_count() against the distinct prefixes."""

    def __init__(self):
        super().__init__()
        self.trie = Trie()
        self.model = {}
        self.log = ["t = Trie()"]

    def history(self):
        return "; ".join(self.log[-12:])

    @rule(word=WORDS, weight=st.integers(-3, 3))
    def insert(self, word, weight):
        self.trie.insert(word, weight)
        self.model[word] = weight
        self.log.append(f"insert({word!r}, {weight})")

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data):
        word = data.draw(st.sampled_from(sorted(self.model)))
        self.trie.delete(word)
        del self.model[word]
        self.log.append(f"delete({word!r})")

    @rule(word=WORDS)
    def delete_missing(self, word):
        if word in self.model:
            return
        with pytest.raises(KeyError):
            self.trie.delete(word)
            pytest.fail(f"after {self.history()}: delete({word!r}) should raise KeyError, it is not stored")
        self.log.append(f"delete({word!r}) -> KeyError")

    @rule(prefix=st.text(alphabet="abc", max_size=3), k=st.integers(0, 5))
    def complete(self, prefix, k):
        got = self.trie.complete(prefix, k)
        want = best(self.model, prefix, k)
        assert got == want, (f"after {self.history()}: complete({prefix!r}, {k}) should be {want!r} (highest weight "
                             f"first, ties in str order), got {got!r}")

    @invariant()
    def agrees(self):
        want = nodes_for(self.model)
        got = self.trie.node_count()
        assert got == want, (f"after {self.history()}: node_count() should be {want} (the root plus one per distinct "
                             f"prefix of {sorted(self.model)}), got {got}: {'prune the nodes that lead to no word' if got > want else 'a node that still leads to a word was removed'}")
        assert len(self.trie) == len(self.model), (f"after {self.history()}: len() should be {len(self.model)}, got "
                                                   f"{len(self.trie)}")
        for word in ("a", "ab", "abc", "b", "ca", "cab"):
            assert (word in self.trie) is (word in self.model), (
                f"after {self.history()}: {word!r} in t should be {word in self.model}")


TestTrieModel = TrieModel.TestCase
TestTrieModel.settings = settings(max_examples=50, stateful_step_count=30)
TestTrieModel.__doc__ = "random inserts, deletes and completions agree with a dict; node_count() is exact throughout"


# -- heavier: size, memory, cost ----------------------------------------------------------------
def random_words(rng, n, first_letters):
    return {rng.choice(first_letters) + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 7)))
            for _ in range(n)}


def test_delete_everything_frees_the_memory():
    """inserting 5,000 words then deleting them all brings node_count() and memory back to an empty trie's"""
    rng = random.Random(3)
    words = sorted(random_words(rng, 5000, string.ascii_lowercase))
    tracemalloc.start()
    try:
        t = Trie()
        empty = tracemalloc.get_traced_memory()[0]
        for w in words:
            t.insert(w, rng.randint(1, 100))
        full = tracemalloc.get_traced_memory()[0]
        assert count(t, "5,000 words") == nodes_for(words), \
            f"{len(words):,} words should make {nodes_for(words):,} nodes, node_count() gave {t.node_count():,}"
        rng.shuffle(words)
        for w in words:
            t.delete(w)
        left = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert count(t, "after deleting everything") == 1 and len(t) == 0, (
        f"after deleting all {len(words):,} words node_count() should be 1 and len 0, got {t.node_count():,} and "
        f"{len(t):,}")
    assert left - empty < (full - empty) * 0.1, (
        f"with {len(words):,} words the trie took {(full - empty) / 1e6:.1f} MB; after deleting them all it still "
        f"holds {(left - empty) / 1e6:.1f} MB: delete must really remove the pruned nodes (del parent.children[ch]), "
        "not just mark them or count them away")


def test_complete_ignores_words_outside_the_prefix():
    """complete() costs the same with 10,000 other words in the trie as with 50: it visits only the prefix's subtree"""
    rng = random.Random(7)
    under = [("zq" + "".join(rng.choices("abcdef", k=rng.randint(1, 4))), rng.randint(1, 50)) for _ in range(60)]
    small = build(under + [(w, 1) for w in random_words(rng, 50, "abcdefghijklmnopqrstuvwxy")])
    big = build(under + [(w, 1) for w in random_words(rng, 10_000, "abcdefghijklmnopqrstuvwxy")])
    want = best(dict(under), "zq", 5)
    assert small.complete("zq", 5) == want and big.complete("zq", 5) == want, \
        f"complete('zq', 5) should be {want!r}"

    def query(t):
        def run():
            for _ in range(10):
                t.complete("zq", 5)
        return run

    with time_budget(4, "50 calls of complete('zq', 5) on a trie of 10,000 words took over 4 s: walk down to the "
                        "prefix's node and collect only the words below it"):
        ratio = speed_ratio(query(big), query(small), repeat=5)
    assert ratio < 5, (
        f"complete('zq', 5) was {ratio:.0f}x slower on a trie with 10,000 other words than on one with 50 (the same "
        "60 words under 'zq'): it must walk down to the node of the prefix and look only at the words below it, "
        "not scan every word")

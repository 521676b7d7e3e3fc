import ast
import math
import time
import tracemalloc
from collections.abc import MutableMapping

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from hash_map import HashMap
from pyexercise.checklib import assert_not_used, assert_raises, target_source, time_budget


class Collide:
    """A key whose hash is always 7 (the same as the int 7's): every one of them collides."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n

    def __repr__(self):
        return f"Collide({self.n!r})"


class Counted:
    """A key that counts the calls to its __hash__ and refuses == with a key of another hash."""

    hashes = 0

    def __init__(self, n, h=None):
        self.n, self.h = n, n if h is None else h

    def __hash__(self):
        Counted.hashes += 1
        return self.h

    def __eq__(self, other):
        if not isinstance(other, Counted):
            return NotImplemented
        assert self.h == other.h, (f"the map compared the keys {self!r} and {other!r}, whose hashes differ ({self.h} "
                                   f"and {other.h}): store each entry's hash and compare keys with == only when "
                                   "the hashes are equal")
        return self.n == other.n

    def __repr__(self):
        return f"Counted({self.n})"


class Value:
    """A value that is only itself: the map must hand back the very object stored."""

    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return f"<value {self.tag}>"


def keys_of(m):
    got = list(m)
    return sorted((type(k).__name__, repr(k)) for k in got), got


def check_same(m, model, what):
    n = len(m)
    assert type(n) is int and n == len(model), f"after {what} len(m) should be {len(model)}, got {n!r}"
    got, raw = keys_of(m)
    want = sorted((type(k).__name__, repr(k)) for k in model)
    assert len(raw) == len(model), (f"after {what} iterating over the map gave {len(raw)} keys, but it holds "
                                    f"{len(model)}: {raw!r}; every key must come out exactly once")
    assert got == want, f"after {what} the keys should be {sorted(map(repr, model))}, got {sorted(map(repr, raw))}"
    for k, v in model.items():
        assert m[k] is v, f"after {what} m[{k!r}] should be {v!r}, got {m[k]!r}"


# -- the basics -----------------------------------------------------------------------------------
def test_docstring_example():
    """set, update with +=, len, in, del and repr, as in the docstring"""
    m = HashMap({"apple": 3})
    m["pear"] = 5
    m["apple"] += 1
    got = (m["apple"], len(m), "pear" in m)
    assert got == (4, 2, True), f"m['apple'], len(m), 'pear' in m should be (4, 2, True), got {got!r}"
    del m["pear"]
    assert repr(m) == "HashMap({'apple': 4})", f"repr(m) should be \"HashMap({{'apple': 4}})\", got {repr(m)!r}"


def test_is_a_mutable_mapping():
    """HashMap is a MutableMapping of its own, not a dict in disguise"""
    assert issubclass(HashMap, MutableMapping), "HashMap should subclass collections.abc.MutableMapping"
    assert not issubclass(HashMap, dict), "HashMap must not subclass dict: the storage is yours"
    m = HashMap()
    assert len(m) == 0 and list(m) == [], "a new HashMap() is empty"
    assert repr(m) == "HashMap({})", f"repr(HashMap()) should be 'HashMap({{}})', got {repr(m)!r}"


def test_constructor_takes_what_dict_takes():
    """HashMap(mapping) and HashMap(pairs) both work; later pairs win"""
    m = HashMap([("a", 1), ("b", 2), ("a", 3)])
    assert len(m) == 2 and m["a"] == 3 and m["b"] == 2, "HashMap([('a', 1), ('b', 2), ('a', 3)]) should be {'a': 3, 'b': 2}"
    m = HashMap({i: str(i) for i in range(50)})
    assert len(m) == 50 and all(m[i] == str(i) for i in range(50)), "HashMap(<a dict of 50 items>) should hold them all"
    assert m == {i: str(i) for i in range(50)}, "a HashMap should compare equal to a dict with the same items"


def test_missing_keys():
    """a missing key raises KeyError(key) on m[key] and del m[key]; get() gives the default"""
    m = HashMap({"here": 1})
    exc = assert_raises(KeyError, lambda: m["gone"], "m['gone'] on a map without 'gone' should raise KeyError")
    assert exc.args == ("gone",), f"the KeyError should carry the missing key, KeyError('gone'), got KeyError{exc.args!r}"

    def delete():
        del m["gone"]
    exc = assert_raises(KeyError, delete, "del m['gone'] on a map without 'gone' should raise KeyError")
    assert exc.args == ("gone",), f"del m['gone'] should raise KeyError('gone'), got KeyError{exc.args!r}"
    assert m.get("gone", 0) == 0 and "gone" not in m, "get() of a missing key gives its default, and `in` says False"
    del m["here"]
    assert len(m) == 0 and "here" not in m, "after del m['here'] the map should be empty"
    assert_raises(KeyError, lambda: m["here"], "m['here'] after del m['here'] should raise KeyError")


def test_values_are_the_objects_stored():
    """m[key] gives back the very value stored; setting an existing key replaces the value"""
    a, b = Value("a"), Value("b")
    m = HashMap()
    m["k"] = a
    assert m["k"] is a, "m['k'] should be the very object stored"
    m["k"] = b
    assert m["k"] is b and len(m) == 1, "setting 'k' again should replace its value, and len stays 1"
    assert m.pop("k") is b and len(m) == 0, "m.pop('k') should return the value and remove the key"


def test_unhashable_key():
    """an unhashable key (a list) raises TypeError, as in a dict"""
    m = HashMap()
    with pytest.raises(TypeError):
        m[[1, 2]] = 3


# -- equal keys, collisions, tombstones -----------------------------------------------------------
def test_equal_keys_of_different_types():
    """1, 1.0 and True are one key; the first key stays, the value changes"""
    m = HashMap()
    m[1] = "int"
    m[1.0] = "float"
    m[True] = "bool"
    assert len(m) == 1, (f"1, 1.0 and True are equal (and hash alike), so they are one key: len should be 1, got "
                         f"{len(m)}; look keys up by hash and then ==")
    (key,) = list(m)
    assert type(key) is int and key == 1, f"the key that stays is the first one set, the int 1 (as in dict), got {key!r}"
    assert m[1.0] == "bool", f"m[1.0] should be 'bool', the last value set, got {m[1.0]!r}"
    del m[True]
    assert len(m) == 0, "del m[True] removes the key 1"
    m[0.0] = "zero"
    m[False] = "false"
    m[-0.0] = "minus zero"
    assert len(m) == 1 and m[0] == "minus zero", "0.0, False and -0.0 are all equal to 0: one key"


def test_nan_key_found_by_identity():
    """a NaN key is found again by identity, though NaN != NaN"""
    nan = float("nan")
    m = HashMap()
    m[nan] = "found"
    assert m.get(nan) == "found", ("m[nan] with the very NaN object stored should find it: NaN is not equal to "
                                   "itself, so try `is` before ==")
    m[nan] = "again"
    assert len(m) == 1 and m[nan] == "again", "setting the same NaN object again should replace its value"
    other = float("nan")
    assert other not in m, "a different NaN object is a different key (as in dict)"


def test_keys_that_all_collide():
    """200 keys with the same hash: all found, deleted and found again"""
    m = HashMap()
    keys = [Collide(i) for i in range(200)]
    for i, k in enumerate(keys):
        m[k] = i
    m[7] = "the int 7 has hash 7 too"
    assert len(m) == 201, f"200 colliding keys and the int 7 should give len 201, got {len(m)}"
    for i, k in enumerate(keys):
        assert m.get(Collide(i)) == i, f"m[Collide({i})] should be {i}: all 200 keys have hash 7 and must all be kept"
    for k in keys[::2]:
        try:
            del m[k]
        except KeyError:
            pytest.fail(f"after deleting the even Collide keys before it, del m[{k!r}] raised KeyError: all these "
                        "keys collide, and emptying a deleted entry's slot cut the chain, so the keys after it can "
                        "no longer be found; leave a tombstone (a marker that says 'keep probing') instead")
    for i in range(1, 200, 2):
        assert m.get(Collide(i)) == i, (
            f"after deleting the even Collide keys, m[Collide({i})] should still be {i}: when you delete an entry "
            "from a chain of collisions, the entries after it must stay findable (open addressing: leave a "
            "tombstone, not an empty slot)")
    assert Collide(0) not in m and len(m) == 101, "the deleted keys are gone, 100 odd ones and the int 7 stay"
    assert m[7] == "the int 7 has hash 7 too", "the int 7 should still be there"


def test_no_duplicate_after_a_tombstone():
    """setting a key that sits behind a deleted one updates it instead of adding it twice"""
    a, b, c = Collide("a"), Collide("b"), Collide("c")
    m = HashMap([(a, 1), (b, 2), (c, 3)])
    del m[a]
    m[b] = 20
    m[c] = 30
    assert len(m) == 2, (f"after del m[a], setting b and c again should leave len 2, got {len(m)}: before reusing a "
                         "tombstone for a new entry, look further along to see if the key is already there")
    got = sorted(repr(k) for k in m)
    assert got == ["Collide('b')", "Collide('c')"], f"the keys should be b and c, each once, got {got}"
    del m[b]
    assert m[c] == 30 and b not in m, "deleting b must remove it for good, and leave c at 30"
    m[a] = 100
    assert len(m) == 2 and m[a] == 100 and m[c] == 30, "a set again after its deletion should be back, c untouched"


def test_natural_collisions():
    """hash(-1) == hash(-2): two different keys, one hash"""
    assert hash(-1) == hash(-2)
    m = HashMap()
    m[-1], m[-2] = "minus one", "minus two"
    assert len(m) == 2 and m[-1] == "minus one" and m[-2] == "minus two", (
        "-1 and -2 have the same hash but are different keys: compare the keys with == after the hashes")


def test_hash_once_per_operation():
    """hash(key) is called once per operation; growing the table uses the stored hashes"""
    m = HashMap()
    Counted.hashes = 0
    for i in range(1000):
        m[Counted(i)] = i
    assert Counted.hashes == 1000, (
        f"1,000 insertions called __hash__ {Counted.hashes:,} times, not 1,000: call hash(key) once per operation, "
        "store it in the entry, and place the entries by their stored hashes when the table grows")
    Counted.hashes = 0
    for i in range(1000):
        assert m[Counted(i)] == i
    assert Counted.hashes == 1000, f"1,000 lookups called __hash__ {Counted.hashes:,} times: once each is enough"
    Counted.hashes = 0
    for i in range(500):
        del m[Counted(i)]
    assert Counted.hashes == 500, f"500 deletions called __hash__ {Counted.hashes:,} times: once each is enough"


def test_keys_compared_only_on_equal_hashes():
    """== is only used between keys whose hashes are equal"""
    m = HashMap()
    for i in range(2000):
        m[Counted(i, h=i * 31)] = i  # Counted.__eq__ fails the test when the hashes differ
    for i in range(2000):
        assert m[Counted(i, h=i * 31)] == i
    m[Counted("x", h=31)] = "same hash as Counted(1)"
    assert m[Counted(1, h=31)] == 1 and len(m) == 2001, "keys with equal hashes but unequal values are two keys"


# -- growth and speed ----------------------------------------------------------------------------
N = 300_000


def test_many_keys_in_time():
    """300,000 keys inserted, found and deleted in O(1) each on average"""
    m = HashMap()
    with time_budget(10, f"inserting, finding and deleting {N:,} int keys took over 10 s: keep the table at most "
                         "about 2/3 full by growing it (double its size, re-place every entry), so each probe "
                         "sequence or chain stays short"):
        for i in range(N):
            m[i] = i
        assert len(m) == N, f"after {N:,} insertions len should be {N:,}, got {len(m):,}"
        assert all(m[i] == i for i in range(0, N, 7)), "every key inserted should be found with its value"
        assert -1 not in m and N not in m, "keys never inserted should not be found"
        for i in range(N):
            del m[i]
    assert len(m) == 0, f"after deleting all {N:,} keys len should be 0, got {len(m)}"


def lookups(m, keys):
    started = time.process_time()
    for k in keys:
        m[k]
    return time.process_time() - started


def test_lookup_time_does_not_grow():
    """a lookup in a map of 200,000 keys is about as fast as in one of 2,000"""
    with time_budget(8, "building a HashMap of 200,000 int keys took over 8 s: grow the table as keys arrive, so "
                        "each insertion stays O(1) on average"):
        small = HashMap((i, i) for i in range(2_000))
        big = HashMap((i, i) for i in range(200_000))
    probe_small = list(range(2_000)) * 10
    probe_big = list(range(0, 200_000, 10))
    t_small = min(lookups(small, probe_small) for _ in range(3))
    t_big = min(lookups(big, probe_big) for _ in range(3))
    assert t_big < 6 * t_small, (
        f"20,000 lookups took {t_big:.3f} s in a map of 200,000 keys but {t_small:.3f} s in one of 2,000: "
        f"{t_big / t_small:.0f}x slower, so lookups grow with the size; grow the table as keys arrive")


def test_high_bits_spread_out():
    """20,000 keys that differ only above bit 32 (multiples of 2**32) still spread out"""
    m = HashMap()
    with time_budget(4, "20,000 keys i * 2**32 took over 4 s: their hashes end in 32 zero bits, so hash & mask "
                        "puts them all in one slot; mix the higher bits into the probe sequence (CPython: "
                        "perturb >>= 5; i = 5*i + perturb + 1), or use a prime number of buckets"):
        for i in range(20_000):
            m[i << 32] = i
        assert all(m[i << 32] == i for i in range(0, 20_000, 3))
    assert len(m) == 20_000


def test_churn_does_not_pile_up_tombstones():
    """inserting and deleting 100,000 keys one after another stays fast and leaves a small table"""
    m = HashMap({"stays": 1})
    with time_budget(4, "100,000 insert-then-delete pairs took over 4 s (or never finished): the deleted entries "
                        "fill the table; reuse tombstones for new keys, count them towards the load, and drop "
                        "them when you rebuild the table"):
        for i in range(100_000):
            m[i] = i
            del m[i]
    assert len(m) == 1 and m["stays"] == 1, "after the churn only 'stays' should be left"
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        m2 = HashMap()
        for i in range(30_000):
            m2[i] = i
            del m2[i]
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(m2) == 0
    assert kept < 150_000, (
        f"after 30,000 insert-then-delete pairs the empty map still holds {kept / 1e3:,.0f} KB: it grew for "
        "tombstones; when the table is full of tombstones rebuild it for the live entries, not twice as big")


def test_clear_is_quick():
    """clear() of 50,000 keys is one step, not 50,000 pops"""
    with time_budget(4, "building a HashMap of 50,000 int keys took over 4 s: grow the table as keys arrive"):
        m = HashMap((i, i) for i in range(50_000))
    with time_budget(1, "clear() of 50,000 keys took over a second: MutableMapping's clear() pops the items one "
                        "by one, each starting a scan at the table's start; write clear() yourself: a fresh table"):
        m.clear()
    assert len(m) == 0 and list(m) == [] and 5 not in m, "after clear() the map is empty"
    m[5] = "back"
    assert len(m) == 1 and m[5] == "back", "a cleared map can be used again"


# -- the storage is yours -------------------------------------------------------------------------
def test_no_dict_or_set_storage():
    """no dict, set or attribute tricks: the table is a list of your own"""
    m = HashMap({"x": 1})
    assert m["x"] == 1
    assert_not_used("a dict or a set", names=["dict", "set", "frozenset", "defaultdict", "OrderedDict", "Counter",
                                              "ChainMap", "UserDict", "WeakKeyDictionary", "WeakValueDictionary",
                                              "SimpleNamespace", "vars", "setattr", "globals", "locals"],
                    attributes=["__dict__", "fromkeys"], imports=["shelve", "dbm", "sqlite3"])
    literals = [f"line {node.lineno}: {kind}" for node in ast.walk(ast.parse(target_source()))
                for kind in [{ast.Dict: "a {...} dict", ast.DictComp: "a dict comprehension", ast.Set: "a {...} set",
                              ast.SetComp: "a set comprehension"}.get(type(node))] if kind]
    assert not literals, "the task says to do this without a dict or a set, but your code uses: " + ", ".join(literals)
    assert not hasattr(m, "__dict__") or not any(isinstance(v, (dict, set)) for v in vars(m).values()), (
        "the map keeps a dict or set in an attribute: the storage must be yours")


# -- stateful: against a dict ---------------------------------------------------------------------
KEYS = st.one_of(st.integers(-5, 8), st.sampled_from([1.0, 0.0, -0.0, True, False, 2.5, 7.0]), st.text("ab", max_size=2),
                 st.builds(Collide, st.integers(0, 4)))


class AgainstDict(RuleBasedStateMachine):
    """Random operations on a HashMap and a dict, including colliding and equal-but-different keys."""

    def __init__(self):
        super().__init__()
        self.m, self.model, self.log, self.serial = HashMap(), {}, ["m = HashMap()"], 0

    def what(self):
        return "; ".join(self.log[-12:])

    @rule(k=KEYS)
    def set(self, k):
        self.serial += 1
        v = Value(self.serial)
        self.m[k] = v
        self.model[k] = v
        self.log.append(f"m[{k!r}] = v{self.serial}")

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete_present(self, data):
        k = data.draw(st.sampled_from(sorted(self.model, key=repr)))
        del self.m[k]
        del self.model[k]
        self.log.append(f"del m[{k!r}]")

    @rule(k=KEYS)
    def delete_any(self, k):
        self.log.append(f"del m[{k!r}]")
        if k in self.model:
            del self.m[k]
            del self.model[k]
        else:
            assert_raises(KeyError, lambda: self.m.__delitem__(k), f"after {self.what()}: {k!r} is not in the map")

    @rule(k=KEYS)
    def get(self, k):
        want = self.model.get(k)
        got = self.m.get(k)
        assert got is want, f"after {self.what()}: m.get({k!r}) should be {want!r}, got {got!r}"
        assert (k in self.m) is (k in self.model), f"after {self.what()}: `{k!r} in m` should be {k in self.model}"

    @rule(k=KEYS)
    def pop(self, k):
        self.log.append(f"m.pop({k!r}, None)")
        want = self.model.pop(k, None)
        got = self.m.pop(k, None)
        assert got is want, f"after {self.what()} it should give {want!r}, got {got!r}"

    @rule(k=KEYS)
    def setdefault(self, k):
        self.serial += 1
        v = Value(self.serial)
        self.log.append(f"m.setdefault({k!r}, v{self.serial})")
        want = self.model.setdefault(k, v)
        got = self.m.setdefault(k, v)
        assert got is want, f"after {self.what()} it should give {want!r}, got {got!r}"

    @rule()
    def clear(self):
        self.m.clear()
        self.model.clear()
        self.log.append("m.clear()")

    @invariant()
    def same_as_dict(self):
        check_same(self.m, self.model, self.what())


TestAgainstDict = AgainstDict.TestCase
TestAgainstDict.settings = settings(max_examples=50, stateful_step_count=30)
TestAgainstDict.__doc__ = "random set/del/get/pop/setdefault/clear agree with a dict, colliding keys included"

import collections.abc
import itertools

import pytest
from hypothesis import given, settings, strategies as st

from flatten_nested import flatten
from pyexercise.checklib import time_budget


def flat(items, **kwargs) -> list:
    it = flatten(items, **kwargs)
    assert isinstance(it, collections.abc.Iterator) and iter(it) is it, \
        f"flatten() should return an iterator (a generator), not {type(it).__name__}: it must be lazy"
    return list(it)


def expect(items, want, why="", **kwargs):
    shown = repr(items) if len(repr(items)) < 200 else "(the input)"
    call = f"flatten({shown}{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"
    got = flat(items, **kwargs)
    why = f": {why}" if why else ""
    assert got == want, f"list({call}) should be {want!r}{why}; got {got!r}"
    assert [type(x) for x in got] == [type(x) for x in want], f"list({call}) should hold {want!r}, got {got!r}"


class Shelf:
    """A class that is iterable through __iter__ only."""

    def __init__(self, *things):
        self.things = things

    def __iter__(self):
        return iter(self.things)

    def __repr__(self):
        return f"Shelf{self.things!r}"


def test_example():
    """nested lists come out flat, depth first, left to right"""
    expect([[1, 2, [3]], 4], [1, 2, 3, 4])
    expect([1, [2, [3, [4, [5]]]], 6], [1, 2, 3, 4, 5, 6])
    expect([[[["deep"]]]], ["deep"])


def test_any_iterable_is_a_container():
    """tuples, sets, dicts (keys), ranges, generators and custom iterables are flattened too"""
    expect([(1, 2), {3}, {"k": "v"}, range(4, 6)], [1, 2, 3, "k", 4, 5])
    expect([(x * 10 for x in range(3)), [Shelf(7, [8])]], [0, 10, 20, 7, 8],
           "a generator and a class with __iter__ are containers")
    expect((i for i in [[1], 2]), [1, 2], "items itself may be any iterable")


def test_strings_and_bytes_are_atoms():
    """str, bytes and bytearray are atoms, never split into characters"""
    expect(["ab", [b"cd", [bytearray(b"e"), ""]]], ["ab", b"cd", bytearray(b"e"), ""],
           "strings and bytes stay whole (a one-letter string would contain itself forever)")
    expect([["x"], "y"], ["x", "y"])


def test_empty_containers_vanish():
    """empty containers add nothing"""
    expect([], [])
    expect([[], [[]], ((), [[[]]])], [], "no atoms at all")
    expect([[], 1, [[]], 2, []], [1, 2])


def test_atoms_are_the_same_objects():
    """atoms come out as the very objects that went in"""
    a, b, c = object(), [1.5], None
    got = flat([[a], (c, 0)])
    assert len(got) == 3 and got[0] is a and got[1] is c and got[2] == 0, \
        f"flatten([[a], (None, 0)]) should yield a itself, then None and 0, got {got!r}"
    got = flat([b], depth=0)
    assert got[0] is b, "with depth=0 the items come out as they are: the very same list"


def test_depth_limit():
    """depth=n flattens n levels; deeper containers come out as they are"""
    data = [1, [2, [3, [4]]]]
    expect(data, [1, [2, [3, [4]]]], "depth=0 yields the items unchanged", depth=0)
    expect(data, [1, 2, [3, [4]]], "depth=1 flattens one level", depth=1)
    expect(data, [1, 2, 3, [4]], "", depth=2)
    expect(data, [1, 2, 3, 4], "depth=3 reaches the bottom", depth=3)
    expect(data, [1, 2, 3, 4], "a depth beyond the nesting is like None", depth=50)
    expect(data, [1, 2, 3, 4], "depth=None flattens everything", depth=None)
    got = flat([[(1, 2)], [[3]]], depth=1)
    assert got == [(1, 2), [3]] and type(got[0]) is tuple, f"depth=1 keeps the inner tuple whole, got {got!r}"


@pytest.mark.parametrize("depth, error", [(-1, ValueError), (-10, ValueError), (1.5, TypeError), ("2", TypeError)])
def test_bad_depth_fails_at_the_call(depth, error):
    """a bad depth raises at the call itself, not at the first next()"""
    with pytest.raises(error):
        flatten([1, [2]], depth=depth)
        pytest.fail(f"flatten([1, [2]], depth={depth!r}) should raise {error.__name__} at once, before any next(): "
                    "a generator function runs nothing until next(), so check in a plain function that then "
                    "returns the generator")


@pytest.mark.parametrize("items", [5, None, 3.14])
def test_not_iterable_fails_at_the_call(items):
    """items that is not iterable is a TypeError, at the call"""
    with pytest.raises(TypeError):
        flatten(items)
        pytest.fail(f"flatten({items!r}) should raise TypeError at once: {items!r} is not iterable (call iter(items) "
                    "before returning the generator)")


class Source:
    """An iterable that counts how many items have been pulled from it."""

    def __init__(self, items, limit=10_000):
        self.items, self.pulled, self.limit = items, 0, limit

    def __iter__(self):
        for item in self.items:
            self.pulled += 1
            assert self.pulled <= self.limit, (f"flatten pulled over {self.limit:,} items from one iterable while "
                                               "the check asked for only a few: it must be lazy (pull only what "
                                               "the next atom needs, never list() an iterable)")
            yield item


def test_lazy():
    """nothing is pulled before next(), and then only what the next atom needs"""
    source = Source([[1, 2], [3], 4, [5, 6]])
    it = flatten(source)
    pulled = source.pulled
    assert pulled == 0, f"flatten() pulled {pulled} items before the first next(): be lazy"
    assert next(it) == 1
    pulled = source.pulled
    assert pulled == 1, f"the first atom needs one item of the outer iterable, flatten pulled {pulled}"
    assert next(it) == 2 and next(it) == 3
    pulled = source.pulled
    assert pulled == 2, f"three atoms need two outer items ([1, 2] and [3]), flatten pulled {pulled}"
    inner = Source([7, 8, 9])
    it = flatten([0, inner])
    assert next(it) == 0 and next(it) == 7
    pulled = inner.pulled
    assert pulled == 1, f"flatten should pull one item of the inner iterable for one atom, not {pulled}"


def test_endless_generators():
    """an endless inner (or outer) generator works with islice"""
    endless = Source(itertools.count(2))
    got = list(itertools.islice(flatten([1, endless, "never"]), 5))
    assert got == [1, 2, 3, 4, 5], f"islice(flatten([1, count(2), ...]), 5) should be [1, 2, 3, 4, 5], got {got!r}"
    rows = Source([i, [i + 0.5]] for i in itertools.count())
    try:
        got = list(itertools.islice(flatten(rows), 6))
    except ValueError as exc:
        pytest.fail(f"flatten raised ValueError({exc}) on a generator of fresh lists, which holds no cycle: a "
                    "container is a cycle only while it is on your stack (inside itself). Forget it when you pop "
                    "it, and keep it alive meanwhile: the id of a freed list is reused by the next one")
    assert got == [0, 0.5, 1, 1.5, 2, 2.5], f"an endless generator of lists should flatten lazily, got {got!r}"


def test_cycle_is_a_value_error():
    """a list that contains itself raises ValueError when reached; atoms before it come out"""
    a = [1, 2]
    a.append(a)
    it = flatten(a)
    assert list(itertools.islice(it, 2)) == [1, 2], "the atoms before the cycle should come out first"
    with pytest.raises(ValueError):
        next(it)
        pytest.fail("a = [1, 2, a]: reaching a inside itself should raise ValueError, not loop forever")
    b = [1, [2, [3]]]
    b[1][1].append(b)
    with pytest.raises(ValueError):
        with time_budget(2, "b = [1, [2, [3, b]]] looped for 2 s: keep the ids of the containers on your stack, "
                            "and raise ValueError when one comes round again"):
            list(flatten(b))
        pytest.fail("b = [1, [2, [3, b]]] contains itself three levels down: ValueError")
    inner = [1]
    inner.append(inner)
    with pytest.raises(ValueError):
        with time_budget(2, "c = [0, inner] with inner = [1, inner] looped for 2 s: every container on your stack "
                            "counts, not only the outermost one"):
            list(flatten([0, inner]))
        pytest.fail("[0, inner] with inner = [1, inner]: the inner list contains itself, ValueError")


def test_shared_list_is_no_cycle():
    """the same list twice side by side is no cycle; a cycle below the depth limit is never entered"""
    shared = [1]
    expect([shared, shared, [shared]], [1, 1, 1], "a list that appears twice (but not inside itself) is fine")
    b = [1, [2, [3]]]
    b[1][1].append(b)
    got = flat(b, depth=2)
    assert got[:3] == [1, 2, 3] and len(got) == 4 and got[3] is b, \
        "with depth=2, b = [1, [2, [3, b]]] stops above the cycle: 1, 2, 3 and b itself, no error"
    a = [1]
    a.append(a)
    got = flat(a, depth=0)
    assert len(got) == 2 and got[1] is a, "with depth=0 nothing is flattened, so a cycle is no error"
    with pytest.raises(ValueError):
        flat(a, depth=1)
        pytest.fail("a = [1, a] with depth=1 flattens the a inside a: that is the cycle, ValueError")


def oracle(items, depth):
    out = []
    for x in items:
        if isinstance(x, (list, tuple)) and (depth is None or depth > 0):
            out.extend(oracle(x, None if depth is None else depth - 1))
        else:
            out.append(x)
    return out


atoms = st.integers(-5, 5) | st.text(max_size=2) | st.binary(max_size=2) | st.none()
nested = st.recursive(atoms, lambda inner: st.lists(inner, max_size=3) | st.lists(inner, max_size=3).map(tuple),
                      max_leaves=12)


@settings(max_examples=60)
@given(items=st.lists(nested, max_size=5), depth=st.none() | st.integers(0, 4))
def test_agrees_with_a_recursive_oracle(items, depth):
    """random nestings of lists, tuples, strings and bytes agree with a simple recursive flatten"""
    expect(items, oracle(items, depth), "", depth=depth)


def chain(levels: int, atom=42) -> list:
    """[[[...[atom]...]]] with `levels` lists."""
    nested = [atom]
    for _ in range(levels - 1):
        nested = [nested]
    return nested


def test_deep_nesting():
    """100,000 levels of nesting work under the default recursion limit"""
    deep = chain(100_000)
    try:
        with time_budget(3, "flatten took over 3 s on 100,000 levels of nesting: going one level down should cost "
                            "O(1), e.g. a set of the ids on the stack, not a scan of the whole stack"):
            got = flat(deep)
    except RecursionError:
        pytest.fail("flatten hit the recursion limit on 100,000 levels of nesting: keep a stack of iterators "
                    "yourself (a list you push to and pop from) instead of recursing or `yield from`")
    assert got == [42], f"100,000 nested lists around 42 should flatten to [42], got {got!r}"
    got = flat(deep, depth=99_998)
    assert got == [[42]], "with depth=99,998 the innermost list [42] (at level 99,999) comes out whole"
    ladder = [0]
    for i in range(1, 20_000):
        ladder = [ladder, i]
    got = flat(ladder)
    assert got == list(range(20_000)), "a 20,000-deep ladder [[[0], 1], 2]... should give 0, 1, 2, ... in order"


def test_linear_time():
    """each atom costs O(1): 140,000 atoms in wide and nested shapes in well under a second"""
    wide = list(range(100_000))
    boxed = [[i, (i,)] for i in range(20_000)]
    with time_budget(1.5, "flatten took over 1.5 s for 140,000 atoms: each atom should cost O(1) (no list.pop(0), "
                          "no copying the rest of a list, no re-walking from the top for every atom)"):
        got_wide = flat(wide)
        got_boxed = flat(boxed)
    assert got_wide == wide, "a flat list of 100,000 numbers should come out unchanged"
    assert len(got_boxed) == 40_000 and got_boxed[:4] == [0, 0, 1, 1]

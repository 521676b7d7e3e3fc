import itertools
from collections import Counter

from hypothesis import given, settings, strategies as st

from power_set import power_set, unique_power_set
from pyexercise.checklib import assert_not_used, time_budget


def oracle(items):
    """itertools' order: every r-combination of positions, for r = 0, 1, ... n."""
    items = list(items)
    return [list(c) for r in range(len(items) + 1) for c in itertools.combinations(items, r)]


def unique_oracle(items):
    seen, out = set(), []
    for subset in oracle(items):
        key = frozenset(Counter(subset).items())
        if key not in seen:
            seen.add(key)
            out.append(subset)
    return out


def typed(subsets):
    """The subsets with every item tagged by its type, so 1, 1.0 and True are told apart."""
    return [[(type(x).__name__, x) for x in s] for s in subsets]


def collect(fn, items, what=None):
    what = what or f"{fn.__name__}({items!r})"
    gen = fn(items)
    assert iter(gen) is gen, (f"{what} should return an iterator (a generator: use yield), got a "
                              f"{type(gen).__name__}: building every subset first is not lazy")
    got = list(gen)
    bad = [s for s in got if type(s) is not list]
    assert not bad, f"{what} should yield lists, got a {type(bad[0]).__name__}: {bad[0]!r}"
    return got


def check(fn, items, want, what=None):
    what = what or f"{fn.__name__}({items!r})"
    got = collect(fn, items, what)
    if got != want and sorted(map(repr, got)) == sorted(map(repr, want)):
        raise AssertionError(f"{what} gave the right subsets in the wrong order: {got!r}; want {want!r} (smaller "
                             "subsets first, then by the positions they take, as itertools.combinations does)")
    if len(got) > 1 and all(s == got[-1] for s in got) and got[-1] != want[-1] or len({id(s) for s in got}) < len(got):
        raise AssertionError(f"{what} yielded the same list object more than once ({got!r}): you yield the list you "
                             "keep building, so every subset ends up looking like its last state; yield a copy")
    assert got == want, f"{what} should give {want!r}, got {got!r}"
    assert typed(got) == typed(want), f"{what} should give {want!r} with the very items of the input, got {got!r}"
    return got


# -- power_set ------------------------------------------------------------------------------------
def test_docstring_example():
    """power_set([1, 2, 3]) gives the 8 subsets, smaller first, in position order"""
    check(power_set, [1, 2, 3], [[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]])


def test_small_inputs():
    """the empty list has one subset, []; one item has two"""
    check(power_set, [], [[]], "power_set([]) (the empty set is a subset of every set, even of the empty one)")
    check(power_set, ["x"], [[], ["x"]])
    check(power_set, [None], [[], [None]])


def test_equal_items_count_separately():
    """power_set([1, 1]) has 4 subsets: the two 1s are at different positions"""
    check(power_set, [1, 1], [[], [1], [1], [1, 1]])
    check(power_set, [3, 1, 3], oracle([3, 1, 3]))


def test_any_iterable():
    """a string, a tuple, a generator and a range all work"""
    check(power_set, "abc", oracle("abc"))
    check(power_set, (5, -2), [[], [5], [-2], [5, -2]])
    check(power_set, (x * x for x in range(4)), oracle([0, 1, 4, 9]), "power_set(<a generator of 0, 1, 4, 9>)")
    check(power_set, range(5), oracle(range(5)))


def test_unhashable_items():
    """power_set needs no hashing: lists of lists work"""
    check(power_set, [[1], [2], []], oracle([[1], [2], []]))


def test_subsets_are_separate_lists():
    """every subset is a new list: changing one changes no other"""
    got = collect(power_set, [1, 2, 3])
    assert len({id(s) for s in got}) == len(got), (
        "power_set([1, 2, 3]) yielded the same list object more than once: yield a copy of the list you build")
    got[4].append(99)
    assert got[5:] == [[1, 3], [2, 3], [1, 2, 3]], ("appending to one subset power_set([1, 2, 3]) yielded changed "
                                                     f"the later ones too: {got!r}; yield new lists")
    subsets = power_set([1, 2])
    first = next(subsets)
    first.append("mine")
    rest = list(subsets)
    assert rest == [[1], [2], [1, 2]], ("after the caller changed the first subset, power_set([1, 2]) went on "
                                        f"with {rest!r} instead of [[1], [2], [1, 2]]: don't reuse a list you have "
                                        "yielded")


def test_input_list_is_not_changed():
    """power_set leaves the caller's list as it was"""
    items = [3, 1, 2]
    list(power_set(items))
    assert items == [3, 1, 2], f"power_set([3, 1, 2]) changed its input to {items!r}"


@given(st.lists(st.integers(-3, 3), max_size=8))
def test_matches_itertools(items):
    """random lists: exactly itertools.combinations' subsets, in its order"""
    check(power_set, items, oracle(items))


def test_twelve_items():
    """12 distinct items give 4096 different subsets"""
    got = collect(power_set, range(12))
    assert len(got) == 4096, f"power_set(range(12)) should give 2**12 = 4096 subsets, got {len(got)}"
    assert len({tuple(s) for s in got}) == 4096, "power_set(range(12)) gave some subset twice"
    assert got == oracle(range(12)), "power_set(range(12)) gave the subsets in the wrong order"


def test_lazy_on_forty_items():
    """the first 20,000 subsets of range(40) come at once: 2**40 are never built"""
    with time_budget(2, "the first 20,000 subsets of range(40) took over 2 s: range(40) has 2**40 subsets; make "
                        "power_set a generator that builds each subset only when it is asked for"):
        got = list(itertools.islice(power_set(range(40)), 20_000))
    assert got[:42] == [[]] + [[i] for i in range(40)] + [[0, 1]], (
        f"power_set(range(40)) should start [], [0], [1], ... [39], [0, 1], got {got[:42]!r}")
    assert got[-1] == [1, 2, 7, 29], f"the 20,000th subset of range(40) should be [1, 2, 7, 29], got {got[-1]!r}"


def test_lazy_within_a_size():
    """the first pairs of range(3000) come at once: all 4.5 million pairs are never built first"""
    with time_budget(1, "the first 3,100 subsets of range(3000) took over a second: building all 4.5 million pairs "
                        "before yielding the first one is not lazy either; yield each subset as you complete it"):
        got = list(itertools.islice(power_set(range(3000)), 3_100))
    assert got[3001] == [0, 1] and got[-1] == [0, 99], (
        f"subsets 3,002 to 3,100 of range(3000) should be [0, 1] ... [0, 99], got {got[3001]!r} ... {got[-1]!r}")


def test_no_itertools():
    """the generation is yours: no itertools"""
    assert next(iter(power_set([1]))) == [], "power_set([1]) should start with []"
    assert_not_used("itertools", imports=["itertools", "more_itertools"], names=["combinations", "product"])


# -- unique_power_set ----------------------------------------------------------------------------
def test_unique_docstring_example():
    """unique_power_set([2, 1, 2]) gives 6 subsets; the 2s are interchangeable"""
    check(unique_power_set, [2, 1, 2], [[], [2], [1], [2, 1], [2, 2], [2, 1, 2]])


def test_unique_small_inputs():
    """empty, one item, all equal, all different"""
    check(unique_power_set, [], [[]])
    check(unique_power_set, [7], [[], [7]])
    check(unique_power_set, [1, 1], [[], [1], [1, 1]])
    check(unique_power_set, [5, 5, 5], [[], [5], [5, 5], [5, 5, 5]])
    check(unique_power_set, [1, 2, 3], oracle([1, 2, 3]),
          "unique_power_set([1, 2, 3]) (no repeats: the same as power_set)")


def test_unique_takes_first_copies():
    """a subset with c copies of a value takes the first c of them, in input order"""
    check(unique_power_set, [1, 2, 1], [[], [1], [2], [1, 2], [1, 1], [1, 2, 1]],
          "unique_power_set([1, 2, 1]) (the subset {1, 2} is [1, 2], positions 0 and 1, not [2, 1])")
    check(unique_power_set, "abba", unique_oracle("abba"))


def test_unique_equal_values_of_different_types():
    """1, 1.0 and True are equal, so they are copies of one value; the first ones are kept"""
    check(unique_power_set, [1, 1.0, True], [[], [1], [1, 1.0], [1, 1.0, True]],
          "unique_power_set([1, 1.0, True]) (all three are equal: 4 subsets, taking the items in order)")
    check(unique_power_set, [0.0, "a", 0, False], unique_oracle([0.0, "a", 0, False]))


def test_unique_any_iterable():
    """a generator or a string works"""
    check(unique_power_set, "aab", [[], ["a"], ["b"], ["a", "a"], ["a", "b"], ["a", "a", "b"]])
    check(unique_power_set, (x % 2 for x in range(4)), unique_oracle([0, 1, 0, 1]),
          "unique_power_set(<a generator of 0, 1, 0, 1>)")


@given(st.lists(st.integers(0, 3), max_size=9))
def test_unique_matches_oracle(items):
    """random lists with repeats: power_set's subsets minus the repeats, in its order"""
    check(unique_power_set, items, unique_oracle(items))


@settings(max_examples=30)
@given(st.lists(st.sampled_from([1, 1.0, True, 2, "2", 0, False]), max_size=7))
def test_unique_mixed_types(items):
    """random lists of 1, 1.0, True, 0, False, 2 and '2': equality decides what a repeat is"""
    check(unique_power_set, items, unique_oracle(items))


def test_unique_is_lazy_and_skips_repeats():
    """[0] * 100 has 101 distinct subsets, found at once; 2**100 are never generated"""
    with time_budget(2, "unique_power_set([0] * 100) took over 2 s: it has only 101 distinct subsets, but 2**100 "
                        "in all; don't generate the repeats to filter them out, never pick a copy of a value "
                        "while an earlier copy of it is left out"):
        got = collect(unique_power_set, [0] * 100, "unique_power_set([0] * 100)")
    assert got == [[0] * r for r in range(101)], "unique_power_set([0] * 100) should be [], [0], [0, 0], ... [0] * 100"
    with time_budget(2, "the first 3,000 subsets of unique_power_set(list(range(40)) * 2) took over 2 s: yield "
                        "each subset as soon as it is complete"):
        got = list(itertools.islice(unique_power_set(list(range(40)) * 2), 3_000))
    assert got[:41] == [[]] + [[i] for i in range(40)], (
        f"unique_power_set(list(range(40)) * 2) should start [], [0], [1], ... [39], got {got[:41]!r}")
    assert got[41:44] == [[0, 1], [0, 2], [0, 3]], (
        f"after the single items, unique_power_set(list(range(40)) * 2) should go on [0, 1], [0, 2], [0, 3], "
        f"got {got[41:44]!r}")
    assert len({tuple(s) for s in got}) == 3_000, "unique_power_set gave a subset twice"

import gc
import weakref
from collections import Counter

import pytest
from hypothesis import given, strategies as st

from gc_cycles import TreeNode, WeakCache, find_cycles, garbage_report
from pyexercise.checklib import assert_raises, time_budget


class Box:
    """A plain object; its references live in attributes. Equal to everything, unhashable: compare by identity."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return True

    __hash__ = None

    def __repr__(self):
        return f"Box({self.name!r})"


def names(cycles):
    assert type(cycles) is list and all(type(c) is list for c in cycles), \
        f"find_cycles() should return a list of lists, got {cycles!r}"
    return [[obj.name for obj in cycle] for cycle in cycles]


def oracle(n, edges):
    """Cycles by brute force from a known edge list over positions 0..n-1."""
    reach = [[False] * n for _ in range(n)]
    for a, b in edges:
        reach[a][b] = True
    for k in range(n):
        for i in range(n):
            if reach[i][k]:
                for j in range(n):
                    if reach[k][j]:
                        reach[i][j] = True
    groups, placed = [], set()
    for i in range(n):
        if i in placed or not reach[i][i]:
            continue
        group = [j for j in range(n) if j == i or (reach[i][j] and reach[j][i])]
        placed.update(group)
        groups.append(group)
    return groups


def build(n, edges, style):
    """n Boxes wired by ``edges``, each edge stored in one of several ways."""
    boxes = [Box(str(i)) for i in range(n)]
    for e, (a, b) in enumerate(edges):
        how = (style + e) % 4
        if how == 0:
            setattr(boxes[a], f"ref{e}", boxes[b])  # a plain attribute
        elif how == 1:
            boxes[a].__dict__.setdefault("items", []).append(boxes[b])  # a list in an attribute
        elif how == 2:
            boxes[a].__dict__.setdefault("table", {})[f"k{e}"] = (1, boxes[b])  # a tuple in a dict
        else:
            boxes[a].__dict__.setdefault("others", {"nested": [[boxes[b]]]})["nested"][0].append(boxes[b])
    return boxes


# -- find_cycles ----------------------------------------------------------------------------------
def test_docstring_example():
    """a <-> b is a cycle, c only points into it"""
    a, b, c = Box("a"), Box("b"), Box("c")
    a.next, b.next, c.next = b, a, a
    got = find_cycles([a, b, c])
    assert names(got) == [["a", "b"]], f"a <-> b with c -> a has one cycle, [a, b]; got {names(got)}"
    assert got[0][0] is a and got[0][1] is b, "return the objects themselves, compared by identity"


def test_self_reference_and_no_cycles():
    """an object referring to itself is a cycle; a chain is none; no objects, no cycles"""
    a, b, c = Box("a"), Box("b"), Box("c")
    a.me, b.next = a, c
    assert names(find_cycles([a, b, c])) == [["a"]], "a.me = a is a cycle of one; b -> c is no cycle"
    assert find_cycles([]) == [], "find_cycles([]) should be []"
    x, y = Box("x"), Box("y")
    x.next = y
    assert find_cycles([x, y]) == [], "x -> y alone is no cycle"


def test_every_start_is_searched():
    """objects already reached from an earlier one do not end the search"""
    a, b, c, d = Box("a"), Box("b"), Box("c"), Box("d")
    a.next, c.next, d.next = b, d, c
    got = names(find_cycles([a, b, c, d]))
    assert got == [["c", "d"]], f"a -> b and c <-> d have one cycle, [c, d]; got {got}"


def test_order_and_several_cycles():
    """each cycle in the order of objects, cycles ordered by their first object"""
    boxes = {k: Box(k) for k in "pqrstu"}
    p, q, r, s, t, u = boxes.values()
    r.next, p.next, t.friends = p, r, [r, s]     # p <-> r ; t -> r, s
    s.next, u.next, q.next = u, q, s             # q -> s -> u -> q
    got = names(find_cycles([p, q, r, s, t, u]))
    assert got == [["p", "r"], ["q", "s", "u"]], f"expected [[p, r], [q, s, u]], got {got}"
    got = names(find_cycles([u, t, s, r, q, p]))
    assert got == [["u", "s", "q"], ["r", "p"]], f"with the objects listed backwards expected [[u, s, q], [r, p]], got {got}"


def test_through_containers_only():
    """references count through dicts, lists, tuples and sets, and only among the objects given"""
    a, b, c = Box("a"), Box("b"), Box("c")
    a.children = [b]
    b.info = {"up": (a,)}
    assert names(find_cycles([a, b])) == [["a", "b"]], "a -> [b] and b -> {'up': (a,)} make a cycle through containers"
    x, y = Box("x"), Box("y")
    x.via, c.to, y.back = c, y, x      # x -> c -> y -> x, but c is not among the objects
    assert names(find_cycles([x, y])) == [], (
        "x -> c -> y -> x passes through c, a Box that was not given: only objects in the list and plain "
        "containers are followed")
    assert names(find_cycles([x, y, c])) == [["x", "y", "c"]], "with c given too, x, y and c are one cycle"
    lst = [1]
    lst.append(lst)
    x.loop = loop = []
    loop.append(loop)  # a container cycle outside the objects: walk each container once
    with time_budget(2, "find_cycles() never finished: containers can refer to themselves; remember the ones seen"):
        assert names(find_cycles([x, y])) == [], "x -> c -> y -> x passes through c, which was not given"
    got = find_cycles([lst, a])
    assert len(got) == 1 and got[0][0] is lst, "a list holding itself, given in the objects, is a cycle of one"


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=14), st.integers(0, 3))))
def test_matches_brute_force(case):
    """matches a brute-force search on random graphs, references stored in several ways"""
    n, edges, style = case
    boxes = build(n, edges, style)
    got = names(find_cycles(boxes))
    want = [[str(i) for i in group] for group in oracle(n, edges)]
    assert got == want, f"{n} objects with references {edges} have the cycles {want}, got {got}"


def test_hundreds_of_objects_quickly():
    """a ring of 3,000 objects plus 3,000 hangers-on: one cycle, found in well under the budget"""
    ring = [Box(str(i)) for i in range(3000)]
    for i, box in enumerate(ring):
        box.next = ring[(i + 1) % len(ring)]
    tails = [Box(f"t{i}") for i in range(3000)]
    for i, box in enumerate(tails):
        box.to = ring[i]
    with time_budget(3, "find_cycles() took over 3 s on 6,000 objects: build the graph once (id -> position) and "
                        "find strongly connected components in one pass (Tarjan or Kosaraju), iteratively"):
        got = find_cycles(tails + ring)
    assert len(got) == 1 and len(got[0]) == 3000 and got[0][0] is ring[0], \
        "a ring of 3,000 objects is one cycle of 3,000, starting at its first object"


# -- garbage_report -------------------------------------------------------------------------------
class Pair:
    def __init__(self):
        self.other = None


def make_pairs():
    for _ in range(3):
        a, b = Pair(), Pair()
        a.other, b.other = b, a


def make_self_list():
    lst = []
    lst.append(lst)


def no_cycles():
    a, b = Pair(), Pair()
    a.other = b


def what_collect_finds(fn):
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        fn()
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


def test_report_counts_cyclic_garbage():
    """three Pair cycles, a self-holding list, and no cycles at all"""
    got = garbage_report(make_pairs)
    assert isinstance(got, Counter), f"garbage_report() should return a collections.Counter, got {type(got).__name__}"
    assert got["Pair"] == 6, f"make_pairs() leaves 3 cycles of 2 Pair objects: 6 Pairs, got {dict(got)}"
    got = garbage_report(make_self_list)
    assert got["list"] == 1, f"a list that holds itself is 1 list of cyclic garbage, got {dict(got)}"
    got = garbage_report(no_cycles)
    assert sum(got.values()) == 0, f"no_cycles() leaves nothing for the cycle collector (reference counting frees it all), got {dict(got)}"


@pytest.mark.parametrize("fn", [make_pairs, make_self_list, no_cycles])
def test_report_agrees_with_gc_collect(fn):
    """the report counts exactly what gc.collect() finds after the call"""
    want = what_collect_finds(fn)
    got = sum(garbage_report(fn).values())
    assert got == want, f"after {fn.__name__}() gc.collect() finds {want} unreachable objects; your report counts {got}"


def test_automatic_collection_does_not_interfere():
    """fn may allocate enough to trigger an automatic collection: its garbage is still counted"""
    def busy():
        make_pairs()
        junk = [[] for _ in range(20_000)]  # far past gc's threshold: would start a collection
        del junk

    gc.enable()
    got = garbage_report(busy)
    assert got["Pair"] == 6, (f"busy() leaves 6 Pairs in cycles, but the report has {got['Pair']}: an automatic "
                              "collection freed them while fn ran. gc.disable() before calling fn")


def test_old_garbage_is_not_counted():
    """garbage made before the call is not the function's"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        make_pairs()  # garbage lying around, not collected yet
        got = garbage_report(make_self_list)
    finally:
        if enabled:
            gc.enable()
    assert got.get("Pair", 0) == 0, f"Pairs made before garbage_report() was called are not fn's garbage, got {dict(got)}"
    assert got["list"] == 1, f"make_self_list() leaves one list, got {dict(got)}"


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_state_restored(enabled):
    """gc's enabled state, debug flags and gc.garbage are left as they were, and the garbage is freed"""
    marker = object()
    gc.garbage.append(marker)
    gc.enable() if enabled else gc.disable()
    gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
    class Leftover:
        pass

    def fn():
        a, b = Leftover(), Leftover()
        a.other, b.other = b, a

    try:
        garbage_report(fn)
        assert gc.isenabled() is enabled, f"gc was {'enabled' if enabled else 'disabled'} before garbage_report(): leave it so"
        assert gc.get_debug() == gc.DEBUG_UNCOLLECTABLE, "gc's debug flags should be restored (gc.set_debug(old flags))"
        assert gc.garbage == [marker], f"gc.garbage should be left as it was, [marker]; it holds {len(gc.garbage)} objects"
        alive = sum(type(obj) is Leftover for obj in gc.get_objects())
        assert alive == 0, (f"{alive} objects of the cycle fn() left still exist after garbage_report(): after taking "
                            "them out of gc.garbage, collect once more so they are really freed")
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_gc_restored_when_fn_raises():
    """an exception from fn propagates, and gc is restored all the same"""
    def boom():
        make_pairs()
        raise KeyError("boom")

    gc.enable()
    garbage_report(no_cycles)
    assert_raises(KeyError, lambda: garbage_report(boom), "garbage_report(fn) should let fn's exception through")
    assert gc.isenabled(), "gc should be enabled again after fn raised (try/finally)"
    assert gc.get_debug() == 0 and gc.garbage == [], "gc's flags and gc.garbage should be restored after fn raised"


# -- TreeNode -------------------------------------------------------------------------------------
def test_tree_links():
    """children, parent and path"""
    root = TreeNode("root")
    branch = root.add_child("branch")
    leaf = branch.add_child("leaf")
    other = root.add_child("other")
    assert type(branch) is TreeNode and branch.name == "branch", "add_child() returns the new TreeNode"
    assert root.children == [branch, other] and branch.children == [leaf] and leaf.children == [], \
        "children should be a list of the nodes added, in order"
    assert root.parent is None and branch.parent is root and leaf.parent is branch, "parent should be the node added to"
    got = leaf.path()
    assert got == ["root", "branch", "leaf"], f"leaf.path() should be ['root', 'branch', 'leaf'], got {got!r}"
    assert root.path() == ["root"], f"root.path() should be ['root'], got {root.path()!r}"
    with pytest.raises(AttributeError):
        leaf.parent = root  # read-only


def test_dropping_the_root_frees_the_tree_without_gc():
    """with gc disabled, deleting the root frees every node at once: no cycles"""
    freed = []
    gc.collect()
    gc.disable()
    try:
        root = TreeNode("root")
        level = [root]
        for depth in range(3):
            level = [node.add_child(f"{node.name}/{i}") for node in level for i in range(3)]
        nodes = [root]
        for node in nodes:
            nodes.extend(node.children)
        for node in nodes:
            weakref.finalize(node, freed.append, node.name)
        count = len(nodes)
        del nodes, node, level
        assert not freed, "nothing should be freed while the root is alive"
        del root
        assert len(freed) == count, (
            f"after `del root` with gc disabled, {len(freed)} of {count} nodes were freed: children that hold their "
            "parent by a plain reference make a cycle; hold it with weakref.ref(parent) instead")
    finally:
        gc.enable()


def test_orphan_sees_no_parent():
    """a node kept after its parent is gone has parent None, and its path starts at itself"""
    gc.disable()
    try:
        root = TreeNode("root")
        leaf = root.add_child("a").add_child("b")
        del root
        assert leaf.parent is None, "with its parent and the root gone, leaf.parent should be None"
        assert leaf.path() == ["b"], f"an orphan's path() is just its own name, got {leaf.path()!r}"
    finally:
        gc.enable()


# -- WeakCache ------------------------------------------------------------------------------------
class Image:
    __slots__ = ("key", "__weakref__")

    def __init__(self, key):
        self.key = key


def test_weak_cache():
    """live values are shared; a value nobody holds is gone from the cache"""
    made = []

    def factory(key):
        made.append(key)
        return Image(key)

    cache = WeakCache(factory)
    gc.disable()
    try:
        first = cache.get("logo")
        again = cache.get("logo")
        assert type(first) is Image and again is first, "get() of a key whose value is alive should return that same value"
        assert made == ["logo"], f"the factory should be called once for a live key, it was called for {made}"
        assert "logo" in cache and len(cache) == 1, "while its value is held, 'logo' is in the cache"
        other = cache.get("icon")
        assert other.key == "icon" and len(cache) == 2, "a second key gets its own value"
        del first, again
        assert "logo" not in cache and len(cache) == 1, (
            "once nobody holds the 'logo' value it should be gone from the cache: a dict keeps its values alive, "
            "a weakref.WeakValueDictionary does not")
        fresh = cache.get("logo")
        assert made == ["logo", "icon", "logo"] and fresh.key == "logo", "a key whose value died is made afresh"
        assert other is cache.get("icon"), "the 'icon' value is still alive and shared"
    finally:
        gc.enable()

import bisect
import itertools
import random

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from binary_heap import MaxHeap, MinHeap, heapify, heappop, heappush, heappushpop
from pyexercise.checklib import Item, TrackedList, assert_not_used, comparisons


def violation(a):
    """The first index whose item is smaller than its parent, or None if ``a`` is in heap order."""
    return next((i for i in range(1, len(a)) if a[i] < a[(i - 1) // 2]), None)


def shown(a):
    return repr(list(a)) if len(a) <= 16 else f"<a list of {len(a):,} items>"


def assert_heap(a, what):
    i = violation(a)
    assert i is None, (f"after {what} the list is {shown(a)}, not in heap order: a[{i}] = {a[i]!r} is smaller "
                       f"than its parent a[{(i - 1) // 2}] = {a[(i - 1) // 2]!r}")


def log2_floor(n):
    return max(n, 1).bit_length() - 1


def items(keys):
    return [Item(k, f"#{i}") for i, k in enumerate(keys)]


# -- the list functions ---------------------------------------------------------------------------
def test_docstring_example():
    """heapify, heappush and heappop on the docstring's list"""
    a = [5, 3, 8, 1, 9, 2]
    got = heapify(a)
    assert got is None, f"heapify() rearranges the list in place and returns None, got {got!r}"
    assert a[0] == 1, f"after heapify([5, 3, 8, 1, 9, 2]) a[0] should be the smallest, 1; the list is {a!r}"
    assert_heap(a, "heapify([5, 3, 8, 1, 9, 2])")
    assert heappush(a, 0) is None, "heappush() returns None"
    got = (heappop(a), heappop(a), heappop(a))
    assert got == (0, 1, 2), f"after pushing 0, three pops should give (0, 1, 2), got {got!r}"


def test_heapify_every_arrangement():
    """every ordering of small lists (with duplicates) is heapified in place, keeping its items"""
    for base in ([], [1], [2, 1], [3, 1, 2], [4, 4, 1, 3], [1, 2, 2, 3, 5], [6, 5, 4, 3, 2, 1], [7, 1, 7, 1, 7, 1]):
        for order in set(itertools.permutations(base)):
            a = TrackedList(order)
            before = list(a)
            heapify(a)
            assert sorted(a) == sorted(before), f"heapify({before!r}) lost or changed items: it gave {list(a)!r}"
            assert_heap(a, f"heapify({before!r})")
            assert not a.others, (f"heapify({before!r}) used {', '.join(sorted(set(a.others)))}: heapify in place "
                                  "by moving items within the list (a[i] = ...), not by building another one")


def test_pop_everything_in_order():
    """popping a heapified list until empty gives its items smallest first"""
    rng = random.Random(5)
    for n in (1, 2, 3, 7, 8, 31, 100):
        keys = [rng.randrange(20) for _ in range(n)]
        a = list(keys)
        heapify(a)
        got = []
        while a:
            got.append(heappop(a))
            assert_heap(a, f"heappop() #{len(got)} from the heap of {keys!r}")
        assert got == sorted(keys), f"popping every item of heapify({keys!r}) should give {sorted(keys)!r}, got {got!r}"


def test_pop_empty_raises():
    """heappop([]) raises IndexError"""
    with pytest.raises(IndexError):
        heappop([])
    a = [3]
    assert heappop(a) == 3 and a == [], "heappop([3]) should return 3 and leave []"
    with pytest.raises(IndexError):
        heappop(a)


def test_push_keeps_heap_order():
    """pushing items one by one keeps the heap order; the smallest ends up at a[0]"""
    a = []
    for k in [5, 9, 1, 7, 1, 0, 8, 3, 3, 2, -4, 6]:
        heappush(a, k)
        assert_heap(a, f"heappush(..., {k})")
        assert a[0] == min(a), f"after pushing {k}, a[0] should be the smallest item {min(a)}, got {a[0]}"


def test_pushpop_smaller_item_comes_straight_back():
    """heappushpop of an item no bigger than the smallest returns it and leaves the list as it was"""
    for item in (0, 1):
        a = items([1, 3, 2, 7, 4, 5, 6, 9, 8])
        before = list(a)
        new = Item(item, "#new")
        with comparisons() as counted:
            got = heappushpop(a, new)
        assert got is new, f"heappushpop({shown(before)}, {item}) should return the item pushed, {item}: nothing is smaller"
        assert len(a) == len(before) and all(x is y for x, y in zip(a, before)), (
            f"heappushpop({shown(before)}, {item}) should leave the list exactly as it was (the item comes "
            f"straight back out), but it is now {shown(a)}")
        assert counted.count <= 1, (f"heappushpop({shown(before)}, {item}) made {counted.count} comparisons: "
                                    "one (a[0] < item) is enough to see the item would come straight back")
    assert heappushpop([], 5) == 5, "heappushpop([], 5) should return 5"


def test_pushpop_bigger_item():
    """heappushpop of a bigger item returns the old smallest and keeps the new item"""
    a = [1, 3, 2, 7, 4]
    got = heappushpop(a, 5)
    assert got == 1, f"heappushpop([1, 3, 2, 7, 4], 5) should return 1, the smallest, got {got!r}"
    assert sorted(a) == [2, 3, 4, 5, 7], f"after heappushpop([1, 3, 2, 7, 4], 5) the heap should hold 2, 3, 4, 5, 7, got {a!r}"
    assert_heap(a, "heappushpop([1, 3, 2, 7, 4], 5)")


def test_functions_compare_with_less_than_only():
    """items need only support <: the heap never asks for <=, > or >="""
    class LessOnly:
        def __init__(self, k):
            self.k = k

        def __lt__(self, other):
            return self.k < other.k

        def __le__(self, other):
            raise TypeError("compare heap items with < only, as heapq does")
        __gt__ = __ge__ = __le__

    a = [LessOnly(k) for k in [4, 1, 3, 2, 5, 0]]
    heapify(a)
    heappush(a, LessOnly(-1))
    heappushpop(a, LessOnly(6))
    got = [heappop(a).k for _ in range(len(a))]
    assert got == [0, 1, 2, 3, 4, 5, 6], f"popping everything should give 0..6 in order, got {got!r}"


@pytest.mark.parametrize("shape", ["descending", "ascending", "shuffled", "all equal"])
def test_heapify_at_most_2n_comparisons(shape):
    """heapify is O(n): at most 2n comparisons, on any input order"""
    rng = random.Random(11)
    for n in (1, 2, 3, 10, 100, 1023, 1024, 3000):
        keys = {"descending": range(n, 0, -1), "ascending": range(n), "all equal": [5] * n,
                "shuffled": rng.sample(range(n), n)}[shape]
        a = items(keys)
        with comparisons() as counted:
            heapify(a)
        assert counted.count <= 2 * n, (
            f"heapify(<{n:,} items, {shape}>) made {counted.count:,} comparisons, over 2n = {2 * n:,}: sift down "
            "each parent, the last first, instead of pushing the items one by one (that is O(n log n))")
        assert_heap(a, f"heapify(<{n:,} items, {shape}>)")


def test_push_and_pop_are_logarithmic():
    """heappush takes at most floor(log2 n) + 1 comparisons and heappop 2 floor(log2 n) + 2"""
    for n in (1, 2, 5, 64, 1000, 4097):
        a = items(range(1, n + 1))
        heapify(a)
        with comparisons() as counted:
            heappush(a, Item(0, "#min"))  # a new smallest climbs all the way up
        budget = log2_floor(n + 1) + 1
        assert counted.count <= budget, (f"heappush of a new smallest into a heap of {n:,} made {counted.count} "
                                         f"comparisons; sifting up one path needs at most {budget}")
        assert a[0].key == 0, "after pushing a new smallest, it should be at a[0]"
        for _ in range(min(3, len(a))):
            size = len(a)
            with comparisons() as counted:
                heappop(a)
            budget = 2 * log2_floor(size) + 2
            assert counted.count <= budget, (
                f"heappop from a heap of {size:,} made {counted.count} comparisons, over {budget}: move the last "
                "item to the root and sift it down one path (min(), remove() or re-heapifying is O(n))")
        size = len(a)
        with comparisons() as counted:
            heappushpop(a, Item(n + 5, "#big"))
        budget = 2 * log2_floor(size) + 2
        assert counted.count <= budget, (f"heappushpop on a heap of {size:,} made {counted.count} comparisons, "
                                         f"over {budget}: put the item at the root and sift it down once")


# -- the classes ----------------------------------------------------------------------------------
def test_maxheap_docstring_example():
    """MaxHeap(["fig", "pear", "banana", "kiwi"], key=len) pops banana, pear, kiwi"""
    h = MaxHeap(["fig", "pear", "banana", "kiwi"], key=len)
    got = (h.pop(), h.pop(), h.pop())
    assert got == ("banana", "pear", "kiwi"), (
        f"pops should be ('banana', 'pear', 'kiwi'): longest first, and pear before kiwi (equal lengths, pear came "
        f"first), got {got!r}")
    assert h.pop() == "fig" and len(h) == 0


def test_minheap_basics():
    """MinHeap: push, peek, pop, pushpop, len and bool"""
    h = MinHeap()
    assert len(h) == 0 and type(len(h)) is int, "an empty MinHeap has len 0"
    assert bool(h) is False, "an empty heap is falsy"
    for k in [5, 2, 8, 1, 9]:
        assert h.push(k) is None, "push() returns None"
    assert len(h) == 5 and bool(h) is True, f"after 5 pushes len should be 5 and the heap truthy, got len {len(h)}"
    assert h.peek() == 1 and len(h) == 5, "peek() returns the smallest without removing it"
    assert h.pushpop(0) == 0 and len(h) == 5, "pushpop(0) gives 0 straight back: nothing is smaller"
    assert h.pushpop(7) == 1, "pushpop(7) pops the smallest, 1, and keeps 7"
    got = [h.pop() for _ in range(len(h))]
    assert got == [2, 5, 7, 8, 9], f"popping everything should give [2, 5, 7, 8, 9], got {got!r}"


def test_empty_heap_errors():
    """pop() and peek() on an empty heap raise IndexError"""
    for cls in (MinHeap, MaxHeap):
        h = cls()
        with pytest.raises(IndexError):
            h.pop()
        with pytest.raises(IndexError):
            h.peek()
        h.push(1)
        h.pop()
        with pytest.raises(IndexError):
            h.pop()


def test_maxheap_on_strings():
    """MaxHeap orders strings too, largest first (negating a key is not an option)"""
    words = ["pear", "apple", "fig", "kiwi", "banana", "cherry"]
    h = MaxHeap(words)
    got = [h.pop() for _ in range(len(words))]
    want = sorted(words, reverse=True)
    assert got == want, f"MaxHeap({words!r}) should pop {want!r}, got {got!r}"
    h = MaxHeap(key=str.lower)
    for w in ["b", "A", "c", "B", "a"]:
        h.push(w)
    got = [h.pop() for _ in range(5)]
    assert got == ["c", "b", "B", "A", "a"], f"MaxHeap(key=str.lower) should pop c, b, B, A, a (ties first in, first out), got {got!r}"


def test_minheap_with_key():
    """MinHeap(key=...) pops by key; the constructor takes any iterable"""
    h = MinHeap((w for w in ["ccc", "a", "bb", "dddd"]), key=len)
    got = [h.pop() for _ in range(4)]
    assert got == ["a", "bb", "ccc", "dddd"], f"MinHeap(<generator>, key=len) should pop shortest first, got {got!r}"


def test_items_are_never_compared():
    """only keys are compared: a heap of dicts works with a key, equal keys included"""
    tasks = [{"name": n, "priority": p} for n, p in [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3)]]
    for cls, want in ((MinHeap, "adbce"), (MaxHeap, "ebcad")):
        h = cls(tasks[:3], key=lambda t: t["priority"])
        for t in tasks[3:]:
            h.push(t)
        try:
            got = "".join(h.pop()["name"] for _ in range(5))
        except TypeError as exc:
            pytest.fail(f"{cls.__name__} of dicts with equal priorities raised TypeError ({exc}): it compared two "
                        "items; when keys are equal, compare a serial number (the push order), never the items")
        assert got == want, (f"{cls.__name__} should pop the tasks in the order {want!r} (equal priorities: first in, "
                             f"first out), got {got!r}")


def test_ties_first_in_first_out():
    """equal keys come out in the order they went in, constructor items first"""
    for cls, want in ((MinHeap, "1b 1d 1g 2e 3a 3c 3f"), (MaxHeap, "3a 3c 3f 2e 1b 1d 1g")):
        h = cls([Item(3, "a"), Item(1, "b"), Item(3, "c"), Item(1, "d")])
        for k, tag in ((2, "e"), (3, "f"), (1, "g")):
            h.push(Item(k, tag))
        got = " ".join(repr(h.pop()) for _ in range(7))
        assert got == want, (f"{cls.__name__}([3a, 1b, 3c, 1d]) then pushing 2e, 3f, 1g should pop {want}: equal "
                             f"keys first in, first out; got {got}")


def test_class_operations_are_logarithmic():
    """the constructor is O(n) and pop O(log n), counted in comparisons of the keys"""
    n = 2000
    with comparisons() as counted:
        h = MinHeap(items(range(n, 0, -1)))
    assert counted.count <= 6 * n, (f"MinHeap(<{n:,} items>) made {counted.count:,} key comparisons: heapify the "
                                    "items (O(n)), don't push them one by one")
    for _ in range(3):
        with comparisons() as counted:
            h.pop()
        assert counted.count <= 4 * log2_floor(n) + 8, (
            f"pop() from a heap of {len(h) + 1:,} made {counted.count:,} key comparisons: it should be O(log n), "
            "built on your heappop")


def test_no_heapq_or_sorting():
    """the heap is yours: no heapq, bisect, sorted() or list.sort()"""
    assert heappop([1]) == 1, "heappop([1]) should be 1"
    assert_not_used("heapq, bisect or sorting", imports=["heapq", "bisect"], names=["sorted"],
                    attributes=["sort", "heappush", "heappop", "insort"])


# -- stateful -------------------------------------------------------------------------------------
class ListFunctions(RuleBasedStateMachine):
    """The list functions on one list, against a sorted list of the same items; heap order always."""

    def __init__(self):
        super().__init__()
        self.heap, self.model, self.log = [], [], []

    @rule(k=st.integers(-10, 10))
    def push(self, k):
        heappush(self.heap, k)
        bisect.insort(self.model, k)
        self.log.append(f"heappush(a, {k})")

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        got = heappop(self.heap)
        want = self.model.pop(0)
        self.log.append("heappop(a)")
        assert got == want, f"after {'; '.join(self.log)} heappop should give {want}, the smallest, got {got!r}"

    @rule(k=st.integers(-10, 10))
    def pushpop(self, k):
        got = heappushpop(self.heap, k)
        bisect.insort(self.model, k)
        want = self.model.pop(0)
        self.log.append(f"heappushpop(a, {k})")
        assert got == want, f"after {'; '.join(self.log)} heappushpop should give {want}, got {got!r}"

    @rule(keys=st.lists(st.integers(-10, 10), max_size=12))
    def heapify_new(self, keys):
        self.heap, self.model = list(keys), sorted(keys)
        heapify(self.heap)
        self.log = [f"a = {keys!r}; heapify(a)"]

    @invariant()
    def in_heap_order(self):
        assert sorted(self.heap) == self.model, (f"after {'; '.join(self.log)} the list should hold {self.model}, "
                                                 f"it holds {sorted(self.heap)}")
        assert_heap(self.heap, "; ".join(self.log))


TestListFunctions = ListFunctions.TestCase
TestListFunctions.settings = settings(max_examples=50, stateful_step_count=25)
TestListFunctions.__doc__ = "random heappush/heappop/heappushpop/heapify keep heap order and agree with a sorted list"


class HeapClasses(RuleBasedStateMachine):
    """MinHeap or MaxHeap, with or without a key, against a list sorted by (key, push order)."""

    @initialize(kind=st.sampled_from(["MinHeap", "MaxHeap"]), keyed=st.booleans(),
                start=st.lists(st.integers(-6, 6), max_size=8))
    def make(self, kind, keyed, start):
        self.kind, self.keyed, self.serial = kind, keyed, 0
        self.log = []
        made = [self.item(k) for k in start]
        cls = MinHeap if kind == "MinHeap" else MaxHeap
        self.heap = cls(made, key=(lambda d: d["k"]) if keyed else None)
        self.model = []  # (sort key, item), sorted: the next to pop first
        for it in made:
            self.add(it)
        self.log.append(f"{kind}({[self.show(i) for i in made]}{', key=...' if keyed else ''})")

    def item(self, k):
        self.serial += 1
        # keyed: dicts, which cannot be compared; plain: Items, which compare by key only
        return {"k": k, "id": self.serial} if self.keyed else Item(k, f"#{self.serial}")

    def show(self, it):
        return f"{it['k']}#{it['id']}" if self.keyed else repr(it)

    def key(self, it):
        return it["k"] if self.keyed else it.key

    def add(self, it):
        k = self.key(it)
        serial = it["id"] if self.keyed else int(it.tag[1:])
        bisect.insort(self.model, ((k if self.kind == "MinHeap" else -k), serial, it), key=lambda e: e[:2])

    def expect(self, got, what):
        want = self.model.pop(0)[2]
        assert got is want, (f"after {'; '.join(self.log)}, {what} should give {self.show(want)} (the "
                             f"{'smallest' if self.kind == 'MinHeap' else 'largest'} key; equal keys first in, first "
                             f"out), got {self.show(got) if isinstance(got, (dict, Item)) else repr(got)}")

    @rule(k=st.integers(-6, 6))
    def push(self, k):
        it = self.item(k)
        self.heap.push(it)
        self.add(it)
        self.log.append(f"push({self.show(it)})")

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        self.log.append("pop()")
        self.expect(self.heap.pop(), "pop()")

    @rule(k=st.integers(-6, 6))
    def pushpop(self, k):
        it = self.item(k)
        got = self.heap.pushpop(it)
        self.add(it)
        self.log.append(f"pushpop({self.show(it)})")
        self.expect(got, "pushpop()")

    @precondition(lambda self: self.model)
    @rule()
    def peek(self):
        got = self.heap.peek()
        want = self.model[0][2]
        assert got is want, f"after {'; '.join(self.log)}, peek() should give {self.show(want)}"

    @invariant()
    def same_size(self):
        if hasattr(self, "heap"):
            assert len(self.heap) == len(self.model), (f"after {'; '.join(self.log)} len() should be "
                                                       f"{len(self.model)}, got {len(self.heap)}")
            assert bool(self.heap) is bool(self.model), "bool(heap) should be True exactly when it holds items"


TestHeapClasses = HeapClasses.TestCase
TestHeapClasses.settings = settings(max_examples=60, stateful_step_count=25)
TestHeapClasses.__doc__ = "random push/pop/pushpop/peek on MinHeap and MaxHeap agree with a sorted model"

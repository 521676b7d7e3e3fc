import gc
import tracemalloc
from itertools import islice, repeat

from hypothesis import given, strategies as st

from linked_list_cycle import Node as YourNode, cycle_length, cycle_start, has_cycle
from pyexercise.checklib import time_budget


class Walk:
    """What the functions may do to the check's nodes right now: reads of .next are counted (a
    bound catches endless loops and O(n**2) walks at once), and writes are refused during a call."""

    reads = 0
    limit = None  # no limit while the check itself builds or inspects a list
    frozen = False
    label = ""


def unhashable(self):
    raise TypeError("this check's nodes can't be hashed: a set or dict of visited nodes takes O(n) memory. "
                    "Use two pointers that walk at different speeds instead")


class Node:
    """The check's node: equal by value (like a dataclass), unhashable, closed to new attributes,
    and it counts how often .next is read."""

    __slots__ = ("value", "_next")

    def __init__(self, value, next=None):
        self.value = value
        self._next = next

    @property
    def next(self):
        Walk.reads += 1
        if Walk.limit is not None and Walk.reads > Walk.limit:
            raise AssertionError(f"{Walk.label} has read .next {Walk.reads:,} times and not finished: an endless "
                                 "loop (going round from a node that is not on the cycle never gets back to it), "
                                 "or an O(n**2) walk; Floyd's pointers need a few reads per node")
        return self._next

    @next.setter
    def next(self, node):
        if Walk.frozen:
            raise AttributeError(f"{Walk.label} assigned a node's .next: read the list, don't change it, "
                                 "not even temporarily")
        self._next = node

    def __eq__(self, other):
        return isinstance(other, (Node, BigNode)) and self.value == other.value

    __hash__ = unhashable

    def __repr__(self):
        return f"Node({self.value!r})"


class BigNode:
    """The same without the counting, for the big lists: plain slots are faster."""

    __slots__ = ("value", "next")
    __eq__ = Node.__eq__
    __hash__ = unhashable
    __repr__ = Node.__repr__


def call(fn, head, n, label):
    """fn(head) with .next reads bounded by 10 per node and writes refused."""
    Walk.reads, Walk.limit, Walk.frozen = 0, 10 * n + 20, True
    Walk.label = f"{fn.__name__}({label})"
    try:
        return fn(head)
    finally:
        Walk.limit, Walk.frozen = None, False


def build(tail, loop, values=None, node_class=Node):
    """``tail`` nodes, then a cycle of ``loop`` nodes (the last node points back to node ``tail``,
    counting from 0). Returns (head, nodes). Built with the garbage collector off: a million objects
    in a few tenths of a second."""
    n = tail + loop
    link = "_next" if node_class is Node else "next"
    gc.disable()
    try:
        nodes = list(map(node_class.__new__, repeat(node_class, n)))
        list(map(setattr, nodes, repeat("value"), range(n) if values is None else values))
        list(map(setattr, nodes, repeat(link), islice(nodes, 1, None)))
        if nodes:
            setattr(nodes[-1], link, nodes[tail] if loop else None)
    finally:
        gc.enable()
    return (nodes[0] if nodes else None), nodes


def describe(tail, loop):
    if tail + loop == 0:
        return "the empty list (head None)"
    if not loop:
        return f"<a list of {tail:,} nodes, no cycle>"
    if tail == 0:
        return f"<a ring of {loop:,} nodes: the last points back to the head>"
    back = "itself" if loop == 1 else f"node number {tail + 1:,}"
    return f"<{tail:,} nodes, then a cycle of {loop:,}: the last node points back to {back}>"


def position(nodes, node):
    return next((i for i, n in enumerate(nodes) if n is node), None)


def check_unchanged(nodes, tail, loop, label, values=None):
    link = "_next" if nodes and type(nodes[0]) is Node else "next"
    links_ok = all(getattr(a, link) is b for a, b in zip(nodes, islice(nodes, 1, None)))
    last_ok = not nodes or getattr(nodes[-1], link) is (nodes[tail] if loop else None)
    assert links_ok and last_ok, f"after the calls on {label} some .next links had changed: read the list, don't rewire it"
    want = range(len(nodes)) if values is None else values
    assert all(n.value == v for n, v in zip(nodes, want)), f"the calls on {label} changed values of the nodes"


def check_list(tail, loop, values=None):
    head, nodes = build(tail, loop, values)
    label = describe(tail, loop)
    n = tail + loop
    got = call(has_cycle, head, n, label)
    assert type(got) is bool, f"has_cycle({label}) should return True or False, got {got!r}"
    assert got is (loop > 0), f"has_cycle({label}) should be {loop > 0}"
    length = call(cycle_length, head, n, label)
    assert type(length) is int, f"cycle_length({label}) should return an int, got {length!r}"
    assert length == loop, f"cycle_length({label}) should be {loop}, got {length}"
    start = call(cycle_start, head, n, label)
    if not loop:
        assert start is None, f"cycle_start({label}) should be None: there is no cycle, got {start!r}"
    else:
        at = position(nodes, start)
        assert start is nodes[tail], (
            f"cycle_start({label}) should be node number {tail + 1:,}, got "
            + (f"{start!r}, not a node of the list" if at is None else f"node number {at + 1:,}")
            + (": where the pointers meet is somewhere on the cycle, not necessarily its start" if at is not None
               and at > tail else ""))
    check_unchanged(nodes, tail, loop, label, values)


def test_docstring_example():
    """a -> b -> c -> d -> back to b: a cycle of 3 starting at b; then d.next = None: none"""
    d = YourNode("d")
    a = YourNode("a", YourNode("b", YourNode("c", d)))
    b, c = a.next, a.next.next
    d.next = b
    assert a.value == "a" and c.next is d, "Node(value, next) should set .value and .next (the given class)"

    def links_kept(what):
        assert a.next is b and b.next is c and c.next is d and d.next is (b if what else None), (
            f"the calls on a -> b -> c -> d{' -> b' if what else ''} changed the .next links: read the list, don't "
            "change it")

    label = "a -> b -> c -> d -> b"
    got = has_cycle(a)
    assert got is True, f"has_cycle({label}) should be True, got {got!r}"
    links_kept(True)
    got = cycle_start(a)
    assert got is b, f"cycle_start({label}) should be node b, got " + (
        f"the node holding {got.value!r}" if hasattr(got, "value") else repr(got))
    got = cycle_length(a)
    assert got == 3 and type(got) is int, f"cycle_length({label}) should be 3, got {got!r}"
    links_kept(True)
    d.next = None
    label = "a -> b -> c -> d"
    got = (has_cycle(a), cycle_start(a), cycle_length(a))
    assert got[0] is False and got[1] is None and got[2] == 0, (
        f"on {label} (no cycle) the results should be False, None and 0, got {got!r}")
    links_kept(False)


def test_empty_list():
    """the empty list (head None) has no cycle"""
    check_list(0, 0)


def test_one_node():
    """one node: without a cycle, and pointing to itself"""
    check_list(1, 0)
    check_list(0, 1)


def test_self_loop_at_the_end():
    """the last node points to itself: a cycle of 1 at the end of a long tail"""
    for tail in (1, 2, 5, 50):
        check_list(tail, 1)


def test_whole_list_is_a_ring():
    """the last node points back to the head: the cycle starts at the head"""
    for loop in (2, 3, 7, 64):
        check_list(0, loop)


def test_no_cycle():
    """lists without a cycle, odd and even lengths"""
    for n in range(1, 40):
        check_list(n, 0)


def test_every_start_and_length():
    """cycles of every length starting at every position of short lists"""
    for tail in range(0, 14):
        for loop in range(1, 14):
            check_list(tail, loop)


def test_nodes_with_equal_values():
    """nodes whose values are all equal are still different nodes: compare them with `is`"""
    for tail, loop in ((0, 0), (5, 0), (4, 0), (3, 4), (5, 2), (0, 6), (6, 1)):
        n = tail + loop
        try:
            check_list(tail, loop, values=[0] * n)
            check_list(tail, loop, values=[i % 2 for i in range(n)])
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n(every node here has the value 0 or 1, and the check's nodes compare "
                                 "equal by value: use `slow is fast`, not `slow == fast`)") from None


@given(st.integers(0, 150), st.integers(0, 150), st.booleans())
def test_random_shapes(tail, loop, equal_values):
    """any tail length, any cycle length: the three answers, and the list left as it was"""
    check_list(tail, loop, values=[7] * (tail + loop) if equal_values else None)


def peak_bytes(fn, head, n, label):
    call(fn, head, n, label)  # once before measuring, so nothing the first call sets up counts
    tracemalloc.start()
    try:
        call(fn, head, n, label)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_constant_memory():
    """O(1) extra memory: about 1 KB at most, on a list of 20,000 nodes"""
    tail, loop = 12_000, 8_000
    head, _nodes = build(tail, loop)
    label = describe(tail, loop)
    for fn in (has_cycle, cycle_start, cycle_length):
        peak = peak_bytes(fn, head, tail + loop, label)
        assert peak <= 1024, (
            f"{fn.__name__}({label}) allocated {peak:,} bytes; O(1) memory means about 1 KB, "
            "whatever the length: a set of ids, or a list of the nodes, grows with the list")


def test_a_million_nodes():
    """a million nodes: each function in O(n) time"""
    tail, loop = 500_000, 500_000
    head, nodes = build(tail, loop, node_class=BigNode)
    label = describe(tail, loop)
    with time_budget(3, f"on {label} the three functions took over 3 s: each should take O(n) steps"):
        assert has_cycle(head) is True, f"has_cycle({label}) should be True"
        assert cycle_start(head) is nodes[tail], f"cycle_start({label}) should be node number {tail + 1:,}"
        assert cycle_length(head) == loop, f"cycle_length({label}) should be {loop:,}"
        nodes[-1].next = None
        assert has_cycle(head) is False, "has_cycle(<a list of 1,000,000 nodes, no cycle>) should be False"

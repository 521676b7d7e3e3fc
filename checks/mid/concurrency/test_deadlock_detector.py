import threading
import time
from collections import deque

import pytest
from hypothesis import given, settings, strategies as st

from deadlock_detector import DeadlockDetector, DeadlockError, find_cycle
from pyexercise.checklib import race_amplifier, time_budget, wait_until


def has_cycle(graph):
    """Kahn's algorithm: the oracle (nodes left over after peeling off every node nothing waits on
    in turn lie on or behind a cycle)."""
    nodes = set(graph) | {m for targets in graph.values() for m in targets}
    indegree = dict.fromkeys(nodes, 0)
    for targets in graph.values():
        for m in targets:
            indegree[m] += 1
    ready = deque(n for n in nodes if indegree[n] == 0)
    peeled = 0
    while ready:
        n = ready.popleft()
        peeled += 1
        for m in graph.get(n, ()):
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    return peeled < len(nodes)


def assert_is_cycle(graph, cycle, what):
    assert isinstance(cycle, list) and cycle, f"find_cycle({what}) should return a non-empty list, got {cycle!r}"
    assert len(set(cycle)) == len(cycle), f"find_cycle({what}) returned {cycle!r}: each node of a cycle appears once"
    for a, b in zip(cycle, cycle[1:] + cycle[:1]):
        assert b in set(graph.get(a, ())), (
            f"find_cycle({what}) returned {cycle!r}, but {a!r} does not wait for {b!r}: in the list each node "
            "waits for the next, and the last for the first")


# -- part 1: find_cycle -------------------------------------------------------------------------

def test_docstring_examples():
    graph = {"A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"]}
    got = find_cycle(graph)
    assert_is_cycle(graph, got, "the docstring's first example")
    assert sorted(got) == ["A", "B", "C"], f"the only cycle is A -> B -> C -> A (D only leads into it), got {got!r}"
    assert find_cycle({"A": ["B", "C"], "B": ["C"], "C": []}) is None, (
        "A waits for B and C, B for C: two paths to C are not a circle, so find_cycle should return None")
    assert find_cycle({"T1": ["T1"]}) == ["T1"], "a node that waits for itself is a cycle of one: ['T1']"


@pytest.mark.parametrize("graph, what", [
    ({}, "{}"),
    ({"A": []}, "{'A': []}"),
    ({"A": ["B"]}, "{'A': ['B']} (B only appears as a target)"),
    ({1: (2, 3), 2: {3}, 3: iter([])}, "a graph of tuples, sets and an iterator"),
    ({"A": ["B", "B"], "B": []}, "a duplicated edge"),
])
def test_graphs_without_a_cycle(graph, what):
    assert find_cycle(graph) is None, f"find_cycle({what}) should be None: there is no circle of waits"


def test_targets_may_be_any_iterable():
    graph = {1: (2,), 2: {3}, 3: iter([1])}
    got = find_cycle(graph)
    assert sorted(got or []) == [1, 2, 3], f"1 -> 2 -> 3 -> 1 with a tuple, a set and an iterator: got {got!r}"


graphs = st.integers(1, 12).flatmap(lambda n: st.dictionaries(
    st.integers(0, n - 1), st.lists(st.integers(0, n - 1), max_size=3), max_size=n))


@settings(max_examples=300)
@given(graphs)
def test_matches_an_oracle(graph):
    """random graphs: a real cycle exactly when there is one"""
    got = find_cycle(graph)
    if has_cycle(graph):
        assert_is_cycle(graph, got, repr(graph))
    else:
        assert got is None, f"find_cycle({graph!r}) returned {got!r}, but that graph has no cycle"


# the far end of each is where the cycle hides (or doesn't)
N = 100_000


def chain_into_cycle():
    g = {i: [i + 1] for i in range(N)}
    g[N] = [N // 2]  # back into the middle of the chain
    return g, "a chain of 100,000 nodes whose last one points back into its middle"


def many_roots_one_long_tail():
    g = {("root", i): [0] for i in range(N // 2)}
    g.update({i: [i + 1] for i in range(N // 2)})  # ... and a tail with no cycle
    g[("root", N // 2 - 1)].append(("loop", 0))
    g[("loop", 0)] = [("loop", 1)]
    g[("loop", 1)] = [("loop", 0)]
    return g, "50,000 roots sharing one 50,000-node tail, and a two-node cycle behind the last root"


def wide_fan():
    g = {"hub": list(range(N))}
    g[N - 1] = ["hub"]  # the last leaf waits for the hub
    return g, "a hub waiting for 100,000 nodes, the last of which waits for the hub"


def long_acyclic_chain():
    return {i: [i + 1] for i in range(N)}, "a chain of 100,000 nodes without a cycle"


@pytest.mark.parametrize("build", [chain_into_cycle, many_roots_one_long_tail, wide_fan, long_acyclic_chain])
def test_big_graphs_in_linear_time(build):
    graph, what = build()
    try:
        with time_budget(8, f"find_cycle() took over 8 s on {what}: visit each node and edge once (O(V + E)); "
                            "remember the nodes already explored, across all the starting points"):
            got = find_cycle(graph)
    except RecursionError:
        pytest.fail(f"find_cycle() hit Python's recursion limit on {what}: keep your own stack instead of "
                    "recursing once per node", pytrace=False)
    if build is long_acyclic_chain:
        assert got is None, f"{what}: find_cycle() should return None, got a list of {len(got)} nodes"
    else:
        assert_is_cycle(graph, got, what)


# -- part 2: the detector -----------------------------------------------------------------------

def start(name, target):
    """A daemon thread (a learner's deadlock must not hang the check) that keeps its outcome."""
    outcome = {}

    def body():
        try:
            outcome["value"] = target()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            outcome["error"] = exc

    t = threading.Thread(target=body, name=name, daemon=True)
    t.outcome = outcome
    t.start()
    return t


def finish(*threads, timeout=5.0, what="the threads"):
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    stuck = [t.name for t in threads if t.is_alive()]
    assert not stuck, (f"{what}: thread(s) {', '.join(stuck)} never finished: a real deadlock (or a lost wake-up) "
                       "that the detector let happen")


def test_a_lock_is_a_lock():
    d = DeadlockDetector()
    a = d.lock("a")
    assert d.held_by("a") is None, "held_by() of a lock nobody took should be None"
    a.acquire()
    assert d.held_by("a") == threading.current_thread().name, "held_by() should name the holding thread"
    a.release()
    assert d.held_by("a") is None
    with d.lock("a") as got:
        assert got is not None and d.held_by("a") == threading.current_thread().name, (
            "`with lock:` takes the lock (and __enter__ returns the lock)")
    assert d.held_by("a") is None, "leaving the with block releases the lock"
    with pytest.raises(RuntimeError):
        a.release()
        pytest.fail("releasing a lock nobody holds should raise RuntimeError", pytrace=False)


def test_one_name_one_lock():
    d = DeadlockDetector()
    d.lock("x").acquire()
    t = start("other", lambda: d.lock("x").acquire())
    time.sleep(0.2)
    assert t.is_alive(), "lock('x') called twice gives the same lock: a second thread must wait for the first"
    d.lock("x").release()
    finish(t, what="a thread waiting for a released lock")
    assert d.held_by("x") == "other"
    assert DeadlockDetector().held_by("x") is None, "each detector has its own locks"


def test_only_the_holder_may_release():
    d = DeadlockDetector()
    d.lock("a").acquire()
    t = start("intruder", lambda: d.lock("a").release())
    finish(t)
    assert isinstance(t.outcome.get("error"), RuntimeError), (
        f"release() from a thread that does not hold the lock should raise RuntimeError, got {t.outcome!r}")
    assert d.held_by("a") == threading.current_thread().name, "a refused release leaves the lock with its holder"


def test_taking_a_lock_you_hold_is_the_smallest_deadlock():
    d = DeadlockDetector()
    a = d.lock("a")
    t = start("solo", lambda: (a.acquire(), a.acquire()))
    finish(t, timeout=3, what="a thread taking a lock it already holds")
    err = t.outcome.get("error")
    assert isinstance(err, DeadlockError), f"acquiring a lock you hold should raise DeadlockError, got {t.outcome!r}"
    assert isinstance(err, RuntimeError), "DeadlockError should stay a RuntimeError"
    assert err.cycle == ["solo"], f"waiting for yourself is the cycle ['solo'], got {err.cycle!r}"
    assert d.held_by("a") == "solo", "the refused acquire must not take away the lock already held"


def test_waiting_in_a_line_is_no_deadlock():
    """A waits for B's lock, B for C's, C runs on: nobody is refused, all finish in turn"""
    d = DeadlockDetector()
    order = []
    go = threading.Event()

    def worker(mine, wanted):
        def run():
            with d.lock(mine):
                if wanted is None:
                    go.wait(5)
                else:
                    with d.lock(wanted):
                        order.append(mine)
            return mine
        return run

    c = start("C", worker("3", None))
    wait_until(lambda: d.held_by("3") == "C", 2)
    b = start("B", worker("2", "3"))
    wait_until(lambda: d.held_by("2") == "B", 2)
    a = start("A", worker("1", "2"))
    time.sleep(0.3)
    assert all(t.is_alive() for t in (a, b, c)) and not order, (
        "A waits for B, who waits for C, who is still working: both must simply wait")
    go.set()
    finish(a, b, c, what="a line of waits")
    errors = {t.name: t.outcome["error"] for t in (a, b, c) if "error" in t.outcome}
    assert not errors, f"a line of waits is no deadlock, but acquire() raised: {errors!r}"
    assert order == ["2", "1"], f"B should get lock 3 once C is done, then A lock 2, got {order!r}"


def circle(d, names):
    """Thread i takes lock i, then (once all hold theirs) asks for lock i + 1, one after another."""
    n = len(names)
    holding = threading.Barrier(n)
    turn = [threading.Event() for _ in range(n)]
    threads = []

    def worker(i):
        def run():
            with d.lock(f"lock{i}"):
                holding.wait(5)
                turn[i].wait(5)
                if i + 1 < n:
                    # wake the next thread once this one is waiting (or refused)
                    threading.Timer(0.15, turn[i + 1].set).start()
                with d.lock(f"lock{(i + 1) % n}"):
                    return "done"
        return run

    for i, name in enumerate(names):
        threads.append(start(name, worker(i)))
    turn[0].set()
    return threads


@pytest.mark.parametrize("names", [["A", "B"], ["A", "B", "C"], ["A", "B", "C", "D", "E"]])
def test_the_acquire_that_closes_the_circle_is_refused(names):
    d = DeadlockDetector()
    threads = circle(d, names)
    finish(*threads, what=f"{len(names)} threads each holding one lock and asking for the next one's")
    refused = {t.name: t.outcome["error"] for t in threads if "error" in t.outcome}
    last = names[-1]
    assert set(refused) == {last}, (
        f"each of {', '.join(names)} asked in turn for the next one's lock: only {last}, whose request closes the "
        f"circle, should get DeadlockError (the others wait), got errors from {sorted(refused) or 'nobody'}")
    err = refused[last]
    assert isinstance(err, DeadlockError), f"{last} should get DeadlockError, got {err!r}"
    want = [last, *names[:-1]]
    assert err.cycle == want, (
        f"{last} wants lock0, held by {names[0]}, who waits for {names[1] if len(names) > 1 else last}'s...: "
        f"cycle should be {want!r} (the caller first, then along the waits), got {err.cycle!r}")
    assert all(t.outcome.get("value") == "done" for t in threads if t.name != last), (
        "once the refused thread gives up its lock, every other thread gets what it waited for")


def test_opposite_orders_under_forced_switches():
    """two threads taking two locks in opposite orders, 25 times while thread switches are forced:
    each time exactly one is refused, and nobody hangs"""
    with race_amplifier():
        for rnd in range(25):
            d = DeadlockDetector()
            both_hold = threading.Barrier(2)

            def worker(first, second):
                def run():
                    with d.lock(first):
                        both_hold.wait(5)
                        with d.lock(second):
                            return "done"
                return run

            a, b = start("A", worker("x", "y")), start("B", worker("y", "x"))
            finish(a, b, what=f"round {rnd + 1}: A holding x asking for y, B holding y asking for x")
            refused = [t.name for t in (a, b) if isinstance(t.outcome.get("error"), DeadlockError)]
            other = [t.outcome for t in (a, b) if "error" in t.outcome and not isinstance(t.outcome["error"],
                                                                                           DeadlockError)]
            assert not other, f"round {rnd + 1}: unexpected errors {other!r}"
            assert len(refused) == 1, (
                f"round {rnd + 1}: {len(refused)} of the two threads got DeadlockError; exactly one must, the one "
                "whose request closes the circle. Two refusals (or none) mean deciding and starting to wait was not "
                "one atomic step: guard all the bookkeeping with one lock of the detector's own")


def test_one_agreed_order_never_raises_and_excludes():
    """6 threads taking two locks in the same order, 30 times each, with forced switches"""
    d = DeadlockDetector()
    box = {"n": 0}

    def worker():
        for _ in range(30):
            with d.lock("first"), d.lock("second"):
                n = box["n"]
                time.sleep(0)
                box["n"] = n + 1

    with race_amplifier():
        threads = [start(f"W{i}", worker) for i in range(6)]
        finish(*threads, timeout=30, what="6 threads taking the locks in one order")
    errors = [t.outcome["error"] for t in threads if "error" in t.outcome]
    assert not errors, f"threads taking locks in one agreed order can't deadlock, but got {errors[0]!r}"
    assert box["n"] == 180, (f"the locks let two threads in at once: 180 increments made, {box['n']} kept. Only "
                             "one thread may hold a lock at a time")

import collections
import os
import sys
import threading
import time

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from blocking_queue import BlockingQueue, Closed, Empty, Full
from pyexercise.checklib import assert_not_used, hammer, race_amplifier, target_path


class Waiter(threading.Thread):
    """Runs ``call()`` in a thread of its own and records how it ended, how much CPU the thread
    used, and how many lines of the file under test it ran meanwhile: a thread asleep in
    Condition.wait runs none, a polling loop runs its lines over and over."""

    def __init__(self, call) -> None:
        super().__init__(daemon=True)
        self.call = call
        self.result = self.error = None
        self.lines = 0
        self.cpu = 0.0
        self.ended = 0.0

    def run(self) -> None:
        target = os.path.realpath(target_path())
        names: dict[str, bool] = {}

        def tracer(frame, event, arg):
            name = frame.f_code.co_filename
            if names.setdefault(name, os.path.realpath(name) == target) is False:
                return None
            if event == "line":
                self.lines += 1
            return tracer

        cpu = time.thread_time()
        sys.settrace(tracer)
        try:
            self.result = self.call()
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            self.error = exc
        finally:
            sys.settrace(None)
            self.cpu = time.thread_time() - cpu
            self.ended = time.monotonic()

    def finish(self, what: str, timeout: float = 2.0) -> None:
        self.join(timeout)
        assert not self.is_alive(), f"{what} was still waiting {timeout} s later: nothing woke it up"


def started(call) -> Waiter:
    w = Waiter(call)
    w.start()
    time.sleep(0.05)  # let it reach its wait
    return w


# ---------------------------------------------------------------- one thread

def test_first_in_first_out():
    """items come out in the order they went in"""
    q = BlockingQueue()
    for item in ["a", 2, None, ("t",), "a"]:
        assert q.put(item) is None, "put() returns None"
    assert len(q) == 5, f"len() after 5 puts should be 5, got {len(q)!r}"
    got = [q.get() for _ in range(5)]
    assert got == ["a", 2, None, ("t",), "a"], f"get() should return the items first in, first out; got {got!r}"
    assert len(q) == 0 and type(len(q)) is int


def test_unbounded_by_default():
    """maxsize=0 (the default) never fills up"""
    q = BlockingQueue()
    for i in range(2000):
        q.put(i, timeout=0)
    assert len(q) == 2000, "an unbounded queue takes any number of items without waiting"
    assert q.get(timeout=0) == 0


def test_empty_queue_raises_empty():
    """get(timeout=0) on an empty queue raises Empty at once; get(timeout=0.05) after ~0.05 s"""
    q = BlockingQueue()
    with pytest.raises(Empty):
        q.get(timeout=0)
    start = time.monotonic()
    with pytest.raises(Empty):
        q.get(timeout=0.05)
    took = time.monotonic() - start
    assert 0.045 <= took < 1.0, f"get(timeout=0.05) should give up after about 0.05 s, it took {took:.3f} s"
    assert issubclass(Empty, Exception) and Empty is not Full, "Empty and Full are two exception classes"


def test_full_queue_raises_full():
    """put on a full queue raises Full after its timeout and adds nothing"""
    q = BlockingQueue(maxsize=2)
    q.put(1)
    q.put(2)
    with pytest.raises(Full):
        q.put(3, timeout=0)
    start = time.monotonic()
    with pytest.raises(Full):
        q.put(3, timeout=0.05)
    took = time.monotonic() - start
    assert 0.045 <= took < 1.0, f"put(timeout=0.05) on a full queue should give up after about 0.05 s, took {took:.3f} s"
    assert len(q) == 2, f"a put that raised Full must not add the item: len is {len(q)}"
    assert [q.get(), q.get()] == [1, 2]
    q.put(3, timeout=0)  # room again


@pytest.mark.parametrize("maxsize, error", [(-1, ValueError), (2.5, TypeError), ("3", TypeError)])
def test_bad_maxsize(maxsize, error):
    """a negative maxsize is a ValueError, a non-int one a TypeError"""
    with pytest.raises(error):
        BlockingQueue(maxsize)


def test_negative_timeout_is_a_value_error():
    """a negative timeout is a ValueError, for put, get and join"""
    q = BlockingQueue()
    q.put("x")
    for name, call in [("get", lambda: q.get(timeout=-1)), ("put", lambda: q.put("y", timeout=-0.5)),
                       ("join", lambda: q.join(timeout=-1))]:
        with pytest.raises(ValueError):
            call()
            pytest.fail(f"{name}(timeout=-1) should raise ValueError")
    assert len(q) == 1


def test_close_drains_then_raises_closed():
    """after close() puts raise Closed, gets return what is left and then raise Closed"""
    q = BlockingQueue(maxsize=5)
    q.put("left")
    q.put("over")
    assert q.closed is False, "closed should be False before close()"
    q.close()
    q.close()  # harmless the second time
    assert q.closed is True, "closed should be True after close()"
    with pytest.raises(Closed):
        q.put("late")
    assert q.get() == "left" and q.get(timeout=0) == "over", "items queued before close() can still be got"
    with pytest.raises(Closed):
        q.get()  # must not wait forever: nothing can ever arrive
    with pytest.raises(Closed):
        q.get(timeout=0)


def test_task_done_and_join():
    """join() returns True once every item put has been marked done"""
    q = BlockingQueue()
    assert q.join() is True, "join() on a queue that never had items returns True at once"
    q.put(1)
    q.put(2)
    assert q.join(timeout=0.05) is False, "join(timeout) should return False while items are not done"
    q.get()
    q.task_done()
    assert q.join(timeout=0) is False, "one of the two items is still not done: join(timeout=0) is False"
    q.get()
    q.task_done()
    assert q.join(timeout=0) is True, "both items are done: join() is True"
    with pytest.raises(ValueError):
        q.task_done()
        pytest.fail("a third task_done() for two items should raise ValueError")


def test_no_queue_module():
    """built from deque and Condition: no queue, multiprocessing or asyncio queues"""
    assert_not_used("the queue module (or another ready-made queue)", names=["SimpleQueue", "Queue", "LifoQueue"],
                    attributes=["Queue", "SimpleQueue", "LifoQueue", "JoinableQueue"],
                    imports=["queue", "multiprocessing", "asyncio"])


class QueueMachine(RuleBasedStateMachine):
    """Any sequence of non-waiting calls behaves like a bounded deque."""

    @initialize(maxsize=st.integers(0, 4))
    def make(self, maxsize):
        self.q = BlockingQueue(maxsize)
        self.maxsize = maxsize
        self.model = collections.deque()
        self.unfinished = 0
        self.gotten = 0
        self.closed = False
        self.next = 0

    @rule()
    def put(self):
        item = self.next
        self.next += 1
        if self.closed:
            with pytest.raises(Closed):
                self.q.put(item, timeout=0)
                pytest.fail("put() on a closed queue should raise Closed")
        elif self.maxsize and len(self.model) == self.maxsize:
            with pytest.raises(Full):
                self.q.put(item, timeout=0)
                pytest.fail(f"put(timeout=0) with {self.maxsize} of {self.maxsize} items should raise Full")
        else:
            self.q.put(item, timeout=0)
            self.model.append(item)
            self.unfinished += 1

    @rule()
    def get(self):
        if self.model:
            got = self.q.get(timeout=0)
            want = self.model.popleft()
            assert got == want, f"get() should return {want!r}, the oldest item; got {got!r}"
            self.gotten += 1
        elif self.closed:
            with pytest.raises(Closed):
                self.q.get(timeout=0)
                pytest.fail("get() on a closed, empty queue should raise Closed")
        else:
            with pytest.raises(Empty):
                self.q.get(timeout=0)
                pytest.fail("get(timeout=0) on an empty queue should raise Empty")

    @precondition(lambda self: self.gotten > 0)
    @rule()
    def task_done(self):
        self.q.task_done()
        self.gotten -= 1
        self.unfinished -= 1

    @rule()
    def join(self):
        want = self.unfinished == 0
        got = self.q.join(timeout=0)
        assert got is want, f"with {self.unfinished} items not done, join(timeout=0) should be {want}, got {got!r}"

    @rule()
    def close(self):
        self.q.close()
        self.closed = True

    @invariant()
    def same_length(self):
        if hasattr(self, "q"):
            assert len(self.q) == len(self.model), f"len() should be {len(self.model)}, got {len(self.q)}"
            assert self.q.closed is self.closed


QueueMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=25)
TestQueueMachine = QueueMachine.TestCase


# ---------------------------------------------------------------- threads waiting and waking

def test_get_waits_for_a_put():
    """a get() on an empty queue sleeps until another thread puts an item"""
    q = BlockingQueue()
    waiter = started(q.get)
    assert waiter.is_alive(), f"get() on an empty queue should wait, but it ended ({waiter.error!r})"
    q.put("hello")
    waiter.finish("get() after a put")
    assert waiter.error is None and waiter.result == "hello", f"the waiting get() should return 'hello', got {waiter.result!r} / {waiter.error!r}"


def test_put_waits_for_room():
    """a put() on a full queue sleeps until another thread makes room"""
    q = BlockingQueue(maxsize=1)
    q.put("first")
    waiter = started(lambda: q.put("second"))
    assert waiter.is_alive(), f"put() on a full queue should wait, but it ended ({waiter.error!r})"
    assert q.get() == "first"
    waiter.finish("put() after a get made room")
    assert waiter.error is None, f"the waiting put() raised {waiter.error!r}"
    assert q.get(timeout=0) == "second"


def test_close_wakes_every_waiter():
    """close() wakes all waiting getters and putters at once, and each raises Closed"""
    empty, full = BlockingQueue(), BlockingQueue(maxsize=1)
    full.put("x")
    getters = [Waiter(empty.get) for _ in range(4)]
    putters = [Waiter(lambda: full.put("y")) for _ in range(3)]
    for w in getters + putters:
        w.start()
    time.sleep(0.05)
    empty.close()
    full.close()
    for w in getters:
        w.finish("a get() waiting when close() was called", timeout=2)
    for w in putters:
        w.finish("a put() waiting when close() was called", timeout=2)
    errors = [type(w.error).__name__ for w in getters + putters]
    assert all(isinstance(w.error, Closed) for w in getters + putters), (
        f"every waiter woken by close() should raise Closed; they raised {errors}")
    assert full.get() == "x", "the item queued before close() is still there to get"


def test_waiting_is_sleeping_not_polling():
    """a get() waiting 0.2 s uses no CPU and runs your code only a few times"""
    q = BlockingQueue()
    waiter = Waiter(lambda: q.get(timeout=0.2))
    waiter.start()
    waiter.finish("get(timeout=0.2)")
    assert isinstance(waiter.error, Empty), f"get(timeout=0.2) on an empty queue should raise Empty, got {waiter.error!r}"
    assert waiter.cpu < 0.05, (f"a get() waiting 0.2 s used {waiter.cpu:.2f} s of CPU: that is a busy loop. "
                               "Sleep in Condition.wait(timeout) until a put() notifies you")
    assert waiter.lines <= 25, (f"while get() waited 0.2 s, {waiter.lines} lines of your code ran: it keeps waking up "
                                "to check (polling). Wait on a Condition with the remaining time and let put() "
                                "notify it")

    q2 = BlockingQueue(maxsize=1)
    q2.put("x")
    waiter = Waiter(lambda: q2.put("y"))
    waiter.start()
    time.sleep(0.2)
    q2.get()
    waiter.finish("put() after a get made room")
    assert waiter.lines <= 25 and waiter.cpu < 0.05, (
        f"while put() waited 0.2 s for room, {waiter.lines} lines of your code ran ({waiter.cpu:.2f} s CPU): "
        "it is polling. Wait on a Condition and let get() notify it")


def test_join_waits_for_the_workers():
    """join() sleeps until a consumer thread has marked every item done"""
    q = BlockingQueue()
    for i in range(5):
        q.put(i)

    def consume():
        for _ in range(5):
            q.get()
            time.sleep(0.01)
            q.task_done()

    joiner = started(q.join)
    assert joiner.is_alive(), "join() should wait while items are not done"
    threading.Thread(target=consume, daemon=True).start()
    joiner.finish("join() after every item was marked done")
    assert joiner.result is True, f"join() should return True, got {joiner.result!r} / {joiner.error!r}"
    assert joiner.lines <= 40, f"while join() waited, {joiner.lines} lines of your code ran: wait on a Condition"


# ---------------------------------------------------------------- many threads at once

PRODUCERS = CONSUMERS = 8
EACH = 30


def test_producers_and_consumers_under_contention():
    """8 producers and 8 consumers: every item arrives once, each producer's in order, nobody stuck"""
    q = BlockingQueue(maxsize=1)  # a tiny queue: putters and getters wait on each other all the time
    received: dict[int, list] = collections.defaultdict(list)
    errors = []

    def work(t, i):
        try:
            if t < PRODUCERS:
                q.put((t, i))
            else:
                item = q.get()
                received[t].append(item)
                q.task_done()
        except Exception as exc:  # noqa: BLE001 - reported below, after everyone finished
            errors.append(exc)

    try:
        with race_amplifier():
            hammer(work, threads=PRODUCERS + CONSUMERS, calls=EACH, args_for=lambda t, i: (t, i), timeout=5)
    except AssertionError as exc:
        raised = f" Meanwhile your queue raised {errors[0]!r}." if errors else ""
        raise AssertionError(
            f"8 producers and 8 consumers on a queue of maxsize=1 got stuck: {exc}{raised} A wake-up went to the "
            "wrong thread or was lost: if putters and getters share one Condition, notify() may wake a putter when "
            "a getter should run. Give each kind of waiter its own Condition (on one shared lock)") from None
    assert not errors, f"a put or get raised {errors[0]!r} while other threads used the queue: hold the lock"
    got = collections.Counter(item for items in received.values() for item in items)
    want = collections.Counter((p, i) for p in range(PRODUCERS) for i in range(EACH))
    lost, extra = want - got, got - want
    assert not lost and not extra, (f"{sum(lost.values())} items were lost (e.g. {list(lost)[:3]}) and "
                                    f"{sum(extra.values())} delivered twice (e.g. {list(extra)[:3]}): check and "
                                    "change the deque only while holding the lock")
    for consumer, items in received.items():
        for p in range(PRODUCERS):
            seq = [i for (pp, i) in items if pp == p]
            assert seq == sorted(seq), (f"a consumer got producer {p}'s items in the order {seq[:10]}: "
                                        "items must come out first in, first out")
    assert len(q) == 0 and q.join(timeout=1) is True, "every item was got and marked done: join() is True"


def test_one_producer_one_consumer_keep_order():
    """with one producer and one consumer, the consumer sees exactly 0, 1, 2, ... in order"""
    q = BlockingQueue(maxsize=2)
    got = []

    def work(t, i):
        if t == 0:
            q.put(i)
        else:
            got.append(q.get())

    with race_amplifier():
        run = hammer(work, threads=2, calls=150, args_for=lambda t, i: (t, i), timeout=5)
    assert not run.errors, f"a put or get raised {run.errors[0]!r}"
    assert got == list(range(150)), f"the consumer should get 0..149 in order; it got {got[:12]}..."

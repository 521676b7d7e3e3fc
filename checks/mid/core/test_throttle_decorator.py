import dataclasses
import gc
import threading
import time
import weakref

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pyexercise.checklib import hammer, race_amplifier, wait_until
from throttle_decorator import throttle


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeTimer:
    def __init__(self, timers, delay, callback):
        self.timers, self.delay, self.callback = timers, delay, callback
        self.made_at = timers.clock.now
        self.started = self.fired = False

    def start(self):
        assert not self.started, "start() was called twice on the same timer"
        self.started = True

    def cancel(self):
        self.fired = True  # as threading.Timer: a cancelled timer never calls back

    @property
    def due(self):
        return self.made_at + self.delay

    def fire(self):
        assert self.started, "the throttle made a timer but never called its start(): it would never fire"
        self.fired = True
        self.callback()


class FakeTimers:
    """timer(delay, callback) as threading.Timer, but nothing fires until the check says so"""

    def __init__(self, clock):
        self.clock = clock
        self.made = []
        self.lock = threading.Lock()

    def __call__(self, delay, callback):
        timer = FakeTimer(self, delay, callback)
        with self.lock:
            self.made.append(timer)
        return timer

    def live(self):
        return [t for t in self.made if not t.fired]

    def run_due(self):
        """fire every live timer whose time has come, as a real one would at clock.now"""
        for t in sorted(self.live(), key=lambda t: t.due):
            if t.due <= self.clock.now:
                t.fire()


def setup(interval=1, **options):
    clock = FakeClock()
    timers = FakeTimers(clock)
    runs = []

    def work(*args, **kwargs):
        runs.append((clock.now, args, kwargs))
        return ("ran", args)

    return throttle(interval, clock=clock, timer=timers, **options)(work), runs, clock, timers


def ran(runs):
    """what the function ran with, as readable text: [(time, args), ...]"""
    return [(t, a[0] if len(a) == 1 and not k else (a, k)) for t, a, k in runs]


# -- fake clock, deterministic --------------------------------------------------------------------
def test_leading_runs_at_once_and_drops_the_rest():
    """default: the first call runs and returns its result; calls within the interval return None"""
    f, runs, clock, timers = setup(1)
    got = f(1)
    assert got == ("ran", (1,)), f"the first call should run at once and return the function's result, got {got!r}"
    for now, x in ((100.25, 2), (100.75, 3)):
        clock.now = now
        got = f(x)
        assert got is None, (f"f({x}) {now - 100:g} s after the run is within the 1 s interval: it should return None, "
                             f"got {got!r}")
    assert ran(runs) == [(100, 1)], f"only the first call should have run, the function ran with {ran(runs)}"
    assert timers.made == [], "with trailing=False nothing is postponed, so no timer should be made"
    clock.now = 100.9990234375
    assert f(5) is None and len(runs) == 1, "0.999 s after the run is still within the interval"
    clock.now = 101
    got = f(6)
    assert got == ("ran", (6,)), (f"exactly 1 s after the run the interval is over (now - last >= interval): f(6) should "
                                  f"run, got {got!r}")
    clock.now = 101.5
    assert f(7) is None, "0.5 s after the run at t=101: dropped"
    assert ran(runs) == [(100, 1), (101, 6)] and timers.made == [], f"the runs should be 1 then 6, got {ran(runs)}"


def test_trailing_runs_the_latest_arguments():
    """trailing=True: held-back calls are not lost; when the timer fires, the latest arguments run"""
    f, runs, clock, timers = setup(1, trailing=True)
    assert f(1) == ("ran", (1,)), "with leading=True the first call still runs at once"
    clock.now = 100.25
    assert f(2) is None, "a call within the interval returns None"
    assert len(timers.made) == 1 and timers.made[0].started, (
        f"the first held-back call should set one timer and start() it, {len(timers.made)} were made")
    assert timers.made[0].delay == 0.75, (
        f"held back at t=100.25 after a run at t=100 with a 1 s interval, the timer's delay should be the 0.75 s left "
        f"(last + interval - now), got {timers.made[0].delay!r}")
    clock.now = 100.5
    assert f(3, mode="fast") is None
    clock.now = 100.75
    assert f(4, mode="slow") is None
    assert len(timers.made) == 1, f"one timer per pending call: later calls only replace the arguments, {len(timers.made)} timers were made"
    assert ran(runs) == [(100, 1)], "held-back calls run only when the timer fires"
    clock.now = 101
    timers.made[0].fire()
    assert ran(runs) == [(100, 1), (101, ((4,), {"mode": "slow"}))], (
        f"when the timer fires the latest held-back call should run, f(4, mode='slow'), positional and keyword "
        f"arguments both; the runs were {ran(runs)}")
    clock.now = 101.5
    assert f(5) is None, "the trailing run at t=101 counts as a run: 0.5 s later, f(5) is held back"
    assert len(timers.made) == 2 and timers.made[1].delay == 0.5, (
        "after the trailing run at t=101, f(5) at t=101.5 should set a new timer with the 0.5 s left")
    clock.now = 102
    timers.run_due()
    assert ran(runs)[-1] == (102, 5), f"f(5) should run when its timer fires, the runs were {ran(runs)}"
    clock.now = 103.5
    assert f(6) == ("ran", (6,)), "1.5 s after the last run and nothing pending: f(6) runs at once again"
    assert len(timers.made) == 2, "a call that runs at once needs no timer"


def test_leading_false_waits_a_full_interval():
    """leading=False, trailing=True: the first call waits the whole interval, then the latest arguments run"""
    f, runs, clock, timers = setup(2, leading=False, trailing=True)
    assert f("a") is None, "with leading=False even the first call returns None: it is postponed"
    assert runs == [], "with leading=False nothing runs at once"
    assert len(timers.made) == 1 and timers.made[0].delay == 2, (
        "the function never ran, so the timer's delay should be the full interval, 2 s; got "
        f"{[t.delay for t in timers.made]}")
    clock.now = 101
    assert f("b") is None and len(timers.made) == 1
    clock.now = 102
    timers.run_due()
    assert ran(runs) == [(102, "b")], f"at t=102 the latest call, f('b'), should run; the runs were {ran(runs)}"
    clock.now = 103
    assert f("c") is None and runs[-1][1] == ("b",), "leading=False: f('c') at t=103 is postponed too"
    assert timers.made[-1].delay == 1, f"1 s after the run at t=102 the timer needs the 1 s left, got {timers.made[-1].delay}"
    clock.now = 104
    timers.run_due()
    clock.now = 110
    assert f("d") is None and timers.made[-1].delay == 2, (
        f"at t=110 the last run (t=104) is long past: a new burst waits a whole interval, 2 s, not "
        f"{timers.made[-1].delay!r} (last + interval - now only while the function ran less than interval ago)")


def test_a_late_timer_still_runs_the_latest_call():
    """while a call is pending, later calls only replace its arguments, even after the interval has passed"""
    f, runs, clock, timers = setup(1, trailing=True)
    f(1)
    clock.now = 100.5
    f(2)
    clock.now = 101.5  # the timer is late: it should have fired at t=101
    assert f(3) is None, ("f(3) at t=101.5 comes while f(2) is still pending (its timer is late): it should replace "
                          "the pending arguments and return None, not run at once")
    assert len(timers.made) == 1, "the pending call already has its timer: no second one"
    timers.run_due()
    assert ran(runs) == [(100, 1), (101.5, 3)], (
        f"when the late timer fires at t=101.5 the latest call, f(3), should run; the runs were {ran(runs)}")
    clock.now = 102.25
    assert f(4) is None and timers.made[-1].delay == 0.25, (
        "the trailing run at t=101.5 (when the timer really fired: read clock() then) sets last; at t=102.25 f(4) is "
        f"held back with 0.25 s left, got a delay of {timers.made[-1].delay!r}")


def test_argument_errors():
    """bad intervals raise ValueError or TypeError; @throttle without parentheses and leading=trailing=False too"""
    for interval, error, why in ((0, ValueError, "an interval of 0"), (-1, ValueError, "a negative interval"),
                                 (float("nan"), ValueError, "NaN"), ("1", TypeError, "a str interval"),
                                 (True, TypeError, "a bool interval"), (None, TypeError, "None")):
        with pytest.raises(error):
            throttle(interval)
            pytest.fail(f"throttle({interval!r}) should raise {error.__name__}: {why}")

    def func():
        return 1

    with pytest.raises(TypeError):
        throttle(func)
        pytest.fail("@throttle without parentheses passes the function as the interval: raise TypeError")
    with pytest.raises(ValueError):
        throttle(1, leading=False, trailing=False)
        pytest.fail("throttle(1, leading=False, trailing=False) would never run anything: raise ValueError")
    assert throttle(0.5)(func)() == 1 and throttle(2, leading=False, trailing=True)(func)() is None, \
        "a float or int interval is fine"


def test_metadata():
    """functools.wraps keeps __name__, __doc__ and __wrapped__, for functions and methods"""
    def save(text):
        """Save a draft."""

    class Editor:
        @throttle(1)
        def autosave(self):
            """Save the open file."""

    f = throttle(1)(save)
    assert (f.__name__, f.__doc__, f.__wrapped__) == ("save", "Save a draft.", save), \
        "keep the function's metadata with functools.wraps"
    for m in (Editor.autosave, Editor().autosave):
        assert m.__name__ == "autosave" and m.__doc__ == "Save the open file.", \
            f"a throttled method should keep its name and docstring, got {m.__name__!r}, {m.__doc__!r}"


def saver_class(**options):
    clock = FakeClock()
    timers = FakeTimers(clock)

    class Doc:
        def __init__(self, name):
            self.name = name
            self.log = []

        @throttle(1, clock=clock, timer=timers, **options)
        def save(self, x):
            self.log.append((clock.now, x))
            return (self.name, x)

    return Doc, clock, timers


def test_each_instance_is_throttled_on_its_own():
    """a.save() and b.save() do not hold each other back; each gets its own self"""
    Doc, clock, timers = saver_class()
    a, b = Doc("a"), Doc("b")
    assert a.save(1) == ("a", 1), "a.save(1) should run at once with self = a"
    got = b.save(1)
    assert got == ("b", 1), (f"b.save(1) right after a.save(1) should run too: each instance is throttled on its own "
                             f"(one state for the whole class throttles them all together); got {got!r}")
    assert a.save(2) is None and b.save(2) is None, "a second call on each, within the interval, is dropped"
    clock.now += 1
    assert a.save(3) == ("a", 3) and b.save(3) == ("b", 3)
    assert a.log == [(100, 1), (101, 3)] and b.log == [(100, 1), (101, 3)], f"a ran {a.log}, b ran {b.log}"


def test_trailing_per_instance():
    """with trailing=True each instance keeps its own pending call and timer"""
    Doc, clock, timers = saver_class(trailing=True)
    a, b = Doc("a"), Doc("b")
    a.save(1), b.save(1)
    clock.now = 100.5
    a.save("a-latest")
    b.save("b-old")
    b.save("b-latest")
    assert len(timers.made) == 2, f"two instances with a pending call each need a timer each, {len(timers.made)} were made"
    clock.now = 101
    timers.run_due()
    assert a.log[-1] == (101, "a-latest") and b.log[-1] == (101, "b-latest"), (
        f"each instance should run its own latest call: a ran {a.log}, b ran {b.log}")


def test_unhashable_instances_and_plain_function_state():
    """works on instances without a hash (a dataclass with eq=True)"""
    clock = FakeClock()

    @dataclasses.dataclass
    class Point:
        x: int

        @throttle(1, clock=clock)
        def move(self, dx):
            self.x += dx
            return self.x

    p, q = Point(0), Point(0)
    try:
        got = (p.move(1), q.move(5), p.move(1))
    except TypeError as exc:
        pytest.fail(f"a throttled method on a dataclass instance raised TypeError ({exc}): such instances have no hash, "
                    "so don't key the state by the instance; keep it on the instance (its __dict__)")
    assert got == (1, 5, None), f"p.move(1), q.move(5), p.move(1) should give (1, 5, None), got {got}"


def test_instances_are_not_kept_alive_nor_confused():
    """the throttle keeps no instance alive, and a new instance never inherits a dead one's state"""
    Doc, clock, timers = saver_class()
    a = Doc("a")
    a.save(1)
    gone = weakref.ref(a)
    del a
    gc.collect()
    assert gone() is None, ("the instance is still alive after del: the throttle keeps a reference to it (a dict keyed "
                            "by the instance?); keep the state on the instance instead")
    for i in range(50):  # freed memory is reused at once: a state keyed by id(self) shows up on a new instance
        d = Doc(f"d{i}")
        got = d.save(i)
        assert got == (f"d{i}", i), (f"a brand-new instance's first call should run, got {got!r}: it found the state "
                                     "of an instance that is gone (keyed by id(self)? ids are reused)")
        del d


def test_the_lock_is_not_held_while_the_function_runs():
    """a call from another thread while the function runs returns at once (dropped), it doesn't wait"""
    f_box = []
    answers = []

    def work(x):
        if x == 1:
            t = threading.Thread(target=lambda: answers.append(f_box[0](2)), daemon=True)
            t.start()
            t.join(2)
            assert not t.is_alive(), ("while the function ran, a call from another thread was stuck: don't hold the "
                                      "lock while the function runs")
        return x

    clock = FakeClock()
    timers = FakeTimers(clock)
    f_box.append(throttle(1, trailing=True, clock=clock, timer=timers)(work))
    assert f_box[0](1) == 1
    assert answers == [None], f"the call made during the run is within the interval: None expected, got {answers}"
    clock.now += 1
    timers.run_due()  # the trailing run of f(2) calls nothing; just make sure it runs
    assert len(timers.made) == 1


# -- stateful: the rules against a model -----------------------------------------------------------
class ThrottleModel(RuleBasedStateMachine):
    """random calls, clock moves and (possibly late) timer firings, against the docstring's rules"""

    @initialize(interval=st.sampled_from([0.5, 1, 2]),
                mode=st.sampled_from([(True, False), (True, True), (False, True)]))
    def make(self, interval, mode):
        self.interval, (self.leading, self.trailing) = interval, mode
        self.clock = FakeClock()
        self.timers = FakeTimers(self.clock)
        self.runs = []
        self.f = throttle(interval, leading=self.leading, trailing=self.trailing, clock=self.clock,
                          timer=self.timers)(lambda x: self.runs.append((self.clock.now, x)) or x)
        self.want_runs = []
        self.last = self.pending = None
        self.timer_due = None
        self.timers_made = 0
        self.n = 0
        self.log = [f"throttle({interval}, leading={self.leading}, trailing={self.trailing})"]

    def where(self):
        return "; ".join(self.log[-10:])

    @rule()
    def call(self):
        self.n += 1
        x, now = self.n, self.clock.now
        idle = self.last is None or now - self.last >= self.interval
        self.log.append(f"t={now:g}: f({x})")
        got = self.f(x)
        if self.leading and idle and self.pending is None:
            self.last = now
            self.want_runs.append((now, x))
            assert got == x, f"{self.where()}: f({x}) should run at once and return {x}, got {got!r}"
            return
        assert got is None, f"{self.where()}: f({x}) should not run now and return None, got {got!r}"
        if self.trailing:
            self.pending = x
            if self.timer_due is None:
                delay = self.interval if idle else self.last + self.interval - now
                self.timer_due = now + delay
                self.timers_made += 1
                made = self.timers.made[-1] if self.timers.made else None
                assert len(self.timers.made) == self.timers_made and made.delay == delay, (
                    f"{self.where()}: f({x}) is held back and no timer was set, so one should be set with a delay of "
                    f"{delay:g} s; the timers made have delays {[t.delay for t in self.timers.made]}")

    @rule(dt=st.sampled_from([0.25, 0.5, 1, 1.5]))
    def wait(self, dt):
        self.clock.now += dt

    @rule()
    def fire_due_timers(self):
        if self.timer_due is not None and self.timer_due <= self.clock.now:
            self.log.append(f"t={self.clock.now:g}: the timer fires")
            self.want_runs.append((self.clock.now, self.pending))
            self.last, self.pending, self.timer_due = self.clock.now, None, None
        self.timers.run_due()

    @invariant()
    def agrees(self):
        if not hasattr(self, "f"):
            return
        assert self.runs == self.want_runs, (f"{self.where()}: the function should have run (at time, with x) "
                                             f"{self.want_runs}, it ran {self.runs}")
        assert len(self.timers.made) == self.timers_made, (
            f"{self.where()}: {self.timers_made} timers should have been made, {len(self.timers.made)} were: one per "
            f"pending call (none with trailing=False)")


TestThrottleModel = ThrottleModel.TestCase
TestThrottleModel.settings = settings(max_examples=80, stateful_step_count=30)
TestThrottleModel.__doc__ = "random calls, waits and timer firings follow the rules (runs, results, timers)"


# -- real time and threads: heavy, last ---------------------------------------------------------
def test_default_clock_and_timer():
    """with the defaults (time.monotonic, threading.Timer) the trailing call really runs after the interval"""
    runs = []
    f = throttle(0.05, trailing=True)(runs.append)
    f(1), f(2), f(3)
    assert runs == [1], f"f(1) runs at once, f(2) and f(3) wait: the runs so far should be [1], got {runs}"
    assert wait_until(lambda: len(runs) >= 2, timeout=3), "the trailing call never ran: start a threading.Timer for it"
    time.sleep(0.1)
    assert runs == [1, 3], f"after the interval the latest call, f(3), should run once: runs were {runs}"


def burst(f, threads=16):
    with race_amplifier():
        return hammer(f, threads=threads, calls=1, args_for=lambda t, i: (t,), timeout=5)


def test_a_burst_from_16_threads_runs_once():
    """16 threads calling at the same instant: one run, one timer, and one trailing run when it fires"""
    f, runs, clock, timers = setup(1, trailing=True)
    run = burst(f)
    assert not run.errors, f"the calls raised {run.errors[:3]!r}"
    assert len(runs) == 1, (f"16 threads called at the same instant and the function ran {len(runs)} times: decide "
                            "whether to run (and set last) under a lock, then run outside it")
    assert sum(r is not None for r in run.results) == 1, "exactly one caller should get a result, the rest None"
    assert len(timers.made) == 1, (f"the 15 held-back calls should set one timer between them, {len(timers.made)} were "
                                   "made: check and set 'a timer is set' under the lock")
    clock.now += 1
    timers.run_due()
    assert len(runs) == 2 and runs[1][1] != runs[0][1], (
        f"when the timer fires, one held-back call (not the one that ran) should run: the runs were {ran(runs)}")


def test_a_burst_on_a_fresh_instance_runs_once():
    """16 threads calling a method of a brand-new instance at once: one run (one state per instance, made once)"""
    Doc, clock, timers = saver_class()
    for _ in range(3):
        d = Doc("fresh")
        run = burst(lambda t: d.save(t))
        assert not run.errors, f"the calls raised {run.errors[:3]!r}"
        assert len(d.log) == 1, (f"16 threads called save() on a new instance at once and it ran {len(d.log)} times: "
                                 "two threads each made a state for the instance; make it under a lock")

import signal
import threading
import time

import pytest

from time_limit import call_with_timeout, timeout

# Every function the check limits ends by itself within a few seconds, so a solution whose timeout
# never fires fails a test instead of hanging the run (and the check cannot use SIGALRM itself).
SPIN = 3.0


def spinner(box):
    def spin():
        end = time.monotonic() + SPIN
        while time.monotonic() < end:
            box[0] += 1
        return "spun"
    return spin


def timed(fn):
    started = time.monotonic()
    try:
        return fn(), time.monotonic() - started
    except TimeoutError as exc:
        return exc, time.monotonic() - started


@pytest.fixture(autouse=True)
def no_alarm_left():
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


def in_thread(fn):
    """fn() run in a plain thread (not the main one): (its result or exception, seconds)."""
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("got", timed_any(fn)), daemon=True)
    t.start()
    t.join(SPIN + 5)
    assert not t.is_alive(), "call_with_timeout() in a worker thread never returned"
    if isinstance(out["got"][0], NotImplementedError):
        raise out["got"][0]  # not written yet: not a wrong answer
    return out["got"]


def timed_any(fn):
    started = time.monotonic()
    try:
        got = fn()
    except BaseException as exc:  # noqa: BLE001 - compared by the test
        got = exc
    return got, time.monotonic() - started


# -- the plain cases ------------------------------------------------------------------------------

def test_returns_what_the_function_returns():
    assert call_with_timeout(sum, 1.0, [1, 2, 3]) == 6
    assert call_with_timeout(lambda a, b=0: a - b, 2, 10, b=3) == 7, "args and kwargs go to the function"
    got = call_with_timeout(lambda **kw: kw, 1.0, func="f", seconds=9)
    assert got == {"func": "f", "seconds": 9}, (
        f"keyword arguments named func or seconds belong to the function (make func and seconds positional-only "
        f"with /), got {got!r}")


def test_raises_what_the_function_raises():
    err = KeyError("k")

    def fails():
        raise err

    with pytest.raises(KeyError) as info:
        call_with_timeout(fails, 1.0)
    assert info.value is err, "the function's own exception object should come out of call_with_timeout"


@pytest.mark.parametrize("seconds, exc", [("1", TypeError), (None, TypeError), (True, TypeError),
                                          (0, ValueError), (-1.5, ValueError), (float("nan"), ValueError)])
def test_bad_seconds(seconds, exc):
    with pytest.raises(exc):
        call_with_timeout(sum, seconds, [])
        pytest.fail(f"call_with_timeout(func, {seconds!r}) should raise {exc.__name__}", pytrace=False)
    with pytest.raises(exc):
        timeout(seconds)
        pytest.fail(f"timeout({seconds!r}) should raise {exc.__name__} at once, before decorating", pytrace=False)


# -- interrupting in the main thread --------------------------------------------------------------

def test_a_sleep_is_interrupted():
    got, took = timed(lambda: call_with_timeout(time.sleep, 0.2, SPIN))
    assert isinstance(got, TimeoutError), f"time.sleep({SPIN}) under a 0.2 s limit should raise TimeoutError, got {got!r}"
    assert took < 0.7, (f"the 0.2 s limit fired after {took:.2f} s: use signal.setitimer, which takes fractions of a "
                        "second (signal.alarm rounds to whole seconds, and alarm(0) cancels)")
    assert took > 0.15, f"the 0.2 s limit fired after only {took:.2f} s"


def test_a_busy_loop_is_stopped_not_left_running():
    box = [0]
    got, took = timed(lambda: call_with_timeout(spinner(box), 0.2))
    assert got != "spun", f"a {SPIN:g} s loop under a 0.2 s limit ran to the end: the limit never fired"
    assert isinstance(got, TimeoutError), f"expected TimeoutError, got {got!r}"
    assert took < 0.7, f"the 0.2 s limit stopped the loop after {took:.2f} s"
    count = box[0]
    time.sleep(0.2)
    assert box[0] == count, (
        "the loop kept running after TimeoutError was raised: in the main thread, interrupt the function itself "
        "(a SIGALRM handler that raises), don't leave it running in another thread")


def test_no_trace_is_left():
    fired = []

    def mine(signum, frame):
        fired.append(signum)

    signal.signal(signal.SIGALRM, mine)

    def fails():
        raise ValueError("no")

    for what, call in (("returned", lambda: call_with_timeout(sum, 0.2, [1])),
                       ("raised", lambda: call_with_timeout(fails, 0.2)),
                       ("timed out", lambda: call_with_timeout(time.sleep, 0.1, 1))):
        try:
            call()
        except (ValueError, TimeoutError):
            pass
        assert signal.getsignal(signal.SIGALRM) is mine, (
            f"after the function {what}, the SIGALRM handler that was there before should be back")
        left = signal.getitimer(signal.ITIMER_REAL)
        assert left == (0.0, 0.0), f"after the function {what}, a timer was left running: getitimer() is {left}"
    time.sleep(0.3)
    assert not fired, "an alarm went off after call_with_timeout returned: cancel the timer in a finally"


# -- limits inside limits -------------------------------------------------------------------------

def test_the_outer_limit_still_holds_after_an_inner_call():
    box = [0]

    def outer():
        call_with_timeout(sum, 5.0, [1, 2])  # quick, with a longer limit of its own
        return spinner(box)()

    got, took = timed(lambda: call_with_timeout(outer, 0.3))
    assert isinstance(got, TimeoutError), (
        f"an outer 0.3 s limit around a quick inner call_with_timeout never fired ({got!r} after {took:.1f} s): "
        "when the inner call ends, set the outer timer again")
    assert took < 0.9, f"the outer 0.3 s limit fired after {took:.2f} s"


def test_an_inner_call_cannot_outlast_the_outer_limit():
    box = [0]
    got, took = timed(lambda: call_with_timeout(lambda: call_with_timeout(spinner(box), 5.0), 0.3))
    assert isinstance(got, TimeoutError), f"expected TimeoutError from the outer 0.3 s limit, got {got!r}"
    assert took < 0.9, (f"an inner 5 s limit inside an outer 0.3 s one ran {took:.2f} s: the inner timer must not be "
                        "set past the time the outer call has left")


def test_the_inner_calls_time_counts_against_the_outer_limit():
    box = [0]

    def outer():
        call_with_timeout(time.sleep, 5.0, 0.3)
        return spinner(box)()

    got, took = timed(lambda: call_with_timeout(outer, 0.5))
    assert isinstance(got, TimeoutError), f"expected TimeoutError from the outer 0.5 s limit, got {got!r}"
    assert took < 0.72, (f"the outer 0.5 s limit fired after {took:.2f} s: the 0.3 s the inner call used come off the "
                         "outer's time (give it back what was left, not its whole limit again)")


def test_an_inner_timeout_can_be_caught():
    def outer():
        try:
            call_with_timeout(time.sleep, 0.1, SPIN)
        except TimeoutError:
            return "caught"
        return "not interrupted"

    got, took = timed(lambda: call_with_timeout(outer, 2.0))
    assert got == "caught", f"the inner 0.1 s limit should raise TimeoutError inside the outer call, got {got!r}"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


# -- other threads --------------------------------------------------------------------------------

def test_from_another_thread():
    assert in_thread(lambda: call_with_timeout(sum, 1.0, [4, 5]))[0] == 9, (
        "call_with_timeout() from a worker thread should return the function's result (signals can't be used "
        "there: signal.signal() raises ValueError outside the main thread)")
    err = LookupError("gone")

    def fails():
        raise err

    got, _ = in_thread(lambda: call_with_timeout(fails, 1.0))
    assert got is err, f"from a worker thread the function's own exception should come out, got {got!r}"
    got, took = in_thread(lambda: call_with_timeout(time.sleep, 0.2, SPIN))
    assert isinstance(got, TimeoutError), f"time.sleep({SPIN}) under a 0.2 s limit in a worker thread: got {got!r}"
    assert took < 0.8, f"the 0.2 s limit in a worker thread took {took:.2f} s"


def test_another_threads_call_runs_in_a_daemon_thread():
    seen = {}

    def where():
        seen["thread"] = threading.current_thread()
        return "ok"

    caller = {}

    def go():
        caller["thread"] = threading.current_thread()
        return call_with_timeout(where, 1.0)

    assert in_thread(go)[0] == "ok"
    assert seen["thread"] is not caller["thread"], (
        "in a worker thread, run the function in a thread of its own and wait for it at most `seconds`")
    assert seen["thread"].daemon, "the helper thread should be a daemon: an abandoned one must not keep Python alive"


# -- the decorator --------------------------------------------------------------------------------

def test_the_decorator():
    @timeout(0.2)
    def nap(seconds, *, label="nap"):
        """Sleep a while."""
        time.sleep(seconds)
        return label

    assert (nap.__name__, nap.__doc__) == ("nap", "Sleep a while."), "use functools.wraps"
    assert nap(0, label="short") == "short"
    got, took = timed(lambda: nap(SPIN))
    assert isinstance(got, TimeoutError) and took < 0.7, f"@timeout(0.2): nap({SPIN}) gave {got!r} after {took:.2f} s"
    assert nap(0.01) == "nap", "each call gets its own limit"

import asyncio
import inspect
import random
import time

import pytest
from hypothesis import given, settings, strategies as st

from retry_backoff import retry


class Flaky:
    """fails `failures` times (a new exception each time), then returns 'ok'; remembers every call"""

    def __init__(self, failures, error=ConnectionError):
        self.failures, self.error = failures, error
        self.calls = 0
        self.raised = []

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            exc = self.error(f"failure {self.calls}")
            self.raised.append(exc)
            raise exc
        return ("ok", args, kwargs)


def recorder():
    delays = []
    return delays, delays.append


def schedule(n, base, factor, max_delay):
    """the first n capped exponential delays"""
    out, d = [], min(base, max_delay)
    for _ in range(n):
        out.append(d)
        d = min(d * factor, max_delay)
    return out


def same(got, want):
    return len(got) == len(want) and all(g == pytest.approx(w, rel=1e-9, abs=1e-12) for g, w in zip(got, want))


def plain(func):
    """a real function around a Flaky (functools.wraps needs a __name__)"""

    def flaky(*args, **kwargs):
        return func(*args, **kwargs)

    return flaky


def test_success_returns_at_once():
    """a call that succeeds is made once, with its arguments, and never sleeps"""
    delays, sleep = recorder()
    flaky = Flaky(0)
    got = retry(sleep=sleep)(plain(flaky))(1, key="v")
    assert got == ("ok", (1,), {"key": "v"}), f"the wrapper should pass the arguments and return the result, got {got!r}"
    assert flaky.calls == 1 and delays == [], f"a call that works needs no retry: {flaky.calls} calls, sleeps {delays}"


def test_retries_until_success():
    """two failures, then success: two sleeps of base and base * factor"""
    delays, sleep = recorder()
    flaky = Flaky(2)
    got = retry(attempts=5, base=0.1, factor=2, sleep=sleep)(plain(flaky))()
    assert got[0] == "ok" and flaky.calls == 3, f"two failures then success: 3 calls expected, got {flaky.calls}"
    assert same(delays, [0.1, 0.2]), f"after failures 1 and 2 the sleeps should be [0.1, 0.2] (base, base * factor), got {delays}"


def test_defaults():
    """the defaults: 3 attempts, delays from 0.1 s doubling up to 10 s, no jitter"""
    delays, sleep = recorder()
    flaky = Flaky(100)
    with pytest.raises(ConnectionError):
        retry(sleep=sleep)(plain(flaky))()
    assert flaky.calls == 3 and same(delays, [0.1, 0.2]), \
        f"retry() should default to 3 attempts with sleeps of 0.1 and 0.2 s, got {flaky.calls} calls and {delays}"
    delays.clear()
    retry(9, sleep=sleep)(plain(Flaky(8)))()
    want = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10]
    assert same(delays, want), f"with the default base, factor and max_delay, 8 failures should sleep {want}, got {delays}"


def test_exact_delays_with_cap():
    """the delays grow by factor from base and stop at max_delay"""
    delays, sleep = recorder()
    flaky = Flaky(5)
    retry(attempts=6, base=0.5, factor=3, max_delay=10, sleep=sleep)(plain(flaky))()
    want = [0.5, 1.5, 4.5, 10, 10]
    assert same(delays, want), (f"attempts=6, base=0.5, factor=3, max_delay=10 with 5 failures should sleep {want} "
                                f"(13.5 is capped to 10), got {delays}")


def test_gives_up_with_a_note():
    """after the last attempt, its own exception is raised, with a note of the attempts"""
    delays, sleep = recorder()
    flaky = Flaky(100)
    with pytest.raises(ConnectionError) as info:
        retry(attempts=4, sleep=sleep)(plain(flaky))()
    assert flaky.calls == 4, f"attempts=4 means 4 calls in all, got {flaky.calls}"
    assert len(delays) == 3, f"4 attempts have 3 sleeps between them (none after the last), got {delays}"
    assert info.value is flaky.raised[-1], "the exception raised should be the last attempt's, the very same object"
    notes = getattr(info.value, "__notes__", [])
    assert notes == ["gave up after 4 attempts"], (f"the exception should carry one note, 'gave up after 4 attempts' "
                                                   f"(exc.add_note(...)), got {notes}")
    assert any(entry.name == "__call__" for entry in info.traceback), \
        "re-raise it with a bare `raise` so its traceback still shows where it failed"


def test_single_attempt():
    """attempts=1 calls once and never sleeps; the note says '1 attempt'"""
    delays, sleep = recorder()
    flaky = Flaky(1)
    with pytest.raises(ConnectionError) as info:
        retry(attempts=1, sleep=sleep)(plain(flaky))()
    assert flaky.calls == 1 and delays == []
    assert getattr(info.value, "__notes__", []) == ["gave up after 1 attempt"], \
        f"with one attempt the note should read 'gave up after 1 attempt', got {getattr(info.value, '__notes__', [])}"


def test_non_retryable_raises_at_once():
    """an exception not in retry_on propagates at once: no retry, no sleep, no note"""
    delays, sleep = recorder()
    flaky = Flaky(3, error=ValueError)
    with pytest.raises(ValueError) as info:
        retry(attempts=5, retry_on=(ConnectionError, TimeoutError), sleep=sleep)(plain(flaky))()
    assert flaky.calls == 1 and delays == [], (f"a ValueError is not in retry_on: it should propagate from the first "
                                               f"call, but there were {flaky.calls} calls and sleeps {delays}")
    assert info.value is flaky.raised[0] and not getattr(info.value, "__notes__", None), \
        "a non-retryable exception propagates untouched (no note)"


def test_retry_on_class_and_subclasses():
    """retry_on may be one class; its subclasses are retried too"""
    delays, sleep = recorder()
    flaky = Flaky(2, error=ConnectionResetError)
    assert retry(attempts=3, retry_on=OSError, sleep=sleep)(plain(flaky))()[0] == "ok", \
        "ConnectionResetError is a subclass of OSError: retry_on=OSError should retry it"
    assert flaky.calls == 3


def test_base_exceptions_are_not_retried():
    """KeyboardInterrupt-like exceptions are not retried by default"""
    delays, sleep = recorder()
    flaky = Flaky(1, error=KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        retry(attempts=3, sleep=sleep)(plain(flaky))()
    assert flaky.calls == 1 and delays == [], ("KeyboardInterrupt is not an Exception: the default retry_on=Exception "
                                               "must not retry it (Ctrl-C should stop the program)")


def test_full_jitter():
    """jitter='full' sleeps rng() * delay"""
    delays, sleep = recorder()
    draws = iter([0.25, 0.5, 0.75, 0.0])
    retry(attempts=5, base=1, factor=2, max_delay=5, jitter="full", sleep=sleep, rng=lambda: next(draws))(
        plain(Flaky(4)))()
    want = [0.25 * 1, 0.5 * 2, 0.75 * 4, 0.0 * 5]
    assert same(delays, want), (f"full jitter sleeps rng() * d for the delays d = 1, 2, 4, 5 and rng() = 0.25, 0.5, "
                                f"0.75, 0.0: {want}, got {delays}")


def test_equal_jitter():
    """jitter='equal' sleeps delay / 2 + rng() * delay / 2"""
    delays, sleep = recorder()
    draws = iter([0.0, 0.5, 0.999])
    retry(attempts=4, base=2, factor=2, max_delay=100, jitter="equal", sleep=sleep, rng=lambda: next(draws))(
        plain(Flaky(3)))()
    want = [1 + 0.0 * 1, 2 + 0.5 * 2, 4 + 0.999 * 4]
    assert same(delays, want), (f"equal jitter sleeps d/2 + rng() * d/2 for d = 2, 4, 8 and rng() = 0, 0.5, 0.999: "
                                f"{want}, got {delays}")


def test_no_jitter_never_draws():
    """without jitter, rng is never called"""
    delays, sleep = recorder()

    def rng():
        raise AssertionError("rng() was called although jitter is None: only jitter needs random numbers")

    retry(attempts=3, sleep=sleep, rng=rng)(plain(Flaky(2)))()
    assert same(delays, [0.1, 0.2])


def test_jitter_bounds_with_real_randomness():
    """with a real random generator (the default too), jittered delays stay in their bounds and vary"""
    for mode, low in (("full", 0.0), ("equal", 0.5)):
        for rng in (random.Random(4).random, None):
            delays, sleep = recorder()
            options = dict(attempts=60, base=0.01, factor=1.5, max_delay=2, jitter=mode, sleep=sleep)
            if rng:
                options["rng"] = rng
            retry(**options)(plain(Flaky(59)))()
            bounds = schedule(59, 0.01, 1.5, 2)
            outside = [(d, b) for d, b in zip(delays, bounds) if not low * b <= d <= b]
            assert len(delays) == 59 and not outside, (f"with jitter={mode!r} every sleep should be within "
                                                       f"[{low} * d, d]; these were not (sleep, d): {outside[:3]}")
            assert len(set(delays[-20:])) > 10, f"jitter={mode!r} with a real generator should vary, got {delays[-20:]}"


def test_large_attempts_do_not_overflow():
    """1,100 attempts: the delay stays at max_delay instead of overflowing"""
    delays, sleep = recorder()
    try:
        retry(attempts=1100, base=1, factor=2, max_delay=30, sleep=sleep)(plain(Flaky(1099)))()
    except OverflowError:
        pytest.fail("2.0 ** 1099 overflows a float: compute the delay step by step and cap it as you go")
    assert len(delays) == 1099 and delays[-1] == 30 and delays[4] == 16 and delays[5] == 30, \
        "after 1,099 failures the delays should be 1, 2, 4, 8, 16, then 30 for ever"


def test_each_call_starts_afresh():
    """every call of the decorated function gets all its attempts and starts the delays at base"""
    delays, sleep = recorder()
    flaky = Flaky(2)
    fetch = retry(attempts=3, sleep=sleep)(plain(flaky))
    fetch()
    flaky.calls = 0  # fail twice more
    assert fetch()[0] == "ok", "a second call should get its own 3 attempts"
    assert same(delays, [0.1, 0.2, 0.1, 0.2]), f"each call's delays start at base again: got {delays}"


def test_default_sleep_really_waits():
    """without sleep=, a plain function sleeps with time.sleep"""
    start = time.perf_counter()
    retry(attempts=3, base=0.03, factor=2)(plain(Flaky(2)))()
    took = time.perf_counter() - start
    assert took >= 0.09, f"two sleeps of 0.03 and 0.06 s should take at least 0.09 s, the call took {took:.3f} s"


def test_keeps_metadata():
    """the wrapper keeps the name, docstring, signature and __wrapped__"""

    def fetch(url: str, *, timeout: float = 1.0) -> str:
        """Fetch a URL."""
        return url

    wrapped = retry()(fetch)
    assert wrapped.__name__ == "fetch" and wrapped.__doc__ == "Fetch a URL." and wrapped.__wrapped__ is fetch, \
        "use functools.wraps(func) on the wrapper"
    assert inspect.signature(wrapped) == inspect.signature(fetch)


@pytest.mark.parametrize("options, error, why", [
    ({"attempts": 0}, ValueError, "attempts counts the first call: at least 1"),
    ({"attempts": -2}, ValueError, "a negative number of attempts"),
    ({"attempts": 2.5}, TypeError, "attempts is an int"),
    ({"attempts": True}, TypeError, "a bool is not a count"),
    ({"base": -0.1}, ValueError, "a negative base delay"),
    ({"factor": 0.5}, ValueError, "a factor below 1 would shrink the delays"),
    ({"max_delay": -1}, ValueError, "a negative cap"),
    ({"base": "0.1"}, TypeError, "a str base"),
    ({"base": True}, TypeError, "a bool is not a number of seconds"),
    ({"factor": [2]}, TypeError, "a list factor"),
    ({"max_delay": float("nan")}, ValueError, "NaN is no cap"),
    ({"jitter": "half"}, ValueError, "jitter is None, 'full' or 'equal'"),
    ({"retry_on": ValueError("x")}, TypeError, "retry_on takes classes, not an exception object"),
    ({"retry_on": (ValueError, 3)}, TypeError, "every item of retry_on must be an exception class"),
    ({"retry_on": str}, TypeError, "str is not an exception class"),
])
def test_bad_options(options, error, why):
    """bad options raise at decoration time, and the error names the option"""
    name = next(iter(options))
    with pytest.raises(error) as info:
        retry(**options)
        pytest.fail(f"retry(**{options!r}) should raise {error.__name__}: {why}")
    assert name in str(info.value), f"the {error.__name__} for {options!r} should say which option is wrong ({name!r}), got {str(info.value)!r}"


def test_without_parentheses():
    """@retry without parentheses is a TypeError"""

    def fetch():
        return 1

    with pytest.raises(TypeError):
        retry(fetch)
        pytest.fail("@retry without parentheses passes the function as attempts: raise TypeError "
                    "(write @retry() or @retry(attempts=...))")


@settings(max_examples=80)
@given(attempts=st.integers(1, 8), failures=st.integers(0, 10), base=st.sampled_from([0, 0.05, 0.3, 1, 2.5]),
       factor=st.sampled_from([1, 1.5, 2, 3]), max_delay=st.sampled_from([0, 0.5, 3, 100]),
       jitter=st.sampled_from([None, "full", "equal"]), draws=st.lists(st.floats(0, 0.999), min_size=10, max_size=10))
def test_schedule_property(attempts, failures, base, factor, max_delay, jitter, draws):
    """for any options and number of failures: the calls, the sleeps and the outcome match a model"""
    delays, sleep = recorder()
    flaky = Flaky(failures)
    it = iter(draws)
    wrapped = retry(attempts, base=base, factor=factor, max_delay=max_delay, jitter=jitter, sleep=sleep,
                    rng=lambda: next(it))(plain(flaky))
    if failures < attempts:
        assert wrapped()[0] == "ok"
    else:
        with pytest.raises(ConnectionError):
            wrapped()
    calls = min(failures + 1, attempts)
    plain_delays = schedule(calls - 1, base, factor, max_delay)
    if jitter == "full":
        want = [r * d for r, d in zip(draws, plain_delays)]
    elif jitter == "equal":
        want = [d / 2 + r * d / 2 for r, d in zip(draws, plain_delays)]
    else:
        want = plain_delays
    assert flaky.calls == calls, f"{failures} failures with attempts={attempts}: {calls} calls expected, got {flaky.calls}"
    assert same(delays, want), (f"attempts={attempts}, base={base}, factor={factor}, max_delay={max_delay}, "
                                f"jitter={jitter!r}, {failures} failures: the sleeps should be {want}, got {delays}")


# -- async --------------------------------------------------------------------------------------

def async_flaky(flaky):
    async def call(*args, **kwargs):
        await asyncio.sleep(0)
        return flaky(*args, **kwargs)

    return call


def async_recorder():
    delays = []

    async def sleep(seconds):
        await asyncio.sleep(0)  # a real await: this line runs only if the wrapper awaits sleep(...)
        delays.append(seconds)

    return delays, sleep


def test_async_retries_with_injected_sleep():
    """on an async def, the wrapper is a coroutine function and awaits the injected async sleep"""
    delays, sleep = async_recorder()
    flaky = Flaky(2)
    wrapped = retry(attempts=4, base=0.2, factor=2, sleep=sleep)(async_flaky(flaky))
    assert inspect.iscoroutinefunction(wrapped), \
        "retry() of an async def should return an async def (inspect.iscoroutinefunction), so it can be awaited"
    got = asyncio.run(wrapped("x"))
    assert got == ("ok", ("x",), {}), f"awaiting the wrapper should give the coroutine's result, got {got!r}"
    assert flaky.calls == 3, f"two failures then success: 3 calls, got {flaky.calls}"
    assert same(delays, [0.2, 0.4]), (f"the injected async sleep should have been awaited with 0.2 and 0.4, got "
                                      f"{delays}: `await sleep(delay)` (calling it without await never runs it)")


def test_async_gives_up_and_does_not_retry_others():
    """async: the last failure is raised with the note; non-retryable errors propagate at once"""
    delays, sleep = async_recorder()
    flaky = Flaky(10)
    with pytest.raises(ConnectionError) as info:
        asyncio.run(retry(attempts=3, sleep=sleep)(async_flaky(flaky))())
    assert flaky.calls == 3 and len(delays) == 2
    assert info.value is flaky.raised[-1] and info.value.__notes__ == ["gave up after 3 attempts"], \
        "async too: raise the last attempt's exception with the note 'gave up after 3 attempts'"
    other = Flaky(5, error=KeyError)
    with pytest.raises(KeyError):
        asyncio.run(retry(attempts=3, retry_on=ConnectionError, sleep=sleep)(async_flaky(other))())
    assert other.calls == 1, "a KeyError is not in retry_on: no retry"


def test_async_default_sleep_does_not_block_the_loop():
    """async without sleep=: the waits are asyncio.sleep, so other tasks run meanwhile"""
    flaky = Flaky(2)
    ticks = []

    async def ticker():
        for _ in range(100):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.005)

    async def main():
        tick = asyncio.create_task(ticker())
        start = time.perf_counter()
        result = await retry(attempts=3, base=0.05, factor=2)(async_flaky(flaky))()
        took = time.perf_counter() - start
        tick.cancel()
        return result, took, start

    result, took, start = asyncio.run(main())
    assert result[0] == "ok" and took >= 0.15, f"sleeps of 0.05 and 0.1 s should take at least 0.15 s, took {took:.3f}"
    during = [t for t in ticks if start < t < start + took]
    assert len(during) >= 8, (f"another task ticking every 5 ms ticked only {len(during)} times during the 0.15 s of "
                              "retrying: the waits blocked the event loop; await asyncio.sleep(delay), never "
                              "time.sleep, in an async wrapper")


def test_async_cancellation_during_sleep():
    """a task cancelled while waiting between attempts stops: CancelledError is not retried"""
    flaky = Flaky(10)
    waiting = []

    async def long_sleep(seconds):
        waiting.append(seconds)
        await asyncio.sleep(10)

    async def main():
        task = asyncio.create_task(retry(attempts=5, sleep=long_sleep)(async_flaky(flaky))())
        while not waiting:
            await asyncio.sleep(0.001)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, 1)
        return task

    task = asyncio.run(main())
    assert task.cancelled(), "the task should end cancelled"
    assert flaky.calls == 1 and len(waiting) == 1, (f"after the cancellation no more attempts should be made, but there "
                                                    f"were {flaky.calls} calls: CancelledError is a BaseException, "
                                                    "not an Exception, and must not be retried")

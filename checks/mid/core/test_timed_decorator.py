import asyncio
import inspect
import logging
import re
import time

import pytest
from hypothesis import given, settings, strategies as st

from timed_decorator import AuthError, Forbidden, NotLoggedIn, User, requires_role, timed

LOGGER = "pyex.check.perf"


def records(caplog, name=None) -> list[logging.LogRecord]:
    # asyncio logs its own debug lines ("Using selector: ..."): those are not the learner's
    return [r for r in caplog.records if (name is None and r.name != "asyncio") or r.name == name]


def check_record(record, func, *, lower=0.0, upper, level=logging.INFO, failed=None, logger=None):
    """One timing record: its logger, level, message and elapsed attribute."""
    what = f"the record logged for {func.__qualname__}"
    want_logger = logger or func.__module__
    assert record.name == want_logger, (f"{what} should go to the logger {want_logger!r} (by default the one named "
                                        f"after the function's module), not {record.name!r}")
    assert record.levelno == level, (f"{what} should be at level {logging.getLevelName(level)}, "
                                     f"not {record.levelname}")
    elapsed = getattr(record, "elapsed", None)
    assert type(elapsed) is float, (f"{what} should carry the duration as a float: "
                                    f"log it with extra={{'elapsed': seconds}} (got {elapsed!r})")
    message = record.getMessage()
    if failed is None:
        pattern = rf"{re.escape(func.__qualname__)} took (\d+\.\d{{3}}) s"
        form = "'<qualname> took <seconds> s'"
    else:
        pattern = rf"{re.escape(func.__qualname__)} failed after (\d+\.\d{{3}}) s: {failed}"
        form = f"'<qualname> failed after <seconds> s: {failed}'"
    match = re.fullmatch(pattern, message)
    assert match, f"{what} should read {form}, with 3 decimals (\"%.3f\"), got {message!r}"
    assert match.group(1) == f"{elapsed:.3f}", f"the message says {match.group(1)} s but elapsed is {elapsed!r}"
    assert lower <= elapsed <= upper, (f"{what}: the call took between {lower:.3f} s and {upper:.3f} s, but elapsed is "
                                       f"{elapsed!r}: measure time.perf_counter() just before and just after the call, "
                                       "in seconds")
    return elapsed


def one_record(caplog, why=""):
    got = records(caplog)
    assert len(got) == 1, (f"one call should log exactly one record{why}; got "
                           f"{[r.getMessage() for r in got]}")
    return got[0]


def call_timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def test_bare_decorator(caplog):
    """@timed logs one record per call and returns the function's result"""
    caplog.set_level(logging.DEBUG)

    def add(a, b=2):
        return a + b

    wrapped = timed(add)
    assert callable(wrapped), f"timed(add) should return a function, got {wrapped!r}"
    result, took = call_timed(wrapped, 1)
    assert result == 3, f"the wrapper should return the function's result: add(1) is 3, got {result!r}"
    assert wrapped(1, b=10) == 11, "positional and keyword arguments should reach the function unchanged"
    got = records(caplog)
    assert len(got) == 2, f"two calls should log two records, got {len(got)}: {[r.getMessage() for r in got]}"
    check_record(got[0], add, upper=took)


def test_measures_a_known_sleep(caplog):
    """the logged duration covers the call: at least a 0.05 s sleep, at most the whole call"""
    caplog.set_level(logging.DEBUG)

    def nap(seconds):
        time.sleep(seconds)
        return "rested"

    wrapped = timed(nap)
    result, took = call_timed(wrapped, 0.05)
    assert result == "rested"
    record = one_record(caplog)
    check_record(record, nap, lower=0.05, upper=took)


def test_options(caplog):
    """@timed(), logger= (name or Logger) and level= are honoured"""
    caplog.set_level(logging.DEBUG)

    def work():
        return 1

    with_parens = timed()(work)
    assert with_parens() == 1, "timed() with no options should give a decorator like bare @timed"
    _, took = call_timed(timed(logger=LOGGER, level=logging.DEBUG)(work))
    _, took2 = call_timed(timed(logger=logging.getLogger(LOGGER + ".obj"), level=logging.WARNING)(work))
    got = records(caplog)
    assert len(got) == 3, f"three calls, three records; got {[r.getMessage() for r in got]}"
    check_record(got[0], work, upper=took)
    check_record(got[1], work, upper=took, level=logging.DEBUG, logger=LOGGER)
    check_record(got[2], work, upper=took2, level=logging.WARNING, logger=LOGGER + ".obj")


def test_threshold(caplog):
    """with threshold=, only calls at least that slow are logged"""
    caplog.set_level(logging.DEBUG)

    def maybe_slow(seconds):
        time.sleep(seconds)

    wrapped = timed(threshold=0.1)(maybe_slow)
    wrapped(0)
    assert records(caplog) == [], "a call quicker than the threshold (0.1 s) should not be logged"
    _, took = call_timed(wrapped, 0.11)
    got = records(caplog)
    assert len(got) == 1, "a 0.11 s call is over the 0.1 s threshold and should be logged"
    check_record(got[0], maybe_slow, lower=0.11, upper=took)
    for bad in (-1, -0.001):
        with pytest.raises(ValueError):
            timed(threshold=bad)
            pytest.fail(f"timed(threshold={bad}) should raise ValueError: a duration is never negative")


def test_options_are_keyword_only():
    """a positional argument that is not a function is a TypeError"""
    for bad in ("perf", 5):
        with pytest.raises(TypeError):
            timed(bad)
            pytest.fail(f"timed({bad!r}) should raise TypeError: options are keyword-only "
                        "(timed(logger='perf')), and a positional argument must be the function to decorate")


def test_failure_is_logged_and_reraised(caplog):
    """a call that raises is logged (whatever the threshold) and the same exception propagates"""
    caplog.set_level(logging.DEBUG)
    error = KeyError("missing")

    def broken():
        time.sleep(0.01)
        raise error

    wrapped = timed(threshold=10)(broken)
    start = time.perf_counter()
    with pytest.raises(KeyError) as info:
        wrapped()
    took = time.perf_counter() - start
    assert info.value is error, "the wrapper should re-raise the very same exception (a bare `raise`)"
    assert info.traceback[-1].name == "broken", "re-raise it with its traceback: use a bare `raise`"
    got = records(caplog)
    assert len(got) == 1, ("a failed call should be logged even below the threshold (10 s here); "
                           f"got {[r.getMessage() for r in got]}")
    check_record(got[0], broken, lower=0.01, upper=took, failed="KeyError")


def test_keeps_metadata():
    """the wrapper keeps the name, docstring, module, signature and __wrapped__"""

    def area(width: float, height: float = 1.0, *, unit: str = "m") -> str:
        """Area of a rectangle."""
        return f"{width * height} {unit}^2"

    area.owner = "geometry"
    for label, wrapped in (("timed", timed(area)), ("timed(level=DEBUG)", timed(level=logging.DEBUG)(area))):
        for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
            want = getattr(area, attr)
            assert getattr(wrapped, attr) == want, \
                f"{label}: the wrapper's {attr} should be {want!r}: decorate it with functools.wraps(func)"
        assert getattr(wrapped, "__wrapped__", None) is area, f"{label}: wrapper.__wrapped__ should be the original"
        assert inspect.signature(wrapped) == inspect.signature(area), \
            f"{label}: inspect.signature should show {inspect.signature(area)}, got {inspect.signature(wrapped)}"
        assert getattr(wrapped, "owner", None) == "geometry", "attributes of the function carry over too (wraps)"


@settings(max_examples=50)
@given(args=st.lists(st.integers() | st.text(max_size=3), max_size=4),
       kwargs=st.dictionaries(st.sampled_from("abcxyz"), st.integers(), max_size=3))
def test_arguments_pass_through(args, kwargs):
    """any arguments reach the function unchanged, and its result comes back"""

    def echo(*args, **kwargs):
        return args, kwargs

    got = timed(threshold=100)(echo)(*args, **kwargs)
    assert got == (tuple(args), kwargs), f"the wrapper should pass {args!r}, {kwargs!r} on unchanged, got {got!r}"


def test_uses_a_monotonic_clock(caplog, monkeypatch):
    """durations come from time.perf_counter(), not time.time() (which jumps with the system clock)"""
    caplog.set_level(logging.DEBUG)
    real_time = time.time
    jumps = iter(range(10_000))
    monkeypatch.setattr(time, "time", lambda: real_time() - 3600 * next(jumps))  # an hour back on every read

    def nap():
        time.sleep(0.02)

    wrapped = timed(nap)
    _, took = call_timed(wrapped)
    monkeypatch.undo()
    record = one_record(caplog, " (the check set time.time() back an hour during the call: if your duration "
                                "came out negative, you measured the wall clock; use time.perf_counter())")
    check_record(record, nap, lower=0.02, upper=took)


def run(coro):
    return asyncio.run(coro)


def test_async_function(caplog):
    """an async def stays a coroutine function, and the time covers the awaiting"""
    caplog.set_level(logging.DEBUG)

    async def fetch(url):
        """Pretend to fetch."""
        await asyncio.sleep(0.05)
        return f"body of {url}"

    wrapped = timed(fetch)
    assert inspect.iscoroutinefunction(wrapped), ("timed(fetch) of an async def should be an async def too "
                                                  "(inspect.iscoroutinefunction), so callers can still await it")
    assert wrapped.__name__ == "fetch" and wrapped.__doc__ == "Pretend to fetch." and wrapped.__wrapped__ is fetch, \
        "the async wrapper should keep the metadata too (functools.wraps)"
    start = time.perf_counter()
    result = run(wrapped("x"))
    took = time.perf_counter() - start
    assert result == "body of x", f"awaiting the wrapper should give the coroutine's result, got {result!r}"
    record = one_record(caplog)
    check_record(record, fetch, lower=0.05, upper=took)


def test_async_failure_and_cancellation(caplog):
    """an async call that raises or is cancelled (a timeout) is logged and the error propagates"""
    caplog.set_level(logging.DEBUG)

    async def fails():
        await asyncio.sleep(0.01)
        raise ValueError("bad gateway")

    async def hangs():
        await asyncio.sleep(5)

    start = time.perf_counter()
    with pytest.raises(ValueError):
        run(timed(fails)())
    took = time.perf_counter() - start
    record = one_record(caplog)
    check_record(record, fails, lower=0.01, upper=took, failed="ValueError")
    caplog.clear()

    async def with_timeout():
        await asyncio.wait_for(timed(hangs)(), timeout=0.05)

    start = time.perf_counter()
    with pytest.raises(asyncio.TimeoutError):
        run(with_timeout())
    took = time.perf_counter() - start
    got = records(caplog)
    assert len(got) == 1, ("a coroutine cancelled by a timeout raises CancelledError inside it, a BaseException: "
                           f"catch BaseException to log it; got {[r.getMessage() for r in got]}")
    # the timeout's clock starts just before the coroutine (and its timer) does: allow a little slack
    check_record(got[0], hangs, lower=0.04, upper=took, failed="CancelledError")


def test_overlapping_calls_time_themselves(caplog):
    """two overlapping async calls each report their own duration"""
    caplog.set_level(logging.DEBUG)

    async def nap(seconds):
        await asyncio.sleep(seconds)
        return seconds

    wrapped = timed(nap)

    async def later():
        await asyncio.sleep(0.04)
        return await wrapped(0.02)

    async def both():
        return await asyncio.gather(wrapped(0.1), later())

    start = time.perf_counter()
    assert run(both()) == [0.1, 0.02]
    took = time.perf_counter() - start
    got = sorted(records(caplog), key=lambda r: r.elapsed)
    assert len(got) == 2, f"two calls, two records; got {[r.getMessage() for r in got]}"
    check_record(got[0], nap, lower=0.02, upper=took - 0.04)
    check_record(got[1], nap, lower=0.1, upper=took)


# -- part 2: requires_role ----------------------------------------------------------------------

ADA = User("ada", frozenset({"editor"}))
BOB = User("bob", frozenset({"reader"}))
ROOT = User("root", frozenset({"admin", "editor"}))


def guarded(*roles):
    """A fresh decorated function, and the list of the calls that reached it."""
    calls = []

    def delete_post(user, post_id, *, reason="spam"):
        """Delete a post."""
        calls.append((user.name, post_id, reason))
        return f"{post_id} deleted"

    return requires_role(*roles)(delete_post), calls, delete_post


def test_allows_a_user_with_a_role():
    """a user with one of the roles gets the function's result"""
    delete_post, calls, _ = guarded("admin", "editor")
    assert delete_post(ADA, 42) == "42 deleted", "ada is an editor, so the call should go through"
    assert delete_post(ROOT, 7, reason="old") == "7 deleted", "root has both roles"
    assert calls == [("ada", 42, "spam"), ("root", 7, "old")], f"the arguments should arrive unchanged, got {calls}"


def test_refuses_and_does_not_call():
    """no matching role is Forbidden, no user is NotLoggedIn; the function never runs"""
    delete_post, calls, _ = guarded("admin", "editor")
    with pytest.raises(Forbidden):
        delete_post(BOB, 42)
        pytest.fail("bob is only a reader: delete_post should raise Forbidden")
    with pytest.raises(NotLoggedIn):
        delete_post(None, 42)
        pytest.fail("user=None means nobody is logged in: raise NotLoggedIn")
    with pytest.raises(Forbidden):
        delete_post(User("eve"), 1)
        pytest.fail("a user without roles has none of the roles: Forbidden")
    assert calls == [], f"a refused call must not run the function, but it ran for {calls}"


def test_finds_the_user_however_passed():
    """the user is found by name: positional, keyword, or the parameter's default"""
    seen = []

    @requires_role("editor")
    def publish(draft, user=None, *, when="now"):
        seen.append((draft, user.name, when))

    try:
        publish("a", ADA)
        publish("b", user=ADA)
        publish(user=ADA, draft="c", when="later")
    except (AttributeError, IndexError, KeyError) as exc:
        pytest.fail(f"publish(draft, user=None, *, when='now') was called with the user in second place or by "
                    f"keyword, and your wrapper failed with {type(exc).__name__}: {exc}. Find the user by name: "
                    "bound = inspect.signature(func).bind(*args, **kwargs), then bound.arguments['user']")
    assert seen == [("a", "ada", "now"), ("b", "ada", "now"), ("c", "ada", "later")], \
        f"the user should be found positionally and by keyword (inspect.signature(f).bind), got {seen}"
    with pytest.raises(Forbidden):
        publish("d", user=BOB)
    with pytest.raises(NotLoggedIn):
        publish("e")
        pytest.fail("publish('e') leaves user at its default, None: that is NotLoggedIn (bound.apply_defaults())")
    assert len(seen) == 3


def test_factory_errors():
    """no roles, a role that is not a str, or no user parameter are errors at decoration"""
    with pytest.raises(ValueError):
        requires_role()
        pytest.fail("requires_role() with no roles should raise ValueError: nobody could ever call the function")

    def view(user):
        return "ok"

    with pytest.raises(TypeError):
        requires_role(view)
        pytest.fail("@requires_role without parentheses passes the function as a role: raise TypeError")
    with pytest.raises(TypeError):
        requires_role("admin", 3)
        pytest.fail("requires_role('admin', 3) should raise TypeError: roles are strings")

    def no_user(account, amount):
        return amount

    with pytest.raises(TypeError):
        requires_role("admin")(no_user)
        pytest.fail("decorating a function without a `user` parameter should raise TypeError right away")


def test_role_decorator_keeps_metadata():
    """requires_role's wrapper keeps the name, docstring, signature and __wrapped__"""
    delete_post, _, original = guarded("admin")
    assert delete_post.__name__ == "delete_post" and delete_post.__doc__ == "Delete a post.", \
        "use functools.wraps(func) on the wrapper"
    assert delete_post.__wrapped__ is original, "wrapper.__wrapped__ should be the original"
    assert inspect.signature(delete_post) == inspect.signature(original)


def test_stacks_with_timed(caplog):
    """@timed over @requires_role logs refused calls as failures; the signature shows through"""
    caplog.set_level(logging.DEBUG)
    delete_post, calls, original = guarded("admin")
    both = timed(logger=LOGGER)(delete_post)
    assert inspect.signature(both) == inspect.signature(original), "the signature should show through both wrappers"
    assert both(ROOT, 3) == "3 deleted"
    start = time.perf_counter()
    with pytest.raises(Forbidden):
        both(ADA, 4)
    took = time.perf_counter() - start
    got = records(caplog, LOGGER)
    assert len(got) == 2, f"two calls, two records; got {[r.getMessage() for r in got]}"
    check_record(got[1], original, upper=took, failed="Forbidden", logger=LOGGER)
    assert issubclass(Forbidden, AuthError) and issubclass(NotLoggedIn, AuthError)


ROLES = ("admin", "editor", "reader", "ops")


@given(has_mask=st.integers(0, 15), needs_mask=st.integers(1, 15))
def test_roles_property(has_mask, needs_mask):
    """a call goes through exactly when the user has at least one of the roles"""
    has = frozenset(r for i, r in enumerate(ROLES) if has_mask >> i & 1)
    needs = [r for i, r in enumerate(ROLES) if needs_mask >> i & 1]
    delete_post, calls, _ = guarded(*needs)
    user = User("u", has)
    if has & set(needs):
        assert delete_post(user, 1) == "1 deleted", f"a user with roles {sorted(has)} has one of {needs}: allow it"
    else:
        with pytest.raises(Forbidden):
            delete_post(user, 1)
            pytest.fail(f"a user with roles {sorted(has)} has none of {needs}: Forbidden")
        assert calls == []

import asyncio
import inspect
import os
import threading
import time
import urllib.request

import pytest
from aiohttp import web

from gil_showdown import BEST, run_parallel, speedups
from pyexercise.checklib import http_server

# ---------------------------------------------------------------- workloads (module level: picklable)


def square(x):
    return x * x


def where(x):
    """Which process and thread ran this item (after a short wait, so the workers overlap)."""
    time.sleep(0.02)
    return x, os.getpid(), threading.get_ident()


def nap(x, seconds=0.04):
    time.sleep(seconds)  # sleeping releases the GIL, like waiting for the network
    return x


def long_nap(x):
    return nap(x, 0.06)


def spin(n):
    """Pure-Python arithmetic: holds the GIL the whole time."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


class Boom(Exception):
    pass


def explode(x):
    if x == 3:
        raise Boom(f"item {x}")
    return x


def cpu_seconds_here() -> float:
    return time.process_time()


def children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def cores_idle() -> bool:
    """True when nothing else is keeping the machine busy: only then can a speed-up from more
    cores be expected (and asserted)."""
    return (os.cpu_count() or 1) >= 2 and os.getloadavg()[0] < 0.5


SPIN = 60_000  # ~5-10 ms of pure Python per item


# ---------------------------------------------------------------- the basics, for every kind

@pytest.mark.parametrize("kind", ["serial", "thread", "process"])
def test_results_in_input_order(kind):
    """results come back as a list in the order of the items, with the run's seconds"""
    out = run_parallel(square, range(10), kind=kind, workers=3)
    assert type(out) is tuple and len(out) == 2, f"run_parallel should return (results, seconds), got {out!r}"
    results, seconds = out
    assert type(results) is list and results == [x * x for x in range(10)], (
        f"kind={kind!r}: results should be [0, 1, 4, ..., 81] in input order, got {results!r}")
    assert type(seconds) is float and 0 <= seconds < 10, f"seconds should be a float of wall time, got {seconds!r}"


@pytest.mark.parametrize("kind", ["serial", "thread", "process"])
def test_no_items(kind):
    """no items: no results"""
    results, seconds = run_parallel(square, iter([]), kind=kind)
    assert results == [] and type(results) is list, f"kind={kind!r} with no items should give [], got {results!r}"


@pytest.mark.parametrize("kind", ["serial", "thread", "process"])
def test_exceptions_propagate(kind):
    """an exception in func reaches the caller unchanged"""
    with pytest.raises(Boom):
        run_parallel(explode, range(6), kind=kind, workers=2)
        pytest.fail(f"kind={kind!r}: func raised Boom for item 3; run_parallel should raise it too")


@pytest.mark.parametrize("kwargs", [{"kind": "fiber"}, {"kind": "Thread"}, {"kind": "thread", "workers": 0},
                                    {"kind": "process", "workers": -1}, {"kind": "serial", "workers": 0}])
def test_bad_arguments(kwargs):
    """an unknown kind, or workers below 1 (whatever the kind), is a ValueError"""
    with pytest.raises(ValueError):
        run_parallel(square, [1, 2], **kwargs)
        pytest.fail(f"run_parallel(..., {kwargs}) should raise ValueError")


def test_one_worker():
    """workers=1 is one thread: allowed"""
    results, _ = run_parallel(where, range(3), kind="thread", workers=1)
    assert len({t for _, _, t in results}) == 1, "workers=1 should run every item on one thread"


def test_speedups_default_workers():
    """speedups uses 4 workers unless told otherwise"""
    param = inspect.signature(speedups).parameters.get("workers")
    assert param is not None and param.default == 4, "speedups(func, items, *, workers=4): the default is 4"


def test_default_kind_is_thread():
    """kind defaults to "thread" and workers to 4"""
    results, _ = run_parallel(where, range(8))
    threads = {t for _, _, t in results}
    assert {p for _, p, _ in results} == {os.getpid()}, "the default kind is 'thread': run in this process"
    assert len(threads) == 4, f"by default 4 worker threads should share 8 items, {len(threads)} threads ran them"


def test_seconds_is_the_real_wall_time():
    """seconds is the wall time of the run, pool start-up included"""
    start = time.perf_counter()
    _, seconds = run_parallel(nap, range(4), kind="serial")
    took = time.perf_counter() - start
    assert 0.16 <= seconds <= took, (f"4 serial naps of 0.04 s took {took:.3f} s around the call; run_parallel "
                                     f"reported {seconds!r}: time the whole run with time.perf_counter()")


# ---------------------------------------------------------------- where the work really runs

def test_threads_run_in_this_process():
    """kind="thread" runs in this process, on several threads, at most `workers` of them"""
    results, _ = run_parallel(where, range(12), kind="thread", workers=3)
    pids = {p for _, p, _ in results}
    threads = {t for _, _, t in results}
    assert pids == {os.getpid()}, f"threads share this process, but the items ran in processes {pids}"
    assert len(threads) <= 3, f"workers=3 should mean at most 3 threads, but {len(threads)} ran the items"
    assert len(threads) == 3, (f"12 items that each wait a little should keep all 3 threads busy; only "
                               f"{len(threads)} ran: hand the items to a pool of threads")


def test_processes_are_separate():
    """kind="process" runs in `workers` other processes"""
    results, _ = run_parallel(where, range(10), kind="process", workers=2)
    assert [x for x, _, _ in results] == list(range(10)), "results should stay in input order"
    pids = {p for _, p, _ in results}
    assert os.getpid() not in pids, "kind='process' ran an item in this process: use worker processes"
    assert len(pids) <= 2, f"workers=2 should mean at most 2 processes, but {len(pids)} ran the items"
    assert len(pids) == 2, f"10 items should keep both worker processes busy; only {len(pids)} ran them"


def test_serial_runs_here_in_this_thread():
    """kind="serial" runs every item right here, in the calling thread"""
    results, _ = run_parallel(where, range(3), kind="serial")
    assert {(p, t) for _, p, t in results} == {(os.getpid(), threading.get_ident())}, (
        "kind='serial' should run each item in the calling thread, one after another")


# ---------------------------------------------------------------- what the GIL does to each

@pytest.fixture(scope="module")
def slow_api():
    async def page(request):
        await asyncio.sleep(0.1)
        return web.Response(text=request.match_info["n"])

    app = web.Application()
    app.router.add_get("/page/{n}", page)
    with http_server(app) as server:
        yield server


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.read().decode()


def test_threads_overlap_io(slow_api):
    """I/O-bound work: 8 threads keep 8 requests in flight at once, 4x faster or more"""
    slow_api.reset()
    urls = [f"{slow_api.url}/page/{n}" for n in range(16)]
    results, seconds = run_parallel(fetch, urls, kind="thread", workers=8)
    assert results == [str(n) for n in range(16)], f"each page returns its number; got {results!r}"
    assert slow_api.max_in_flight == 8, (f"with workers=8, 8 requests should be in flight at the server at once; "
                                         f"the most it saw was {slow_api.max_in_flight}")
    serial = 16 * 0.1
    assert seconds <= serial / 4, (f"16 requests of 0.1 s on 8 threads took {seconds:.2f} s: at least 4x faster than "
                                   f"one after another ({serial:.1f} s), because a thread waiting for the network "
                                   "releases the GIL")


def test_threads_do_not_speed_up_cpu_work():
    """CPU-bound pure Python on threads: one core at a time (CPU time <= wall time) and no speed-up"""
    items = [SPIN] * 6
    ratios, usage = [], []
    for _ in range(3):  # best of three, alternating: a busy machine slows both alike
        _, serial = run_parallel(spin, items, kind="serial")
        cpu = cpu_seconds_here()
        _, threaded = run_parallel(spin, items, kind="thread", workers=3)
        usage.append((cpu_seconds_here() - cpu) / threaded)
        ratios.append(serial / threaded)
    assert min(usage) <= 1.1, (f"the threads used {min(usage):.2f} s of CPU per second of wall time: more than one "
                               "core at once, which the GIL does not allow threads running Python code. Are these "
                               "really threads of this process?")
    assert min(ratios) <= 1.3, (f"threads ran CPU-bound Python {min(ratios):.2f}x faster than a serial run; with the "
                                "GIL they take turns, so expect about 1x. Are these really threads?")


def test_processes_do_the_cpu_work():
    """CPU-bound work on processes: the CPU time is spent in the workers, not here"""
    items = [SPIN * 2] * 6
    _, serial = run_parallel(spin, items, kind="serial")
    here, kids = cpu_seconds_here(), children_cpu()
    results, parallel = run_parallel(spin, items, kind="process", workers=2)
    here, kids = cpu_seconds_here() - here, children_cpu() - kids
    assert results == [spin(SPIN * 2)] * 6
    assert kids > here, (f"the worker processes used {kids:.2f} s of CPU and this process {here:.2f} s: the "
                         "work should run in the workers (and wait for them to finish, so they are reaped)")
    if cores_idle():  # only then can two processes be expected to beat one
        assert serial / parallel >= 1.4, (f"on an idle machine with {os.cpu_count()} cores, 2 processes ran "
                                          f"CPU-bound work only {serial / parallel:.2f}x faster than serially")


def test_speedups_measures_both():
    """speedups() measures: sleeping work speeds up on threads; CPU work does not"""
    got = speedups(long_nap, range(6), workers=6)
    assert type(got) is dict and set(got) == {"thread", "process"}, (
        f"speedups() should return {{'thread': ..., 'process': ...}}, got {got!r}")
    assert all(type(v) is float for v in got.values()), f"the speed-ups should be floats, got {got!r}"
    assert got["thread"] >= 3, (f"6 naps of 0.06 s on 6 threads should be several times faster than serially; "
                                f"speedups() says {got['thread']:.2f}x")
    assert got["process"] >= 1.2, (f"6 naps of 0.06 s on 6 processes overlap too (starting them costs some); "
                                   f"speedups() says {got['process']:.2f}x")
    cpu = speedups(spin, iter([SPIN] * 4), workers=2)
    assert cpu["thread"] <= 1.3, (f"CPU-bound Python gets no faster on threads, but speedups() says "
                                  f"{cpu['thread']:.2f}x: time the same items each way (items may be an iterator, "
                                  "which runs out after one pass: make a list first)")


# ---------------------------------------------------------------- what you concluded

ANSWERS = {
    "fetch 200 pages from a slow web API": (
        "thread", "the work is waiting for the network, and a waiting thread releases the GIL: threads overlap the "
        "waits at a fraction of the cost of processes"),
    "count the primes below 10 million in pure Python": (
        "process", "pure-Python arithmetic holds the GIL, so threads take turns; only processes use more cores"),
    "sha256 of 50 large byte strings already in memory": (
        "thread", "hashlib releases the GIL while hashing a large buffer, so threads do run in parallel here, and "
        "processes would first have to pickle every buffer over to the workers"),
    "square each of 20 small integers": (
        "serial", "microseconds of work: starting a pool costs far more than it could ever save"),
    "resize 500 images with a pure-Python pixel loop": (
        "process", "a pixel loop in Python is CPU-bound, like the primes: the GIL makes threads take turns"),
}


def test_best_kind_for_each_workload():
    """BEST names the right kind for each workload"""
    assert type(BEST) is dict and set(BEST) == set(ANSWERS), (
        f"BEST should have exactly these workloads as keys (don't rename them): {sorted(ANSWERS)}")
    if all(v is ... for v in BEST.values()):
        raise NotImplementedError("BEST still has ... for every workload: fill in your answers")
    wrong = []
    for workload, (want, why) in ANSWERS.items():
        got = BEST[workload]
        if got not in ("serial", "thread", "process"):
            wrong.append(f"{workload!r}: {got!r} is not one of 'serial', 'thread', 'process'")
        elif got != want:
            wrong.append(f"{workload!r}: not {got!r}. Think about what the work waits on: {why}")
    assert not wrong, "\n".join(wrong)

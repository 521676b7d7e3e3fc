import json
import os
import subprocess
import sys
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pyexercise.checklib import hammer, race_amplifier, redis_servers, target_module_name, target_path, time_budget
from replicated_cache import CacheUnavailable, ReplicatedCache

FAKE = [f"redis://127.0.0.1:{port}/0" for port in (7001, 7002, 7003, 7004)]


# ----------------------------------------------------------------------------- the ring (no server needed)


def test_nodes_for_gives_distinct_replicas():
    """nodes_for(key) lists `replicas` distinct node URLs from those given"""
    ring = ReplicatedCache(FAKE[:3], replicas=2)
    got = ring.nodes_for("user:42")
    assert type(got) is list and len(got) == 2, f"with replicas=2, nodes_for() should return a list of 2 URLs, got {got!r}"
    assert len(set(got)) == 2 and set(got) <= set(FAKE[:3]), f"the 2 replicas must be 2 different given nodes, got {got!r}"
    assert ReplicatedCache(FAKE[:3], replicas=3).nodes_for("user:42")[:2] == got, (
        "with replicas=3 the first two nodes should be the same as with replicas=2: walk the ring clockwise")
    assert ReplicatedCache(list(reversed(FAKE[:3])), replicas=2).nodes_for("user:42") == got, (
        "the ring must not depend on the order the URLs are listed in: place nodes by hashing them")


@pytest.mark.parametrize("urls, replicas", [([], 1), (FAKE[:2], 3), (FAKE[:2], 0), ([FAKE[0], FAKE[0]], 2)])
def test_rejects_bad_configs(urls, replicas):
    """no nodes, or replicas outside 1 .. number of (distinct) nodes, is a ValueError"""
    with pytest.raises(ValueError):
        ReplicatedCache(urls, replicas=replicas)


def test_defaults_and_duplicates():
    """by default a key has 2 replicas; a URL listed twice is one node"""
    got = ReplicatedCache(FAKE[:3]).nodes_for("k")
    assert len(got) == 2, f"the default is replicas=2, nodes_for() gave {got!r}"
    twice = ReplicatedCache([FAKE[0], FAKE[1], FAKE[0]], replicas=2)
    assert sorted(twice.nodes_for("k")) == sorted(FAKE[:2]), "a URL given twice counts once"


def test_keys_spread_evenly():
    """3000 keys over 3 nodes: each node is the first replica of 20% .. 47% of them"""
    ring = ReplicatedCache(FAKE[:3], replicas=1)
    share = Counter(ring.nodes_for(f"key-{i}")[0] for i in range(3000))
    assert len(share) == 3 and all(600 <= n <= 1400 for n in share.values()), (
        f"3000 keys over 3 nodes landed as {dict(share)}: put many virtual points per node on the ring")


@pytest.fixture(scope="module")
def rings():
    return ReplicatedCache(FAKE[:3], replicas=2), ReplicatedCache(FAKE, replicas=2)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=20, unique=True))
def test_adding_a_node_moves_only_keys_onto_it(rings, keys):
    """a fourth node joins: a key's replicas change only by taking in the new node"""
    before, after = rings
    for key in keys:
        old, new = before.nodes_for(key), after.nodes_for(key)
        assert set(new) <= set(old) | {FAKE[3]}, (
            f"adding {FAKE[3]} changed the replicas of {key!r} from {old} to {new}: with consistent hashing a key "
            "only ever moves onto the new node")


def test_ring_is_the_same_in_every_process():
    """another process (another PYTHONHASHSEED) places keys on the same nodes"""
    code = (f"import importlib.util, json, sys\n"
            f"spec = importlib.util.spec_from_file_location({target_module_name()!r}, {str(target_path())!r})\n"
            f"m = importlib.util.module_from_spec(spec); sys.modules[spec.name] = m; spec.loader.exec_module(m)\n"
            f"c = m.ReplicatedCache({FAKE[:3]!r}, replicas=2)\n"
            f"print(json.dumps([c.nodes_for(f'k{{i}}') for i in range(50)]))\n")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    if "NotImplementedError" in out.stderr:
        raise NotImplementedError(out.stderr.strip().splitlines()[-1])
    assert out.returncode == 0, f"running the cache in another process failed:\n{out.stderr[-2000:]}"
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    mine = [ReplicatedCache(FAKE[:3], replicas=2).nodes_for(f"k{i}") for i in range(50)]
    assert theirs == mine, ("a process with another PYTHONHASHSEED puts keys on other nodes: hash with hashlib "
                            "(md5, sha1, blake2b), never the built-in hash()")


# ----------------------------------------------------------------------------- three real nodes


@pytest.fixture(scope="module")
def cluster():
    with redis_servers(3) as nodes:
        yield nodes


@pytest.fixture
def nodes(cluster):
    for node in cluster:
        node.resume()
        node.start()
        node.client().flushall()
    return cluster


@pytest.fixture
def cache(nodes):
    c = ReplicatedCache([n.url for n in nodes], replicas=2, socket_timeout=0.25, lock_ttl=1.0)
    yield c
    c.close()


def holders(nodes, key):
    return [n.url for n in nodes if n.running and n.client().exists(key)]


def by_url(nodes):
    return {n.url: n for n in nodes}


def test_set_get_delete(cache, nodes):
    """set() then get() gives the value back; a missing or deleted key is None"""
    assert cache.get("missing") is None, "get() of a key never set should be None"
    cache.set("greeting", "héllo wörld")
    got = cache.get("greeting")
    assert got == "héllo wörld" and type(got) is str, f"get() should return the str that was set, got {got!r}"
    cache.set("greeting", "bye")
    assert cache.get("greeting") == "bye", "setting a key again replaces its value"
    cache.delete("greeting")
    assert cache.get("greeting") is None, "after delete() get() should be None"
    cache.set("greeting", "back")
    assert cache.get("greeting") == "back", "a deleted key can be set again"
    with pytest.raises(TypeError):
        cache.set("n", 5)


def test_value_lives_on_its_replicas(cache, nodes):
    """each key is stored under its own name on exactly the nodes nodes_for(key) names"""
    for i in range(20):
        cache.set(f"item:{i}", f"v{i}")
    for i in range(20):
        key = f"item:{i}"
        assert sorted(holders(nodes, key)) == sorted(cache.nodes_for(key)), (
            f"{key!r} should be stored (under the key {key!r}) on its replicas {cache.nodes_for(key)}, "
            f"it is on {holders(nodes, key)}")


def test_ttl(cache, nodes):
    """set(key, value, ttl=seconds) expires on every replica"""
    cache.set("short", "lived", ttl=0.15)
    cache.set("long", "lived")
    assert cache.get("short") == "lived"
    time.sleep(0.25)
    assert cache.get("short") is None, "a key set with ttl=0.15 should be gone after 0.25 s"
    assert cache.get("long") == "lived", "a key set without ttl does not expire"


def test_dead_node_every_get_succeeds(cache, nodes):
    """one node SIGKILLed: every key can still be read, quickly, and written"""
    for i in range(60):
        cache.set(f"k{i}", f"value-{i}")
    nodes[0].kill()
    with time_budget(2, "60 gets with a dead node took over 2 s: a client made by redis.Redis(host=..., port=...) "
                        "retries a refused connection with backoff (seconds each); create the clients with "
                        "retry=None and short socket timeouts"):
        got = {f"k{i}": cache.get(f"k{i}") for i in range(60)}
    wrong = {k: v for k, v in got.items() if v != f"value-{k[1:]}"}
    assert not wrong, f"with one of 3 nodes dead every key still has a live replica; these came back wrong: {wrong}"
    cache.set("while-down", "ok")
    assert cache.get("while-down") == "ok", "set() must still work while one of a key's replicas is down"
    key = next(f"lk{i}" for i in range(1000) if cache.nodes_for(f"lk{i}")[0] == nodes[0].url)
    with time_budget(3, f"get_or_load({key!r}) with its first replica dead took over 3 s"):
        got = cache.get_or_load(key, lambda: "loaded anyway")
    assert got == "loaded anyway", (f"get_or_load() of a key whose first replica is dead should take the lock on "
                                    f"the next reachable replica and load; got {got!r}")


def test_restarted_node_is_refilled_by_reads(cache, nodes):
    """a node comes back empty: reads repair it, and it can then serve alone"""
    for i in range(40):
        cache.set(f"r{i}", f"value-{i}")
    nodes[0].kill()
    cache.set("late", "written while node 0 was down")
    nodes[0].start()  # back, and empty
    keys = [f"r{i}" for i in range(40)] + ["late"]
    for key in keys:
        cache.get(key)
    theirs = [k for k in keys if nodes[0].url in cache.nodes_for(k)]
    missing = [k for k in theirs if not nodes[0].client().exists(k)]
    assert theirs and not missing, (f"after get() of every key, node 0 should hold again each key it is a replica "
                                    f"of; it still lacks {missing}: write the newest record back to replicas that "
                                    "answered without it (read-repair)")
    nodes[1].kill()
    nodes[2].kill()
    wrong = {k: cache.get(k) for k in theirs if cache.get(k) != ("written while node 0 was down" if k == "late"
                                                                 else f"value-{k[1:]}")}
    assert not wrong, f"with only the repaired node 0 alive, its keys should read back right; wrong: {wrong}"


def test_all_replicas_down(nodes):
    """with every replica of a key down, get() and set() raise CacheUnavailable"""
    c = ReplicatedCache([nodes[0].url], replicas=1, socket_timeout=0.25)
    try:
        c.set("x", "1")
        nodes[0].kill()
        with pytest.raises(CacheUnavailable):
            c.get("x")
        with pytest.raises(CacheUnavailable):
            c.set("x", "2")
    finally:
        c.close()


def test_hung_replica_costs_one_timeout(cache, nodes):
    """a SIGSTOPped replica: set() and get() still succeed, within about socket_timeout"""
    key = "profile:3"
    first, _ = cache.nodes_for(key)
    cache.set(key, "before")
    by_url(nodes)[first].pause()  # SIGSTOP: it keeps its connections but answers nothing
    try:
        with time_budget(2, "set() and get() with a hung (SIGSTOPped) replica took over 2 s: give the clients a "
                            "socket_timeout (0.25 s here) and treat redis.TimeoutError like a dead node"):
            started = time.monotonic()
            cache.set(key, "during")
            got = cache.get(key)
            took = time.monotonic() - started
    finally:
        by_url(nodes)[first].resume()
    assert got == "during", f"with one replica hung, get() should return what set() just wrote, got {got!r}"
    assert took < 1.2, f"set() + get() past a hung replica took {took:.2f} s: about 2 x socket_timeout (0.25 s) is enough"


def missed_write(node_client, key, change):
    """Make the replica behind ``node_client`` miss ``change()``: keep its record from before
    (Redis DUMP / RESTORE), as if it had been cut off while the others got the write."""
    before = node_client.connection_pool.connection_kwargs
    raw = __import__("redis").Redis(host=before["host"], port=before["port"])
    try:
        saved = raw.dump(key)
        assert saved is not None, f"the key {key!r} should be stored under its own name on its replica"
        change()
        raw.restore(key, 0, saved, replace=True)
    finally:
        raw.close()


def test_newest_write_wins_over_a_stale_replica(cache, nodes):
    """a replica that missed a write is stale: get() returns the newer value and repairs it"""
    key = "profile:7"
    first, second = cache.nodes_for(key)
    node = by_url(nodes)
    cache.set(key, "old")
    missed_write(node[first].client(), key, lambda: cache.set(key, "new"))  # the first replica still says "old"
    got = cache.get(key)
    assert got == "new", (f"the first replica still holds 'old', the second 'new': get() should return {'new'!r}, "
                          f"got {got!r}. Keep a version with each value and return the newest of the replicas")
    node[second].kill()
    got = cache.get(key)
    assert got == "new", f"get() should also have repaired the stale replica; alone it now answers {got!r}"


def test_delete_is_not_undone_by_a_stale_replica(cache, nodes):
    """a replica that missed a delete must not bring the value back"""
    key = "session:9"
    first, second = cache.nodes_for(key)
    node = by_url(nodes)
    cache.set(key, "secret")
    missed_write(node[first].client(), key, lambda: cache.delete(key))  # the first replica still has "secret"
    got = cache.get(key)
    assert got is None, (f"after delete() the key must stay deleted even though one replica missed it; get() gave "
                         f"{got!r}. Delete by writing a newer 'tombstone' record (with an expiry), not by DEL")
    node[second].kill()
    got = cache.get(key)
    assert got is None, f"read-repair should have put the tombstone on the stale replica too; alone it answers {got!r}"


def test_newer_record_is_never_overwritten(cache, nodes):
    """two caches writing the same key: the last set() wins on every replica"""
    other = ReplicatedCache([n.url for n in reversed(nodes)], replicas=2, socket_timeout=0.25)
    try:
        for i in range(20):
            (cache if i % 2 else other).set("shared", f"v{i}")
        assert cache.get("shared") == other.get("shared") == "v19", "the last write (v19) should win everywhere"
    finally:
        other.close()


def write_commands(nodes):
    """How many writing commands the nodes have run since their stats were reset."""
    writes = ("eval", "evalsha", "hset", "set", "del", "pexpire", "expire", "restore", "hmset")
    total = 0
    for n in nodes:
        stats = n.client().info("commandstats")
        total += sum(stats.get(f"cmdstat_{w}", {}).get("calls", 0) for w in writes)
    return total


def test_reads_of_agreeing_replicas_write_nothing(cache, nodes):
    """when the replicas agree, get() only reads: read-repair writes only to stale or empty ones"""
    for i in range(10):
        cache.set(f"calm{i}", "same")
    for n in nodes:
        n.client().config_resetstat()
    for i in range(10):
        assert cache.get(f"calm{i}") == "same"
    assert cache.get("never-set") is None
    writes = write_commands(nodes)
    assert writes == 0, (f"11 gets of keys whose replicas agree made {writes} writing commands: repair only a "
                         "replica whose record is older than the newest (or missing)")


def test_close_and_with(nodes):
    """close() (or leaving a with block) closes the connections to the nodes"""
    import psutil

    ports = {n.port for n in nodes}

    def open_to_nodes():
        return [c for c in psutil.Process().net_connections(kind="tcp")
                if c.raddr and c.raddr.port in ports and c.status == psutil.CONN_ESTABLISHED]

    before = len(open_to_nodes())
    with ReplicatedCache([n.url for n in nodes], replicas=3) as c:
        assert isinstance(c, ReplicatedCache), "`with ReplicatedCache(...) as c` should give the cache"
        c.set("conn", "x")
        assert len(open_to_nodes()) >= before + 3, "writing to 3 replicas should open connections to them"
    time.sleep(0.05)
    assert len(open_to_nodes()) <= before, "leaving the with block should close the cache's connections"


def test_concurrent_gets(cache, nodes):
    """many threads reading and writing through one cache object work"""
    for i in range(10):
        cache.set(f"t{i}", str(i))
    run = hammer(lambda: [cache.get(f"t{i}") for i in range(10)], threads=6, calls=10)
    if run.errors:
        raise run.errors[0]
    assert all(r == [str(i) for i in range(10)] for r in run.results), "6 threads reading at once should all see the values"


# ----------------------------------------------------------------------------- the stampede lock

DRIVER = r"""
import importlib.util, json, os, sys, threading, time
target, module, urls, work, mode = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
spec = importlib.util.spec_from_file_location(module, target)
mod = importlib.util.module_from_spec(spec); sys.modules[module] = mod; spec.loader.exec_module(mod)
cache = mod.ReplicatedCache(urls, replicas=2, socket_timeout=0.25, lock_ttl=0.5 if mode == "hang" else 2.0)

def loader():
    with open(os.path.join(work, "loads"), "a") as f:
        f.write(f"{os.getpid()}\n")
    if mode == "hang":
        open(os.path.join(work, "loading"), "w").close()
        time.sleep(60)
    time.sleep(0.3)
    return "expensive result"

results = []
def call():
    try:
        results.append(cache.get_or_load("report", loader))
    except BaseException as exc:
        results.append(f"{type(exc).__name__}: {exc}")

open(os.path.join(work, f"ready-{os.getpid()}"), "w").close()
while not os.path.exists(os.path.join(work, "go")):
    time.sleep(0.005)
threads = [threading.Thread(target=call) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
with open(os.path.join(work, f"out-{os.getpid()}"), "w") as f:
    json.dump(results, f)
"""


def start_workers(nodes, work, count, mode):
    urls = json.dumps([n.url for n in nodes])
    procs = [subprocess.Popen([sys.executable, "-c", DRIVER, str(target_path()), target_module_name(), urls,
                               str(work), mode], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(count)]
    deadline = time.monotonic() + 20
    while sum(f.startswith("ready-") for f in os.listdir(work)) < count:
        dead = [p for p in procs if p.poll() is not None]
        if dead:
            err = dead[0].stderr.read()
            if "NotImplementedError" in err:
                raise NotImplementedError(err.strip().splitlines()[-1])
            pytest.fail(f"a worker process could not start the cache:\n{err[-2000:]}", pytrace=False)
        assert time.monotonic() < deadline, "the worker processes did not start within 20 s"
        time.sleep(0.02)
    (work / "go").touch()
    return procs


def finish(procs, timeout=20):
    for p in procs:
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            pytest.fail(f"a worker's get_or_load() calls did not return within {timeout} s", pytrace=False)


def test_loader_runs_once_under_a_stampede(nodes, tmp_path):
    """2 processes x 4 threads miss the same key at once: the loader runs once, all get its value"""
    procs = start_workers(nodes, tmp_path, 2, "normal")
    try:
        finish(procs)
    finally:
        for p in procs:
            p.kill()
            p.wait()
    results = []
    for p in procs:
        out = tmp_path / f"out-{p.pid}"
        assert out.exists(), f"worker {p.pid} crashed:\n{p.stderr.read()[-2000:]}"
        results += json.loads(out.read_text())
    errors = [r for r in results if r != "expensive result"]
    if any(r.startswith("NotImplementedError") for r in errors):
        raise NotImplementedError(errors[0])
    assert not errors, f"every get_or_load() should return the loader's value; some gave {errors}"
    loads = (tmp_path / "loads").read_text().split()
    assert len(loads) == 1, (f"8 concurrent misses in 2 processes ran the loader {len(loads)} times; it should run "
                             "once. Take a lock in Redis (SET lock:KEY token NX PX ...) — a threading.Lock can't "
                             "stop other processes — and let the others wait for the value")
    c = ReplicatedCache([n.url for n in nodes], replicas=2)
    try:
        assert c.get("report") == "expensive result", "the loaded value should be cached for later gets"
    finally:
        c.close()


def test_get_or_load_hits_and_misses(cache, nodes):
    """a cached value is returned without calling the loader; a miss calls it once and caches it"""
    calls = []

    def loader():
        calls.append(1)
        return "computed"

    cache.set("hit", "cached")
    for n in nodes:
        n.client().config_resetstat()
    assert cache.get_or_load("hit", loader) == "cached" and calls == [], "a hit must not call the loader"
    assert write_commands(nodes) == 0, "a hit should only read: no lock, no writes"
    assert cache.get_or_load("miss", loader) == "computed" and calls == [1], "a miss calls the loader once"
    assert cache.get("miss") == "computed" and cache.get_or_load("miss", loader) == "computed" and calls == [1]
    cache.get_or_load("expiring", loader, ttl=0.15)
    time.sleep(0.25)
    assert cache.get("expiring") is None, "get_or_load(..., ttl=0.15) should cache with that ttl"


def test_only_one_load_per_key_under_threads(nodes):
    """8 threads, each with its own cache object, miss 6 keys together: one load per key"""
    import threading

    loads = Counter()
    lock = threading.Lock()
    caches = [ReplicatedCache([n.url for n in nodes], replicas=2, lock_ttl=2.0) for _ in range(8)]

    def loader_for(key):
        def load():
            with lock:
                loads[key] += 1
            return f"value of {key}"
        return load

    try:
        with race_amplifier():
            run = hammer(lambda t, i: caches[t].get_or_load(f"hot{i}", loader_for(f"hot{i}")), threads=8, calls=6,
                         args_for=lambda t, i: (t, i))
    finally:
        for c in caches:
            c.close()
    if run.errors:
        raise run.errors[0]
    assert sorted(run.results) == sorted(f"value of hot{i}" for i in range(6) for _ in range(8)), (
        "every get_or_load() should return its key's loaded value")
    twice = {k: n for k, n in loads.items() if n > 1}
    assert not twice, (f"some keys were loaded more than once: {twice}. After taking the lock, get() again before "
                       "loading: another caller may have loaded and released in between")


def test_waiting_does_not_spin(nodes):
    """callers waiting for another's load sleep between looks, instead of burning CPU"""
    import threading

    c = ReplicatedCache([n.url for n in nodes], replicas=2)
    started = threading.Event()

    def slow():
        started.set()
        time.sleep(0.4)
        return "slow value"

    try:
        loader = threading.Thread(target=lambda: c.get_or_load("slow", slow))
        loader.start()
        started.wait(5)
        cpu = time.process_time()
        waiters = [threading.Thread(target=lambda: c.get_or_load("slow", slow)) for _ in range(3)]
        for w in waiters:
            w.start()
        for w in waiters + [loader]:
            w.join(5)
        spent = time.process_time() - cpu
    finally:
        c.close()
    assert spent < 0.2, (f"3 callers waiting ~0.4 s for another's load used {spent:.2f} s of CPU: sleep a little "
                         "(20 ms) between looks")


def test_failing_loader_releases_the_lock(cache, nodes):
    """a loader that raises: the error reaches the caller and the next caller can load at once"""
    def broken():
        raise LookupError("database down")

    with pytest.raises(LookupError):
        cache.get_or_load("flaky", broken)
    started = time.monotonic()
    got = cache.get_or_load("flaky", lambda: "recovered")
    took = time.monotonic() - started
    assert got == "recovered", f"after a failed load the next get_or_load() should load again, got {got!r}"
    assert took < 0.5, (f"the next caller waited {took:.2f} s: release the lock (in a finally:) when the loader "
                        "raises, don't leave it to expire")


def test_crashed_loader_does_not_block_forever(nodes, tmp_path):
    """the process holding the lock is SIGKILLed mid-load: after lock_ttl another caller loads"""
    procs = start_workers(nodes, tmp_path, 1, "hang")
    try:
        deadline = time.monotonic() + 10
        while not (tmp_path / "loading").exists():
            if procs[0].poll() is not None:
                err = procs[0].stderr.read()
                if "NotImplementedError" in err:
                    raise NotImplementedError(err.strip().splitlines()[-1])
                pytest.fail(f"the worker died before loading:\n{err[-2000:]}", pytrace=False)
            assert time.monotonic() < deadline, "the worker never started loading"
            time.sleep(0.01)
        procs[0].kill()
    finally:
        for p in procs:
            p.kill()
            p.wait()
    c = ReplicatedCache([n.url for n in nodes], replicas=2, lock_ttl=0.5)
    try:
        started = time.monotonic()
        with time_budget(3, "get_or_load() waited over 3 s for the lock of a SIGKILLed loader: give the lock an "
                            "expiry of lock_ttl seconds (SET lock:KEY token NX PX ...), so a crashed holder frees it"):
            got = c.get_or_load("report", lambda: "second try")
        took = time.monotonic() - started
    finally:
        c.close()
    assert got == "second try", f"once the dead holder's lock expires the loader should run here, got {got!r}"
    assert took < 0.8, (f"the lock of a crashed loader should expire after lock_ttl (0.5 s here); waiting took "
                        f"{took:.1f} s: give the lock an expiry of lock_ttl seconds (SET ... NX PX)")

import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from leader_election import Candidate, FencedResource, current_leader
from pyexercise.checklib import hammer, race_amplifier, target_module_name, target_path, time_budget, wait_until

TTL = 0.5
SERVER = {}


@pytest.fixture(scope="module", autouse=True)
def _url(private_redis):
    SERVER["url"] = private_redis.url  # the same across restarts


@pytest.fixture
def candidates(private_client):
    """Make candidates that are all stopped when the test ends."""
    made = []

    def make(name, ttl=TTL, election="election"):
        c = Candidate(SERVER["url"], election, name, ttl=ttl)
        made.append(c)
        return c

    yield make
    for c in made:
        try:
            c.stop()
        except Exception:  # noqa: BLE001 - one that never started
            pass


# ----------------------------------------------------------------------------- the fenced resource


def test_fenced_resource_refuses_older_tokens(private_client):
    """a write with a token older than one already seen is refused; equal or newer ones are taken"""
    res = FencedResource(SERVER["url"], "ledger")
    got = [res.write(5, "a"), res.write(5, "b"), res.write(3, "late"), res.write(8, "c"), res.write(7, "stale")]
    assert got == [True, True, False, True, False], (
        f"writes with tokens 5, 5, 3, 8, 7 should be taken, taken, refused, taken, refused; got {got}")
    log = res.log()
    assert log == [(5, "a"), (5, "b"), (8, "c")], f"log() should list the accepted writes as (token, value), got {log}"
    assert all(type(t) is int for t, _ in log), "the tokens in log() should be ints"
    newest = private_client.get("ledger:token")
    assert newest == "8", f"the newest token should be kept in ledger:token, it holds {newest!r}"
    assert FencedResource(SERVER["url"], "other").write(1, "x"), "each resource (by name) has its own newest token"
    with pytest.raises(TypeError):
        res.write("9", "x")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=st.lists(st.integers(0, 20), max_size=15))
def test_fenced_resource_matches_a_model(private_client, tokens):
    """for any sequence of tokens, exactly those not below the newest so far are accepted"""
    private_client.flushall()
    res = FencedResource(SERVER["url"], "model")
    newest, want = -1, []
    for i, t in enumerate(tokens):
        ok = res.write(t, f"w{i}")
        expected = t >= newest
        assert ok is expected, f"tokens {tokens[:i + 1]}: the write with {t} should be {'taken' if expected else 'refused'}"
        if expected:
            newest = t
            want.append((t, f"w{i}"))
    assert res.log() == want


def test_fenced_resource_is_atomic(private_client):
    """8 threads writing with different tokens at once: the log's tokens never go down"""
    res = FencedResource(SERVER["url"], "race")
    with race_amplifier():
        run = hammer(lambda t, i: res.write(t * 40 + i, f"{t}-{i}"), threads=8, calls=40, args_for=lambda t, i: (t, i))
    if run.errors:
        raise run.errors[0]
    tokens = [t for t, _ in res.log()]
    assert tokens == sorted(tokens), (
        "with 8 writers at once a lower token was accepted after a higher one: compare and write in one step "
        "(a Lua script), not GET then SET")
    assert sum(run.results) == len(tokens), "write() should return True exactly for the writes that were logged"


# ----------------------------------------------------------------------------- candidates in one process


def test_first_candidate_leads(private_client, candidates):
    """a lone candidate becomes leader, with an int fencing token and a leased (expiring) node"""
    a = candidates("a")
    assert a.is_leader is False and a.token is None, "a candidate that has not started is not leader"
    a.start()
    assert a.is_leader is True, "start() should return knowing whether it leads: a lone candidate leads at once"
    assert a.wait_for_leadership(2) is True
    token = a.token
    with pytest.raises(RuntimeError):
        a.start()
    assert private_client.get("election:seq") == str(token), "the node numbers come from INCR election:seq"
    assert type(token) is int and token > 0, f"token should be the leader's node number (an int > 0), got {token!r}"
    node = f"election:node:{token:010d}"
    assert private_client.get(node) == "a", (
        f"the candidate's node should be the key {node!r} holding its id, Redis has {private_client.keys('*')}")
    pttl = private_client.pttl(node)
    assert 0 < pttl <= TTL * 1000, f"the node is ephemeral: it should expire within ttl ({TTL * 1000:.0f} ms), PTTL is {pttl}"
    time.sleep(TTL * 1.5)
    assert private_client.exists(node) and a.is_leader, (
        "a live candidate keeps renewing its node: after 1.5 x ttl it is still there")
    assert current_leader(SERVER["url"], "election") == ("a", token), (
        f"current_leader() should be ('a', {token}), got {current_leader(SERVER['url'], 'election')!r}")


def test_followers_wait_their_turn(private_client, candidates):
    """candidates lead in the order they joined; a resigned leader is replaced at once"""
    a, b, c = candidates("a"), candidates("b"), candidates("c")
    for cand in (a, b, c):
        cand.start()
    assert a.wait_for_leadership(2)
    assert not b.is_leader and not c.is_leader, "only the first to join leads"
    assert b.token is None, "a follower has no fencing token (None)"
    first = a.token
    assert b.wait_for_leadership(0.3) is False, "wait_for_leadership() of a follower should give up after its timeout"
    a.stop()
    assert private_client.get(f"election:node:{first:010d}") is None, "stop() should delete the candidate's node at once"
    assert private_client.zscore("election:members", f"election:node:{first:010d}") is None, (
        "stop() should also remove the node from the members index")
    assert not a.is_leader and a.token is None, "after stop() a candidate is no longer leader"
    started = time.monotonic()
    assert b.wait_for_leadership(2), "after the leader resigns, the next in line (b, who joined second) should lead"
    took = time.monotonic() - started
    assert not c.is_leader, "c joined after b: b leads first"
    assert took < TTL, f"a resignation should hand over within ttl/4-ish, not wait for a lease to expire ({took:.2f} s)"
    assert b.token > first, f"the new leader's token {b.token} must be higher than the old one's {first}"
    assert current_leader(SERVER["url"], "election") == ("b", b.token)
    b.stop()
    assert c.wait_for_leadership(2) and c.token > first


def test_middle_candidate_leaving_changes_nothing(private_client, candidates):
    """a follower that leaves does not disturb the leader; the one behind it moves up"""
    a, b, c = candidates("a"), candidates("b"), candidates("c")
    for cand in (a, b, c):
        cand.start()
    assert a.wait_for_leadership(2)
    token = a.token
    b.stop()
    time.sleep(TTL)
    assert a.is_leader and a.token == token, "a follower leaving must not change the leader or its token"
    assert not c.is_leader, "c is still behind a"
    a.stop()
    assert c.wait_for_leadership(2), "with a and b gone, c should lead"


def member_listings(client):
    """How many commands that list the members Redis has run since its stats were reset."""
    stats = client.info("commandstats")
    return sum(stats.get(f"cmdstat_{c}", {}).get("calls", 0)
               for c in ("zrange", "zrangebyscore", "zrevrange", "scan", "keys", "zscan", "smembers", "sscan"))


def test_followers_watch_only_their_predecessor(private_client, candidates):
    """with nothing changing, candidates don't keep listing the members (no herd polling the leader)"""
    group = [candidates(f"w{i}") for i in range(5)]
    for cand in group:
        cand.start()
    assert group[0].wait_for_leadership(2)
    time.sleep(TTL / 2)
    private_client.config_resetstat()
    time.sleep(1.0)
    listings = member_listings(private_client)
    assert listings <= 5, (
        f"5 candidates listed the members {listings} times in 1 s while nothing changed: each follower should "
        "check only its predecessor's node (EXISTS), and list the members only when that one is gone")
    assert group[0].is_leader and not any(c.is_leader for c in group[1:])
    private_client.config_resetstat()
    group[0].stop()
    assert group[1].wait_for_leadership(2)
    time.sleep(TTL)
    listings = member_listings(private_client)
    assert listings <= 2, (
        f"when the leader resigned, the members were listed {listings} times: only its successor watches it, so "
        "only that one should look at the members (the others' predecessors are still there)")


def test_leadership_ends_when_the_lease_cannot_be_renewed(private_client, private_redis, candidates):
    """Redis hangs (SIGSTOP): within ttl the leader stops calling itself leader, by its own clock"""
    a = candidates("a")
    a.start()
    assert a.wait_for_leadership(2)
    private_redis.pause()
    try:
        time.sleep(TTL * 1.3)
        with time_budget(1, "is_leader hung while Redis was paused: answer from what the candidate knows "
                            "(its lease's end by time.monotonic()), without calling Redis"):
            still = a.is_leader
            token = a.token
    finally:
        private_redis.resume()
    assert still is False and token is None, (
        "the leader could not renew its lease for 1.3 x ttl, so it must stop acting as leader (is_leader False, "
        "token None) even before it can reach Redis again: its lease may have expired and someone else may lead")
    assert a.wait_for_leadership(3), "once Redis is back the lone candidate leads again (after joining again)"


def test_expired_members_are_pruned(private_client, candidates):
    """a member whose node has expired is skipped and removed from the index"""
    private_client.zadd("election:members", {"election:node:0000000000": 0})  # a crashed candidate, its node long expired
    a = candidates("a")
    a.start()
    assert a.is_leader, "a member whose node has expired does not count: a leads"
    assert current_leader(SERVER["url"], "election") == ("a", a.token)
    assert private_client.zscore("election:members", "election:node:0000000000") is None, (
        "current_leader() (and the candidates) should remove expired members from the members index")


def test_unstarted_candidate_can_stop(private_client):
    """stop() on a candidate that never started does nothing (and raises nothing)"""
    Candidate(SERVER["url"], "election", "idle", ttl=TTL).stop()


def test_survives_a_redis_restart(private_client, private_redis, candidates):
    """Redis is SIGKILLed and comes back empty: the candidate keeps trying, and leads again"""
    a = candidates("a")
    a.start()
    assert a.wait_for_leadership(2)
    private_redis.kill()
    time.sleep(TTL * 1.2)
    assert not a.is_leader, "with Redis gone for longer than ttl, the candidate cannot know it leads"
    private_redis.start()
    assert a.wait_for_leadership(3), (
        "once Redis is back the candidate should join again and lead: its thread must survive the "
        "redis.ConnectionError of the ticks that failed")


def test_elections_are_independent(private_client, candidates):
    """two elections (by name) each have their own leader"""
    x, y = candidates("x", election="jobs"), candidates("y", election="mail")
    x.start()
    y.start()
    assert x.wait_for_leadership(2) and y.wait_for_leadership(2), "the only candidate of each election leads it"
    assert current_leader(SERVER["url"], "jobs")[0] == "x" and current_leader(SERVER["url"], "mail")[0] == "y"
    assert current_leader(SERVER["url"], "nobody") is None, "an election without candidates has no leader: None"


def test_bad_arguments(private_client):
    """ttl must be positive and the candidate id not empty"""
    with pytest.raises(ValueError):
        Candidate(SERVER["url"], "e", "a", ttl=0)
    with pytest.raises(ValueError):
        Candidate(SERVER["url"], "e", "", ttl=1)


# ----------------------------------------------------------------------------- candidates in processes
#
# Each process runs one candidate and, while it leads, writes to a FencedResource every 50 ms with
# its token. It reports what it believes in status:<id> (fresh for 0.3 s). When the check sets hold=<id>, that
# leader takes its token and then waits for go before writing: the moment a long GC pause (here a
# SIGSTOP) would catch a leader in the middle of its work.

DRIVER = r"""
import importlib.util, sys, threading, time
target, module, url, name, ttl = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
spec = importlib.util.spec_from_file_location(module, target)
mod = importlib.util.module_from_spec(spec); sys.modules[module] = mod; spec.loader.exec_module(mod)
import redis
r = redis.Redis.from_url(url, decode_responses=True)
cand = mod.Candidate(url, "cluster", name, ttl=ttl)
res = mod.FencedResource(url, "resource")
cand.start()
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
n = 0
while not stop.is_set():
    if cand.is_leader:
        token = cand.token
        if r.get("hold") == name:
            r.set(f"holding:{name}", token)
            while not r.get("go"):
                time.sleep(0.005)
            r.set(f"late:{name}", int(res.write(token, f"{name}:late")))
            r.delete("hold")
        elif token is not None:
            n += 1
            res.write(token, f"{name}:{n}")
    r.set(f"status:{name}", f"leader:{cand.token}" if cand.is_leader else "follower", px=300)
    time.sleep(0.05)
cand.stop()
r.set(f"status:{name}", "stopped")
"""


def test_crash_and_pause(private_client):
    """leader SIGKILLed: a new one within 2 x ttl; a SIGSTOPped leader's late write is fenced off"""
    procs = {}
    try:
        for name in ("n1", "n2", "n3"):
            procs[name] = subprocess.Popen(
                [sys.executable, "-c", DRIVER, str(target_path()), target_module_name(), SERVER["url"], name, str(TTL)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            time.sleep(0.05)  # join in order

        def started():
            for p in procs.values():
                if p.poll() is not None:
                    err = p.stderr.read()
                    if "NotImplementedError" in err:
                        raise NotImplementedError(err.strip().splitlines()[-1])
                    pytest.fail(f"a candidate process died:\n{err[-2000:]}", pytrace=False)
            return all(private_client.get(f"status:{n}") for n in procs)

        assert wait_until(started, 20), "the candidate processes did not start within 20 s"

        def leaders():
            """The live processes that say they lead (a status is fresh for 0.3 s)."""
            return sorted(n for n, p in procs.items()
                          if p.poll() is None and (private_client.get(f"status:{n}") or "").startswith("leader"))

        assert wait_until(lambda: len(leaders()) == 1, 3), f"one of 3 candidates should lead, these say so: {leaders()}"
        first = leaders()[0]
        first_token = int(private_client.get(f"status:{first}").split(":")[1])
        assert current_leader(SERVER["url"], "cluster") == (first, first_token)

        # --- the leader crashes
        procs[first].kill()
        procs[first].wait()
        killed_at = time.monotonic()

        def new_leader_writes():
            log = FencedResource(SERVER["url"], "resource").log()
            return any(t > first_token for t, _ in log)

        assert wait_until(new_leader_writes, 3), "after the leader was SIGKILLed no new leader wrote within 3 s"
        took = time.monotonic() - killed_at
        assert took <= 2 * TTL + 0.15, (
            f"a new leader took {took:.2f} s to take over after the old one was SIGKILLed; it should take at most "
            f"2 x ttl ({2 * TTL:.1f} s): the dead node's lease runs out within ttl, and its successor must notice soon")
        assert wait_until(lambda: len(leaders()) == 1 and leaders()[0] != first, 1), (
            f"exactly one of the survivors should lead, these say so: {leaders()}")
        second = leaders()[0]
        second_token = int(private_client.get(f"status:{second}").split(":")[1])
        assert second_token > first_token, "the new leader's token must be higher than the dead one's"

        # --- the leader is paused in the middle of its work
        private_client.set("hold", second)
        assert wait_until(lambda: private_client.get(f"holding:{second}"), 2), "the leader never reached its write"
        os.kill(procs[second].pid, signal.SIGSTOP)
        paused_at = time.monotonic()
        try:
            third = None

            def someone_else_leads():
                log = FencedResource(SERVER["url"], "resource").log()
                return any(t > second_token for t, _ in log)

            assert wait_until(someone_else_leads, 3), "while the leader was paused no other candidate took over"
            took = time.monotonic() - paused_at
            assert took <= 2 * TTL + 0.15, f"the paused leader's successor took {took:.2f} s (at most 2 x ttl)"
            third = next(n for n in leaders() if n != second)
        finally:
            os.kill(procs[second].pid, signal.SIGCONT)
        private_client.set("go", 1)  # the woken leader now finishes the write it had started, with its old token
        assert wait_until(lambda: private_client.get(f"late:{second}") is not None, 2), "the woken leader never made its write"
        assert private_client.get(f"late:{second}") == "0", (
            "a leader that was paused past its lease wrote with its old token after a new leader had written: the "
            "resource must refuse it (its token is lower than the newest it has seen)")
        log = FencedResource(SERVER["url"], "resource").log()
        assert (second_token, f"{second}:late") not in log, "the late write must not be in the resource's log"
        tokens = [t for t, _ in log]
        assert tokens == sorted(tokens), "the resource's log must never go back to an older token"
        assert wait_until(lambda: leaders() == [third], 2 * TTL), (
            f"after waking up, the old leader must see it lost its node and step down; leaders now: {leaders()}")

        # --- everyone resigns
        for name, p in procs.items():
            if p.poll() is None:
                p.stdin.close()
        for name, p in procs.items():
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                pytest.fail(f"candidate {name} did not stop within 3 s", pytrace=False)
        assert current_leader(SERVER["url"], "cluster") is None, "after every candidate stopped there is no leader"
    finally:
        for p in procs.values():
            if p.poll() is None:
                os.kill(p.pid, signal.SIGCONT)
                p.kill()
            p.wait()

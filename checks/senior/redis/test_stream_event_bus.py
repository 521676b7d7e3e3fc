import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest
import redis.asyncio as aioredis

from pyexercise.checklib import target_module_name, target_path
from stream_event_bus import EventBus, apply_deposit


SERVER = {}  # the url of this check's own redis-server


@pytest.fixture(scope="module", autouse=True)
def _url(private_redis):
    SERVER["url"] = private_redis.url  # the same across restarts


def run(coro):
    return asyncio.run(coro)


async def client():
    return aioredis.Redis.from_url(SERVER["url"], decode_responses=True)


def with_client(test):
    """``await test(r)`` with a fresh asyncio client of the check's server, closed afterwards."""
    async def go():
        r = await client()
        try:
            return await test(r)
        finally:
            await r.aclose()
    return run(go())


async def consume_until(bus, consumers, handler, done, timeout=5.0):
    """Run ``consumers`` (names) on one loop until ``done()`` is true; then stop them."""
    stop = asyncio.Event()
    tasks = [asyncio.create_task(bus.consume(name, handler, stop)) for name in consumers]
    started = time.monotonic()
    try:
        while not await done():
            for t in tasks:
                if t.done():
                    t.result()  # a consumer that crashed: its exception, here
                    pytest.fail("consume() returned before stop was set", pytrace=False)
            if time.monotonic() - started > timeout:
                return False
            await asyncio.sleep(0.02)
        return True
    finally:
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 3)


async def pending_count(r, stream="events", group="workers"):
    return (await r.xpending(stream, group))["pending"]


# ----------------------------------------------------------------------------- the idempotent effect


def test_apply_deposit_once(private_client):
    """apply_deposit credits the account once per event id: a redelivery changes nothing"""
    async def go(r):
        first = await apply_deposit(r, "1-0", {"account": "alice", "amount": "25"})
        again = await apply_deposit(r, "1-0", {"account": "alice", "amount": "25"})
        other = await apply_deposit(r, "2-0", {"account": "alice", "amount": "5"})
        return first, again, other

    first, again, other = with_client(go)
    assert (first, again, other) == (True, False, True), (
        f"apply_deposit should return True when it credits, False for an event id it has seen; got "
        f"{first!r}, {again!r}, {other!r}")
    assert private_client.hget("balances", "alice") == "30", (
        f"event 1-0 (25, delivered twice) and 2-0 (5) should leave balances[alice] = 30, got "
        f"{private_client.hget('balances', 'alice')!r}")
    assert private_client.smembers("deposits:done") == {"1-0", "2-0"}, "the ids of applied events go in the set deposits:done"


@pytest.mark.parametrize("fields", [{"account": "bob", "amount": "lots"}, {"account": "bob", "amount": "0"},
                                    {"account": "bob", "amount": "-5"}, {"account": "", "amount": "3"},
                                    {"amount": "3"}, {"account": "bob"}, {"account": "bob", "amount": "2.5"}])
def test_apply_deposit_rejects_bad_events(private_client, fields):
    """a deposit needs an account and a positive whole amount: else ValueError, and no effect"""
    async def go(r):
        with pytest.raises(ValueError):
            await apply_deposit(r, "9-0", fields)

    with_client(go)
    assert not private_client.exists("balances") and not private_client.exists("deposits:done"), (
        f"a rejected deposit {fields!r} must change nothing, not even mark the event done")


def test_apply_deposit_is_atomic(private_client):
    """20 concurrent deliveries of one event credit it once"""
    async def go():
        clients = [await client() for _ in range(4)]
        try:
            return await asyncio.gather(*(apply_deposit(clients[i % 4], "7-0", {"account": "eve", "amount": "3"})
                                          for i in range(20)))
        finally:
            for c in clients:
                await c.aclose()

    got = run(go())
    assert sum(got) == 1 and private_client.hget("balances", "eve") == "3", (
        f"20 concurrent deliveries of one event should credit 3 once, balances[eve] is "
        f"{private_client.hget('balances', 'eve')!r} ({sum(got)} said True): check and apply in one Lua script")


# ----------------------------------------------------------------------------- the bus, in one process


def test_setup_and_publish(private_client):
    """setup() makes the stream and group (twice is fine); publish() appends and returns the id"""
    async def go(r):
        bus = EventBus(r)
        await bus.setup()
        await bus.setup()
        first = await bus.publish({"account": "a", "amount": "1"})
        second = await bus.publish({"account": "b", "amount": "2"})
        return first, second

    first, second = with_client(go)
    assert type(first) is str and "-" in first, f"publish() should return the stream entry id (a str), got {first!r}"
    entries = private_client.xrange("events")
    assert [e[0] for e in entries] == [first, second], "publish() appends to the stream 'events'"
    assert entries[1][1] == {"account": "b", "amount": "2"}, f"the fields should be stored as given, got {entries[1][1]}"
    groups = [g["name"] for g in private_client.xinfo_groups("events")]
    assert groups == ["workers"], f"setup() should create the consumer group 'workers', groups: {groups}"


def test_events_published_before_setup_are_delivered(private_client):
    """the group reads the stream from its start, so nothing published earlier is lost"""
    private_client.xadd("events", {"account": "early", "amount": "4"})
    seen = []

    async def go(r):
        bus = EventBus(r)
        await bus.setup()

        async def handler(event_id, fields):
            seen.append(fields)

        return await consume_until(bus, ["c1"], handler, lambda: _true_when(seen))

    assert with_client(go) and seen == [{"account": "early", "amount": "4"}], (
        f"an event published before setup() should still be delivered (create the group at id 0), saw {seen}")


async def _true_when(items, n=1):
    return len(items) >= n


def test_every_event_handled_once_and_acked(private_client):
    """3 consumers in one group: each of 40 events reaches one handler once, and is acknowledged"""
    seen = []

    async def go(r):
        bus = EventBus(r, block_ms=50)
        await bus.setup()
        ids = [await bus.publish({"account": f"acct{i % 4}", "amount": str(i + 1)}) for i in range(40)]

        async def handler(event_id, fields):
            assert isinstance(event_id, str) and isinstance(fields, dict)
            seen.append((event_id, fields["amount"]))
            await apply_deposit(r, event_id, fields)

        finished = await consume_until(bus, ["c1", "c2", "c3"], handler, lambda: _true_when(seen, 40))
        await asyncio.sleep(0.1)
        return ids, finished, await pending_count(r)

    ids, finished, pending = with_client(go)
    assert finished, f"40 events should be handled within 5 s, {len(seen)} were"
    assert sorted(e for e, _ in seen) == sorted(ids), (
        f"each of the 40 events should reach a handler exactly once; got {len(seen)} deliveries of "
        f"{len(set(e for e, _ in seen))} events")
    assert pending == 0, f"every handled event must be acknowledged (XACK): {pending} are still pending"
    total = sum(int(v) for v in private_client.hvals("balances"))
    assert total == sum(range(1, 41)), f"the balances should add up to {sum(range(1, 41))}, they add up to {total}"


def test_consumers_share_the_event_loop(private_client):
    """two consumers with slow handlers work at the same time in one event loop"""
    done = []

    async def go(r):
        bus = EventBus(r, block_ms=50, batch=1)
        await bus.setup()
        for i in range(10):
            await bus.publish({"n": str(i)})

        async def handler(event_id, fields):
            await asyncio.sleep(0.1)
            done.append(event_id)

        started = time.monotonic()
        await consume_until(bus, ["c1", "c2"], handler, lambda: _true_when(done, 10))
        return time.monotonic() - started

    took = with_client(go)
    assert len(done) == 10
    assert took < 0.85, (f"10 handlers of 0.1 s on 2 consumers took {took:.2f} s, as if one ran at a time: use "
                         "redis.asyncio and await every call, so one consumer's wait lets the other run")


def test_stop_ends_consume_promptly(private_client):
    """consume() returns soon after stop is set, even with nothing to read"""
    async def go(r):
        bus = EventBus(r, block_ms=100)
        await bus.setup()
        stop = asyncio.Event()

        async def handler(event_id, fields):
            pass

        task = asyncio.create_task(bus.consume("c1", handler, stop))
        await asyncio.sleep(0.3)
        assert not task.done(), "consume() should keep waiting for events until stop is set"
        started = time.monotonic()
        stop.set()
        await asyncio.wait_for(task, 2)
        return time.monotonic() - started

    took = with_client(go)
    assert took < 0.5, f"consume() took {took:.2f} s to return after stop was set: block for block_ms at most"


def test_failed_event_is_retried(private_client):
    """a handler that fails once: the event is left pending, reclaimed after claim_idle_ms, and handled"""
    calls = []

    async def go(r):
        bus = EventBus(r, claim_idle_ms=150, block_ms=50)
        await bus.setup()
        event = await bus.publish({"account": "zed", "amount": "8"})

        async def handler(event_id, fields):
            calls.append(time.monotonic())
            if len(calls) == 1:
                raise ConnectionError("downstream hiccup")
            await apply_deposit(r, event_id, fields)

        finished = await consume_until(bus, ["c1"], handler, lambda: _true_when(calls, 2))
        await asyncio.sleep(0.1)
        return event, finished, await pending_count(r)

    event, finished, pending = with_client(go)
    assert finished and len(calls) == 2, f"a failed event should be delivered again, it was delivered {len(calls)} times"
    assert calls[1] - calls[0] >= 0.12, (
        f"the retry came {calls[1] - calls[0]:.2f} s after the failure: reclaim only messages idle for claim_idle_ms")
    assert pending == 0 and private_client.hget("balances", "zed") == "8", "the retried event is applied and acked"
    assert private_client.xlen("events:dead") == 0, "an event that succeeded on its second delivery is no poison"


def test_poison_goes_to_the_dead_letter_stream(private_client):
    """an event whose handler fails on 3 deliveries moves to events:dead, with its fields, id and error"""
    attempts = []

    async def go(r):
        bus = EventBus(r, claim_idle_ms=100, block_ms=50)
        await bus.setup()
        poison = await bus.publish({"account": "mallory", "amount": "lots"})
        await bus.publish({"account": "ok", "amount": "2"})

        async def handler(event_id, fields):
            if event_id == poison:
                attempts.append(event_id)
            await apply_deposit(r, event_id, fields)

        async def dead():
            return await r.xlen("events:dead") >= 1

        finished = await consume_until(bus, ["c1", "c2"], handler, dead)
        await asyncio.sleep(0.35)  # time for a (wrong) fourth delivery
        return poison, finished, await pending_count(r)

    poison, finished, pending = with_client(go)
    assert finished, f"the poison event should reach events:dead within 5 s; its handler ran {len(attempts)} times"
    assert len(attempts) == 3, (f"the poison event's handler should run exactly 3 times (max_deliveries) before it "
                                f"is dead-lettered, it ran {len(attempts)} times")
    dead = private_client.xrange("events:dead")
    assert len(dead) == 1, f"one event should be in events:dead, there are {len(dead)}"
    fields = dead[0][1]
    assert fields.get("account") == "mallory" and fields.get("amount") == "lots", f"keep the original fields: {fields}"
    assert fields.get("original_id") == poison, f"the dead letter should name the original id {poison}: {fields}"
    assert "ValueError" in fields.get("error", ""), f"the dead letter's 'error' should describe the ValueError: {fields}"
    assert pending == 0, "the dead-lettered event is acknowledged in the main stream: nothing stays pending"
    assert private_client.hget("balances", "ok") == "2", "the good event beside it is processed normally"


def test_setup_reports_real_errors(private_client):
    """setup() ignores only BUSYGROUP (the group exists): any other Redis error is raised"""
    private_client.set("events", "not a stream")

    async def go(r):
        await EventBus(r).setup()

    with pytest.raises(aioredis.ResponseError):
        with_client(go)


def test_deleted_pending_entry_is_skipped(private_client):
    """an entry deleted from the stream while pending is never handed to the handler"""
    private_client.xgroup_create("events", "workers", id="0", mkstream=True)
    gone = private_client.xadd("events", {"account": "gone", "amount": "1"})
    kept = private_client.xadd("events", {"account": "kept", "amount": "2"})
    private_client.xreadgroup("workers", "crashed", {"events": ">"})  # taken by a consumer that died
    private_client.xdel("events", gone)
    seen = []

    async def go(r):
        bus = EventBus(r, claim_idle_ms=50, block_ms=50)
        await bus.setup()

        async def handler(event_id, fields):
            seen.append((event_id, fields))
            await apply_deposit(r, event_id, fields)

        return await consume_until(bus, ["c1"], handler, lambda: _true_when(seen))

    assert with_client(go), "the dead consumer's other entry should be reclaimed and handled"
    assert seen == [(kept, {"account": "kept", "amount": "2"})], (
        f"only the entry still in the stream should reach the handler; it got {seen}. XAUTOCLAIM on Redis 6.2 "
        "returns a deleted entry as (None, None): skip it")


def test_rejects_bad_settings(private_client):
    """max_deliveries, claim_idle_ms, block_ms and batch must be at least 1"""
    async def go(r):
        for kwargs in ({"max_deliveries": 0}, {"claim_idle_ms": 0}, {"block_ms": 0}, {"batch": 0}):
            with pytest.raises(ValueError):
                EventBus(r, **kwargs)
        EventBus(r, max_deliveries=1, claim_idle_ms=1, block_ms=1, batch=1)

    with_client(go)


# ----------------------------------------------------------------------------- consumers that die
#
# Each consumer is a process running the learner's consume() with apply_deposit. An event with
# crash=after is applied and then its consumer hangs (to be SIGKILLed) before the XACK; one with
# crash=before hangs before applying. Only on its first delivery: the next consumer to get it
# handles it normally.

DRIVER = r"""
import asyncio, importlib.util, os, sys, threading
target, module, url, name = sys.argv[1:5]
spec = importlib.util.spec_from_file_location(module, target)
mod = importlib.util.module_from_spec(spec); sys.modules[module] = mod; spec.loader.exec_module(mod)
import redis.asyncio as aioredis

async def main():
    r = aioredis.Redis.from_url(url, decode_responses=True)
    bus = mod.EventBus(r, claim_idle_ms=300, block_ms=50)
    await bus.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    def watch_stdin():
        sys.stdin.read()  # the check closes our stdin to say "stop"
        loop.call_soon_threadsafe(stop.set)
    threading.Thread(target=watch_stdin, daemon=True).start()

    async def handler(event_id, fields):
        await r.incr(f"attempts:{event_id}")
        crash = fields.get("crash")
        if crash and await r.set(f"crashed:{event_id}", name, nx=True):
            if crash == "after":
                await mod.apply_deposit(r, event_id, fields)
            await r.set(f"hanging:{event_id}", os.getpid())
            await asyncio.sleep(3600)
        await mod.apply_deposit(r, event_id, fields)

    await r.set(f"ready:{name}", os.getpid())
    await bus.consume(name, handler, stop)
    await r.aclose()

asyncio.run(main())
"""


def start_consumer(name):
    return subprocess.Popen([sys.executable, "-c", DRIVER, str(target_path()), target_module_name(), SERVER["url"], name],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def failed_start(proc):
    err = proc.stderr.read()
    if "NotImplementedError" in err:
        raise NotImplementedError(err.strip().splitlines()[-1])
    pytest.fail(f"a consumer process died:\n{err[-2000:]}", pytrace=False)


def test_killed_consumers_work_is_reclaimed(private_client):
    """consumers SIGKILLed mid-message: their events are reclaimed and every effect happens exactly once"""
    procs = {name: start_consumer(name) for name in ("c1", "c2", "c3")}
    try:
        deadline = time.monotonic() + 20
        while not all(private_client.exists(f"ready:{n}") for n in procs):
            for p in procs.values():
                if p.poll() is not None:
                    failed_start(p)
            assert time.monotonic() < deadline, "the consumer processes did not start within 20 s"
            time.sleep(0.02)

        want, ids = {}, {}
        for i in range(60):
            fields = {"account": f"acct{i % 5}", "amount": str(i + 1)}
            if i == 10:
                fields["crash"] = "after"
            if i == 30:
                fields["crash"] = "before"
            ids[i] = private_client.xadd("events", fields)
            want[fields["account"]] = want.get(fields["account"], 0) + i + 1
        poison = [private_client.xadd("events", {"account": "x", "amount": "NaN"}) for _ in range(2)]

        killed = set()
        deadline = time.monotonic() + 10
        while len(killed) < 2:
            for i in (10, 30):
                pid = private_client.get(f"hanging:{ids[i]}")
                if pid and int(pid) not in killed:
                    os.kill(int(pid), signal.SIGKILL)  # dies holding the event (and maybe more) unacked
                    killed.add(int(pid))
            assert time.monotonic() < deadline, "the two crash events never reached a consumer"
            time.sleep(0.01)

        def settled():
            balances = {k: int(v) for k, v in private_client.hgetall("balances").items()}
            return balances == want and private_client.xlen("events:dead") == 2 and \
                private_client.xpending("events", "workers")["pending"] == 0

        deadline = time.monotonic() + 10
        while not settled() and time.monotonic() < deadline:
            time.sleep(0.05)
        balances = {k: int(v) for k, v in private_client.hgetall("balances").items()}
        assert balances == want, (
            f"after two consumers died mid-message every deposit should be applied exactly once: balances should "
            f"be {want}, they are {balances}. A dead consumer's pending events must be taken over (XAUTOCLAIM), "
            "and applying must be idempotent (the crash=after event was applied before its consumer died)")
        assert private_client.get(f"attempts:{ids[10]}") == "2", (
            "the event whose consumer died after applying it should be delivered twice (once to the dead consumer, "
            f"once after being reclaimed), it was delivered {private_client.get(f'attempts:{ids[10]}')} times")
        assert private_client.scard("deposits:done") == 60, "all 60 good events should be marked done"
        dead = sorted(f["original_id"] for _, f in private_client.xrange("events:dead"))
        assert dead == sorted(poison), f"both poison events should end in events:dead, it holds {dead}"
        assert [private_client.get(f"attempts:{p}") for p in poison] == ["3", "3"], (
            "each poison event should be tried exactly 3 times before being dead-lettered")
        assert private_client.xpending("events", "workers")["pending"] == 0, "nothing may be left pending"

        survivors = [p for p in procs.values() if p.pid not in killed]
        for p in survivors:
            p.stdin.close()  # asks the driver to set stop
        for p in survivors:
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                pytest.fail("a consumer did not return from consume() within 3 s of stop being set", pytrace=False)
            assert p.returncode == 0, f"a consumer ended with an error:\n{p.stderr.read()[-2000:]}"
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
            p.wait()

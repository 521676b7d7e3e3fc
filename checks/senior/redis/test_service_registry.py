import os
import signal
import subprocess
import sys
import time

import pytest
import requests
from aiohttp import web
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from pyexercise.checklib import free_port, http_server, target_module_name, target_path, wait_for_port, wait_until
from service_registry import (BalancedClient, Instance, NoInstanceAvailable, ServiceRegistry, make_app, metrics_app)

@pytest.fixture
def registry(private_redis, private_client):
    return ServiceRegistry(private_redis.url, ttl=0.4)


def scrape(url):
    """{(metric sample name, frozenset of labels): value} from a /metrics page, fetched over HTTP."""
    response = requests.get(url + "/metrics", timeout=5)
    assert response.status_code == 200, f"GET {url}/metrics should answer 200, got {response.status_code}"
    assert response.headers.get("Content-Type", "").startswith("text/plain"), (
        f"/metrics should be Prometheus' text format (text/plain; version=0.0.4), got {response.headers.get('Content-Type')!r}")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


# ----------------------------------------------------------------------------- the registry


def test_register_and_discover(registry, private_client):
    """a registered instance is discoverable at once, as Instance(id, url), sorted by id"""
    b = registry.register("hello", "b", "http://127.0.0.1:9002")
    a = registry.register("hello", "a", "http://127.0.0.1:9001")
    other = registry.register("mail", "m1", "http://127.0.0.1:9100")
    try:
        got = registry.discover("hello")
        assert got == [Instance("a", "http://127.0.0.1:9001"), Instance("b", "http://127.0.0.1:9002")], (
            f"discover('hello') should list both instances, by id, as Instance(id, url); got {got!r}")
        assert all(type(i) is Instance for i in got), "discover() should return Instance tuples"
        assert registry.discover("mail") == [Instance("m1", "http://127.0.0.1:9100")], "services are separate"
        assert registry.discover("nothing") == [], "an unknown service has no instances: []"
        assert private_client.get("services:hello:a") == "http://127.0.0.1:9001", (
            "the record is the key services:NAME:ID holding the URL")
        pttl = private_client.pttl("services:hello:a")
        assert 0 < pttl <= 400, f"the record should expire within ttl (400 ms) unless renewed, PTTL is {pttl}"
    finally:
        for reg in (a, b, other):
            reg.stop()
    assert registry.discover("hello") == [], "stop() deregisters at once"


def test_heartbeat_keeps_it_alive_and_death_removes_it(registry, private_client):
    """a live instance stays listed past its ttl; one whose heartbeat stopped is gone within ttl"""
    live = registry.register("svc", "live", "http://127.0.0.1:1")
    dying = registry.register("svc", "dying", "http://127.0.0.1:2")
    try:
        gaps, lowest = [], 400
        deadline = time.monotonic() + 0.7
        while time.monotonic() < deadline:
            if Instance("live", "http://127.0.0.1:1") not in registry.discover("svc"):
                gaps.append(round(time.monotonic() - deadline + 0.7, 2))
            left = private_client.pttl("services:svc:live")
            lowest = min(lowest, left if left >= 0 else 0)
            time.sleep(0.01)
        assert not gaps, (f"a live instance vanished from discover() at {gaps} s: renew its record well before "
                          "it expires (every ttl / 3)")
        assert lowest >= 100, (f"the live record came within {lowest} ms of expiring (ttl 400 ms): renew it every "
                               "ttl / 3, so one late heartbeat doesn't make a live instance disappear")
        dying.stop(deregister=False)  # as if its process had died: no goodbye
        died = time.monotonic()
        assert wait_until(lambda: [i.id for i in registry.discover("svc")] == ["live"], 1.0), (
            "an instance whose heartbeat stopped should disappear within ttl (0.4 s)")
        took = time.monotonic() - died
        assert took <= 0.55, f"the dead instance stayed listed {took:.2f} s, more than its ttl of 0.4 s"
    finally:
        live.stop()
        dying.stop()


def test_deregister_and_pruning(registry, private_client):
    """deregister() removes an instance at once; discover() prunes expired ones from the index"""
    reg = registry.register("svc", "x", "http://127.0.0.1:3")
    reg.stop(deregister=False)
    registry.deregister("svc", "x")
    assert registry.discover("svc") == [] and not private_client.exists("services:svc:x")
    gone = registry.register("svc", "y", "http://127.0.0.1:4")
    gone.stop(deregister=False)
    time.sleep(0.5)
    assert registry.discover("svc") == []
    assert "y" not in private_client.smembers("services:svc"), (
        "discover() should remove expired instances from the index set services:NAME, so it doesn't grow forever")


def test_bad_arguments(private_redis, private_client):
    """a ttl <= 0, or an empty name or id, is a ValueError"""
    with pytest.raises(ValueError):
        ServiceRegistry(private_redis.url, ttl=0)
    reg = ServiceRegistry(private_redis.url, ttl=1)
    for name, iid in (("", "a"), ("svc", "")):
        with pytest.raises(ValueError):
            reg.register(name, iid, "http://127.0.0.1:5")


# ----------------------------------------------------------------------------- the service and its metrics


def test_service_app_counts_its_requests():
    """make_app serves /hello and /health, and counts them in http_requests_total on /metrics"""
    with http_server(make_app("inst-7")) as srv:
        got = requests.get(srv.url + "/hello", timeout=5)
        assert got.status_code == 200 and got.json() == {"instance": "inst-7"}, (
            f"GET /hello should answer {{'instance': 'inst-7'}}, got {got.status_code} {got.text[:100]!r}")
        requests.get(srv.url + "/hello", timeout=5)
        assert requests.get(srv.url + "/health", timeout=5).status_code == 200, "GET /health should answer 200"
        samples = scrape(srv.url)
        scrape(srv.url)
        samples = scrape(srv.url)
    hello = value(samples, "http_requests_total", path="/hello", status="200")
    assert hello == 2, f"two GET /hello should make http_requests_total{{path='/hello',status='200'}} 2, got {hello}"
    assert value(samples, "http_requests_total", path="/health", status="200") == 1
    assert not any(dict(k[1]).get("path") == "/metrics" for k in samples), "scrapes of /metrics are not counted"


def test_each_app_has_its_own_metrics():
    """two instances in one process keep separate counts (a registry each, not the global one)"""
    with http_server(make_app("one")) as a, http_server(make_app("two")) as b:
        for _ in range(3):
            requests.get(a.url + "/hello", timeout=5)
        requests.get(b.url + "/hello", timeout=5)
        got = (value(scrape(a.url), "http_requests_total", path="/hello", status="200"),
               value(scrape(b.url), "http_requests_total", path="/hello", status="200"))
    assert got == (3, 1), f"instance one served 3, two served 1; their /metrics say {got}: give each app its own CollectorRegistry"


# ----------------------------------------------------------------------------- the client, in one process


@pytest.fixture
def instances(registry):
    """Three instances of 'hello', served in this process and registered."""
    servers, regs = [], []
    try:
        for iid in ("i1", "i2", "i3"):
            cm = http_server(make_app(iid))
            srv = cm.__enter__()
            servers.append((cm, srv))
            regs.append(registry.register("hello", iid, srv.url))
        yield {iid: srv for iid, (_, srv) in zip(("i1", "i2", "i3"), servers)}
    finally:
        for reg in regs:
            reg.stop()
        for cm, _ in servers:
            cm.__exit__(None, None, None)


def client_metrics(client):
    with http_server(metrics_app(client.metrics)) as srv:
        return scrape(srv.url)


def test_round_robin(registry, instances):
    """30 calls over 3 instances: each instance serves exactly 10, in turn"""
    client = BalancedClient(registry, "hello")
    try:
        order = [client.get("/hello").json()["instance"] for _ in range(30)]
    finally:
        client.close()
    counts = {iid: order.count(iid) for iid in instances}
    assert counts == {"i1": 10, "i2": 10, "i3": 10}, f"round-robin over 3 instances should give 10 each, got {counts}"
    assert len(set(order[:3])) == 3 and order[:3] == order[3:6], f"round-robin takes them in turn: {order[:6]}"
    served = {iid: value(scrape(srv.url), "http_requests_total", path="/hello", status="200")
              for iid, srv in instances.items()}
    assert served == {"i1": 10, "i2": 10, "i3": 10}, f"each instance's own /metrics should count 10, they say {served}"


def test_failover_and_client_metrics(registry, instances):
    """an instance that refuses connections or answers 500 is skipped: every call still succeeds, and the
    failovers show in the client's metrics"""
    metrics = CollectorRegistry()
    dead = registry.register("hello", "i4", f"http://127.0.0.1:{free_port()}")  # registered, but nobody there
    async def unwell(request):
        return web.Response(status=503)

    app = web.Application()
    app.router.add_get("/hello", unwell)
    try:
        with http_server(app) as broken:
            sick = registry.register("hello", "i5", broken.url)
            client = BalancedClient(registry, "hello", metrics=metrics)
            try:
                got = [client.get("/hello").json()["instance"] for _ in range(25)]
            finally:
                client.close()
                sick.stop()
    finally:
        dead.stop()
    assert set(got) == {"i1", "i2", "i3"}, f"every call should be answered by a healthy instance, got {set(got)}"
    assert client.metrics is metrics, "client.metrics should be the CollectorRegistry passed in"
    samples = client_metrics(client)
    errors = {iid: value(samples, "client_requests_total", service="hello", instance=iid, outcome="error")
              for iid in ("i4", "i5")}
    oks = sum(value(samples, "client_requests_total", service="hello", instance=iid, outcome="ok")
              for iid in ("i1", "i2", "i3"))
    failovers = value(samples, "client_failovers_total", service="hello")
    assert errors == {"i4": 5, "i5": 10}, (
        f"in 25 round-robin calls over 5 instances each is first in line 5 times; the dead i4 fails those 5, and the "
        f"503ing i5 those 5 plus the 5 it is tried after i4: client_requests_total{{outcome='error'}} should be "
        f"{{'i4': 5, 'i5': 10}}, it is {errors}")
    assert oks == 25, f"client_requests_total{{outcome='ok'}} should add up to 25 over i1..i3, got {oks}"
    assert failovers == 15, f"client_failovers_total should count the 15 failed attempts that moved on, got {failovers}"
    attempts = value(samples, "client_request_seconds_count", service="hello")
    assert attempts == 40, f"client_request_seconds should time every attempt (40), its count is {attempts}"


def test_no_instance_available(registry):
    """no instance registered, or none answering: NoInstanceAvailable"""
    client = BalancedClient(registry, "ghost")
    try:
        with pytest.raises(NoInstanceAvailable):
            client.get("/hello")
        reg = registry.register("ghost", "g1", f"http://127.0.0.1:{free_port()}")
        try:
            with pytest.raises(NoInstanceAvailable):
                client.get("/hello")
        finally:
            reg.stop()
    finally:
        client.close()


# ----------------------------------------------------------------------------- real instances in processes

LAUNCH = (
    "import importlib.util, sys\n"
    "spec = importlib.util.spec_from_file_location(sys.argv[1], sys.argv[2])\n"
    "m = importlib.util.module_from_spec(spec); sys.modules[sys.argv[1]] = m; spec.loader.exec_module(m)\n"
    "sys.exit(m.main(sys.argv[3:]))\n"
)


def launch(url, iid, port, ttl):
    return subprocess.Popen([sys.executable, "-c", LAUNCH, target_module_name(), str(target_path()), "--name", "hello",
                             "--id", iid, "--redis", url, "--port", str(port), "--ttl", str(ttl)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_instances_in_processes(private_redis, registry):
    """real instances: round-robin, a SIGKILLed one fails over then vanishes after its ttl, a new one
    joins, a SIGTERMed one leaves at once"""
    ttl = 0.6
    reg = ServiceRegistry(private_redis.url, ttl=ttl)
    ports = {iid: free_port() for iid in ("p1", "p2", "p3", "p4")}
    procs, stopped = {}, set()  # stopped: the ones the check has killed or terminated
    client = BalancedClient(reg, "hello", metrics=CollectorRegistry())
    try:
        for iid in ("p1", "p2", "p3"):
            procs[iid] = launch(private_redis.url, iid, ports[iid], ttl)

        def registered(ids):
            for iid, p in procs.items():
                if iid not in stopped and p.poll() is not None:
                    err = p.stderr.read()
                    if "NotImplementedError" in err:
                        raise NotImplementedError(err.strip().splitlines()[-1])
                    pytest.fail(f"an instance process died:\n{err[-2000:]}", pytrace=False)
            return sorted(i.id for i in reg.discover("hello")) == sorted(ids)

        assert wait_until(lambda: registered(["p1", "p2", "p3"]), 20), (
            "3 instances started with main(['--name', 'hello', '--id', ..., '--redis', ..., '--port', ...]) should "
            "register themselves within 20 s")
        urls = {i.id: i.url for i in reg.discover("hello")}
        assert urls == {iid: f"http://127.0.0.1:{ports[iid]}" for iid in ("p1", "p2", "p3")}, (
            f"each instance should register its own URL http://127.0.0.1:PORT, they registered {urls}")
        for _ in range(9):
            client.get("/hello")
        served = {iid: value(scrape(urls[iid]), "http_requests_total", path="/hello", status="200")
                  for iid in ("p1", "p2", "p3")}
        assert served == {"p1": 3, "p2": 3, "p3": 3}, f"9 calls over 3 instances: 3 each, their /metrics say {served}"

        # p2 crashes: still listed until its record expires, so calls to it must fail over
        stopped.add("p2")
        procs["p2"].kill()
        procs["p2"].wait()
        killed_at = time.monotonic()
        got = [client.get("/hello").json()["instance"] for _ in range(6)]
        assert "p2" not in got and len(got) == 6, f"with p2 dead every call should still be answered, got {got}"
        assert wait_until(lambda: registered(["p1", "p3"]), 2), "the killed instance should leave discover() after its ttl"
        gone_after = time.monotonic() - killed_at
        assert gone_after <= ttl + 0.3, f"the killed instance stayed listed {gone_after:.2f} s, its ttl is {ttl} s"
        samples = client_metrics(client)
        failovers = value(samples, "client_failovers_total", service="hello")
        errors = value(samples, "client_requests_total", service="hello", instance="p2", outcome="error")
        assert failovers >= 1 and failovers == errors, (
            f"calls that met the dead p2 should count as failovers (client_failovers_total {failovers}) and as p2 "
            f"errors (client_requests_total{{instance='p2', outcome='error'}} {errors}), the same number, at least 1")

        # scaling out: a fourth instance joins and gets its share
        procs["p4"] = launch(private_redis.url, "p4", ports["p4"], ttl)
        assert wait_until(lambda: registered(["p1", "p3", "p4"]), 20), "a new instance should be discovered"
        got = [client.get("/hello").json()["instance"] for _ in range(9)]
        assert {i: got.count(i) for i in ("p1", "p3", "p4")} == {"p1": 3, "p3": 3, "p4": 3}, (
            f"with 3 live instances again, 9 calls should give each 3, got {got}: discover on every call, so new "
            "instances get traffic at once")

        # p3 shuts down gracefully: it leaves the registry at once, not after its ttl
        stopped.add("p3")
        os.kill(procs["p3"].pid, signal.SIGTERM)
        assert wait_until(lambda: registered(["p1", "p4"]), 0.4), (
            "on SIGTERM an instance should deregister itself at once (then stop), not leave its record to expire")
        try:
            procs["p3"].wait(3)
        except subprocess.TimeoutExpired:
            pytest.fail("the instance did not exit within 3 s of SIGTERM", pytrace=False)
        assert procs["p3"].returncode == 0, f"an instance stopped by SIGTERM should exit 0:\n{procs['p3'].stderr.read()[-1500:]}"
        for iid in ("p1", "p4"):
            os.kill(procs[iid].pid, signal.SIGTERM)
        for iid in ("p1", "p4"):
            procs[iid].wait(3)
        assert reg.discover("hello") == [], "every instance that stopped deregistered"
    finally:
        client.close()
        for p in procs.values():
            if p.poll() is None:
                p.kill()
            p.wait()

import asyncio
import collections
import hashlib
import inspect
import os
import threading
import time
import tracemalloc
from pathlib import Path
from urllib.parse import unquote

import pytest
import requests
from aiohttp import web

from pyexercise.checklib import free_port, http_server, run_main
from threaded_downloads import Report, download_all, file_name, main

PATTERN = bytes(range(256)) * 256  # 64 KiB
BIG = 20 * 1024 * 1024


def content_for(name: str) -> bytes:
    """Each file's body: different per name, binary, not all the same length."""
    seed = hashlib.sha256(name.encode()).digest()
    return seed * (1 + len(name) * 37) + b"\x00\xff\r\n" + name.encode()


class Site:
    """A file server. The query string picks how a path misbehaves: ?delay=S waits first,
    ?status=N answers that status, ?cut=1 breaks the connection halfway through the body,
    ?big=1 streams 20 MB. It records which client port each request came from."""

    def __init__(self) -> None:
        self.peers: list[int] = []
        self.hits: collections.Counter = collections.Counter()

    def reset(self) -> None:
        self.peers.clear()
        self.hits.clear()

    def app(self) -> web.Application:
        async def handler(request: web.Request) -> web.StreamResponse:
            self.hits[request.path] += 1
            self.peers.append(request.transport.get_extra_info("peername")[1])
            q = request.query
            if "delay" in q:
                await asyncio.sleep(float(q["delay"]))
            if request.path.startswith("/missing"):
                raise web.HTTPNotFound()
            if "status" in q:
                return web.Response(status=int(q["status"]), text="no")
            name = request.path.rsplit("/", 1)[-1]
            if "big" in q:
                resp = web.StreamResponse()
                resp.content_length = BIG
                await resp.prepare(request)
                for _ in range(BIG // len(PATTERN)):
                    await resp.write(PATTERN)
                return resp
            if "cut" in q:
                resp = web.StreamResponse()
                resp.content_length = 200_000
                await resp.prepare(request)
                await resp.write(b"x" * 50_000)
                await resp.drain()
                request.transport.close()  # the server goes away in the middle of the body
                return resp
            return web.Response(body=content_for(name), content_type="application/octet-stream")

        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handler)
        return app


@pytest.fixture(scope="module")
def served():
    site = Site()
    with http_server(site.app()) as server:
        yield site, server


@pytest.fixture
def site(served):
    site, server = served
    site.reset()
    server.reset()
    return site, server


class SessionSpy:
    """Watches requests.Session (still the real one): which session each request used, from
    which thread, and which sessions were closed."""

    def __init__(self) -> None:
        self.calls: list[tuple[requests.Session, int]] = []
        self.closed: set[int] = set()
        self.lock = threading.Lock()

    def sessions(self) -> dict[int, requests.Session]:
        return {id(s): s for s, _ in self.calls}

    def threads_per_session(self) -> dict[int, set[int]]:
        out = collections.defaultdict(set)
        for s, t in self.calls:
            out[id(s)].add(t)
        return out


def install_spy(mp: pytest.MonkeyPatch) -> SessionSpy:
    spy = SessionSpy()
    real_request, real_close = requests.Session.request, requests.Session.close

    def request(self, *args, **kwargs):
        with spy.lock:
            spy.calls.append((self, threading.get_ident()))  # keeps the session alive: ids stay unique
        return real_request(self, *args, **kwargs)

    def close(self):
        spy.closed.add(id(self))
        return real_close(self)

    mp.setattr(requests.Session, "request", request)
    mp.setattr(requests.Session, "close", close)
    return spy


# ---------------------------------------------------------------- cheap checks first

@pytest.mark.parametrize("url, name", [
    ("http://h/a.txt", "a.txt"),
    ("http://h/docs/report.pdf", "report.pdf"),
    ("http://h/docs/caf%C3%A9%20menu.txt", "café menu.txt"),
    ("http://h/pics/cat.png?size=big#top", "cat.png"),
    ("http://h/docs/", "index.html"),
    ("http://h", "index.html"),
])
def test_file_name(url, name):
    """file_name is the last path segment, percent-decoded; index.html for an empty one"""
    got = file_name(url)
    assert type(got) is str and got == name, f"file_name({url!r}) should be {name!r}, got {got!r}"


def test_saves_the_files(site, tmp_path):
    """every URL's body is saved, byte for byte, under its file name"""
    _, server = site
    names = ["a.txt", "photo.jpg", "caf%C3%A9.txt", "empty"]
    urls = [f"{server.url}/files/{n}" for n in names]
    report = download_all(urls, tmp_path / "out", max_workers=2)
    assert type(report) is Report, f"download_all should return a Report, got {type(report).__name__}"
    assert report.failed == {}, f"nothing should fail here, but failed = {report.failed}"
    want = {u: tmp_path / "out" / file_name(u) for u in urls}
    assert report.saved == want, f"saved should map each URL to the path written:\n{want}\ngot\n{report.saved}"
    for url, path in report.saved.items():
        assert isinstance(path, Path), f"saved[{url!r}] should be a pathlib.Path, got {type(path).__name__}"
        body = content_for(unquote(url.rsplit("/", 1)[-1]))
        assert path.read_bytes() == body, f"{path.name} should hold exactly the {len(body)} bytes served"
    assert sorted(os.listdir(tmp_path / "out")) == sorted(["a.txt", "photo.jpg", "café.txt", "empty"]), (
        f"dest should hold just the four files, it holds {sorted(os.listdir(tmp_path / 'out'))}")


def test_no_urls(tmp_path):
    """no URLs: an empty report"""
    report = download_all([], tmp_path)
    assert type(report) is Report and report.saved == {} and report.failed == {}, f"got {report!r}"


def test_url_listed_twice_is_fetched_once(site, tmp_path):
    """a URL given twice is downloaded once"""
    s, server = site
    url = f"{server.url}/twice.bin"
    report = download_all([url, url, url], tmp_path, max_workers=3)
    assert list(report.saved) == [url] and not report.failed, f"got {report!r}"
    assert s.hits["/twice.bin"] == 1, f"the server was asked for /twice.bin {s.hits['/twice.bin']} times, not once"


@pytest.mark.parametrize("workers", [0, -1])
def test_bad_max_workers(workers, tmp_path):
    """max_workers below 1 is a ValueError, raised before anything is done"""
    with pytest.raises(ValueError):
        download_all(["http://127.0.0.1:9/x"], tmp_path / "never", max_workers=workers)
    assert not (tmp_path / "never").exists(), "check max_workers before creating dest or starting anything"


def test_defaults():
    """max_workers defaults to 8 and timeout to 10 seconds"""
    params = inspect.signature(download_all).parameters
    for name, want in [("max_workers", 8), ("timeout", 10.0)]:
        assert name in params and params[name].kind is inspect.Parameter.KEYWORD_ONLY, (
            f"download_all should take {name} as a keyword-only argument (after the *)")
        assert params[name].default == want, f"{name} should default to {want}, not {params[name].default!r}"


def test_failures_are_reported_per_url(site, tmp_path):
    """404, 500, a refused connection and a timeout are each reported; the rest still download"""
    s, server = site
    refused = f"http://127.0.0.1:{free_port()}/refused.txt"
    urls = {
        "missing": f"{server.url}/missing.txt",
        "error": f"{server.url}/broken.txt?status=500",
        "refused": refused,
        "slow": f"{server.url}/slow.txt?delay=0.8",
        "ok": f"{server.url}/fine.txt",
        "ok2": f"{server.url}/sub/also-fine.txt",
    }
    start = time.monotonic()
    report = download_all(list(urls.values()), tmp_path, max_workers=3, timeout=0.3)
    took = time.monotonic() - start
    assert set(report.saved) == {urls["ok"], urls["ok2"]}, f"the two good URLs should be saved, got {list(report.saved)}"
    assert set(report.failed) == {urls[k] for k in ("missing", "error", "refused", "slow")}, (
        f"the 404, the 500, the refused connection and the timeout should be in failed, got {list(report.failed)}")
    reasons = report.failed
    assert all(type(r) is str and r for r in reasons.values()), f"each reason should be a non-empty str: {reasons}"
    assert reasons[urls["missing"]] == "HTTP 404 Not Found", (
        f"a 404 should be reported as 'HTTP 404 Not Found', got {reasons[urls['missing']]!r}")
    assert reasons[urls["error"]] == "HTTP 500 Internal Server Error", (
        f"a 500 should be reported as 'HTTP 500 Internal Server Error', got {reasons[urls['error']]!r}")
    kind, _, text = reasons[refused].partition(": ")
    assert kind == "ConnectionError" and text, (
        f"a refused connection should be reported as 'ConnectionError: <its text>', got {reasons[refused]!r}")
    kind, _, text = reasons[urls["slow"]].partition(": ")
    assert kind == "ReadTimeout" and text, (
        f"a timeout should be reported as 'ReadTimeout: <its text>', got {reasons[urls['slow']]!r}")
    assert sorted(os.listdir(tmp_path)) == ["also-fine.txt", "fine.txt"], (
        f"failed URLs must leave no file behind; dest holds {sorted(os.listdir(tmp_path))}")
    assert took < 1.3, f"with timeout=0.3 the whole run took {took:.1f} s: pass timeout= to every request"


def test_cut_transfer_leaves_no_file(site, tmp_path):
    """a download cut off halfway is a failure, and leaves no partial file behind"""
    _, server = site
    url, old = f"{server.url}/half.bin?cut=1", f"{server.url}/old.bin?cut=1"
    (tmp_path / "old.bin").write_bytes(b"yesterday's copy")
    report = download_all([url, f"{server.url}/whole.bin", old], tmp_path, max_workers=2)
    assert url in report.failed, (f"the server sent 50,000 of the 200,000 bytes it promised and hung up: that is a "
                                  f"failure, not a saved file; got saved={list(report.saved)}")
    kind, _, text = report.failed[url].partition(": ")
    assert kind and text, f"the reason should be 'ExceptionType: text', got {report.failed[url]!r}"
    assert sorted(os.listdir(tmp_path)) == ["old.bin", "whole.bin"], (
        f"a broken transfer must leave no file (write to a temporary name and rename it when complete); "
        f"dest holds {sorted(os.listdir(tmp_path))}")
    assert (tmp_path / "old.bin").read_bytes() == b"yesterday's copy", (
        "a failed download must not touch a file already there: write to a temporary name and rename it "
        "over the old file (os.replace) only once the new one is complete")


def test_creates_dest(site, tmp_path):
    """dest is created, parents too, if it does not exist"""
    _, server = site
    dest = tmp_path / "a" / "b"
    report = download_all([f"{server.url}/x.txt"], str(dest))
    assert (dest / "x.txt").read_bytes() == content_for("x.txt"), f"x.txt should be saved in {dest}: {report!r}"


def test_main_prints_one_line_per_url(site, tmp_path, capsys):
    """main() prints each URL's outcome in order and the totals; exit code 1 when one failed"""
    _, server = site
    ok, gone = f"{server.url}/a.txt", f"{server.url}/missing/gone.txt"
    code, out, err = run_main(main, [str(tmp_path), gone, ok, "-w", "1"], capsys=capsys)
    lines = out.splitlines()
    want = [f"failed {gone}: HTTP 404 Not Found", f"saved {ok} -> {tmp_path / 'a.txt'}", "1 saved, 1 failed"]
    assert lines == want, f"main should print\n" + "\n".join(want) + "\ngot\n" + out
    assert code == 1, f"a failed URL should make main return 1, got {code}"
    code, out, err = run_main(main, [str(tmp_path / "new"), ok, "--timeout", "5"], capsys=capsys)
    assert code == 0 and out.splitlines()[-1] == "1 saved, 0 failed", f"all saved: exit 0; got {code}, {out!r}"
    code, out, err = run_main(main, [str(tmp_path), ok, "-w", "0"], capsys=capsys)
    assert code == 2 and "workers" in err, (
        f"-w 0 is a usage error: exit code 2 and a message about --workers (parser.error), got {code}, {err!r}")


def test_main_passes_the_options(monkeypatch, tmp_path, capsys):
    """main() hands its options to download_all: --workers 8 and --timeout 10 by default"""
    import threaded_downloads

    seen = []

    def fake(urls, dest, **kwargs):
        seen.append((list(urls), str(dest), kwargs))
        return Report(saved={u: Path(dest) / "f" for u in urls})

    monkeypatch.setattr(threaded_downloads, "download_all", fake)
    run_main(main, [str(tmp_path), "http://h/a", "http://h/b"], capsys=capsys)
    run_main(main, [str(tmp_path), "http://h/a", "--workers", "3", "--timeout", "2.5"], capsys=capsys)
    assert len(seen) == 2, "main should call download_all once per run"
    assert seen[0][0] == ["http://h/a", "http://h/b"] and seen[0][1] == str(tmp_path)
    for (_, _, kwargs), want in zip(seen, [(8, 10.0), (3, 2.5)]):
        got = (kwargs.get("max_workers"), kwargs.get("timeout"))
        assert got == want, f"download_all should get max_workers, timeout = {want}, got {got}"


def test_streams_to_disk(site, tmp_path):
    """a 20 MB file is written in chunks, never held in memory whole"""
    _, server = site
    url = f"{server.url}/big.bin?big=1"
    tracemalloc.start()
    try:
        report = download_all([url], tmp_path, max_workers=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert url in report.saved, f"the big file should be saved, got {report!r}"
    path = tmp_path / "big.bin"
    assert path.stat().st_size == BIG, f"big.bin should be {BIG} bytes, it is {path.stat().st_size}"
    assert peak < 6 * 1024 * 1024, (f"downloading 20 MB took {peak / 2**20:.0f} MB of memory: use stream=True and "
                                    "write resp.iter_content(64 * 1024) chunk by chunk, not resp.content")


# ---------------------------------------------------------------- the concurrency, seen at the server

URLS, WORKERS, LATENCY = 16, 8, 0.3


@pytest.fixture(scope="module")
def big_run(served, tmp_path_factory):
    """One run of 16 URLs that each take 0.3 s to answer, with max_workers=8, watched from both ends."""
    site, server = served
    deadline = time.monotonic() + 2
    while server.in_flight and time.monotonic() < deadline:  # an earlier test's slow answer, still going
        time.sleep(0.02)
    site.reset()
    server.reset()
    dest = tmp_path_factory.mktemp("many")
    urls = [f"{server.url}/batch/file{i:02}.dat?delay={LATENCY}" for i in range(URLS)]
    with pytest.MonkeyPatch.context() as mp:
        spy = install_spy(mp)
        start = time.monotonic()
        report = download_all(urls, dest, max_workers=WORKERS)
        took = time.monotonic() - start
    return dict(urls=urls, dest=dest, report=report, took=took, spy=spy, peers=list(site.peers),
                max_in_flight=server.max_in_flight)


def test_all_sixteen_saved(big_run):
    """the 16 slow files are all saved"""
    report = big_run["report"]
    assert not report.failed and len(report.saved) == URLS, f"all {URLS} should be saved: {report!r}"
    for url in big_run["urls"]:
        name = file_name(url)
        assert (big_run["dest"] / name).read_bytes() == content_for(name), f"{name} has the wrong bytes"


def test_exactly_max_workers_in_flight(big_run):
    """with 16 URLs and max_workers=8, the server sees exactly 8 requests at once"""
    got = big_run["max_in_flight"]
    assert got <= WORKERS, f"the server had {got} requests in flight at once; max_workers={WORKERS} allows no more"
    assert got == WORKERS, (f"with {URLS} URLs to fetch and max_workers={WORKERS}, {WORKERS} requests should be in "
                            f"flight together; the most the server saw was {got}. Start the downloads on a thread "
                            "pool rather than one after another")
    serial = URLS * LATENCY
    assert big_run["took"] < serial / 2, (f"{URLS} downloads of {LATENCY} s took {big_run['took']:.1f} s; "
                                          f"with 8 threads they overlap (about {serial / WORKERS:.1f} s)")


def test_one_session_per_thread(big_run):
    """each worker thread has its own Session, reused for all its downloads, and closed at the end"""
    spy: SessionSpy = big_run["spy"]
    sessions = spy.sessions()
    assert sessions, "no request went through a requests.Session: use session.get(...)"
    shared = {sid: len(ts) for sid, ts in spy.threads_per_session().items() if len(ts) > 1}
    assert not shared, (f"one Session was used from {max(shared.values())} threads at once: requests.Session is "
                        "not thread-safe. Give each thread its own (threading.local, or the pool's initializer)")
    assert len(sessions) <= WORKERS, (f"{len(sessions)} Sessions were made for {URLS} URLs and {WORKERS} threads: make "
                                      "one per thread and reuse it, so its connection is reused too "
                                      "(requests.get() makes a new Session every time)")
    unclosed = [sid for sid in sessions if sid not in spy.closed]
    assert not unclosed, f"{len(unclosed)} of the {len(sessions)} Sessions were never closed: close them when done"


def test_connections_are_reused(big_run):
    """16 downloads over 8 threads use at most 8 connections (keep-alive)"""
    ports = set(big_run["peers"])
    assert len(ports) <= WORKERS, (f"the server saw {len(ports)} different connections for {URLS} requests: each "
                                   "thread's Session should keep its connection open and reuse it")

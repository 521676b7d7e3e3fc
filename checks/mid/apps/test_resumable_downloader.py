import asyncio
import collections
import functools
import hashlib
import os
import re
import time
from pathlib import Path

import pytest
from aiohttp import web

from pyexercise.checklib import free_port, http_server, run_main
from resumable_downloader import DownloadError, Result, download, file_name, main

BLOCK = 64 * 1024
SIZE = 3_000_000  # the usual test file
CHUNK = 64 * 1024  # the chunk_size the tests pass, so a cut loses at most this much


@functools.lru_cache(maxsize=4)
def block(k: int) -> bytes:
    """Block k of every served file: different for each block, so a wrong offset shows."""
    return hashlib.sha256(k.to_bytes(8, "big")).digest() * (BLOCK // 32)


def content(start: int, end: int) -> bytes:
    """Bytes start..end-1 of a served file (for small ranges)."""
    return b"".join(pieces(start, end))


def pieces(start: int, end: int):
    """Bytes start..end-1 of a served file, in pieces of at most a block."""
    pos = start
    while pos < end:
        k, offset = divmod(pos, BLOCK)
        piece = block(k)[offset:offset + end - pos]
        yield piece
        pos += len(piece)


def sha(start: int, end: int) -> str:
    digest = hashlib.sha256()
    for piece in pieces(start, end):
        digest.update(piece)
    return digest.hexdigest()


class Files:
    """A file server. GET /f/NAME?size=N serves N bytes and honours `Range: bytes=START-` with a 206
    (or a 416 past the end). Query options: norange=1 ignores Range (always a 200); cut=X breaks
    the connection after X bytes of the body of the first answer (cut_all=1: of every answer);
    stall=X stops sending for 5 s after X bytes of the first answer; fail=N answers 503 to the
    first N requests; probe=1 looks at the destination in the middle of the body. /missing is a
    404. It records the bytes of body it sent for each request."""

    def __init__(self) -> None:
        self.hits: collections.Counter = collections.Counter()
        self.sent: list[int] = []  # body bytes written, per request, in order
        self.probe: Path | None = None
        self.seen: dict = {}

    def reset(self) -> None:
        self.hits.clear()
        self.sent.clear()
        self.seen.clear()

    def app(self) -> web.Application:
        async def handler(request: web.Request) -> web.StreamResponse:
            q = request.query
            key = request.path_qs
            self.hits[key] += 1
            n = self.hits[key]
            index = len(self.sent)
            self.sent.append(0)
            if request.path.startswith("/missing"):
                raise web.HTTPNotFound()
            if n <= int(q.get("fail", 0)):
                raise web.HTTPServiceUnavailable()
            size = int(q.get("size", SIZE))
            start, status = 0, 200
            wanted = re.fullmatch(r"bytes=(\d+)-", request.headers.get("Range", ""))
            if wanted and "norange" not in q:
                start, status = int(wanted[1]), 206
                if start >= size:
                    return web.Response(status=416, headers={"Content-Range": f"bytes */{size}"})
            response = web.StreamResponse(status=status)
            response.content_length = size - start
            response.content_type = "application/octet-stream"
            if "norange" not in q:
                response.headers["Accept-Ranges"] = "bytes"
            if status == 206:
                response.headers["Content-Range"] = f"bytes {start}-{size - 1}/{size}"
            await response.prepare(request)
            first = n == int(q.get("fail", 0)) + 1
            cut = int(q["cut"]) if "cut" in q and (first or "cut_all" in q) else None
            stall = int(q["stall"]) if "stall" in q and first else None
            for piece in pieces(start, size):
                sent = self.sent[index]
                for limit in (cut, stall):
                    if limit is not None and sent + len(piece) > limit:
                        piece = piece[:limit - sent]
                await response.write(piece)
                self.sent[index] += len(piece)
                if "probe" in q and not self.seen and self.sent[index] >= size // 2:
                    dest = self.probe
                    part = dest.with_name(dest.name + ".part")
                    deadline = time.monotonic() + 2  # give the client time to write what it got
                    while time.monotonic() < deadline and not (part.exists() and part.stat().st_size):
                        await asyncio.sleep(0.01)
                    self.seen = {"dest": dest.read_bytes() if dest.exists() else None, "part": part.exists()}
                if self.sent[index] == cut:
                    request.transport.close()  # the server goes away in the middle of the body
                    return response
                if self.sent[index] == stall:
                    end = time.monotonic() + 5
                    while time.monotonic() < end and not request.transport.is_closing():
                        await asyncio.sleep(0.02)
                    return response
            return response

        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handler)
        return app


@pytest.fixture(scope="module")
def served():
    files = Files()
    with http_server(files.app()) as server:
        yield files, server


@pytest.fixture
def site(served):
    files, server = served
    files.reset()
    server.reset()
    return files, server


def fetch(url, dest, **kwargs):
    result = download(url, dest, **kwargs)
    assert type(result) is Result, f"download should return a Result, got {type(result).__name__}"
    return result


def leftovers(folder):
    return sorted(p.name for p in Path(folder).iterdir())


def check_file(path, size, what):
    data = Path(path).read_bytes()
    assert len(data) == size, f"{what}: the file should have {size} bytes, it has {len(data)}"
    want = content(0, size)
    if data != want:
        bad = next(i for i in range(0, size, BLOCK) if data[i:i + BLOCK] != want[i:i + BLOCK])
        bad = next(i for i in range(bad, size) if data[i] != want[i])
        pytest.fail(f"{what}: the file has the right length but differs from the server's from byte {bad} on "
                    "(appended at the wrong place, or a part written twice?)")


def log(server):
    """The requests in the order they arrived (the log is in the order they ended)."""
    return sorted(server.log, key=lambda r: r.started)


def ranges(server, path="/f/file.bin"):
    return [r.headers.get("Range") for r in log(server) if r.path == path]


@pytest.mark.parametrize("url, name", [
    ("http://example.com/files/report.pdf", "report.pdf"),
    ("http://example.com/files/report.pdf?v=2#top", "report.pdf"),
    ("http://example.com/a/my%20file.tar.gz", "my%20file.tar.gz"),
    ("http://example.com/", "download"),
    ("http://example.com", "download"),
    ("http://example.com/a/..", "download"),
])
def test_file_name(url, name):
    """file_name: the last segment of the URL's path, as it is; 'download' if there is none"""
    got = file_name(url)
    assert type(got) is str and got == name, f"file_name({url!r}) should be {name!r}, got {got!r}"


def test_downloads_a_file(site, tmp_path):
    """a plain download: one request without Range, the exact bytes, a Result, no .part left"""
    files, server = site
    dest = tmp_path / "file.bin"
    result = fetch(server.url + "/f/file.bin", dest, chunk_size=CHUNK)
    check_file(dest, SIZE, "a plain download")
    want = Result(dest, SIZE, sha(0, SIZE), 1)
    assert result == want, f"download should return {want!r}, got {result!r}"
    assert type(result.size) is int and type(result.sha256) is str and type(result.requests) is int
    assert ranges(server) == [None], f"a fresh download sends no Range header, got {ranges(server)!r}"
    assert leftovers(tmp_path) == ["file.bin"], f"only the file should be left, found {leftovers(tmp_path)}"


def test_writes_to_part_and_renames_at_the_end(site, tmp_path):
    """while downloading, the data is in DEST.part and an old DEST stays as it was; then it is replaced"""
    files, server = site
    dest = tmp_path / "file.bin"
    dest.write_bytes(b"the old version")
    files.probe = dest
    fetch(server.url + "/f/file.bin?probe=1", dest, chunk_size=CHUNK)
    assert files.seen, "the probe did not run"
    unchanged = files.seen["dest"] == b"the old version"
    assert unchanged, (
        "halfway through the download the destination was already changed: write to DEST.part (dest.with_name("
        "dest.name + '.part')) and os.replace() it over DEST only when it is complete")
    assert files.seen["part"], "halfway through the download there was no DEST.part file"
    check_file(dest, SIZE, "after replacing an old version")
    assert leftovers(tmp_path) == ["file.bin"], f"no .part may be left after success, found {leftovers(tmp_path)}"


def test_resumes_after_a_broken_connection(site, tmp_path):
    """the server breaks the connection mid-body: the retry asks for the rest with Range and appends it"""
    files, server = site
    cut = 1_000_000
    dest = tmp_path / "file.bin"
    result = fetch(server.url + f"/f/file.bin?cut={cut}", dest, chunk_size=CHUNK)
    got = [r.headers.get("Range") for r in log(server)]
    assert len(got) == 2, f"one broken download and one retry: 2 requests expected, the server saw {len(got)}"
    assert got[0] is None, f"the first request starts from zero, without Range, got {got[0]!r}"
    resumed = re.fullmatch(r"bytes=(\d+)-", got[1] or "")
    assert resumed, (f"the retry should ask for the rest with a header 'Range: bytes=N-' (N = the bytes already in "
                     f"the .part file), got {got[1]!r}")
    start = int(resumed[1])
    assert 0 < start <= cut, (f"the server sent {cut} bytes before it broke the connection; the retry asked to start "
                              f"at byte {start}: resume from what the .part holds, don't start over")
    assert files.sent[1] == SIZE - start, f"the retry should only transfer the rest of the file"
    check_file(dest, SIZE, "after a resumed download")
    assert result.requests == 2 and result.size == SIZE and result.sha256 == sha(0, SIZE), (
        f"Result should count 2 requests and describe the whole file, got {result!r}")


def test_server_that_ignores_range(site, tmp_path):
    """a server that answers a Range request with 200 sends the whole file again: start over, don't append"""
    files, server = site
    dest = tmp_path / "file.bin"
    fetch(server.url + "/f/file.bin?norange=1&cut=1000000", dest, chunk_size=CHUNK)
    statuses = [r.status for r in log(server)]
    assert statuses == [200, 200], f"two requests, both answered 200, expected; the server saw {statuses}"
    check_file(dest, SIZE, "the server ignored Range and answered 200 (the whole file)")


def test_resumes_a_part_left_by_an_earlier_run(site, tmp_path):
    """a DEST.part from an earlier, interrupted run is continued, not thrown away"""
    files, server = site
    dest = tmp_path / "file.bin"
    have = 1_234_567
    (tmp_path / "file.bin.part").write_bytes(content(0, have))
    result = fetch(server.url + "/f/file.bin", dest, chunk_size=CHUNK)
    assert ranges(server) == [f"bytes={have}-"], (
        f"DEST.part already holds {have} bytes: ask for 'Range: bytes={have}-', got {ranges(server)!r}")
    assert files.sent == [SIZE - have], "only the rest of the file should be transferred"
    check_file(dest, SIZE, "after continuing an earlier .part")
    assert result.requests == 1 and result.size == SIZE, f"got {result!r}"
    assert leftovers(tmp_path) == ["file.bin"]


def test_part_that_is_already_complete(site, tmp_path):
    """a .part holding the whole file gets a 416 answer: it is complete, so it is renamed"""
    files, server = site
    dest = tmp_path / "file.bin"
    (tmp_path / "file.bin.part").write_bytes(content(0, SIZE))
    result = fetch(server.url + "/f/file.bin", dest, chunk_size=CHUNK)
    assert [r.status for r in log(server)] == [416], f"expected one request answered 416, got {server.log!r}"
    check_file(dest, SIZE, "a complete .part")
    assert result == Result(dest, SIZE, sha(0, SIZE), 1), f"got {result!r}"


def test_part_longer_than_the_file(site, tmp_path):
    """a .part longer than the server's file (it changed) is thrown away and the file downloaded again"""
    files, server = site
    dest = tmp_path / "file.bin"
    (tmp_path / "file.bin.part").write_bytes(content(0, SIZE) + b"stale tail")
    result = fetch(server.url + "/f/file.bin", dest, chunk_size=CHUNK)
    assert ranges(server) == [f"bytes={SIZE + 10}-", None], (
        "the 416's Content-Range 'bytes */TOTAL' says the file is shorter than the .part: delete the part and "
        f"start again without Range; requests seen: {ranges(server)!r}")
    check_file(dest, SIZE, "after a stale .part")
    assert result.requests == 2, f"two requests were made, Result says {result.requests}"


def test_server_errors_are_retried(site, tmp_path):
    """a 5xx answer is retried; after `retries` more attempts it is a DownloadError"""
    files, server = site
    dest = tmp_path / "file.bin"
    result = fetch(server.url + "/f/file.bin?fail=2", dest, chunk_size=CHUNK, retries=3)
    assert [r.status for r in log(server)] == [503, 503, 200], f"statuses seen: {[r.status for r in log(server)]}"
    check_file(dest, SIZE, "after two 503 answers")
    assert result.requests == 3
    server.reset()
    with pytest.raises(DownloadError):
        download(server.url + "/f/other.bin?fail=5", tmp_path / "other.bin", retries=2)
    assert len(server.log) == 3, f"retries=2 means 3 attempts in all, the server saw {len(server.log)}"
    assert leftovers(tmp_path) == ["file.bin"], f"a failed download leaves no file, found {leftovers(tmp_path)}"


def test_client_errors_are_not_retried(site, tmp_path):
    """a 404 is a DownloadError at once: asking again will not help"""
    files, server = site
    with pytest.raises(DownloadError, match="404"):
        download(server.url + "/missing/file.bin", tmp_path / "file.bin", retries=3)
    assert len(server.log) == 1, f"a 4xx answer should not be retried, the server saw {len(server.log)} requests"
    assert leftovers(tmp_path) == [], f"nothing may be written for a 404, found {leftovers(tmp_path)}"


def test_gives_up_and_keeps_the_part(site, tmp_path):
    """when every attempt breaks it gives up after `retries` retries, keeps the .part, and a later call continues it"""
    files, server = site
    dest = tmp_path / "file.bin"
    with pytest.raises(DownloadError):
        download(server.url + "/f/file.bin?cut=400000&cut_all=1", dest, chunk_size=CHUNK, retries=2)
    assert len(server.log) == 3, f"retries=2: 3 attempts in all, the server saw {len(server.log)}"
    got = [r.headers.get("Range") for r in log(server)]
    assert got[0] is None and all(g and g.startswith("bytes=") for g in got[1:]), (
        f"every retry resumes with Range: {got!r}")
    part = tmp_path / "file.bin.part"
    assert part.exists() and not dest.exists(), (
        "after giving up, keep DEST.part (a later run can continue it) and don't create DEST")
    have = part.stat().st_size
    assert 2 * 400_000 < have <= 3 * 400_000, f"3 attempts of 400,000 bytes each should leave about 1.2 MB, not {have}"
    server.reset()
    result = fetch(server.url + "/f/file.bin", dest, chunk_size=CHUNK)
    assert ranges(server) == [f"bytes={have}-"], f"the next call continues the .part: {ranges(server)!r}"
    check_file(dest, SIZE, "continued after giving up")
    assert result.requests == 1


def test_stalled_server_times_out_and_resumes(site, tmp_path):
    """a server that stops sending mid-body is a timeout (after `timeout` seconds), retried with Range"""
    files, server = site
    dest = tmp_path / "file.bin"
    started = time.monotonic()
    fetch(server.url + "/f/file.bin?stall=1000000", dest, chunk_size=CHUNK, timeout=0.3)
    took = time.monotonic() - started
    assert took < 2.5, f"with timeout=0.3 it took {took:.1f} s: pass timeout= to requests.get"
    assert len(server.log) == 2 and (log(server)[1].headers.get("Range") or "").startswith("bytes="), (
        f"after the timeout, resume with Range: {[r.headers.get('Range') for r in log(server)]!r}")
    check_file(dest, SIZE, "after a stalled transfer")


def test_checksum_verified(site, tmp_path):
    """a matching sha256 (any case) passes; a wrong one is a DownloadError that leaves neither DEST nor .part"""
    files, server = site
    dest = tmp_path / "file.bin"
    result = fetch(server.url + "/f/file.bin?size=500000", dest, sha256=sha(0, 500_000).upper())
    assert result.sha256 == sha(0, 500_000), f"Result.sha256 is the lowercase hex digest, got {result.sha256!r}"
    check_file(dest, 500_000, "with a matching checksum")
    bad = "0" * 64
    with pytest.raises(DownloadError):
        download(server.url + "/f/file.bin?size=400000", tmp_path / "new.bin", sha256=bad)
    assert leftovers(tmp_path) == ["file.bin"], (
        f"a checksum mismatch must leave no new file and no .part (resuming a corrupt part keeps it corrupt), "
        f"found {leftovers(tmp_path)}")
    with pytest.raises(DownloadError):
        download(server.url + "/f/file.bin?size=400000", dest, sha256=bad)
    check_file(dest, 500_000, "an old file after a failed checksum (it must stay as it was)")
    assert leftovers(tmp_path) == ["file.bin"]


def test_checksum_after_resuming(site, tmp_path):
    """the checksum covers the whole file, the part from before the break included"""
    files, server = site
    dest = tmp_path / "file.bin"
    (tmp_path / "file.bin.part").write_bytes(content(0, 700_000))
    result = fetch(server.url + "/f/file.bin?cut=1500000", dest, chunk_size=CHUNK, sha256=sha(0, SIZE))
    assert result.sha256 == sha(0, SIZE) and result.requests == 2, f"got {result!r}"
    check_file(dest, SIZE, "resumed twice with a checksum")


def test_unusable_urls(tmp_path):
    """no server, or not a URL at all: a DownloadError, and no file"""
    for url in (f"http://127.0.0.1:{free_port()}/file.bin", "not a url", "ftp://example.com/file.bin"):
        with pytest.raises(DownloadError):
            download(url, tmp_path / "file.bin", retries=1)
    assert leftovers(tmp_path) == [], f"found {leftovers(tmp_path)}"


def test_main(site, tmp_path):
    """main downloads the URLs given and listed (with checksums), printing OK/FAIL lines"""
    files, server = site
    listing = tmp_path / "urls.txt"
    base = server.url
    listing.write_text(f"# release files\n\n{base}/f/a.bin?size=1000 {sha(0, 1000)}\n"
                       f"{base}/f/b.bin?size=2000 {'f' * 64}\n   \n{base}/missing/c.bin\n", encoding="utf-8")
    out_dir = tmp_path / "dl"
    out_dir.mkdir()
    code, out, err = run_main(main, [f"{base}/f/first.bin?size=300&cut=100", "-i", str(listing), "-o", str(out_dir)])
    lines = out.splitlines()
    assert len(lines) == 4, f"one line per URL (4), got {out!r}"
    assert lines[0] == f"OK   {base}/f/first.bin?size=300&cut=100 -> {out_dir / 'first.bin'} (300 bytes)", lines[0]
    assert lines[1] == f"OK   {base}/f/a.bin?size=1000 -> {out_dir / 'a.bin'} (1000 bytes)", lines[1]
    assert lines[2].startswith(f"FAIL {base}/f/b.bin?size=2000: "), f"a wrong checksum is a FAIL line, got {lines[2]!r}"
    assert lines[3].startswith(f"FAIL {base}/missing/c.bin: ") and "404" in lines[3], lines[3]
    assert code == 1, f"some downloads failed: exit code 1, got {code}"
    assert leftovers(out_dir) == ["a.bin", "first.bin"], f"found {leftovers(out_dir)}"
    code, out, err = run_main(main, [f"{base}/f/x.bin?size=10", "-o", str(out_dir)])
    assert (code, out) == (0, f"OK   {base}/f/x.bin?size=10 -> {out_dir / 'x.bin'} (10 bytes)\n"), (code, out)


def test_main_without_urls(tmp_path, monkeypatch):
    """main: no URLs, or an unreadable list, is exit code 2 with a message on stderr"""
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "none.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    for argv in ([], ["-i", str(empty)], ["-i", str(tmp_path / "missing.txt")]):
        code, out, err = run_main(main, argv)
        assert code == 2 and err.strip(), f"main({argv!r}) should say why on stderr and return 2, got {code}, {err!r}"


BIG = 100 * 1024 * 1024


def test_streams_within_the_memory_limit(site, tmp_path):
    """a 100 MB download (cut once at 30 MB) streams to disk within an 80 MB memory limit"""
    files, server = site
    dest = tmp_path / "big.bin"
    result = download(server.url + f"/f/big.bin?size={BIG}&cut={30 * 1024 * 1024}", dest)
    assert result.size == BIG and result.requests == 2, f"got {result!r}"
    with open(dest, "rb") as f:
        for k in range(BIG // BLOCK):
            if f.read(BLOCK) != block(k):
                pytest.fail(f"the big file differs from the server's at block {k} (byte {k * BLOCK})")

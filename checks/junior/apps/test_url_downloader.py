import asyncio
import os
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from aiohttp import web
from hypothesis import given, strategies as st

from pyexercise.checklib import free_port, run_main, serve_app
from url_downloader import DownloadResult, download_all, filename_for, main

PDF = b"%PDF-1.7\r\n" + bytes(range(256)) * 200 + b"\r\n%%EOF\x00"
NOTES = "café – naïve\r\nline two\n".encode("utf-8")  # served as text/plain without a charset
PNG = b"\x89PNG\r\n\x1a\n" + bytes(reversed(range(256))) * 40

FILES = {  # raw path -> (body, content type)
    "/files/report.pdf": (PDF, "application/pdf"),
    "/files/notes.txt": (NOTES, "text/plain"),
    "/img/logo.png": (PNG, "image/png"),
    "/files/my%20report%20(final).pdf": (b"final report", "application/pdf"),
    "/files/data.csv": (b"a,b\n1,2\n", "text/csv"),
    "/files/%C3%BCber.txt": (b"uber", "text/plain"),
    "/files/empty.txt": (b"", "text/plain"),
    "/files/README": (b"read me", "text/plain"),
    "/a/readme.txt": (b"first readme", "text/plain"),
    "/b/readme.txt": (b"second readme", "text/plain"),
    "/evil/..%2F..%2Fetc%2Fpasswd": (b"root:x:0:0", "text/plain"),
    "/": (b"<h1>home</h1>", "text/html"),
    "/docs/": (b"<h1>docs</h1>", "text/html"),
    "/releases/app-2.0.tar.gz": (b"\x1f\x8b\x08\x00fake tarball", "application/gzip"),
}


async def handler(request):
    path = request.raw_path.split("?", 1)[0]
    if path in FILES:
        body, ctype = FILES[path]
        return web.Response(body=body, headers={"Content-Type": ctype})
    if path == "/latest":
        raise web.HTTPFound("/releases/app-2.0.tar.gz")
    if path == "/created":
        return web.Response(status=201, body=b"made it", headers={"Content-Type": "text/plain"})
    if path == "/cached":
        return web.Response(status=304)
    if path in ("/status/199", "/status/299", "/status/300"):  # the edges of 2xx; the 300 has no Location
        code = int(path.rsplit("/", 1)[1])
        return web.Response(status=code, body=b"status %d" % code, headers={"Content-Type": "text/plain"})
    if path == "/error":
        return web.Response(status=500, text="oops")
    if path == "/slow":
        end = time.monotonic() + 3
        while time.monotonic() < end and request.transport is not None and not request.transport.is_closing():
            await asyncio.sleep(0.02)
        return web.Response(text="too late")
    return web.Response(status=404, text="not found")


@pytest.fixture(scope="module")
def site():
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handler)
    with serve_app(app) as base:
        yield base


def files_in(folder):
    return sorted(p.name for p in Path(folder).iterdir())


@pytest.mark.parametrize("url, name", [
    pytest.param("https://example.com/files/report.pdf", "report.pdf", id="the last segment of the path"),
    pytest.param("https://example.com/files/my%20report.pdf?v=2", "my_report.pdf",
                 id="percent-decoded, the space made safe, the query dropped"),
    pytest.param("https://example.com/data.csv?version=2&x=/y", "data.csv", id="a '/' in the query is not the path"),
    pytest.param("https://example.com/", "index.html", id="no segment: index.html"),
    pytest.param("https://example.com", "index.html", id="no path at all: index.html"),
    pytest.param("https://example.com/docs/", "index.html", id="a folder URL: index.html"),
    pytest.param("https://example.com/a/%2E%2E", "index.html", id="an encoded '..' is no name"),
    pytest.param("https://example.com/a/.", "index.html", id="'.' is no name"),
    pytest.param("https://example.com/files/%C3%BCber.txt", "_ber.txt", id="non-ASCII letters made safe"),
    pytest.param("https://example.com/x/..%2F..%2Fetc%2Fpasswd", ".._.._etc_passwd",
                 id="encoded slashes cannot climb out of the folder"),
    pytest.param("https://example.com/q/a%5Cb%3Ac*d.txt", "a_b_c_d.txt", id="backslash, colon and star made safe"),
    pytest.param("https://example.com/v1/app-2.0_final.tar.gz#part", "app-2.0_final.tar.gz",
                 id="dots, dashes and underscores stay; the fragment goes"),
])
def test_filename_for(url, name):
    """file names: last path segment, decoded, made safe"""
    got = filename_for(url)
    assert type(got) is str and got == name, f"filename_for({url!r}) should be {name!r}, got {got!r}"


@given(st.text(max_size=20))
def test_filename_always_safe(segment):
    """whatever the URL, the name is safe: no folders, no '..', only plain characters"""
    url = "https://example.com/dir/" + quote(segment, safe="")
    name = filename_for(url)
    assert name and name not in (".", ".."), f"filename_for({url!r}) gave {name!r}"
    assert all(c.isascii() and (c.isalnum() or c in "-_.") for c in name), f"filename_for({url!r}) gave unsafe {name!r}"


def test_saves_bytes_exactly(site, tmp_path):
    """bodies are saved byte for byte: binary files and text with CRLF and accents"""
    dest = tmp_path / "downloads"
    urls = [site + "/files/report.pdf", site + "/files/notes.txt", site + "/img/logo.png"]
    results = download_all(urls, dest)
    assert type(results) is list and len(results) == 3, f"one result per URL expected, got {results!r}"
    for r, url, name, body in zip(results, urls, ["report.pdf", "notes.txt", "logo.png"], [PDF, NOTES, PNG]):
        assert isinstance(r, DownloadResult), f"results should be DownloadResults, got {r!r}"
        assert (r.url, r.path, r.status, r.error) == (url, dest / name, 200, None), (
            f"expected DownloadResult({url!r}, {dest / name!r}, 200, None), got {r!r}")
        saved = (dest / name).read_bytes()
        assert saved == body, (f"{name}: saved {len(saved)} bytes that differ from the {len(body)} served: "
                               "write response.content (bytes) in binary mode, never response.text")
    assert files_in(dest) == ["logo.png", "notes.txt", "report.pdf"]


def test_names_from_urls(site, tmp_path):
    """real downloads are named as filename_for says, all inside dest_dir"""
    dest = tmp_path / "out"
    paths = ["/files/my%20report%20(final).pdf", "/files/data.csv?version=2", "/", "/docs/",
             "/files/%C3%BCber.txt", "/evil/..%2F..%2Fetc%2Fpasswd"]
    results = download_all([site + p for p in paths], dest)
    assert all(r.ok for r in results), f"all of these should download: {results!r}"
    want = ["my_report__final_.pdf", "data.csv", "index.html", "index-1.html", "_ber.txt", ".._.._etc_passwd"]
    assert [r.path.name for r in results] == want, f"saved as {[r.path.name for r in results]!r}, expected {want!r}"
    assert files_in(tmp_path) == ["out"], f"nothing may be written outside dest_dir, found {files_in(tmp_path)!r}"
    assert (dest / ".._.._etc_passwd").read_bytes() == b"root:x:0:0"


def test_redirect(site, tmp_path):
    """redirects are followed, and the file is named after the final URL"""
    [r] = download_all([site + "/latest"], tmp_path)
    assert (r.status, r.error, r.path) == (200, None, tmp_path / "app-2.0.tar.gz"), (
        f"/latest redirects to /releases/app-2.0.tar.gz: expected it saved as app-2.0.tar.gz, got {r!r}")
    assert r.url == site + "/latest", "DownloadResult.url is the URL you were given"
    assert r.path.read_bytes() == FILES["/releases/app-2.0.tar.gz"][0]


def test_never_overwrites(site, tmp_path):
    """taken names get -1, -2 before the extension; older files are left alone"""
    (tmp_path / "report.pdf").write_bytes(b"my own file")
    urls = [site + p for p in ["/files/report.pdf", "/files/report.pdf", "/a/readme.txt", "/b/readme.txt",
                               "/files/README", "/files/README"]]
    results = download_all(urls, tmp_path)
    want = ["report-1.pdf", "report-2.pdf", "readme.txt", "readme-1.txt", "README", "README-1"]
    assert [r.path.name if r.path else None for r in results] == want, (
        f"expected the files to be saved as {want!r}, got {[r.path for r in results]!r}")
    assert (tmp_path / "report.pdf").read_bytes() == b"my own file", "an existing file must never be overwritten"
    assert (tmp_path / "readme-1.txt").read_bytes() == b"second readme"


def test_other_2xx_and_empty(site, tmp_path):
    """any 2xx is a success, and an empty body is an empty file"""
    created, empty = download_all([site + "/created", site + "/files/empty.txt"], tmp_path)
    assert (created.status, created.error, created.path) == (201, None, tmp_path / "created"), f"got {created!r}"
    assert created.path.read_bytes() == b"made it"
    assert (empty.status, empty.error, empty.path) == (200, None, tmp_path / "empty.txt"), f"got {empty!r}"
    assert empty.path.read_bytes() == b""


def test_2xx_boundaries(site, tmp_path):
    """exactly 200 to 299 is success: a 299 is saved, a 199 and a 300 (no Location: no redirect) are failures"""
    low, high, multiple = download_all([site + "/status/199", site + "/status/299", site + "/status/300"], tmp_path)
    assert (high.status, high.error, high.path) == (299, None, tmp_path / "299"), (
        f"299 is a 2xx, so a success saved as '299': got {high!r}")
    assert high.path.read_bytes() == b"status 299"
    for r, code in ((low, 199), (multiple, 300)):
        assert (r.status, r.error, r.path) == (code, f"HTTP {code}", None), (
            f"{code} is not a 2xx (200 <= status < 300), so it is a failure: got {r!r}")
    assert files_in(tmp_path) == ["299"], f"only the 299 should be saved, found {files_in(tmp_path)!r}"


def test_creates_missing_folders(site, tmp_path):
    """a missing dest_dir is created, with any missing folders above it"""
    dest = tmp_path / "a" / "b" / "downloads"
    [r] = download_all([site + "/files/README"], dest)
    assert (r.status, r.error, r.path) == (200, None, dest / "README"), (
        f"dest_dir {dest} does not exist yet: create it and its parents (mkdir(parents=True, exist_ok=True)), "
        f"got {r!r}")
    assert r.path.read_bytes() == b"read me"


def test_failures_do_not_stop_the_rest(site, tmp_path):
    """bad URLs are reported and save nothing; the good ones still download"""
    dead = f"http://127.0.0.1:{free_port()}/file.txt"
    urls = [site + "/files/data.csv", site + "/nope.txt", site + "/error", site + "/cached", dead, "not a url",
            site + "/files/README"]
    results = download_all(urls, tmp_path)
    assert [r.url for r in results] == urls, "one result per URL, in the same order"
    ok, missing, error, cached, refused, bad, last = results
    assert (ok.status, ok.error) == (200, None) and (last.status, last.error) == (200, None), (
        f"the good URLs should download, got {ok!r} and {last!r}")
    assert (missing.status, missing.error, missing.path) == (404, "HTTP 404", None), f"a 404: got {missing!r}"
    assert (error.status, error.error, error.path) == (500, "HTTP 500", None), f"a 500: got {error!r}"
    assert (cached.status, cached.error, cached.path) == (304, "HTTP 304", None), (
        f"a 304 is not a 2xx, so it is a failure: got {cached!r}")
    for r in (refused, bad):
        assert r.status is None and r.path is None and isinstance(r.error, str) and r.error, (
            f"{r.url!r} cannot be fetched: status None, path None and an error message expected, got {r!r}")
    assert files_in(tmp_path) == ["README", "data.csv"], (
        f"failures must save no file, found {files_in(tmp_path)!r}")


def test_timeout(site, tmp_path):
    """a URL that does not answer in time is 'timed out', and the next one still downloads"""
    start = time.monotonic()
    slow, nxt = download_all([site + "/slow", site + "/files/README"], tmp_path, timeout=0.3)
    took = time.monotonic() - start
    assert (slow.status, slow.error, slow.path) == (None, "timed out", None), f"/slow with timeout=0.3: got {slow!r}"
    assert nxt.ok and nxt.path.read_bytes() == b"read me"
    assert took < 1.5, f"with timeout=0.3 it took {took:.1f} s: pass timeout= to requests.get"
    assert files_in(tmp_path) == ["README"]


def test_main(site, tmp_path, capsys):
    """main downloads URLs from the command line and a list file, printing OK/FAIL lines"""
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my downloads\n\n{site}/files/README\n   \n#{site}/files/notes.txt\n{site}/missing\n",
                       encoding="utf-8")
    dest = tmp_path / "dl"
    code, out, err = run_main(main, [site + "/files/data.csv", "-i", str(listing), "-o", str(dest)], capsys=capsys)
    want = (f"OK   {site}/files/data.csv -> {dest / 'data.csv'} (8 bytes)\n"
            f"OK   {site}/files/README -> {dest / 'README'} (7 bytes)\n"
            f"FAIL {site}/missing (HTTP 404)\n")
    assert out == want, f"main should print\n{want}but printed\n{out}"
    assert code == 1, f"one download failed: exit code 1 expected, got {code}"
    code, out, err = run_main(main, ["-o", str(dest), site + "/img/logo.png"], capsys=capsys)
    assert (code, out) == (0, f"OK   {site}/img/logo.png -> {dest / 'logo.png'} ({len(PNG)} bytes)\n"), (
        f"all downloads worked: exit code 0, got {code} and {out!r}")


def test_main_defaults_and_no_urls(site, tmp_path, capsys, monkeypatch):
    """main saves to the current directory by default; no URLs at all is exit code 2"""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(main, [site + "/files/README"], capsys=capsys)
    assert code == 0 and (tmp_path / "README").read_bytes() == b"read me", "without -o, save in the current directory"
    empty = tmp_path / "none.txt"
    empty.write_text("# nothing yet\n\n", encoding="utf-8")
    assert run_main(main, [], capsys=capsys)[0] == 2, "no URLs: exit code 2"
    assert run_main(main, ["-i", str(empty)], capsys=capsys)[0] == 2, (
        "a list file with only comments: no URLs, exit code 2")


def test_main_errors(tmp_path, capsys):
    """an unreadable list file or no URLs at all: exit code 2 and a message on stderr saying why"""
    missing = tmp_path / "no-such-list.txt"
    for argv, why in (([], "no URLs were given"),
                      (["-i", str(missing)], f"the list file {missing} does not exist, so there are no URLs"),
                      (["-i", str(tmp_path)], f"{tmp_path} is a folder, not a list file, so there are no URLs")):
        argv = argv + ["-o", str(tmp_path / "dl")]
        try:
            code, out, err = run_main(main, argv, capsys=capsys)
        except OSError as exc:
            pytest.fail(f"main({argv!r}) crashed with {exc!r}: {why}; catch OSError, explain on stderr, return 2")
        assert code == 2, f"main({argv!r}): {why}; exit code 2 expected, got {code}"
        assert err.strip(), (f"main({argv!r}) returned {code} without a word: {why}, so say so on stderr "
                             "(print(..., file=sys.stderr))")

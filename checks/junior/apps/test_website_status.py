import asyncio
import time

import pytest
from aiohttp import web

from pyexercise.checklib import free_port, run_main, serve_app
from website_status import SiteStatus, check_website, main

SLOW = 3.0  # seconds the /slow page would take; every check uses a much shorter timeout


async def wait_or_hang_up(request, seconds):
    """Sleep up to `seconds`, but stop as soon as the client gives up (so the test ends quickly)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await asyncio.sleep(0.02)
        if request.transport is None or request.transport.is_closing():
            break


def status_page(code, text=""):
    async def handler(request):
        return web.Response(status=code, text=text)
    return handler


def redirect_to(location, cls=web.HTTPFound):
    async def handler(request):
        raise cls(location)
    return handler


async def slow(request):
    await wait_or_hang_up(request, SLOW)
    return web.Response(text="finally")


async def slowish(request):
    await asyncio.sleep(0.3)
    return web.Response(text="worth the wait")


@pytest.fixture(scope="module")
def site():
    app = web.Application()
    r = app.router
    r.add_get("/ok", status_page(200, "hello"))
    r.add_get("/created", status_page(201))
    r.add_get("/empty", status_page(204))
    r.add_get("/not-modified", status_page(304))
    r.add_get("/forbidden", status_page(403, "go away"))
    r.add_get("/missing", status_page(404, "no such page"))
    r.add_get("/error", status_page(500, "oops"))
    r.add_get("/unavailable", status_page(503, "maintenance"))
    r.add_get("/moved", redirect_to("/ok", web.HTTPMovedPermanently))
    r.add_get("/chain", redirect_to("/moved"))
    r.add_get("/moved-to-missing", redirect_to("/missing"))
    r.add_get("/loop", redirect_to("/loop"))
    r.add_get("/slow", slow)
    r.add_get("/slowish", slowish)
    r.add_get("/get-only", status_page(200, "GET me"), allow_head=False)  # HEAD -> 405
    with serve_app(app) as base:
        yield base


def check(url, timeout=2.0):
    got = check_website(url, timeout=timeout)
    assert isinstance(got, SiteStatus), f"check_website should return a SiteStatus, got {got!r}"
    assert got.url == url, f"SiteStatus.url should be the URL you were given, {url!r}, got {got.url!r}"
    return got


def test_online(site):
    """a 200 page is online, with status, final URL and detail"""
    got = check(site + "/ok")
    want = SiteStatus(site + "/ok", True, 200, site + "/ok", "HTTP 200 OK")
    assert got == want, f"expected {want!r}, got {got!r}"
    assert type(got.online) is bool and type(got.status_code) is int


def test_other_2xx(site):
    """every 2xx status counts as online"""
    for path, code, reason in [("/created", 201, "Created"), ("/empty", 204, "No Content")]:
        got = check(site + path)
        assert (got.online, got.status_code, got.detail) == (True, code, f"HTTP {code} {reason}"), (
            f"{path} answers {code}: online, detail 'HTTP {code} {reason}' expected, got {got!r}")


@pytest.mark.parametrize("path, code, reason", [("/not-modified", 304, "Not Modified"), ("/forbidden", 403, "Forbidden"), ("/missing", 404, "Not Found"),
                                                ("/error", 500, "Internal Server Error"),
                                                ("/unavailable", 503, "Service Unavailable")])
def test_error_statuses(site, path, code, reason):
    """3xx (not a redirect), 4xx and 5xx answers are not online; the status and reason are reported"""
    got = check(site + path)
    want = SiteStatus(site + path, False, code, site + path, f"HTTP {code} {reason}")
    assert got == want, f"{path} answers {code}: expected {want!r}, got {got!r}"


def test_redirects_followed(site):
    """redirects are followed: the final page decides, and final_url says where it was"""
    got = check(site + "/moved")
    assert (got.online, got.status_code, got.final_url) == (True, 200, site + "/ok"), (
        f"/moved redirects to /ok: expected online, 200, final_url {site + '/ok'!r}, got {got!r}. "
        "(requests.head() needs allow_redirects=True)")
    got = check(site + "/chain")
    assert (got.online, got.status_code, got.final_url) == (True, 200, site + "/ok"), f"a chain of redirects, got {got!r}"
    got = check(site + "/moved-to-missing")
    assert (got.online, got.status_code, got.final_url, got.detail) == (
        False, 404, site + "/missing", "HTTP 404 Not Found"), f"a redirect to a missing page is not online, got {got!r}"


def test_redirect_loop(site):
    """a redirect loop is 'too many redirects', not a crash"""
    got = check(site + "/loop")
    assert (got.online, got.status_code, got.detail) == (False, None, "too many redirects"), f"got {got!r}"
    assert got.final_url == site + "/loop"


def test_head_refused(site):
    """a server that refuses HEAD (405) is asked again with GET"""
    got = check(site + "/get-only")
    assert (got.online, got.status_code, got.detail) == (True, 200, "HTTP 200 OK"), (
        f"/get-only answers HEAD with 405 but GET with 200: it is online, got {got!r}")


def test_timeout(site):
    """a site that does not answer in time is 'timed out', and you don't wait longer"""
    start = time.monotonic()
    got = check(site + "/slow", timeout=0.3)
    took = time.monotonic() - start
    assert (got.online, got.status_code, got.final_url, got.detail) == (False, None, site + "/slow", "timed out"), (
        f"/slow takes {SLOW} s; with timeout=0.3 expected 'timed out', got {got!r}")
    assert took < 1.5, f"with timeout=0.3 it took {took:.1f} s: pass timeout= to requests"


def test_uses_given_timeout(site):
    """a generous timeout lets a slowish site answer"""
    got = check(site + "/slowish", timeout=3)
    assert got.online and got.status_code == 200, (
        f"/slowish answers after 0.3 s; with timeout=3 it is online, got {got!r}: use the timeout you are given")


def test_connection_failed():
    """nothing listening is 'connection failed'"""
    url = f"http://127.0.0.1:{free_port()}/"
    got = check(url)
    assert got == SiteStatus(url, False, None, url, "connection failed"), f"got {got!r}"


@pytest.mark.parametrize("url", ["not a url", "ftp://example.com/file", "http://", "example.com"])
def test_invalid_url(url):
    """something that is not an http(s) URL is 'invalid URL'"""
    got = check(url)
    assert got == SiteStatus(url, False, None, url, "invalid URL"), f"check_website({url!r}) gave {got!r}"


def test_main(site, capsys):
    """main prints an UP/DOWN line per URL and returns 0 only if all are up"""
    argv = [site + "/ok", site + "/created"]
    code, out, err = run_main(main, argv, capsys=capsys)
    assert code != 2, f"main({argv!r}) gave a usage error: {err}"
    assert out == f"UP   200 {site}/ok\nUP   201 {site}/created\n", f"main printed {out!r}"
    assert code == 0, f"every site is up: exit code 0 expected, got {code}"
    dead = f"http://127.0.0.1:{free_port()}/"
    argv = ["--timeout", "0.3", site + "/missing", dead, site + "/slow", site + "/ok"]
    code, out, err = run_main(main, argv, capsys=capsys)
    assert code != 2, f"main({argv!r}) gave a usage error: {err}"
    want = (f"DOWN 404 {site}/missing (HTTP 404 Not Found)\n"
            f"DOWN --- {dead} (connection failed)\nDOWN --- {site}/slow (timed out)\nUP   200 {site}/ok\n")
    assert out == want, f"main should print\n{want}but printed\n{out}"
    assert code == 1, f"some sites are down: exit code 1 expected, got {code}"

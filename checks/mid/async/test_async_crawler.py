import asyncio
import collections
import threading
import time
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from hypothesis import Phase, given, settings, strategies as st

from async_crawler import crawl
from pyexercise.checklib import serve_app


@dataclass
class Page:
    body: str = ""
    status: int = 200
    content_type: str = "text/html"
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # answer only when the test releases it (or after 5 s)
    raw: bytes | None = None  # a body sent as these bytes, declared as UTF-8


@dataclass
class Site:
    """A website whose handler records every request and how many were in flight at once."""

    pages: dict[str, Page]
    hits: collections.Counter = field(default_factory=collections.Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    release: threading.Event = field(default_factory=threading.Event)

    def app(self) -> web.Application:
        async def handler(request: web.Request) -> web.Response:
            self.hits[request.path_qs] += 1
            self.in_flight += 1  # all handlers run on the server's one event loop: no lock needed
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                page = self.pages.get(request.path_qs)
                if page is None:
                    return web.Response(status=404, text="<p>no such page</p>", content_type="text/html")
                if page.delay:
                    await asyncio.sleep(page.delay)
                if page.hang:
                    deadline = time.monotonic() + 5
                    while not self.release.is_set() and time.monotonic() < deadline:
                        await asyncio.sleep(0.02)
                if page.raw is not None:
                    return web.Response(status=page.status, body=page.raw, content_type=page.content_type,
                                        charset="utf-8")
                return web.Response(status=page.status, text=page.body, content_type=page.content_type)
            finally:
                self.in_flight -= 1

        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handler)
        return app


def links(*hrefs: str) -> str:
    return "<html><body>" + "".join(f'<p><a href="{h}">{h}</a></p>' for h in hrefs) + "</body></html>"


def run(url, **kwargs):
    return asyncio.run(crawl(url, **kwargs))


def main_site(external: str) -> Site:
    return Site({
        "/": Page(links("/a", "/b", "c", "/missing", "/boom", "/a#top", f"{external}/x",
                        "mailto:someone@example.com")),
        "/a": Page(links("/", "/deep1", "/b")),
        "/b": Page("<html><body><A HREF='/c'>c</A> <a class=x href='/a'>a</a></body></html>"),
        "/c": Page("<p>no links here</p>"),
        "/boom": Page(links("/secret"), status=500),
        "/deep1": Page(links("/deep2")),
        "/deep2": Page(links("/deep3")),
        "/deep3": Page("<p>bottom</p>"),
        "/secret": Page("<p>only linked from an error page</p>"),
    })


@pytest.fixture
def external():
    """Another site (another port): the crawler must never go there."""
    site = Site({"/x": Page(links("/y"))})
    with serve_app(site.app()) as url:
        yield site, url


def test_crawls_same_host_pages(external):
    """fetches the pages reachable within max_depth and maps each URL to its status"""
    ext_site, ext_url = external
    site = main_site(ext_url)
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=2)
    want = {f"{base}{p}": s for p, s in [("/", 200), ("/a", 200), ("/b", 200), ("/c", 200),
                                         ("/missing", 404), ("/boom", 500), ("/deep1", 200)]}
    assert type(got) is dict, f"crawl() should return a dict, got {type(got).__name__}"
    assert got == want, f"crawl(max_depth=2) should return\n{want}\ngot\n{got}"
    assert all(type(s) is int for s in got.values()), "statuses should be ints"


def test_fetches_each_page_once(external):
    """a page linked from many places (or with #fragments) is requested once"""
    ext_site, ext_url = external
    site = main_site(ext_url)
    with serve_app(site.app()) as base:
        run(base + "/", max_depth=3)
    twice = {p: n for p, n in site.hits.items() if n > 1}
    assert not twice, f"these pages were requested more than once: {twice} (remember what you've queued)"


def test_never_leaves_the_host(external):
    """links to another host (or mailto:) are not followed"""
    ext_site, ext_url = external
    site = main_site(ext_url)
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=3)
    assert not ext_site.hits, f"the crawler fetched {dict(ext_site.hits)} from another host ({ext_url})"
    assert all(u.startswith(base + "/") for u in got), f"only {base} pages belong in the result: {list(got)}"


def test_error_pages_recorded_not_followed(external):
    """404 and 500 are recorded as statuses; links on an error page are not followed"""
    ext_site, ext_url = external
    site = main_site(ext_url)
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=3)
    assert got.get(base + "/missing") == 404, "a missing page's status 404 should be in the result"
    assert got.get(base + "/boom") == 500, "a failing page's status 500 should be in the result"
    assert site.hits["/secret"] == 0, "/secret is only linked from the 500 page: don't follow links on error pages"


def test_depth_limit():
    """max_depth counts links from the start: 0 is the start page alone"""
    site = Site({"/": Page(links("/1")), "/1": Page(links("/2")), "/2": Page(links("/3")),
                 "/3": Page(links("/4")), "/4": Page("end")})
    with serve_app(site.app()) as base:
        for depth in (0, 1, 3):
            got = run(base + "/", max_depth=depth)
            want = [base + "/"] + [f"{base}/{i}" for i in range(1, depth + 1)]
            assert sorted(got) == sorted(want), f"with max_depth={depth} the crawl should reach {want}, got {list(got)}"


def test_depth_is_the_shortest_path():
    """a page reachable by a long and a short path is at the short path's depth"""
    # / -> /a -> /b -> /c -> /d, and also / -> /c directly: /d is at depth 2
    site = Site({"/": Page(links("/a", "/c")), "/a": Page(links("/b")), "/b": Page(links("/c")),
                 "/c": Page(links("/d")), "/d": Page("end")})
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=2)
    assert base + "/d" in got, ("/d is 2 links from the start via /c (which the start page links to), so "
                                f"max_depth=2 should reach it; got {sorted(got)}")
    assert base + "/b" in got and base + "/a" in got


def test_shortest_path_even_when_it_is_slow():
    """a page first found along a long fast path still gets the depth of its short slow path"""
    # / -> /slow -> /target -> /leaf       (/target at depth 2, /leaf at depth 3)
    # / -> /fast -> /x -> /target          (a depth-3 route to /target that answers sooner)
    site = Site({"/": Page(links("/slow", "/fast")), "/slow": Page(links("/target"), delay=0.3),
                 "/fast": Page(links("/x")), "/x": Page(links("/target")),
                 "/target": Page(links("/leaf")), "/leaf": Page("end")})
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=3)
    assert base + "/leaf" in got, (
        "/target is at depth 2 (via /slow), so /leaf is at depth 3 and max_depth=3 should reach it. Your crawl "
        "met /target first via the quicker /fast -> /x route (depth 3) and stopped there: go breadth first, "
        f"finishing each depth before the next; got {sorted(got)}")


def test_defaults_depth_two_and_five_at_once():
    """by default max_depth is 2 and up to 5 requests are in flight"""
    site = fan_out_site(8, 0.25)
    site.pages["/p0"] = Page(links("/deeper"), delay=0.25)
    site.pages["/deeper"] = Page(links("/too-deep"))
    site.pages["/too-deep"] = Page("end")
    with serve_app(site.app()) as base:
        got = run(base + "/")
    assert base + "/deeper" in got and base + "/too-deep" not in got, (
        f"the default max_depth is 2: /deeper (depth 2) is in, /too-deep (depth 3) is out; got {sorted(got)}")
    assert site.max_in_flight == 5, (f"with 8 pages ready at once and the default concurrency of 5, 5 requests "
                                     f"should be in flight together; the most at once was {site.max_in_flight}")


def test_undecodable_bytes_do_not_stop_the_crawl():
    """a page with a broken UTF-8 byte is still read and its links followed"""
    site = Site({"/": Page(raw=b'<p>caf\xe9</p><a href="/next">next</a>'), "/next": Page("end")})
    with serve_app(site.app()) as base:
        got = run(base + "/")
    assert got == {base + "/": 200, base + "/next": 200}, (
        "a stray byte that isn't valid UTF-8 should not stop the crawl: decode leniently "
        f"(resp.text(errors='replace')); got {got}")


def test_only_a_links_in_html_pages():
    """only <a href> counts, and only on text/html pages"""
    site = Site({
        "/": Page('<html><head><link rel="stylesheet" href="/style.css"></head><body>'
                  '<img src="/pic.png"><a href="/notes.txt">notes</a><a name="anchor">x</a></body></html>'),
        "/notes.txt": Page('see <a href="/hidden">this</a>', content_type="text/plain"),
        "/style.css": Page("body {}", content_type="text/css"),
        "/hidden": Page("hidden"),
    })
    with serve_app(site.app()) as base:
        got = run(base + "/", max_depth=3)
    assert got == {base + "/": 200, base + "/notes.txt": 200}, (
        "follow only <a href=...> (not <link> or <img>), and don't look for links in a text/plain page; "
        f"got {got}")


def test_timeout_gives_none():
    """a page slower than the timeout gets status None, and the crawl goes on"""
    site = Site({"/": Page(links("/slow", "/fast")), "/slow": Page("late", hang=True), "/fast": Page("quick")})
    with serve_app(site.app()) as base:
        try:
            start = time.monotonic()
            got = run(base + "/", timeout=0.4)
            took = time.monotonic() - start
        finally:
            site.release.set()
    assert got == {base + "/": 200, base + "/slow": None, base + "/fast": 200}, (
        f"the page that timed out should map to None and the others to 200; got {got}")
    assert took < 3, f"with timeout=0.4 the crawl took {took:.1f} s: give each request a timeout"


def fan_out_site(pages: int, delay: float) -> Site:
    paths = [f"/p{i}" for i in range(pages)]
    site = Site({p: Page("<p>leaf</p>", delay=delay) for p in paths})
    site.pages["/"] = Page(links(*paths))
    return site


def test_requests_overlap_within_the_limit():
    """with concurrency=3 up to 3 requests overlap, and the crawl beats one-at-a-time by far"""
    delay, pages = 0.25, 8
    site = fan_out_site(pages, delay)
    with serve_app(site.app()) as base:
        start = time.monotonic()
        got = run(base + "/", concurrency=3)
        took = time.monotonic() - start
    assert len(got) == pages + 1, f"all {pages + 1} pages should be crawled, got {len(got)}"
    assert site.max_in_flight <= 3, f"{site.max_in_flight} requests were in flight at once; the limit was 3"
    assert site.max_in_flight >= 2, ("only one request was ever in flight: start the requests together "
                                      "(asyncio.gather or tasks) rather than awaiting them one by one")
    assert took < pages * delay * 0.75, (f"{pages} pages of {delay} s each took {took:.2f} s: fetched "
                                         "concurrently, 3 at a time, they take about a third of that")


def test_concurrency_one_means_one_at_a_time():
    """concurrency=1 never has two requests in flight"""
    site = fan_out_site(4, 0.05)
    with serve_app(site.app()) as base:
        got = run(base + "/", concurrency=1)
    assert len(got) == 5
    assert site.max_in_flight == 1, f"with concurrency=1, {site.max_in_flight} requests were in flight at once"


@pytest.mark.parametrize("kwargs", [{"concurrency": 0}, {"concurrency": -2}, {"max_depth": -1}])
def test_invalid_arguments(kwargs):
    """concurrency below 1 or a negative max_depth is a ValueError"""
    with pytest.raises(ValueError):
        run("http://127.0.0.1:9/", **kwargs)


def test_unreachable_start_is_none():
    """a start URL nobody answers gives {start: None}, not an exception"""
    from pyexercise.checklib import free_port

    url = f"http://127.0.0.1:{free_port()}/"
    got = run(url, timeout=2)
    assert got == {url: None}, f"a refused connection should map to None; got {got!r}"


def bfs_depths(graph: dict[int, list[int]]) -> dict[int, int]:
    depth = {0: 0}
    frontier = [0]
    while frontier:
        nxt = []
        for u in frontier:
            for v in graph[u]:
                if v not in depth:
                    depth[v] = depth[u] + 1
                    nxt.append(v)
        frontier = nxt
    return depth


@pytest.fixture(scope="module")
def shared_site():
    """One server for every hypothesis example; each example swaps in its own pages."""
    site = Site({})
    with serve_app(site.app()) as base:
        yield site, base


# no explain phase: it re-runs a failing crawl dozens of times just to annotate the example
@settings(max_examples=30, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(data=st.data())
def test_random_sites_match_breadth_first_search(shared_site, data):
    """on random small sites the crawl reaches exactly the pages within max_depth"""
    site, base = shared_site
    n = data.draw(st.integers(1, 8), label="pages")
    graph = {u: data.draw(st.lists(st.integers(0, n - 1), max_size=4), label=f"links of /n{u}") for u in range(n)}
    max_depth = data.draw(st.integers(0, 4), label="max_depth")
    site.pages = {f"/n{u}": Page(links(*(f"/n{v}" for v in vs))) for u, vs in graph.items()}
    site.hits.clear()
    got = run(base + "/n0", max_depth=max_depth, concurrency=3)
    want = {f"{base}/n{u}": 200 for u, d in bfs_depths(graph).items() if d <= max_depth}
    assert got == want, f"links {graph}, max_depth={max_depth}: want {sorted(want)}, got {sorted(got)}"
    assert all(n == 1 for n in site.hits.values()), f"each page once, but the server saw {dict(site.hits)}"

import asyncio
import html as htmllib
import time
from urllib.parse import urljoin

import pytest
import requests
from aiohttp import web
from hypothesis import given, strategies as st

from headline_scraper import Headline, extract_headlines, main, scrape_headlines
from pyexercise.checklib import free_port, run_main, serve_app

FRONT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>The Daily Loopback</title></head>
<body>
  <header><h1><a href="/">The Daily Loopback</a></h1></header>
  <nav><h3>Sections</h3><ul><li><a href="/local/">Local</a></li></ul></nav>
  <main>
    <article class="story lead">
      <h2><a href="story-1.html">
          Council approves   new
          bike lanes
      </a></h2>
      <p>The vote was close.</p>
    </article>
    <div class="ad"><h2><a href="https://ads.example.net/buy">Buy one, get one free!</a></h2></div>
    <article class="adventure"><h3><a href="../travel/alps.html">Hiking the <em>Alps</em> on a budget</a></h3></article>
    <section class="ad-free">
      <h3><a href="/sport/final.html">Break<em>ing</em>: local team wins the final</a></h3>
      <h3><a href="story-1.html">Council approves new bike lanes (updated)</a></h3>
    </section>
    <aside class="promo sponsored"><div><h3><a href="/partners/deal.html">Our partner's best deal</a></h3></div></aside>
    <h3 class="sponsored"><a href="/partners/other.html">Another partner</a></h3>
    <h2>Weather</h2>
    <h2><a href="mailto:tips@news.example">Send us your tips</a></h2>
    <h2><a href="javascript:void(0)">Load more</a></h2>
    <h2><a href="/empty.html">  <img src="x.png" alt="photo">  </a></h2>
    <h2><span>Opinion:</span> <a href="//cdn.example.org/opinion/tax.html">Why\ttaxes&nbsp;matter</a>
        <a href="/other.html">second link</a></h2>
    <h3><a href="https://world.example.com/asia/typhoon.html">Typhoon nears the coast</a></h3>
    <h4><a href="/not-a-headline.html">h4 is too small to count</a></h4>
    <h2><a href="  story-2.html?ref=front#top  ">Storm expected this weekend</a></h2>
  </main>
</body></html>
"""

# served as bytes with a Content-Type that names no charset: only <meta charset> tells
ACCENTS_PAGE = """<html><head><meta charset="utf-8"></head><body>
<h2><a href="/cafe.html">Café culture returns to São Paulo</a></h2>
<h2><a href="/zurich.html">Zürich — “quiet” elections</a></h2>
</body></html>""".encode("utf-8")


def expected_front(base):
    today = base + "/news/today/"
    return [
        Headline("Council approves new bike lanes", today + "story-1.html"),
        Headline("Hiking the Alps on a budget", base + "/news/travel/alps.html"),
        Headline("Breaking: local team wins the final", base + "/sport/final.html"),
        Headline("Why taxes matter", "http://cdn.example.org/opinion/tax.html"),
        Headline("Typhoon nears the coast", "https://world.example.com/asia/typhoon.html"),
        Headline("Storm expected this weekend", today + "story-2.html?ref=front#top"),
    ]


@pytest.fixture(scope="module")
def site():
    async def front(request):
        return web.Response(text=FRONT_PAGE, content_type="text/html")

    async def accents(request):
        return web.Response(body=ACCENTS_PAGE, headers={"Content-Type": "text/html"})

    async def latest(request):
        raise web.HTTPFound("/news/today/")

    async def empty(request):
        return web.Response(text="<html><body><p>Nothing today.</p></body></html>", content_type="text/html")

    async def gone(request):
        return web.Response(status=404, text="<h2><a href='/x'>Not found</a></h2>", content_type="text/html")

    async def broken(request):
        return web.Response(status=500, text="<h2><a href='/x'>Server error</a></h2>", content_type="text/html")

    async def slow(request):
        end = time.monotonic() + 3
        while time.monotonic() < end and request.transport is not None and not request.transport.is_closing():
            await asyncio.sleep(0.02)
        return web.Response(text=FRONT_PAGE, content_type="text/html")

    app = web.Application()
    for path, h in [("/news/today/", front), ("/accents", accents), ("/latest", latest), ("/quiet", empty),
                    ("/gone", gone), ("/broken", broken), ("/slow", slow)]:
        app.router.add_get(path, h)
    with serve_app(app) as base:
        yield base


def test_extract_front_page():
    """the front page's headlines: whitespace collapsed, links absolute, adverts and duplicates out"""
    base = "http://news.test"
    got = extract_headlines(FRONT_PAGE, base + "/news/today/")
    assert type(got) is list and all(isinstance(h, Headline) for h in got), f"expected a list of Headlines, got {got!r}"
    want = expected_front(base)
    assert [h.title for h in got] == [h.title for h in want], (
        f"titles should be\n{[h.title for h in want]!r}\ngot\n{[h.title for h in got]!r}")
    assert got == want, f"expected\n{want!r}\ngot\n{got!r}"


def test_titles():
    """nested tags count, whitespace runs become one space"""
    got = extract_headlines('<h2><a href="/a">  <b>Big</b>\n\n<i>news</i>:\tprices   <em>fall</em>  </a></h2>'
                            '<h3><a href="/b">Break<em>ing</em></a></h3>', "http://x.test/")
    assert got == [Headline("Big news: prices fall", "http://x.test/a"), Headline("Breaking", "http://x.test/b")], (
        f"got {got!r}: use link.get_text() (no separator, or 'Break<em>ing' becomes 'Break ing') and collapse whitespace")


def test_adverts():
    """class 'ad' or 'sponsored' on the heading or any ancestor marks an advert; 'ad-free' does not"""
    page = """
    <div class="ad"><section><h2><a href="/1">deep inside an ad</a></h2></section></div>
    <h2 class="headline ad"><a href="/2">heading is an ad</a></h2>
    <div class="SPONSORED-box"><h2><a href="/3">not an ad: a different class</a></h2></div>
    <div class="header"><h3><a href="/4">header contains 'ad'</a></h3></div>
    <div class="x"><div class="sponsored y"><h3><a href="/5">sponsored grandparent</a></h3></div></div>
    """
    got = [h.title for h in extract_headlines(page, "http://x.test/")]
    assert got == ["not an ad: a different class", "header contains 'ad'"], (
        f"got {got!r}: compare whole class names (tag.get('class') is a list), on the heading and all its parents")


def test_duplicates_and_skips():
    """same URL only once (first wins); no link, empty text and non-http links are skipped"""
    page = """<h2><a href="/a.html">First</a></h2><h2><a href="http://x.test/a.html">Second</a></h2>
    <h3><a href="/b.html">B</a></h3><h2>No link here</h2><h2><a>No href</a><a href="/c.html">C</a></h2>
    <h2><a href="tel:+441234">Call us</a></h2><h2><a href="/d.html"> </a></h2><h3><a href="/a.html#c">A again</a></h3>"""
    got = extract_headlines(page, "http://x.test/")
    want = [Headline("First", "http://x.test/a.html"), Headline("B", "http://x.test/b.html"),
            Headline("C", "http://x.test/c.html"), Headline("A again", "http://x.test/a.html#c")]
    assert got == want, f"expected {want!r}, got {got!r}"
    assert extract_headlines("", "http://x.test/") == [], "an empty page has no headlines"


words = st.text(st.characters(codec="utf-8", exclude_categories=["C", "Z"]), min_size=1, max_size=8)
gaps = st.sampled_from([" ", "  ", "\n", " \t ", "\n    "])
hrefs = st.sampled_from(["a.html", "/b/c.html", "../d.html", "?page=2", "e/", "https://other.test/f"])


@given(st.lists(st.tuples(st.lists(words, min_size=1, max_size=4), gaps, hrefs, st.booleans()), max_size=6))
def test_generated_pages(stories):
    """any page of headlines: titles collapsed, links joined, ads out, first of each URL kept"""
    base = "http://gen.test/news/today/"
    parts, want, seen = [], [], set()
    for title_words, gap, href, is_ad in stories:
        title_html = gap.join(htmllib.escape(w) for w in title_words)
        heading = f'<h2><a href="{href}">{gap}{title_html}{gap}</a></h2>'
        parts.append(f'<div class="ad">{heading}</div>' if is_ad else heading)
        url = urljoin(base, href)
        if not is_ad and url not in seen:
            seen.add(url)
            want.append(Headline(" ".join(title_words), url))
    got = extract_headlines("<html><body>" + "\n".join(parts) + "</body></html>", base)
    assert got == want, f"expected {want!r}, got {got!r}"


def test_scrape_follows_redirects(site):
    """scrape_headlines fetches the page; after a redirect, links are relative to the final URL"""
    got = scrape_headlines(site + "/latest")
    assert got == expected_front(site), (
        f"/latest redirects to /news/today/: relative links must be joined to response.url, got {got!r}")


def test_scrape_reads_meta_charset(site):
    """the encoding comes from <meta charset> when the server does not name one"""
    got = scrape_headlines(site + "/accents")
    want = [Headline("Café culture returns to São Paulo", site + "/cafe.html"),
            Headline("Zürich — “quiet” elections", site + "/zurich.html")]
    assert got == want, (f"expected {want!r}, got {got!r}. Mangled accents? Give BeautifulSoup response.content "
                         "(bytes), so it can read <meta charset>, not response.text")


def test_scrape_errors(site):
    """4xx/5xx pages are requests.HTTPError; timeouts are honoured"""
    for path in ("/gone", "/broken"):
        with pytest.raises(requests.HTTPError):
            scrape_headlines(site + path)
    start = time.monotonic()
    with pytest.raises(requests.Timeout):
        scrape_headlines(site + "/slow", timeout=0.3)
    assert time.monotonic() - start < 1.5, "pass the timeout to requests.get"
    assert scrape_headlines(site + "/quiet") == []


def test_main(site, capsys):
    """main prints numbered headlines with their links; errors exit 1"""
    code, out, err = run_main(main, [site + "/news/today/"], capsys=capsys)
    want = "".join(f"{i}. {h.title}\n   {h.url}\n" for i, h in enumerate(expected_front(site), 1))
    assert (code, out) == (0, want), f"main should print\n{want}\nand return 0, got {code} and\n{out}"
    assert run_main(main, [site + "/quiet"], capsys=capsys)[:2] == (0, "No headlines found.\n")
    for argv in ([site + "/gone"], [f"http://127.0.0.1:{free_port()}/"], ["--timeout", "0.3", site + "/slow"]):
        code, out, err = run_main(main, argv, capsys=capsys)
        assert code == 1 and out == "" and err.startswith("error:"), (
            f"main({argv!r}) should print 'error: ...' to stderr and return 1, got {code}, {out!r}, {err!r}")

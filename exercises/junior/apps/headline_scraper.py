"""Scrape the headlines from a news website with requests and BeautifulSoup.

    >>> for h in scrape_headlines("https://news.example.com/"):
    ...     print(h.title, "->", h.url)
    Council approves new bike lanes -> https://news.example.com/local/bike-lanes.html
    Storm expected this weekend -> https://news.example.com/weather/storm.html

A headline is an <h2> or <h3> element that contains a link (<a href="...">); if it holds
several links, the first one counts.
- title: the link's text, nested tags included (<a>Break<em>ing</em> news</a> is
  "Breaking news"), with every run of whitespace (spaces, tabs, newlines) collapsed to one
  space and stripped from both ends;
- url: the href made absolute against the page's URL, as urllib.parse.urljoin() does
  ("story.html", "../world/", "/sport/", "//cdn.example.org/x" all work);
- adverts are skipped: a heading is an advert if it, or any element it sits in, has the
  class "ad" or "sponsored" (class="promo ad" is an advert, class="ad-free" is not);
- also skipped: headings without a link, links with an empty title, and links that are not
  http(s) once made absolute (mailto:, javascript:, tel:);
- each URL once: a story featured twice keeps only its first headline;
- in the order they appear on the page.

extract_headlines(html, base_url) does this for a page you already have (str or bytes).
scrape_headlines(url, *, timeout=10.0) downloads the page with requests, passing the
timeout; raises requests.HTTPError for a 4xx/5xx answer (response.raise_for_status());
uses the URL after any redirects as the base for relative links; and gives BeautifulSoup
the raw bytes (response.content), not response.text: many servers don't name the encoding
in their Content-Type header, only in the page's <meta charset>, which BeautifulSoup reads.

main(argv) takes `URL [--timeout SECONDS]` and prints each headline as two lines,

    1. Council approves new bike lanes
       https://news.example.com/local/bike-lanes.html

then returns 0 (also when there are none: it prints "No headlines found."). If the page
cannot be fetched it prints "error: ..." to stderr and returns 1.
"""

from __future__ import annotations

from typing import NamedTuple


class Headline(NamedTuple):
    title: str
    url: str


def extract_headlines(html: str | bytes, base_url: str) -> list[Headline]:
    """The headlines in ``html``, with links made absolute against ``base_url``."""
    # TODO: BeautifulSoup(html, "html.parser").find_all(["h2", "h3"]) is a start.
    raise NotImplementedError


def scrape_headlines(url: str, *, timeout: float = 10.0) -> list[Headline]:
    """Download the page at ``url`` and return its headlines."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the headlines of the page named on the command line; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())

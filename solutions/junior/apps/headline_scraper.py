"""Scrape the headlines from a news website with requests and BeautifulSoup."""

from __future__ import annotations

import argparse
import sys
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

AD_CLASSES = {"ad", "sponsored"}


class Headline(NamedTuple):
    title: str
    url: str


def _is_advert(tag) -> bool:
    # BeautifulSoup gives "class" as a list of words, so "promo ad" is ["promo", "ad"]
    # and "ad-free" never matches "ad" by accident.
    for element in [tag, *tag.parents]:
        if AD_CLASSES & set(element.get("class") or []):
            return True
    return False


def extract_headlines(html: str | bytes, base_url: str) -> list[Headline]:
    """The headlines in ``html``, with links made absolute against ``base_url``."""
    soup = BeautifulSoup(html, "html.parser")
    headlines: list[Headline] = []
    seen: set[str] = set()
    for heading in soup.find_all(["h2", "h3"]):
        link = heading.find("a", href=True)
        if link is None or _is_advert(heading):
            continue
        # get_text() joins nested pieces as they are ("Break" + "ing"); split() then
        # collapses every run of whitespace, newlines included.
        title = " ".join(link.get_text().split())
        url = urljoin(base_url, link["href"].strip())
        if not title or urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        headlines.append(Headline(title, url))
    return headlines


def scrape_headlines(url: str, *, timeout: float = 10.0) -> list[Headline]:
    """Download the page at ``url`` and return its headlines."""
    response = requests.get(url, timeout=timeout)
    response.raise_for_status()
    # response.url is where the redirects ended: relative links are relative to it.
    # response.content (bytes) lets BeautifulSoup honour <meta charset>.
    return extract_headlines(response.content, response.url)


def main(argv: list[str] | None = None) -> int:
    """Print the headlines of the page named on the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="headlines", description="List a news page's headlines.")
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    try:
        headlines = scrape_headlines(args.url, timeout=args.timeout)
    except requests.RequestException as exc:  # HTTPError, Timeout, ConnectionError, ...
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not headlines:
        print("No headlines found.")
    for number, headline in enumerate(headlines, 1):
        print(f"{number}. {headline.title}")
        print(f"   {headline.url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Crawl a small website concurrently with asyncio and aiohttp, following same-host links."""

from __future__ import annotations

import asyncio
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp


class _LinkParser(HTMLParser):
    """Collects the href of every <a> tag (html.parser lowercases tag and attribute names)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def _links(html: str, page_url: str) -> list[str]:
    parser = _LinkParser()
    parser.feed(html)
    return [urldefrag(urljoin(page_url, href)).url for href in parser.hrefs]


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


async def crawl(start_url: str, *, max_depth: int = 2, concurrency: int = 5,
                timeout: float = 5.0) -> dict[str, int | None]:
    """Crawl same-host pages from ``start_url`` up to ``max_depth``; return {url: status or None}.

    Breadth first, one depth at a time: every URL of a level is fetched at once (the semaphore
    caps how many are in flight), and a URL is first met at its smallest depth, so "depth"
    means the fewest clicks from the start.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    if max_depth < 0:
        raise ValueError(f"max_depth must be >= 0, not {max_depth}")
    origin = _origin(start_url)
    limit = asyncio.Semaphore(concurrency)
    results: dict[str, int | None] = {}

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:

        async def fetch(url: str) -> tuple[int | None, list[str]]:
            """(status, links on the page); status None if the request failed."""
            async with limit:  # held only while the request is in flight
                try:
                    async with session.get(url) as resp:
                        if resp.status != 200 or resp.content_type != "text/html":
                            return resp.status, []
                        html = await resp.text(errors="replace")
                        status = resp.status
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    return None, []
            return status, _links(html, url)  # parse after releasing the slot

        seen = {start_url}
        level = [start_url]
        for _depth in range(max_depth + 1):  # level d holds the pages at depth d
            fetched = await asyncio.gather(*(fetch(url) for url in level))
            next_level = []
            for url, (status, links) in zip(level, fetched):
                results[url] = status
                for link in links:
                    if link not in seen and _origin(link) == origin:
                        seen.add(link)
                        next_level.append(link)
            level = next_level  # after the last depth these are found but never fetched
    return results

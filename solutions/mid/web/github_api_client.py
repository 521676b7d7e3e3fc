"""A client of GitHub's REST API: typed results, Link pagination, ETag caching, rate limits."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

import requests

TIMEOUT = 10  # seconds: a hung server must not hang the client


class ApiError(Exception):
    """The API answered with an error status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


class NotFound(ApiError):
    """404: no such user (or repository)."""


@dataclass(frozen=True)
class User:
    login: str
    name: str | None
    public_repos: int


@dataclass(frozen=True)
class Repo:
    name: str
    full_name: str
    stars: int
    language: str | None
    updated_at: datetime


class GitHubClient:
    def __init__(self, base_url: str = "https://api.github.com", *, token: str | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time) -> None:
        self.base_url = base_url.rstrip("/")
        self.sleep, self.clock = sleep, clock
        # one Session: its connection pool keeps the TCP (and TLS) connection open between requests
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/vnd.github+json", "User-Agent": "pyex-github-client",
                                     "X-GitHub-Api-Version": "2022-11-28"})
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self._cache: dict[str, tuple[str, Any, str | None]] = {}  # url -> (etag, json, next link)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "GitHubClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def user(self, login: str) -> User:
        data, _ = self._get(f"{self.base_url}/users/{login}")
        return User(data["login"], data.get("name"), data["public_repos"])

    def repos(self, login: str) -> list[Repo]:
        url: str | None = f"{self.base_url}/users/{login}/repos?per_page=100"
        found = []
        while url:  # follow rel="next" until the last page, whatever the page size the server chose
            page, url = self._get(url)
            found += [Repo(r["name"], r["full_name"], r["stargazers_count"], r.get("language"),
                           datetime.fromisoformat(r["updated_at"].replace("Z", "+00:00"))) for r in page]
        return found

    def top_languages(self, login: str) -> list[tuple[str, int]]:
        counts = Counter(r.language for r in self.repos(login) if r.language is not None)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def _get(self, url: str) -> tuple[Any, str | None]:
        """The JSON at ``url`` and the next page's URL, using the ETag cache and waiting out a rate limit once."""
        for attempt in range(2):
            cached = self._cache.get(url)
            headers = {"If-None-Match": cached[0]} if cached else {}
            resp = self.session.get(url, headers=headers, timeout=TIMEOUT)
            if resp.status_code == 304 and cached:
                return cached[1], cached[2]  # unchanged: GitHub does not count it against the limit
            wait = self._rate_limit_wait(resp)
            if wait is not None and attempt == 0:
                self.sleep(wait)
                continue
            if resp.status_code >= 400:
                try:
                    message = resp.json().get("message", resp.reason)
                except ValueError:
                    message = resp.reason
                raise (NotFound if resp.status_code == 404 else ApiError)(resp.status_code, message)
            data = resp.json()
            nxt = resp.links.get("next", {}).get("url")  # requests parses the Link header
            if etag := resp.headers.get("ETag"):
                self._cache[url] = (etag, data, nxt)
            return data, nxt
        raise ApiError(resp.status_code, "still rate limited after waiting")

    def _rate_limit_wait(self, resp: requests.Response) -> float | None:
        """Seconds to wait before retrying, or None if this is not a rate-limit answer."""
        if resp.status_code not in (403, 429):
            return None
        if "Retry-After" in resp.headers:  # a secondary limit says how long, in seconds
            return float(resp.headers["Retry-After"])
        if resp.headers.get("X-RateLimit-Remaining") == "0" and "X-RateLimit-Reset" in resp.headers:
            # the primary limit resets at an epoch time; a second more covers clock skew
            return max(0.0, float(resp.headers["X-RateLimit-Reset"]) - self.clock()) + 1
        return None

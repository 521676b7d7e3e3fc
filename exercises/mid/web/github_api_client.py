"""Write a client for GitHub's REST API that parses the JSON it gets into typed results, and
behaves the way a well-mannered API client must: pages, caching, rate limits, errors.

    >>> with GitHubClient(token=os.environ.get("GITHUB_TOKEN")) as gh:
    ...     gh.user("octocat")
    ...     gh.top_languages("octocat")[:2]
    User(login='octocat', name='The Octocat', public_repos=8)
    [('Ruby', 3), ('HTML', 2)]

The check runs a local stand-in for api.github.com (never the internet) and passes its address as
``base_url``. What GitHub does, and so what it does:

- ``GitHubClient(base_url="https://api.github.com", *, token=None, sleep=time.sleep,
  clock=time.time)``. Every request sends ``Accept: application/vnd.github+json``, and
  ``Authorization: Bearer TOKEN`` when a token is given (none otherwise). Use one
  ``requests.Session`` for all of them, so the connection is reused (the check counts the
  connections), with a timeout on each request; ``close()`` closes it, and the client is a
  context manager that does so.
- ``user(login)`` -> ``User(login, name, public_repos)`` from ``GET /users/{login}`` (``name`` may
  be null: None).
- ``repos(login)`` -> a list of ``Repo(name, full_name, stars, language, updated_at)`` for every
  repository of the user, from ``GET /users/{login}/repos?per_page=100``. ``stars`` is
  ``stargazers_count``; ``language`` may be null; ``updated_at`` ("2024-05-01T12:00:00Z") becomes
  a timezone-aware ``datetime`` in UTC. Results come in pages: follow the ``Link`` header's
  ``rel="next"`` URL until there is none (``response.links`` parses it) — the server may choose a
  smaller page size than asked, so don't compute the pages yourself.
- ``top_languages(login)`` -> ``[(language, number of repos), ...]``, most repos first, ties in
  alphabetical order, repositories without a language left out.
- Conditional requests: remember each URL's ``ETag`` and what came with it (the JSON, and the next
  page's URL). Ask again with ``If-None-Match: ETAG``; a ``304 Not Modified`` (no body, and free:
  it doesn't count against the rate limit) means "use what you have".
- Rate limits: a 403 or 429 with ``X-RateLimit-Remaining: 0`` means wait until
  ``X-RateLimit-Reset`` (epoch seconds, compare with ``clock()``) plus one second of margin; one
  with a ``Retry-After: SECONDS`` header means wait that long. Wait with ``sleep(seconds)`` and try
  once more; still limited: ApiError.
- Errors: a 404 raises ``NotFound``, any other status of 400 or more ``ApiError``; both have
  ``.status`` and ``.message`` (the JSON body's "message", else the HTTP reason).
"""

from __future__ import annotations

import time
from collections import Counter  # noqa: F401 - you may need it
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

import requests  # noqa: F401


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
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "GitHubClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def user(self, login: str) -> User:
        raise NotImplementedError

    def repos(self, login: str) -> list[Repo]:
        raise NotImplementedError

    def top_languages(self, login: str) -> list[tuple[str, int]]:
        raise NotImplementedError

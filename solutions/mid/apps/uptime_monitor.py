"""Watch websites with aiohttp: check many at once, and report UP/DOWN only when a change lasts."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

import aiohttp

UP, DOWN = "UP", "DOWN"


@dataclass(frozen=True)
class Check:
    url: str
    up: bool
    status: int | None  # the final HTTP status, None if no answer came
    latency: float  # seconds from sending the request to the answer (or the failure)
    error: str | None  # None when up; else "HTTP 503", "timeout", "too many redirects", "connection failed"


@dataclass(frozen=True)
class Transition:
    url: str
    old: str | None  # None before the first state is known
    new: str  # "UP" or "DOWN"


async def check_url(session: aiohttp.ClientSession, url: str, *, timeout: float) -> Check:
    """One GET: UP if the final answer (after redirects) has a status from 200 to 399."""
    started = time.monotonic()
    status: int | None = None
    try:
        # the timeout is this request's own: it starts now, not when the batch started
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            status = response.status
    except TimeoutError:  # asyncio.TimeoutError is TimeoutError since Python 3.11
        error = "timeout"
    except aiohttp.TooManyRedirects:
        error = "too many redirects"
    except (aiohttp.ClientError, OSError):
        error = "connection failed"
    else:
        error = None if 200 <= status < 400 else f"HTTP {status}"
    return Check(url, error is None, status, time.monotonic() - started, error)


async def check_all(urls: Sequence[str], *, concurrency: int = 10, timeout: float = 5.0) -> list[Check]:
    """Check every URL, at most ``concurrency`` at a time; the results in the order of ``urls``."""
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    limit = asyncio.Semaphore(concurrency)

    async with aiohttp.ClientSession() as session:  # one session: its pool reuses connections
        async def one(url: str) -> Check:
            async with limit:  # wait for a free slot *before* the request (and its timeout) starts
                return await check_url(session, url, timeout=timeout)

        return list(await asyncio.gather(*(one(url) for url in urls)))


@dataclass
class _Site:
    state: str | None = None
    candidate: str | None = None  # the state the recent results point to, if not the current one
    streak: int = 0  # how many results in a row agree with the candidate


@dataclass
class Monitor:
    """Turns a stream of checks into transitions: a site's state changes only after ``threshold``
    results in a row agree on the new state, so one lost packet is not an outage."""

    threshold: int = 3
    _sites: dict[str, _Site] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError(f"threshold must be at least 1, not {self.threshold}")

    def record(self, check: Check) -> Transition | None:
        """Take one result; return the Transition it completes, if any."""
        site = self._sites.setdefault(check.url, _Site())
        seen = UP if check.up else DOWN
        if seen == site.state:
            site.candidate, site.streak = None, 0  # back to normal: a half-built streak is forgotten
            return None
        if seen == site.candidate:
            site.streak += 1
        else:
            site.candidate, site.streak = seen, 1
        if site.streak < self.threshold:
            return None
        change = Transition(check.url, site.state, seen)
        site.state, site.candidate, site.streak = seen, None, 0
        return change

    def state(self, url: str) -> str | None:
        """"UP", "DOWN", or None while not yet known."""
        site = self._sites.get(url)
        return site.state if site else None


async def monitor(urls: Sequence[str], *, rounds: int, interval: float, threshold: int = 3,
                  concurrency: int = 10, timeout: float = 5.0,
                  on_change: Callable[[Transition], None] | None = None) -> list[Transition]:
    """Check all URLs ``rounds`` times, rounds starting ``interval`` seconds apart; return the transitions."""
    watcher = Monitor(threshold)
    changes: list[Transition] = []
    loop = asyncio.get_running_loop()
    for n in range(rounds):
        if n:
            # `interval` from the start of the last round, not from its end: the time the checks
            # took is part of the interval (and a round slower than that is followed at once)
            await asyncio.sleep(max(0.0, started + interval - loop.time()))
        started = loop.time()
        for check in await check_all(urls, concurrency=concurrency, timeout=timeout):
            change = watcher.record(check)
            if change is not None:
                changes.append(change)
                if on_change is not None:
                    on_change(change)  # as it happens, not when all rounds are done
    return changes

"""Uptime monitor: check many websites at once with aiohttp, and report UP/DOWN only when a change lasts.

    >>> checks = asyncio.run(check_all(["https://example.com/", "https://example.com/missing"]))
    >>> [(c.up, c.status, c.error) for c in checks]
    [(True, 200, None), (False, 404, 'HTTP 404')]
    >>> mon = Monitor(threshold=2)
    >>> mon.record(Check("https://a.example/", False, 503, 0.01, "HTTP 503"))   # one failure: maybe a blip
    >>> mon.record(Check("https://a.example/", False, 503, 0.01, "HTTP 503"))   # two in a row: it is down
    Transition(url='https://a.example/', old=None, new='DOWN')

check_all(urls, *, concurrency=10, timeout=5.0) is a coroutine (async def) that GETs every URL,
at most `concurrency` at a time (a concurrency below 1 is a ValueError), and returns one Check
per URL, in the order of `urls`:
- The site is UP when the final answer, after following redirects, has a status from 200 to
  399; `status` is that final status and `error` is None.
- Otherwise it is DOWN and `error` says why: "HTTP 503" (any other status, with its code),
  "timeout" (no answer within `timeout` seconds; status None), "too many redirects" (a redirect
  loop; status None) or "connection failed" (nothing listening, a refused or broken connection;
  status None).
- `latency` is the seconds (a float) from sending that request to its answer or failure.
- The requests run concurrently: all started together, held back by the limit, so a slot freed
  by a fast site is used at once (not in batches that wait for their slowest). `timeout` is
  each request's own, counted from when it is sent: waiting for a free slot does not count.

Monitor(threshold=3) turns a stream of checks into transitions, so one lost packet is not an
outage (a threshold below 1 is a ValueError):
- record(check) takes one Check and returns a Transition(url, old, new) when it completes a
  change, else None. A site's state ("UP" or "DOWN"; None until known) changes only when
  `threshold` results in a row for that URL agree on a state other than the current one. A
  result that agrees with the current state breaks any streak towards the other one.
- state(url) is the site's current state: "UP", "DOWN" or None. Each URL is counted on its own.

monitor(urls, *, rounds, interval, threshold=3, concurrency=10, timeout=5.0, on_change=None) is a
coroutine that runs check_all `rounds` times and returns every Transition, in order:
- Rounds start `interval` seconds apart, start to start: after a quick round it waits for what
  is left of the interval; a round slower than the interval is followed at once (and the
  schedule does not try to catch up by starting the later rounds early).
- on_change(transition), if given, is called for each transition as soon as its round is
  checked, before the next round starts.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
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


async def check_all(urls: Sequence[str], *, concurrency: int = 10, timeout: float = 5.0) -> list[Check]:
    """Check every URL, at most ``concurrency`` at a time; the results in the order of ``urls``."""
    # TODO: one aiohttp.ClientSession, an asyncio.Semaphore, asyncio.gather
    raise NotImplementedError


class Monitor:
    """Turns a stream of checks into transitions: a site's state changes only after ``threshold``
    results in a row agree on the new state."""

    def __init__(self, threshold: int = 3) -> None:
        # TODO: keep self.threshold, and what you need per URL
        raise NotImplementedError

    def record(self, check: Check) -> Transition | None:
        """Take one result; return the Transition it completes, if any."""
        # TODO
        raise NotImplementedError

    def state(self, url: str) -> str | None:
        """"UP", "DOWN", or None while not yet known."""
        # TODO
        raise NotImplementedError


async def monitor(urls: Sequence[str], *, rounds: int, interval: float, threshold: int = 3,
                  concurrency: int = 10, timeout: float = 5.0,
                  on_change: Callable[[Transition], None] | None = None) -> list[Transition]:
    """Check all URLs ``rounds`` times, rounds starting ``interval`` seconds apart; return the transitions."""
    # TODO
    raise NotImplementedError

"""An HTTP client that retries an unreliable service safely: backoff with jitter, Retry-After,
idempotency and an overall deadline.

Services fail intermittently: a 503 during a deploy, a dropped connection, an answer that never
comes. Retrying fixes most of that — and a careless retry makes it worse (a thundering herd of
clients retrying in lockstep, a payment charged twice, a user waiting a minute for an error).

    >>> api = RetryingClient("http://127.0.0.1:8080", max_attempts=4, deadline=5.0)
    >>> api.get("/orders/7").json()            # 503, 500, then 200: three attempts, one answer
    {'id': 7, 'status': 'shipped'}
    >>> api.post("/charges", json={"cents": 500}, idempotency_key="order-7")   # safe to retry
    <Response [201]>
    >>> api.post("/charges", json={"cents": 500})   # a 503 here is NOT retried: raises RetryError

The rules:
- ``request(method, path, *, idempotency_key=None, **kwargs)`` sends ``method`` to
  ``base_url + path`` through one ``requests.Session`` kept for the client's life (so connections
  are reused); other keyword arguments (``json=``, ``headers=``, ``params=``...) go to
  ``Session.request``. ``get`` and ``post`` are shortcuts. Method names are case-insensitive.
- What is retried: a connection error or timeout (``requests.ConnectionError``,
  ``requests.Timeout``) and the statuses 429, 500, 502, 503, 504. Any other response (2xx, 3xx,
  4xx) is the answer: return it at once.
- Only idempotent requests are retried: GET, HEAD, OPTIONS, PUT, DELETE — or any request that
  carries an ``Idempotency-Key`` header, either given as ``idempotency_key=`` or already in
  ``headers=`` (any letter case). Every attempt sends the same key. Anything else (POST, PATCH
  without a key) is tried once.
- At most ``max_attempts`` attempts (default 4). Between attempts sleep, by calling the
  ``sleep`` you were given, either what the server asked for in ``Retry-After`` (seconds, like
  ``3``, or an HTTP date — ``email.utils.parsedate_to_datetime``; something unreadable is
  ignored) or else ``backoff(n)`` before retry n.
- ``backoff(n)`` is "full jitter": ``rng() * min(max_delay, base_delay * 2 ** (n - 1))`` — one
  call of ``rng`` (a ``random.random``-like function) per pause, so clients that failed together
  come back spread out.
- ``deadline`` (seconds, default 10) bounds the whole call, pauses included, as measured by
  ``clock`` (default ``time.monotonic``): each attempt's timeout is ``min(timeout, time left)``,
  and when the next pause would reach the deadline, stop instead of sleeping.
- When it stops without an answer it raises ``RetryError`` (attributes ``attempts``: requests
  made, ``last_response``: the last response or None, ``last_exception``: the last exception or
  None) and a message saying what failed, like ``"GET /orders/7: HTTP 503 after 4 attempts"``;
  when the deadline is what stopped it, ``DeadlineExceeded`` (a RetryError). A pause that
  overran the deadline (a busy machine sleeps late) ends the call too.
- Read and close a failed response before retrying (with ``stream=True`` its body is never read,
  and its connection could not be reused). ``close()`` (or leaving a ``with`` block) closes the session.
- ``max_attempts < 1``, a negative ``base_delay`` or ``max_delay``, or ``timeout`` or ``deadline``
  <= 0 is a ValueError.
"""

from __future__ import annotations

import random
import time
from typing import Callable

import requests


class RetryError(Exception):
    """The request failed and no (more) attempts were allowed."""

    def __init__(self, message: str, *, attempts: int, last_response: requests.Response | None = None,
                 last_exception: Exception | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_response = last_response
        self.last_exception = last_exception


class DeadlineExceeded(RetryError):
    """The overall deadline ran out before the request succeeded."""


class RetryingClient:
    """Requests to one service, retried with capped exponential backoff and full jitter."""

    def __init__(self, base_url: str, *, max_attempts: int = 4, base_delay: float = 0.1, max_delay: float = 2.0,
                 timeout: float = 5.0, deadline: float = 10.0, sleep: Callable[[float], None] = time.sleep,
                 rng: Callable[[], float] = random.random, clock: Callable[[], float] = time.monotonic) -> None:
        """Check the settings and open one requests.Session."""
        raise NotImplementedError

    def backoff(self, retry: int) -> float:
        """The pause before retry number ``retry`` (1 = the first retry), with full jitter."""
        raise NotImplementedError

    def request(self, method: str, path: str, *, idempotency_key: str | None = None, **kwargs) -> requests.Response:
        """Send the request, retrying what is safe and worth retrying, within the deadline."""
        raise NotImplementedError

    def get(self, path: str, **kwargs) -> requests.Response:
        raise NotImplementedError

    def post(self, path: str, **kwargs) -> requests.Response:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "RetryingClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

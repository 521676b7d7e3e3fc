"""An HTTP client that retries an unreliable service safely: backoff with jitter, Retry-After,
idempotency and an overall deadline."""

from __future__ import annotations

import email.utils
import random
import time
from datetime import datetime, timezone
from typing import Callable

import requests

#: methods whose repetition has the same effect as one request (RFC 9110 section 9.2.2)
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: statuses that say "not now" rather than "no": worth another try
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


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
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if base_delay < 0 or max_delay < 0 or timeout <= 0 or deadline <= 0:
            raise ValueError("delays must be >= 0, timeout and deadline > 0")
        self.base_url = base_url.rstrip("/")
        self.max_attempts = max_attempts
        self.base_delay, self.max_delay = base_delay, max_delay
        self.timeout, self.deadline = timeout, deadline
        self._sleep, self._rng, self._clock = sleep, rng, clock
        self.session = requests.Session()  # one pool: connections are kept alive across calls

    def backoff(self, retry: int) -> float:
        """The pause before retry number ``retry`` (1 = the first retry): "full jitter", a uniform
        random pause between 0 and the capped exponential base_delay * 2 ** (retry - 1).

        The randomness is the point: clients that failed together don't all come back together."""
        return self._rng() * min(self.max_delay, self.base_delay * 2 ** (retry - 1))

    def request(self, method: str, path: str, *, idempotency_key: str | None = None, **kwargs) -> requests.Response:
        method = method.upper()
        headers = dict(kwargs.pop("headers", None) or {})
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key  # the same key on every attempt
        # repeating a POST could charge a card twice, unless the server can spot the repeat by its key
        retryable = method in IDEMPOTENT or any(name.lower() == "idempotency-key" for name in headers)
        give_up_at = self._clock() + self.deadline
        attempt = 0
        while True:
            attempt += 1
            response = error = None
            try:
                # never wait on one attempt past the overall deadline
                response = self.session.request(method, self.base_url + path, headers=headers,
                                                timeout=min(self.timeout, give_up_at - self._clock()), **kwargs)
            except (requests.ConnectionError, requests.Timeout) as exc:
                error = exc
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response  # a success, or an answer that another try won't change
                # read what is left of the body (stream=True leaves it unread) and let go of the
                # response, so its connection goes back to the pool for the next attempt
                response.content  # noqa: B018
                response.close()
            what = f"{method} {path}: " + (f"HTTP {response.status_code}" if response is not None else repr(error))
            if not retryable:
                raise RetryError(f"{what} ({method} is not idempotent and has no Idempotency-Key: not retried)",
                                 attempts=attempt, last_response=response, last_exception=error)
            if attempt >= self.max_attempts:
                raise RetryError(f"{what} after {attempt} attempts", attempts=attempt, last_response=response,
                                 last_exception=error)
            delay = self._retry_after(response)
            if delay is None:
                delay = self.backoff(attempt)
            if self._clock() + delay >= give_up_at:
                # sleeping would only bring us to the deadline with nothing to show for it
                raise DeadlineExceeded(f"{what}; the {self.deadline:g} s deadline leaves no time to retry",
                                       attempts=attempt, last_response=response, last_exception=error)
            self._sleep(delay)
            if self._clock() >= give_up_at:  # the sleep overran (a busy machine): no time for another try
                raise DeadlineExceeded(f"{what}; the {self.deadline:g} s deadline passed while waiting",
                                       attempts=attempt, last_response=response, last_exception=error)

    @staticmethod
    def _retry_after(response: requests.Response | None) -> float | None:
        """The server's Retry-After, in seconds (it may be a number or an HTTP date); None if absent."""
        value = response.headers.get("Retry-After") if response is not None else None
        if value is None:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None  # unreadable: fall back to our own backoff
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> RetryingClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

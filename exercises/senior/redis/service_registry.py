"""Service discovery with Redis, a round-robin client that fails over, and Prometheus metrics:
the moving parts of a service-oriented architecture, small enough to read in one sitting.

In a service-oriented system nobody hard-codes where a service runs. Each instance registers
itself with a record that expires unless its heartbeat renews it; clients discover the live
instances by name, spread their calls over them (round-robin), move on to the next instance when
one fails, and report what happened as metrics for Prometheus to scrape. Scaling out is then just
starting another instance: it registers, and clients find it on their next call.

    >>> registry = ServiceRegistry("redis://localhost:6379/0", ttl=1.0)
    >>> reg = registry.register("hello", "i1", "http://127.0.0.1:8001")     # heartbeat thread starts
    >>> registry.discover("hello")
    [Instance(id='i1', url='http://127.0.0.1:8001')]
    >>> client = BalancedClient(registry, "hello")
    >>> client.get("/hello").json()
    {'instance': 'i1'}
    >>> reg.stop()                      # graceful: deregistered at once
    >>> registry.discover("hello")
    []

The rules:
- Registry (``ServiceRegistry(client, ttl=1.0)``, client a URL or a ``redis.Redis`` with
  ``decode_responses=True``): an instance's record is the key ``services:{name}:{id}`` holding its
  URL, expiring after ``ttl`` seconds; its id is also in the set ``services:{name}`` (keys with
  TTLs can't be listed cheaply). ``register(name, id, url)`` writes the record at once and returns
  a ``Registration`` whose thread renews it every ``ttl / 3``; ``Registration.stop(deregister=True)``
  stops the heartbeat and, unless told not to, deregisters. ``deregister(name, id)`` removes the
  instance at once. ``discover(name)`` returns the live instances as ``Instance(id, url)``, sorted
  by id, and removes expired ids from the set. A ``ttl <= 0``, or an empty name or id, is a
  ValueError.
- Metrics: ``metrics_app(registry)`` is an aiohttp app serving a ``prometheus_client``
  ``CollectorRegistry`` at ``GET /metrics`` (``generate_latest``, with ``CONTENT_TYPE_LATEST``).
- The service: ``make_app(instance_id)`` answers ``GET /hello`` with ``{"instance": instance_id}``
  and ``GET /health`` with 200, and counts every request except scrapes in a Counter
  ``http_requests`` (exposed as ``http_requests_total``) labelled ``path`` and ``status``, in a
  CollectorRegistry of its own (several apps may live in one process), served at ``/metrics``.
- ``main(["--name", N, "--id", I, "--redis", URL, "--port", P, "--ttl", T])`` (``--ttl`` optional,
  default 1.0) runs one instance: it serves ``make_app(I)`` on 127.0.0.1:P, registers
  ``http://127.0.0.1:P`` once it is listening, and on SIGTERM or SIGINT deregisters at once, stops
  serving and returns 0.
- The client: ``BalancedClient(registry, name, *, metrics=None, timeout=1.0)`` —
  ``get(path)`` discovers the live instances on every call and takes them in turn (round-robin:
  call k starts at instance k mod n); if an attempt fails (a connection error, a timeout, or a
  5xx status) it moves on to the next instance; it returns the first good ``requests.Response``
  and raises ``NoInstanceAvailable`` if there are none or none answered. One requests.Session;
  ``close()`` closes it.
- The client's metrics live in ``client.metrics`` (the CollectorRegistry given, or a new one):
  ``client_requests_total`` (labels ``service``, ``instance``, ``outcome`` = "ok" or "error"), one per
  attempt; ``client_failovers_total`` (label ``service``), one per failed attempt followed by another
  try; and a Histogram ``client_request_seconds`` (label ``service``) timing every attempt.
"""

from __future__ import annotations

from typing import NamedTuple

import redis
import requests
from aiohttp import web
from prometheus_client import CollectorRegistry


class Instance(NamedTuple):
    id: str
    url: str


class NoInstanceAvailable(Exception):
    """No live instance of the service answered."""


class Registration:
    """A registered instance whose heartbeat thread renews its record every ttl / 3."""

    def stop(self, deregister: bool = True) -> None:
        """Stop the heartbeat; deregister at once unless ``deregister`` is False."""
        raise NotImplementedError


class ServiceRegistry:
    def __init__(self, client: redis.Redis | str, ttl: float = 1.0) -> None:
        raise NotImplementedError

    def register(self, name: str, instance_id: str, url: str) -> Registration:
        """Write the instance's record now and start its heartbeat."""
        raise NotImplementedError

    def deregister(self, name: str, instance_id: str) -> None:
        raise NotImplementedError

    def discover(self, name: str) -> list[Instance]:
        """The live instances of ``name``, sorted by id."""
        raise NotImplementedError


def metrics_app(registry: CollectorRegistry) -> web.Application:
    """An app serving ``registry`` at /metrics in Prometheus' text format."""
    raise NotImplementedError


def make_app(instance_id: str) -> web.Application:
    """One instance of the hello service, with its own metrics."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Run one instance until SIGTERM/SIGINT: serve, register, heartbeat, deregister."""
    raise NotImplementedError


class BalancedClient:
    """Calls a service by name: round-robin over its live instances, failing over to the next."""

    def __init__(self, registry: ServiceRegistry, name: str, *, metrics: CollectorRegistry | None = None,
                 timeout: float = 1.0) -> None:
        raise NotImplementedError

    def get(self, path: str) -> requests.Response:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

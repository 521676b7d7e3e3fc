"""Service discovery with Redis, a round-robin client that fails over, and Prometheus metrics:
the moving parts of a service-oriented architecture, small enough to read in one sitting."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import signal
import threading
import time
from typing import NamedTuple

import redis
import requests
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest


class Instance(NamedTuple):
    id: str
    url: str


class NoInstanceAvailable(Exception):
    """No live instance of the service answered."""


# ----------------------------------------------------------------------------- the registry


class Registration:
    """A registered instance whose heartbeat thread renews its record every ttl / 3."""

    def __init__(self, registry: ServiceRegistry, name: str, instance: Instance) -> None:
        self._registry, self.name, self.instance = registry, name, instance
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True, name=f"heartbeat-{instance.id}")
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self._registry.ttl / 3):
            try:
                self._registry._announce(self.name, self.instance)
            except redis.RedisError:
                pass  # Redis is unwell: try again next beat; if it stays away, our record expires

    def stop(self, deregister: bool = True) -> None:
        """Stop the heartbeat; deregister at once (a graceful shutdown) unless told not to."""
        self._stop.set()
        self._thread.join(5)
        if deregister:
            self._registry.deregister(self.name, self.instance.id)


class ServiceRegistry:
    """Instances announce themselves with a record that expires unless renewed (a heartbeat);
    discovery lists the records still alive."""

    def __init__(self, client: redis.Redis | str, ttl: float = 1.0) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self._redis = redis.Redis.from_url(client, decode_responses=True) if isinstance(client, str) else client
        self.ttl = ttl

    def _announce(self, name: str, instance: Instance) -> None:
        with self._redis.pipeline() as pipe:  # MULTI: the record and its index entry together
            pipe.set(f"services:{name}:{instance.id}", instance.url, px=int(self.ttl * 1000))
            pipe.sadd(f"services:{name}", instance.id)
            pipe.execute()

    def register(self, name: str, instance_id: str, url: str) -> Registration:
        if not name or not instance_id:
            raise ValueError("a service name and an instance id are needed")
        instance = Instance(instance_id, url)
        self._announce(name, instance)  # visible at once, before the first heartbeat
        return Registration(self, name, instance)

    def deregister(self, name: str, instance_id: str) -> None:
        with self._redis.pipeline() as pipe:
            pipe.delete(f"services:{name}:{instance_id}")
            pipe.srem(f"services:{name}", instance_id)
            pipe.execute()

    def discover(self, name: str) -> list[Instance]:
        """The live instances of ``name``, by id. An expired record is pruned from the index."""
        ids = sorted(self._redis.smembers(f"services:{name}"))
        if not ids:
            return []
        urls = self._redis.mget([f"services:{name}:{i}" for i in ids])
        dead = [i for i, url in zip(ids, urls) if url is None]
        if dead:
            self._redis.srem(f"services:{name}", *dead)
        return [Instance(i, url) for i, url in zip(ids, urls) if url is not None]


# ----------------------------------------------------------------------------- the service


def metrics_app(registry: CollectorRegistry) -> web.Application:
    """An app serving ``registry`` at /metrics in Prometheus' text format."""
    async def metrics(request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(registry), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    return app


def make_app(instance_id: str) -> web.Application:
    """One instance of the hello service, counting its requests in its own metrics registry."""
    registry = CollectorRegistry()
    requests_total = Counter("http_requests", "Requests served, by path and status", ["path", "status"],
                             registry=registry)

    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"instance": instance_id})

    async def health(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    @web.middleware
    async def count(request: web.Request, handler):
        response = await handler(request)
        if request.path != "/metrics":  # a scrape is not traffic
            requests_total.labels(request.path, str(response.status)).inc()
        return response

    app = metrics_app(registry)
    app.middlewares.append(count)
    app.router.add_get("/hello", hello)
    app.router.add_get("/health", health)
    return app


def run_instance(name: str, instance_id: str, redis_url: str, port: int, ttl: float = 1.0) -> None:
    """Serve one instance on 127.0.0.1:port and keep it registered until SIGTERM or SIGINT."""
    async def serve() -> None:
        runner = web.AppRunner(make_app(instance_id), handle_signals=False)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()  # listening before it is announced
        registration = ServiceRegistry(redis_url, ttl).register(name, instance_id, f"http://127.0.0.1:{port}")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        try:
            await stop.wait()
        finally:
            registration.stop()  # leave the registry first, so no new client picks us
            await runner.cleanup()

    asyncio.run(serve())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run one instance of the hello service.")
    parser.add_argument("--name", required=True)
    parser.add_argument("--id", required=True)
    parser.add_argument("--redis", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ttl", type=float, default=1.0)
    args = parser.parse_args(argv)
    run_instance(args.name, args.id, args.redis, args.port, args.ttl)
    return 0


# ----------------------------------------------------------------------------- the client


class BalancedClient:
    """Calls a service by name: round-robin over its live instances, failing over to the next."""

    def __init__(self, registry: ServiceRegistry, name: str, *, metrics: CollectorRegistry | None = None,
                 timeout: float = 1.0) -> None:
        self.registry, self.name, self.timeout = registry, name, timeout
        self.metrics = metrics if metrics is not None else CollectorRegistry()
        self._requests = Counter("client_requests", "Attempts, by instance and outcome",
                                 ["service", "instance", "outcome"], registry=self.metrics)
        self._failovers = Counter("client_failovers", "Attempts that failed and moved on to another instance",
                                  ["service"], registry=self.metrics)
        self._latency = Histogram("client_request_seconds", "Time per attempt", ["service"], registry=self.metrics)
        self._turn = itertools.count()  # next() is atomic in CPython: safe from several threads
        self._session = requests.Session()

    def get(self, path: str) -> requests.Response:
        instances = self.registry.discover(self.name)  # every call: new instances join at once
        if not instances:
            raise NoInstanceAvailable(f"no live instance of {self.name!r} is registered")
        start = next(self._turn)
        for step in range(len(instances)):
            instance = instances[(start + step) % len(instances)]
            began = time.perf_counter()
            try:
                response = self._session.get(instance.url + path, timeout=self.timeout)
                failed = response.status_code >= 500
            except (requests.ConnectionError, requests.Timeout):
                failed = True
            self._latency.labels(self.name).observe(time.perf_counter() - began)
            self._requests.labels(self.name, instance.id, "error" if failed else "ok").inc()
            if not failed:
                return response
            if step + 1 < len(instances):
                self._failovers.labels(self.name).inc()
        raise NoInstanceAvailable(f"none of the {len(instances)} instances of {self.name!r} answered")

    def close(self) -> None:
        self._session.close()

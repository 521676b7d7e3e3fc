"""Redis for checks: the database pyex provides for this run, and private servers a check can
kill and restart to test fault tolerance.

    def test_counts(redis_client):          # a fixture: an empty database, pyex's own
        incr_page_view(redis_client, "home")

    def test_failover(private_redis):       # a fixture: one module-wide server of the check's own
        private_redis.pause()                # SIGSTOP: a hung server

    with redis_servers(3) as nodes:          # three independent redis-server processes
        cache = ReplicatedCache([n.url for n in nodes])
        nodes[1].kill()                      # SIGKILL: a crashed node
        assert cache.get("k") == "v"
        nodes[1].start()                     # back, empty, on the same port
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Iterator

import pytest

from pyexercise.net import LOOPBACK, free_port, wait_for_port


def redis_url() -> str:
    """The Redis database pyex gave this run (``requires = ["redis"]`` in info.toml)."""
    url = os.environ.get("PYEX_REDIS_URL")
    if not url:
        pytest.fail("this exercise needs a Redis server, and none was given: add requires = [\"redis\"] "
                    "to its info.toml entry (pyex then starts one)", pytrace=False)
    return url


@pytest.fixture
def redis_client():
    """A client for an empty database of the run's own (decode_responses=True). On pyex's own
    server the database is this run's alone; on a server the user named (PYEX_REDIS_URL), pyex
    checked it is empty and never deletes anything it did not find empty."""
    import redis

    client = redis.Redis.from_url(redis_url(), decode_responses=True)
    if os.environ.get("PYEX_REDIS_EXTERNAL") == "1":
        if client.dbsize():
            pytest.fail(f"the Redis database at {redis_url()} is not empty: pyex never deletes data it did "
                        "not create; point PYEX_REDIS_URL at an empty database (e.g. /15)", pytrace=False)
    else:
        client.flushdb()
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.flushdb()  # it was empty when the run began: everything in it is the run's
        client.close()


@dataclass
class RedisNode:
    """One redis-server this check started. ``url`` stays the same across restarts."""

    binary: str
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None
    dir: str = field(default_factory=lambda: tempfile.mkdtemp(prefix="redis-node-"))

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self.port}/0"

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> "RedisNode":
        """Start (or restart, empty) on the same port."""
        if self.running:
            return self
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", LOOPBACK, "--save", "", "--appendonly", "no",
             "--dir", self.dir, "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for_port(self.port, 10, alive=lambda: self.proc.poll() is None):
            self.stop()
            raise RuntimeError(f"redis-server did not start on port {self.port}")
        return self

    def kill(self) -> None:
        """SIGKILL, as a crash would: connections drop, data is gone."""
        self._signal(signal.SIGKILL)

    def pause(self) -> None:
        """SIGSTOP: the node stops answering but keeps its connections (a hung server)."""
        self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal(signal.SIGCONT)

    def stop(self) -> None:
        self.kill()

    def _signal(self, sig: int) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(OSError):
            self.proc.send_signal(sig)
        if sig == signal.SIGKILL:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(5)
            self.proc = None

    def client(self, **kwargs):
        import redis

        return redis.Redis.from_url(self.url, decode_responses=True, **kwargs)


@contextlib.contextmanager
def redis_servers(n: int = 1) -> Iterator[list[RedisNode]]:
    """Start ``n`` independent redis-server processes on loopback; all are killed afterwards."""
    from pyexercise.machine import HOW_TO_GET_REDIS, redis_binary

    binary = redis_binary()
    if binary is None:
        pytest.fail(HOW_TO_GET_REDIS, pytrace=False)
    nodes = [RedisNode(binary) for _ in range(n)]
    try:
        for node in nodes:
            node.start()
        yield nodes
    finally:
        for node in nodes:
            node.resume()
            node.kill()
            shutil.rmtree(node.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def private_redis() -> Iterator[RedisNode]:
    """A redis-server of the check's own for the whole module, for checks that pause, kill or
    restart the server their learner's code talks to (``private_redis.url``)."""
    with redis_servers(1) as nodes:
        yield nodes[0]


@pytest.fixture
def private_client(private_redis: RedisNode):
    """A client of ``private_redis`` (decode_responses=True), emptied before each test."""
    client = private_redis.client()
    client.flushall()
    try:
        yield client
    finally:
        client.close()

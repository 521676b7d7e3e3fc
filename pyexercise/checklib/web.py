"""HTTP on loopback: an aiohttp application served from a background thread, with a record of
every request it saw and of how many were in flight at once.

    from aiohttp import web
    from pyexercise.checklib import http_server

    async def slow(request):
        await asyncio.sleep(0.2)
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/item/{n}", slow)
    with http_server(app) as server:
        fetch_all(server.url, range(20), concurrency=5)
    assert server.max_in_flight == 5, "the learner's code should overlap exactly 5 requests"
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator

from pyexercise.net import LOOPBACK


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # without the query string
    query: str
    headers: dict[str, str]
    started: float  # time.monotonic()
    ended: float = 0.0
    status: int = 0


@dataclass
class HttpServer:
    url: str = ""  # http://127.0.0.1:PORT, no trailing slash
    log: list[Request] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def requests(self, path: str | None = None, method: str | None = None) -> list[Request]:
        """Finished requests, optionally only those to ``path`` (exact) or with ``method``."""
        with self._lock:
            return [r for r in self.log if (path is None or r.path == path)
                    and (method is None or r.method == method)]

    def reset(self) -> None:
        with self._lock:
            self.log.clear()
            self.max_in_flight = self.in_flight


def _recorder(server: HttpServer):
    from aiohttp import web

    @web.middleware
    async def record(request, handler):
        started = time.monotonic()
        with server._lock:
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            with server._lock:
                server.in_flight -= 1
                server.log.append(Request(request.method, request.path, request.query_string,
                                          dict(request.headers), started, time.monotonic(), status))

    return record


@contextlib.contextmanager
def http_server(app) -> Iterator[HttpServer]:
    """Serve ``app`` (an ``aiohttp.web.Application``) on 127.0.0.1 with its own event loop in a
    background thread, so the code under test may use ``asyncio.run``, ``requests`` or ``urllib``
    against it from the test's thread. Stopped when the block ends."""
    from aiohttp import web

    server = HttpServer()
    app.middlewares.insert(0, _recorder(server))
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state: dict = {}

    async def start() -> None:
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, LOOPBACK, 0)
        await site.start()
        state["runner"] = runner
        server.url = f"http://{LOOPBACK}:{runner.addresses[0][1]}"

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(start())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            state["error"] = exc
            ready.set()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(state["runner"].cleanup())
        loop.close()

    thread = threading.Thread(target=main, daemon=True, name="pyex-http")
    thread.start()
    if not ready.wait(10):
        raise RuntimeError("the local HTTP server did not start within 10 s")
    if "error" in state:
        raise state["error"]
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


@contextlib.contextmanager
def serve_app(app) -> Iterator[str]:
    """``http_server`` for checks that need only the base URL."""
    with http_server(app) as server:
        yield server.url

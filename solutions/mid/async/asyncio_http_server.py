"""A small HTTP/1.1 server on asyncio.start_server: one coroutine per connection, none blocking another."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Awaitable, Callable
from urllib.parse import parse_qsl, urlsplit

MAX_LINE = 8 * 1024  # the longest request line or header line accepted
MAX_HEADERS = 100


@dataclass
class Request:
    method: str
    path: str  # without the query string
    query: dict[str, str]
    version: str  # "HTTP/1.1" or "HTTP/1.0"
    headers: dict[str, str]  # names in lower case
    body: bytes = b""


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Awaitable[Response]]


class App:
    """Routes: ``@app.route("GET", "/hello")`` over ``async def hello(request) -> Response``."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}

    def route(self, method: str, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[(method.upper(), path)] = handler
            return handler
        return register

    async def dispatch(self, request: Request) -> Response:
        """The route's response; 404 for an unknown path, 405 for a known path with another method,
        500 if the handler raises."""
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            allowed = sorted(m for m, p in self.routes if p == request.path)
            if not allowed:
                return error(404)
            return error(405, Allow=", ".join(allowed))
        try:
            return await handler(request)
        except Exception:  # noqa: BLE001 - a bug in one handler must not take the server down
            return error(500)


def error(status: int, **headers: str) -> Response:
    """An error response: its reason phrase as the body, as in "Not Found\\n"."""
    return Response(status, f"{HTTPStatus(status).phrase}\n", headers=headers)


class BadRequest(Exception):
    """Answer with this status and close."""

    def __init__(self, status: int = 400) -> None:
        self.status = status


class ClientGone(Exception):
    """The client closed the connection between two requests."""


async def _line(reader: asyncio.StreamReader, timeout: float) -> bytes:
    try:
        line = await asyncio.wait_for(reader.readline(), timeout)
    except ValueError:  # longer than the stream's limit
        raise BadRequest() from None
    if line and not line.endswith(b"\n"):
        raise asyncio.IncompleteReadError(line, None)  # the client hung up mid-line
    return line.rstrip(b"\r\n")


async def read_request(reader: asyncio.StreamReader, timeout: float) -> Request:
    """The next request on the connection (ClientGone if the client closed it)."""
    line = await _line(reader, timeout)
    while line == b"":  # blank lines before a request are allowed (some clients send them)
        if reader.at_eof():
            raise ClientGone()
        line = await _line(reader, timeout)
    try:
        method, target, version = line.decode("ascii").split(" ")
    except (UnicodeDecodeError, ValueError):
        raise BadRequest() from None
    if version not in ("HTTP/1.0", "HTTP/1.1") or not method.isalpha() or not target.startswith("/"):
        raise BadRequest()
    headers: dict[str, str] = {}
    for count in itertools.count(1):
        line = await _line(reader, timeout)
        if line == b"":
            break
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon or not name or " " in name or "\t" in name or count > MAX_HEADERS:
            raise BadRequest()
        headers[name.lower()] = value.strip()
    if "transfer-encoding" in headers:
        raise BadRequest(501)  # chunked bodies are not supported
    length = headers.get("content-length", "0")
    if not length.isdigit():
        raise BadRequest()
    body = await asyncio.wait_for(reader.readexactly(int(length)), timeout) if int(length) else b""
    parts = urlsplit(target)
    return Request(method.upper(), parts.path, dict(parse_qsl(parts.query)), version, headers, body)


def keep_alive(request: Request) -> bool:
    connection = request.headers.get("connection", "").lower()
    if request.version == "HTTP/1.1":
        return connection != "close"
    return connection == "keep-alive"  # HTTP/1.0 closes unless asked not to


def encode(response: Response, keep: bool) -> bytes:
    body = response.body.encode("utf-8") if isinstance(response.body, str) else response.body
    head = [f"HTTP/1.1 {response.status} {HTTPStatus(response.status).phrase}",
            f"Content-Type: {response.content_type}",
            f"Content-Length: {len(body)}",
            f"Connection: {'keep-alive' if keep else 'close'}"]
    head += [f"{name}: {value}" for name, value in response.headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


async def handle_connection(app: App, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                            idle_timeout: float = 10.0) -> None:
    """Serve one client: requests one after another (pipelined ones too) until it closes."""
    try:
        while True:
            try:
                request = await read_request(reader, idle_timeout)
            except BadRequest as exc:
                writer.write(encode(error(exc.status), keep=False))
                await writer.drain()
                return
            keep = keep_alive(request)
            writer.write(encode(await app.dispatch(request), keep))
            await writer.drain()  # wait while a slow reader catches up: memory stays bounded
            if not keep:
                return
    except (ClientGone, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError):
        pass  # a client that left, went idle, or hung up mid-request: just close
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def start(app: App, host: str = "127.0.0.1", port: int = 0, *, idle_timeout: float = 10.0) -> asyncio.Server:
    """Listen on (host, port) and serve ``app``; port 0 picks a free port."""
    # asyncio runs handle_connection as a task of its own for every client: while one waits
    # for bytes, the others run
    return await asyncio.start_server(lambda r, w: handle_connection(app, r, w, idle_timeout),
                                      host, port, limit=MAX_LINE)

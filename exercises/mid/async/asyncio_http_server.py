"""Use asyncio to build a small non-blocking HTTP/1.1 web server on asyncio.start_server.

asyncio runs one coroutine per connection on a single thread. Whenever a coroutine awaits
(bytes from a client, room to write), the others run: 50 slow clients dribbling their
requests in a byte at a time cost nothing, and a fast client is still answered at once.

    app = App()

    @app.route("GET", "/hello")
    async def hello(request: Request) -> Response:
        return Response(200, f"hello {request.query.get('name', 'world')}\\n")

    server = await start(app, "127.0.0.1", 8080)      # an asyncio.Server, already listening

    $ printf 'GET /hello?name=ada HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' | nc 127.0.0.1 8080
    HTTP/1.1 200 OK
    Content-Type: text/plain; charset=utf-8
    Content-Length: 10
    Connection: keep-alive

    hello ada

The rules:
- ``start(app, host="127.0.0.1", port=0, *, idle_timeout=10.0)`` listens with
  ``asyncio.start_server`` (port 0: any free port) and returns the server. No aiohttp, no
  http.server, socketserver or wsgiref: the HTTP is yours. (``http.HTTPStatus`` is fine.)
- A request is a request line ``METHOD TARGET HTTP/1.1`` (or ``HTTP/1.0``; TARGET starts with
  ``/``), header lines
  ``Name: value``, an empty line, and then ``Content-Length`` bytes of body (none without
  the header). Lines end in ``\\r\\n``; blank lines before a request line are skipped. The
  handler gets a ``Request``: ``path`` without the query string, ``query`` as a dict
  (``parse_qsl``), header names in lower case, the body as bytes.
- ``App.dispatch(request)`` calls the handler routed for (method, path); a path with no route
  is 404; a routed path asked with another method is 405 with an ``Allow: GET, POST`` header
  (the path's methods, sorted); a handler that raises gives 500 (and the server goes on).
  The body of every error response (404, 405, 500, and the 400 and 501 below) is its reason
  phrase and a newline: ``"Not Found\\n"``.
- Every response is ``HTTP/1.1 <status> <reason>`` with ``Content-Type``, ``Content-Length``
  (of the body, a str encoded as UTF-8), ``Connection: keep-alive`` or ``close``, and the
  Response's own headers.
- Keep-alive: an HTTP/1.1 connection stays open for the next request unless the request says
  ``Connection: close``; HTTP/1.0 closes after the response unless it says
  ``Connection: keep-alive``. Pipelining: requests sent back to back without waiting get
  their responses in the same order, and a client that sends requests without reading the
  answers is not answered faster than it reads (``await writer.drain()`` after each write).
- A malformed request (a request line that is not three parts, an unknown version, a header
  line without a colon or with spaces in its name, a Content-Length that is not a number, a
  line over 8 KiB, more than 100 header lines) gets ``400 Bad Request`` and the connection is
  closed. A request with ``Transfer-Encoding`` (chunked bodies) gets ``501 Not Implemented``
  and the same.
- A client that sends no complete line (or stops in the middle of a body) for
  ``idle_timeout`` seconds is disconnected; so is one that hangs up half way through a
  request, without an answer.
- The check connects 50 slow clients that trickle their requests in, and a fast client must
  still get its answer within 200 ms.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from http import HTTPStatus  # noqa: F401 - for the reason phrases
from typing import Awaitable, Callable
from urllib.parse import parse_qsl, urlsplit  # noqa: F401


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
        raise NotImplementedError


async def handle_connection(app: App, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                            idle_timeout: float = 10.0) -> None:
    """Serve one client: requests one after another (pipelined ones too) until it closes."""
    # TODO: loop: read a request (await reader.readline() / readexactly(), each under
    #       asyncio.wait_for(..., idle_timeout)), dispatch it, write the response, drain;
    #       close the writer when done.
    raise NotImplementedError


async def start(app: App, host: str = "127.0.0.1", port: int = 0, *, idle_timeout: float = 10.0) -> asyncio.Server:
    """Listen on (host, port) and serve ``app``; port 0 picks a free port."""
    raise NotImplementedError

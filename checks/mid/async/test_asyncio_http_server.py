import ast
import asyncio
import json
import socket
import threading
import time
import tracemalloc
from dataclasses import dataclass

import pytest

from asyncio_http_server import App, Request, Response, start
from pyexercise.checklib import forbidden_uses, target_source


def make_app() -> App:
    app = App()

    @app.route("GET", "/hello")
    async def hello(request):
        return Response(200, f"hello {request.query.get('name', 'world')}\n")

    @app.route("GET", "/info")
    async def info(request):
        return Response(200, json.dumps({"method": request.method, "path": request.path, "query": request.query,
                                         "version": request.version, "headers": request.headers,
                                         "body": request.body.decode("latin-1"),
                                         "body_is_bytes": isinstance(request.body, bytes)}),
                        content_type="application/json")

    @app.route("POST", "/echo")
    async def echo(request):
        return Response(201, request.body, content_type="application/octet-stream",
                        headers={"X-Body-Length": str(len(request.body))})

    @app.route("GET", "/item")
    async def get_item(request):
        return Response(200, "item\n")

    @app.route("PUT", "/item")
    async def put_item(request):
        return Response(204, b"")

    @app.route("GET", "/slow")
    async def slow(request):
        await asyncio.sleep(0.05)
        return Response(200, "slow\n")

    @app.route("GET", "/unicode")
    async def unicode(request):
        return Response(200, "h\u00e9llo \u2603")

    @app.route("GET", "/boom")
    async def boom(request):
        raise ZeroDivisionError("a bug in a handler")

    return app


class Running:
    """The learner's server on its own event loop in a background thread: the test talks to it
    with plain blocking sockets, like any client would."""

    def __init__(self, app: App, **kwargs) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="server-loop")
        self.thread.start()
        self.server = None
        try:
            self.server = asyncio.run_coroutine_threadsafe(start(app, "127.0.0.1", 0, **kwargs), self.loop).result(5)
        except BaseException:
            self.stop()
            raise
        self.port = self.server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def shutdown():
            if self.server is not None:
                self.server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(5)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            self.loop.close()


@pytest.fixture
def server():
    running = Running(make_app())
    yield running
    running.stop()


@dataclass
class Reply:
    version: str
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes


class Client:
    def __init__(self, port: int, timeout: float = 3.0) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.rfile = self.sock.makefile("rb")

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def reply(self) -> Reply | None:
        line = self.rfile.readline()
        if not line:
            return None
        assert line.endswith(b"\r\n"), f"the status line should end in \\r\\n: {line!r}"
        version, status, reason = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
        headers = {}
        while (raw := self.rfile.readline()) not in (b"\r\n", b""):
            assert raw.endswith(b"\r\n"), f"header lines should end in \\r\\n: {raw!r}"
            name, colon, value = raw.decode("latin-1").rstrip("\r\n").partition(":")
            assert colon, f"a header line without a colon in the response: {raw!r}"
            headers[name.strip().lower()] = value.strip()
        assert "content-length" in headers, f"every response needs a Content-Length header, got {headers}"
        body = self.rfile.read(int(headers["content-length"]))
        return Reply(version, int(status), reason, headers, body)

    def ask(self, raw: bytes) -> Reply:
        self.send(raw)
        got = self.reply()
        assert got is not None, f"the server closed the connection instead of answering {raw[:60]!r}"
        return got

    def closed(self, within: float = 1.0) -> bool:
        """True if the server closes the connection (sending nothing more) within ``within`` s."""
        self.sock.settimeout(within)
        try:
            return self.rfile.read(1) == b""
        except (socket.timeout, TimeoutError):
            return False
        except ConnectionError:
            return True

    def close(self) -> None:
        self.rfile.close()
        self.sock.close()


def get(path: str, *headers: str, version: str = "HTTP/1.1") -> bytes:
    return f"GET {path} {version}\r\nHost: test\r\n{''.join(h + chr(13) + chr(10) for h in headers)}\r\n".encode()


# ---------------------------------------------------------------- routing, without the network

def as_bytes(body) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else body


def dispatch(app: App, method: str, path: str) -> Response:
    return asyncio.run(app.dispatch(Request(method, path, {}, "HTTP/1.1", {}, b"")))


def test_dispatch_routes():
    """dispatch calls the route's handler and returns its Response"""
    app = App()

    async def handler(request):
        return Response(200, "x")

    assert app.route("GET", "/x")(handler) is handler, "app.route(...) should return the handler it registers"
    assert (Response().status, Response().body) == (200, b""), "Response() defaults to 200 with an empty body"
    got = dispatch(make_app(), "GET", "/hello")
    assert isinstance(got, Response) and got.status == 200 and got.body == "hello world\n", (
        f"GET /hello should return the handler's Response, got {got!r}")


def test_dispatch_errors():
    """no route: 404; another method: 405 with Allow; a handler that raises: 500"""
    app = make_app()
    got = dispatch(app, "GET", "/nowhere")
    assert isinstance(got, Response) and got.status == 404, f"an unknown path should give 404, got {got!r}"
    assert as_bytes(got.body) == b"Not Found\n", f"an error's body is its reason phrase and a newline: {got.body!r}"
    got = dispatch(app, "DELETE", "/item")
    assert got.status == 405, f"DELETE /item (only GET and PUT are routed) should give 405, got {got!r}"
    assert got.headers.get("Allow") == "GET, PUT", (
        f"a 405 should carry Allow: GET, PUT (the path's methods, sorted), got headers {got.headers}")
    assert as_bytes(got.body) == b"Method Not Allowed\n", f"the 405's body should be 'Method Not Allowed\\n': {got.body!r}"
    got = dispatch(app, "GET", "/boom")
    assert got.status == 500, f"a handler that raises should give a 500 Response, got {got!r}"
    assert as_bytes(got.body) == b"Internal Server Error\n", f"the 500's body: {got.body!r}"


# ---------------------------------------------------------------- over the wire

def test_start_returns_a_listening_server(server):
    """start() returns the asyncio server, listening on a free port of 127.0.0.1"""
    assert isinstance(server.server, asyncio.AbstractServer), (
        f"start() should return what asyncio.start_server gives, got {type(server.server).__name__}")
    host, port = server.server.sockets[0].getsockname()[:2]
    assert host == "127.0.0.1" and port > 0, f"it should listen on 127.0.0.1 and a free port, not {host}:{port}"


def test_get(server):
    """a GET gets its status line, headers and body"""
    c = Client(server.port)
    got = c.ask(get("/hello?name=ada"))
    assert (got.version, got.status, got.reason) == ("HTTP/1.1", 200, "OK"), (
        f"the status line should be 'HTTP/1.1 200 OK', got {got.version} {got.status} {got.reason}")
    assert got.body == b"hello ada\n", f"the body should be b'hello ada\\n', got {got.body!r}"
    assert got.headers.get("content-type") == "text/plain; charset=utf-8", f"Content-Type, got {got.headers}"
    assert got.headers.get("connection") == "keep-alive", (
        f"an HTTP/1.1 response should say Connection: keep-alive, got {got.headers}")
    c.close()


def test_request_is_parsed(server):
    """the handler gets the method, path, query, version and lower-case headers"""
    c = Client(server.port)
    got = c.ask(b"GET /info?q=caf%C3%A9+au+lait&n=2&empty= HTTP/1.1\r\nHost: test\r\nX-Custom-Thing:  some value \r\n"
                b"ACCEPT: */*\r\n\r\n")
    info = json.loads(got.body)
    assert info["method"] == "GET" and info["path"] == "/info" and info["version"] == "HTTP/1.1", (
        f"method GET, path /info (without the query), version HTTP/1.1; got {info}")
    assert info["query"] == {"q": "caf\u00e9 au lait", "n": "2"}, (
        f"query should be {{'q': 'caf\u00e9 au lait', 'n': '2'}} (parse_qsl decodes it; blank values are dropped), "
        f"got {info['query']}")
    assert info["headers"].get("x-custom-thing") == "some value" and info["headers"].get("accept") == "*/*", (
        f"header names should be lower case and values stripped: got {info['headers']}")
    assert info["body"] == "" and info["body_is_bytes"], "a GET without Content-Length has the body b''"
    c.close()


def test_post_body(server):
    """a POST body of Content-Length bytes reaches the handler, even when it arrives in pieces"""
    c = Client(server.port)
    body = bytes(range(256)) * 4
    c.send(b"POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1024\r\n\r\n")
    for i in range(0, 1024, 400):
        time.sleep(0.02)
        c.send(body[i:i + 400])
    got = c.reply()
    assert got is not None and got.status == 201 and got.reason == "Created", f"POST /echo should be 201, got {got}"
    assert got.body == body, "the whole 1024-byte body should come back, byte for byte"
    assert got.headers.get("x-body-length") == "1024", f"the Response's own headers should be sent: {got.headers}"
    assert got.headers.get("content-type") == "application/octet-stream"
    big = bytes(1_000_000)
    got = c.ask(b"POST /echo HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n" + big)
    assert got.body == big, "a 1 MB body should come back whole"
    c.close()


def test_str_body_is_utf8(server):
    """a str body is sent as UTF-8, and Content-Length counts bytes"""
    c = Client(server.port)
    got = c.ask(get("/unicode"))
    want = "h\u00e9llo \u2603".encode("utf-8")
    assert got.body == want and got.headers["content-length"] == str(len(want)), (
        f"Content-Length should be {len(want)} (bytes, not characters) and the body UTF-8; got "
        f"{got.headers['content-length']} and {got.body!r}")
    c.close()


def test_errors_over_the_wire(server):
    """404, 405 and 500 are answered, and the connection stays usable"""
    c = Client(server.port)
    got = c.ask(get("/nowhere"))
    assert (got.status, got.reason) == (404, "Not Found"), f"an unknown path: 404 Not Found, got {got.status} {got.reason}"
    got = c.ask(b"DELETE /item HTTP/1.1\r\n\r\n")
    assert got.status == 405 and got.headers.get("allow") == "GET, PUT", f"405 with Allow: GET, PUT, got {got}"
    got = c.ask(b"PUT /item HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
    assert got.status == 204 and got.body == b"" and got.headers["content-length"] == "0"
    got = c.ask(get("/boom"))
    assert got.status == 500, f"a handler that raises: 500, got {got.status}"
    got = c.ask(get("/hello"))
    assert got.status == 200, "after a 500 the same connection should still serve requests"
    c.close()


def test_keep_alive(server):
    """HTTP/1.1 keeps the connection open for the next request"""
    c = Client(server.port)
    for name in ("a", "b", "c"):
        got = c.ask(get(f"/hello?name={name}"))
        assert got.body == f"hello {name}\n".encode(), f"request {name} on the same connection got {got.body!r}"
    c.close()


def test_connection_close(server):
    """Connection: close is answered with Connection: close, then the server closes"""
    c = Client(server.port)
    got = c.ask(get("/hello", "Connection: close"))
    assert got.status == 200 and got.headers.get("connection") == "close", (
        f"the response to a 'Connection: close' request should say Connection: close, got {got.headers}")
    assert c.closed(), "after answering a 'Connection: close' request the server should close the connection"
    c.close()


def test_http_10(server):
    """HTTP/1.0 closes after the response, unless it asks for keep-alive"""
    c = Client(server.port)
    got = c.ask(get("/hello", version="HTTP/1.0"))
    assert got.status == 200 and got.headers.get("connection") == "close", f"HTTP/1.0: Connection: close, got {got.headers}"
    assert c.closed(), "an HTTP/1.0 connection should be closed after the response"
    c.close()
    c = Client(server.port)
    got = c.ask(get("/hello", "Connection: keep-alive", version="HTTP/1.0"))
    assert got.headers.get("connection") == "keep-alive", "HTTP/1.0 with Connection: keep-alive stays open"
    assert c.ask(get("/hello?name=again", version="HTTP/1.0")).body == b"hello again\n"
    c.close()


def test_pipelining(server):
    """requests sent back to back get their responses in the same order"""
    c = Client(server.port)
    c.send(get("/slow") + get("/hello?name=2") + b"POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" + get("/hello?name=4"))
    bodies = [c.reply().body for _ in range(4)]
    assert bodies == [b"slow\n", b"hello 2\n", b"abc", b"hello 4\n"], (
        f"four pipelined requests should be answered in order (the slow one first); got {bodies}")
    c.close()


MALFORMED = [
    (b"GARBAGE\r\n\r\n", "a request line that is one word"),
    (b"GET /hello\r\n\r\n", "no HTTP version"),
    (b"GET /hello HTTP/1.1 extra\r\n\r\n", "four parts in the request line"),
    (b"GET /hello HTTP/9.9\r\n\r\n", "an unknown HTTP version"),
    (b"GET hello HTTP/1.1\r\n\r\n", "a target that does not start with /"),
    (b"GET /hello HTTP/1.1\r\nNoColonHere\r\n\r\n", "a header line without a colon"),
    (b"GET /hello HTTP/1.1\r\nBad Name: x\r\n\r\n", "a space in a header name"),
    (b"POST /echo HTTP/1.1\r\nContent-Length: ten\r\n\r\n", "a Content-Length that is not a number"),
    (b"POST /echo HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "a negative Content-Length"),
    (b"GET /hello HTTP/1.1\r\nX-Long: " + b"a" * 9000 + b"\r\n\r\n", "a header line over 8 KiB"),
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n", "a request line over 8 KiB"),
]


@pytest.mark.parametrize("raw, what", MALFORMED, ids=[w for _, w in MALFORMED])
def test_malformed_request_is_400(server, raw, what):
    """a malformed request gets 400 Bad Request, then the connection is closed"""
    c = Client(server.port)
    c.send(raw)
    got = c.reply()
    assert got is not None and got.status == 400 and got.reason == "Bad Request", (
        f"{what} should be answered 400 Bad Request, got {got and (got.status, got.reason)}")
    assert got.body == b"Bad Request\n", f"the 400's body should be b'Bad Request\\n', got {got.body!r}"
    assert got.headers.get("connection") == "close", "the 400 should say Connection: close"
    assert c.closed(), f"after the 400 for {what} the server should close the connection"
    c.close()


def test_a_client_that_does_not_read_is_not_flooded():
    """pipelined requests from a client that does not read: answered as fast as it reads, not all at once"""
    app = make_app()
    big = bytes(4_000_000)

    @app.route("GET", "/big")
    async def big_file(request):
        return Response(200, big, content_type="application/octet-stream")

    running = Running(app)
    try:
        c = Client(running.port, timeout=5)
        tracemalloc.start()
        try:
            c.send(get("/big") * 12)
            time.sleep(0.3)  # the server works on them; we read nothing yet
            grown = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        for _ in range(12):
            assert c.reply().body == big
        c.close()
    finally:
        running.stop()
    assert grown < 25_000_000, (
        f"12 pipelined requests for 4 MB each from a client that read nothing made the server hold "
        f"{grown / 1e6:.0f} MB: after writer.write(), `await writer.drain()` waits until the client has taken "
        "enough before the next response is made")


def test_malformed_after_a_good_request(server):
    """a malformed request after a good one on the same connection: 200, then 400, then closed"""
    c = Client(server.port)
    c.send(get("/hello?name=first") + b"GET /hello HTTP/1.1\r\nNoColonHere\r\n\r\n")
    first, second = c.reply(), c.reply()
    assert first is not None and first.body == b"hello first\n", f"the good request should be answered, got {first}"
    assert second is not None and second.status == 400, (
        f"the malformed one after it should get 400, got {second and (second.status, second.body)}")
    assert c.closed(), "after the 400 the server should close the connection"
    c.close()


def test_header_limits(server):
    """a header line of 8000 bytes and 100 header lines are fine; 101 header lines are not"""
    c = Client(server.port)
    got = c.ask(b"GET /hello HTTP/1.1\r\nX-Big: " + b"b" * 8000 + b"\r\n\r\n")
    assert got.status == 200, f"a header line of 8000 bytes is under the 8 KiB limit: 200, got {got.status}"
    many = b"".join(b"X-H%d: v\r\n" % i for i in range(100))
    got = c.ask(b"GET /hello HTTP/1.1\r\n" + many + b"\r\n")
    assert got.status == 200, f"100 header lines are allowed: 200, got {got.status}"
    got = c.ask(b"GET /hello HTTP/1.1\r\n" + many + b"X-One-More: v\r\n\r\n")
    assert got.status == 400, f"101 header lines are too many: 400, got {got.status}"
    c.close()


def test_blank_lines_before_a_request(server):
    """blank lines before a request line are skipped"""
    c = Client(server.port)
    got = c.ask(b"\r\n\r\n" + get("/hello?name=after-blanks"))
    assert got.status == 200 and got.body == b"hello after-blanks\n", (
        f"blank lines before the request line should be skipped, got {got.status} {got.body!r}")
    got = c.ask(b"POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi\r\n")  # a stray CRLF after a body
    assert got.body == b"hi"
    assert c.ask(get("/hello")).status == 200, "the stray blank line after a body must not break the next request"
    c.close()


def test_client_hanging_up_mid_request_gets_no_answer(server):
    """a request cut off by the client closing its side is not answered"""
    c = Client(server.port)
    c.send(b"GET /hello HTTP/1.1")  # no line end, and no more coming
    c.sock.shutdown(socket.SHUT_WR)
    assert c.closed(), ("the client hung up half way through the request line: the server should close without "
                        "answering an incomplete request")
    c.close()


def test_start_defaults():
    """start(app) listens on 127.0.0.1, on a free port"""
    loop = asyncio.new_event_loop()
    try:
        srv = loop.run_until_complete(start(make_app()))
        host, port = srv.sockets[0].getsockname()[:2]
        assert host == "127.0.0.1" and port > 0, f"start(app) should listen on 127.0.0.1 and a free port, got {host}:{port}"
        srv.close()
        loop.run_until_complete(srv.wait_closed())
    finally:
        loop.close()


def test_chunked_body_is_501(server):
    """Transfer-Encoding (a chunked body) is 501 Not Implemented, then close"""
    c = Client(server.port)
    c.send(b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
    got = c.reply()
    assert got is not None and (got.status, got.reason) == (501, "Not Implemented"), (
        f"a chunked request should be answered 501 Not Implemented, got {got and (got.status, got.reason)}")
    assert got.body == b"Not Implemented\n", f"the 501's body should be b'Not Implemented\\n', got {got.body!r}"
    assert c.closed(), "after the 501 the server should close the connection"
    c.close()


def test_idle_clients_are_disconnected():
    """a client that goes quiet for idle_timeout seconds is disconnected"""
    running = Running(make_app(), idle_timeout=0.2)
    try:
        silent = Client(running.port)
        half = Client(running.port)
        half.send(b"GET /hello HTTP/1.1\r\nHost: te")  # and then nothing
        short = Client(running.port)
        short.send(b"POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")  # 3 of the 10 bytes
        for name, c in [("a client that sends nothing", silent), ("a client that stops mid-line", half),
                        ("a client that stops mid-body", short)]:
            assert c.closed(within=1.5), f"{name} should be disconnected after idle_timeout=0.2 s"
            c.close()
        busy = Client(running.port)
        for _ in range(4):  # a client that keeps talking is never idle (0.32 s in all, no gap of 0.2 s)
            time.sleep(0.08)
            assert busy.ask(get("/hello")).status == 200
        busy.close()
    finally:
        running.stop()


def test_slow_clients_do_not_hold_up_a_fast_one(server):
    """50 clients trickling requests in byte by byte (each holding back its last byte), and a fast client still gets its answer"""
    slow = [Client(server.port) for _ in range(50)]
    requests = [get(f"/hello?name=slow{i}") for i in range(50)]
    sent = [0] * 50
    for i, c in enumerate(slow):  # every slow client is half way through its request
        c.send(requests[i][:10])
        sent[i] = 10
    stop = threading.Event()

    def trickle():
        while not stop.is_set() and any(s < len(r) for s, r in zip(sent, requests)):
            for i, c in enumerate(slow):
                if sent[i] < len(requests[i]) - 1:  # hold back the last byte until the fast one is done
                    c.send(requests[i][sent[i]:sent[i] + 1])
                    sent[i] += 1
            time.sleep(0.01)

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    time.sleep(0.05)
    failed = None
    try:
        fast = Client(server.port, timeout=1.0)
        start = time.monotonic()
        try:
            got = fast.ask(get("/hello?name=fast"))
        except (OSError, AssertionError) as exc:  # a timeout, a reset, or no answer
            failed = exc
        took = time.monotonic() - start
        fast.close()
    finally:
        stop.set()
        trickler.join(2)
    assert failed is None and got.body == b"hello fast\n", (
        f"with 50 slow clients connected, the fast client got no answer ({failed!r} after {took:.2f} s): a "
        "connection must never wait for another. Each one gets its own coroutine from start_server; await the "
        "reads, and never block or hold a lock across them")
    for i, c in enumerate(slow):
        c.send(requests[i][sent[i]:])
    for i, c in enumerate(slow):
        reply = c.reply()
        assert reply is not None and reply.body == f"hello slow{i}\n".encode(), (
            f"slow client {i} should get its answer once its request is complete, got {reply}")
        c.close()


BANNED = ["aiohttp", "socketserver", "wsgiref", "h11", "httptools", "tornado", "twisted", "uvicorn", "starlette"]


def test_the_http_is_yours(server):
    """no aiohttp, http.server or other HTTP library: asyncio streams and your own parsing"""
    assert_found = forbidden_uses(imports=BANNED)
    assert not assert_found, ("the task is to speak HTTP yourself on asyncio.start_server, but your code uses: "
                              + ", ".join(assert_found))
    tree = ast.parse(target_source())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module or ""]
        for name in names:
            assert not name.startswith(("http.server", "http.client")), (
                f"line {node.lineno}: {name} does the HTTP for you; only http.HTTPStatus is allowed")
    assert "start_server" in {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}, (
        "serve with asyncio.start_server")

"""A WSGI application (Flask, say) served for real on loopback by werkzeug, with the same record of
requests as ``http_server``: the code under test talks HTTP to it, never to a test client.

    app = create_app(db_path)
    with wsgi_server(app) as server:
        requests.post(server.url + "/books", json={...})
    assert server.requests(path="/books", method="POST")[0].status == 201
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Iterator

from pyexercise.checklib.web import HttpServer, Request
from pyexercise.net import LOOPBACK


class _Recorder:
    def __init__(self, app, server: HttpServer) -> None:
        self.app, self.server = app, server

    def __call__(self, environ, start_response):
        server = self.server
        started = time.monotonic()
        seen = {"status": 500}

        def recording_start(status, headers, exc_info=None):
            seen["status"] = int(str(status).split()[0])
            return start_response(status, headers, exc_info)

        with server._lock:
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            yield from self.app(environ, recording_start)
        finally:
            headers = {k[5:].replace("_", "-").title(): v for k, v in environ.items() if k.startswith("HTTP_")}
            with server._lock:
                server.in_flight -= 1
                server.log.append(Request(environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", ""),
                                          environ.get("QUERY_STRING", ""), headers, started, time.monotonic(),
                                          seen["status"]))


@contextlib.contextmanager
def wsgi_server(app, threaded: bool = True) -> Iterator[HttpServer]:
    """Serve ``app`` on 127.0.0.1 from a background thread (each request in a thread of its own when
    ``threaded``); stopped when the block ends."""
    from werkzeug.serving import make_server

    server = HttpServer()
    httpd = make_server(LOOPBACK, 0, _Recorder(app, server), threaded=threaded)
    httpd.timeout = 0.1
    server.url = f"http://{LOOPBACK}:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                              name="pyex-wsgi")
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)

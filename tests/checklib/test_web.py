from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests
from aiohttp import web

from pyexercise.checklib import http_server, serve_app


def app() -> web.Application:
    async def slow(request):
        await asyncio.sleep(0.2)
        return web.json_response({"n": request.match_info["n"]})

    async def missing(request):
        raise web.HTTPNotFound()

    application = web.Application()
    application.router.add_get("/slow/{n}", slow)
    application.router.add_get("/missing", missing)
    return application


def test_counts_requests_in_flight_and_logs_them():
    with http_server(app()) as server:
        with ThreadPoolExecutor(4) as pool:
            bodies = list(pool.map(lambda n: requests.get(f"{server.url}/slow/{n}?x=1", timeout=5).json(),
                                   range(8)))
        assert requests.get(f"{server.url}/missing", timeout=5).status_code == 404
    assert bodies == [{"n": str(n)} for n in range(8)]
    assert server.max_in_flight == 4
    slow = server.requests(method="GET")
    assert len(slow) == 9 and slow[0].query == "x=1"
    assert server.requests(path="/missing")[0].status == 404
    assert all(r.ended >= r.started for r in server.log)


def test_reset_and_serve_app():
    with http_server(app()) as server:
        requests.get(f"{server.url}/missing", timeout=5)
        server.reset()
        assert server.log == [] and server.max_in_flight == 0
    with serve_app(app()) as url:
        assert url.startswith("http://127.0.0.1:") and requests.get(url + "/missing", timeout=5).status_code == 404

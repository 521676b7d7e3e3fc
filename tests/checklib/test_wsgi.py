"""A Flask app served for real on loopback, with its requests recorded."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
import time

import requests
from flask import Flask, jsonify

from pyexercise.checklib import wsgi_server


def app() -> Flask:
    application = Flask(__name__)

    @application.get("/slow/<int:n>")
    def slow(n):
        time.sleep(0.2)
        return jsonify(n=n)

    @application.post("/items")
    def create():
        return jsonify(ok=True), 201

    return application


def test_serves_over_http_and_records_requests():
    with wsgi_server(app()) as server:
        assert requests.post(server.url + "/items", headers={"X-Trace": "1"}, timeout=5).status_code == 201
        with ThreadPoolExecutor(3) as pool:
            got = list(pool.map(lambda n: requests.get(f"{server.url}/slow/{n}", timeout=5).json()["n"], range(3)))
        assert requests.get(server.url + "/nope", timeout=5).status_code == 404
    assert got == [0, 1, 2] and server.max_in_flight == 3
    post = server.requests(path="/items", method="POST")[0]
    assert post.status == 201 and post.headers["X-Trace"] == "1"
    assert server.requests(path="/nope")[0].status == 404

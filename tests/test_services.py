"""Redis for checks: pyex's own server, a database per run, the user's server only when asked."""

from __future__ import annotations

import threading

import pytest
import redis

from pyexercise.errors import FatalError
from pyexercise.net import free_port
from pyexercise.runner.tree import Reaper
from pyexercise.services import DATABASES, Services


@pytest.fixture
def services(tmp_path, monkeypatch):
    monkeypatch.delenv("PYEX_REDIS_URL", raising=False)
    s = Services(str(tmp_path), Reaper())
    yield s
    s.close()


def test_each_run_gets_a_database_of_its_own(services):
    with services.lease(("redis",)) as one, services.lease(("redis",)) as two:
        assert one["PYEX_REDIS_URL"] != two["PYEX_REDIS_URL"]
        a, b = redis.Redis.from_url(one["PYEX_REDIS_URL"]), redis.Redis.from_url(two["PYEX_REDIS_URL"])
        a.set("k", "1")
        assert b.get("k") is None
    assert services._free_dbs.qsize() == DATABASES


def test_closing_stops_the_server(services):
    with services.lease(("redis",)) as env:
        url = env["PYEX_REDIS_URL"]
    proc = services._redis.proc
    services.close()
    assert proc.poll() is not None
    with pytest.raises(redis.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()


def test_a_users_redis_is_used_only_when_named_and_only_if_empty(tmp_path, monkeypatch):
    own = Services(str(tmp_path), Reaper())
    with own.lease(("redis",)) as env:
        user_url = env["PYEX_REDIS_URL"]
        client = redis.Redis.from_url(user_url)
        client.set("precious", "data")
        monkeypatch.setenv("PYEX_REDIS_URL", user_url)
        theirs = Services(str(tmp_path), Reaper())
        with pytest.raises(FatalError, match="holds 1 keys: pyex never deletes data it did not create"):
            theirs.prepare(("redis",))
        assert client.get("precious") == b"data"
        client.delete("precious")
        theirs = Services(str(tmp_path), Reaper())
        with theirs.lease(("redis",)) as variables:
            assert variables == {"PYEX_REDIS_URL": user_url, "PYEX_REDIS_EXTERNAL": "1"}
    own.close()


def test_an_unreachable_users_redis_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PYEX_REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(FatalError, match="can't check yet: Redis at 127.0.0.1:.* is unreachable"):
        Services(str(tmp_path), Reaper()).prepare(("redis",))


def test_a_server_that_cannot_start_is_one_clear_line(tmp_path, monkeypatch):
    from pyexercise import services as module

    monkeypatch.setattr(module, "redis_binary", lambda: "/bin/false")
    with pytest.raises(FatalError, match="pyex could not start /bin/false"):
        Services(str(tmp_path), Reaper()).prepare(("redis",))


def test_a_compiler_is_named_for_checks(services):
    with services.lease(("cc",)) as variables:
        assert variables["CC"]

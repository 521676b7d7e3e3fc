from __future__ import annotations

import pytest
import redis

from pyexercise.checklib import redis_servers


def test_nodes_are_independent_and_can_be_killed_and_restarted():
    with redis_servers(2) as nodes:
        a, b = (n.client() for n in nodes)
        a.set("k", "1")
        assert b.get("k") is None and a.get("k") == "1"
        url = nodes[0].url
        nodes[0].kill()
        with pytest.raises(redis.ConnectionError):
            redis.Redis.from_url(url, socket_timeout=1).ping()
        nodes[0].start()
        assert nodes[0].url == url and nodes[0].client().get("k") is None  # back, empty
        procs = [n.proc for n in nodes]
    assert all(p is None or p.poll() is not None for p in procs)

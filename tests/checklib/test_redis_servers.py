from __future__ import annotations

import subprocess
import sys
import textwrap

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


def test_private_fixtures_share_one_server_and_empty_it_per_test(tmp_path):
    (tmp_path / "test_private.py").write_text(textwrap.dedent("""
        URLS = set()

        def test_one(private_redis, private_client):
            URLS.add(private_redis.url)
            private_client.set("left", "over")

        def test_two(private_redis, private_client):
            URLS.add(private_redis.url)
            assert private_client.get("left") is None
            assert len(URLS) == 1
    """))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "pyexercise.checklib.plugin", "-p", "no:cacheprovider",
                           str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and "2 passed" in done.stdout, done.stdout + done.stderr

"""The plugin every check run loads: checklib's fixtures without a conftest.py."""

from pyexercise.checklib import plugin


def test_the_fixtures_are_there():
    assert {"mailbox", "redis_client", "private_redis", "private_client"} <= set(vars(plugin))

"""Loaded into every check run: makes checklib's fixtures available without a conftest.py."""

from pyexercise.checklib import mailbox, redis_client  # noqa: F401

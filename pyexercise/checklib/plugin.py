"""Loaded into every check run: makes checklib's fixtures available without a conftest.py."""

from pyexercise.checklib.mail import mailbox  # noqa: F401
from pyexercise.checklib.redis_servers import redis_client  # noqa: F401

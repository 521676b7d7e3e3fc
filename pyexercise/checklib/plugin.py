"""Loaded into every check run: makes checklib's fixtures available without a conftest.py."""

from pyexercise.checklib.mail import mailbox  # noqa: F401
from pyexercise.checklib.redis_servers import private_client, private_redis, redis_client  # noqa: F401


def pytest_configure(config) -> None:
    # a check may tie a test to a task of its exercise (Exercism's convention): @pytest.mark.task(taskno=2)
    config.addinivalue_line("markers", "task(taskno): the exercise's task this test is about")

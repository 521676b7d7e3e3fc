"""A pytest plugin for bench.py's baseline: pyex's hypothesis profile (full example counts,
derandomized, no database), so the baseline does the same work a check under pyex does."""

from pyexercise.runner.child import configure_hypothesis


def pytest_configure(config) -> None:
    configure_hypothesis()

from __future__ import annotations

import pytest

from pyexercise.checklib import PlantedBugs, run_learner_tests

LEARNER = '''
import unittest
import pytest


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError("empty")
        return self.items.pop()


def test_last_in_first_out():
    s = Stack(); s.push(1); s.push(2)
    assert s.pop() == 2


def test_empty_raises(limit):
    assert limit == 3
    with pytest.raises(IndexError):
        Stack().pop()


class TestMore(unittest.TestCase):
    def test_one(self):
        s = Stack(); s.push(5)
        self.assertEqual(s.pop(), 5)
'''


class Fifo:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError
        return self.items.pop(0)


class NoError(Fifo):
    def pop(self):
        return self.items.pop() if self.items else None


class Untested(Fifo):
    def pop(self):
        if not self.items:
            raise IndexError
        return self.items.pop()


@pytest.fixture
def suite(tmp_path, monkeypatch):
    path = tmp_path / "learner.py"
    path.write_text(LEARNER)
    monkeypatch.setenv("PYEX_TARGET", str(path))
    bugs = {"fifo": ({"Stack": Fifo}, "pops the oldest item"), "no_error": ({"Stack": NoError}, "returns None"),
            "untested": ({"Stack": Untested}, "a bug the tests miss")}
    return PlantedBugs({}, bugs, min_tests=3, fixtures={"limit": 3})


def test_passes_on_the_correct_code_and_catches_bugs(suite):
    run = suite.check_correct()
    assert sorted(run.passed) == ["TestMore::test_one", "test_empty_raises", "test_last_in_first_out"]
    assert "test_last_in_first_out" in suite.check_caught("fifo").failed
    assert "test_empty_raises" in suite.check_caught("no_error").failed


def test_a_bug_the_tests_miss_fails_with_its_description(suite):
    with pytest.raises(pytest.fail.Exception, match="a bug the tests miss"):
        suite.check_caught("untested")


def test_too_few_tests_and_not_written(tmp_path, monkeypatch):
    path = tmp_path / "learner.py"
    path.write_text("def test_one():\n    assert True\n\ndef test_two():\n    raise NotImplementedError\n")
    monkeypatch.setenv("PYEX_TARGET", str(path))
    run = run_learner_tests()
    assert run.passed == ["test_one"] and run.not_written == ["test_two"]
    with pytest.raises(NotImplementedError, match="test_two"):
        PlantedBugs({}, {}).check_correct()
    path.write_text("def test_one():\n    assert True\n")
    with pytest.raises(pytest.fail.Exception, match="write at least 2"):
        PlantedBugs({}, {}, min_tests=2).check_correct()


def test_failures_on_correct_code_are_named(tmp_path, monkeypatch):
    path = tmp_path / "learner.py"
    path.write_text("def test_wrong():\n    assert 1 == 2, 'expects the wrong thing'\n")
    monkeypatch.setenv("PYEX_TARGET", str(path))
    with pytest.raises(pytest.fail.Exception, match="test_wrong: AssertionError: expects the wrong thing"):
        PlantedBugs({}, {}).check_correct()

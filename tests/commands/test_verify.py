"""`pyex verify`, driven through the real CLI on the fixture curriculum."""


from __future__ import annotations

import json

import pytest

from conftest import write

SOLVED = "def add(a, b):\n    return a + b\n"


def test_verify_solutions_and_stubs(workspace, pyex):
    result = pyex("verify", "--solutions", "--format", "json")
    data = json.loads(result.out)
    assert result.code == 0 and [e["outcome"] for e in data["exercises"]] == ["pass", "pass", "pass"]
    result = pyex("verify", "--format", "json", "-j", "2")
    data = json.loads(result.out)
    assert result.code == 1 and {e["outcome"] for e in data["exercises"]} == {"not_started"}


def test_verify_named_and_text(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", SOLVED)
    result = pyex("verify", "add_two")
    assert result.code == 0 and "1 passed, 0 failed" in result.out
    result = pyex("verify", "--format", "yaml")
    assert result.code == 2 and "'yaml' is not one of 'text', 'json'" in result.err

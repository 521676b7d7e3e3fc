"""`pyex reset`, driven through the real CLI on the fixture curriculum."""


from __future__ import annotations

import json

import pytest

from conftest import write

SOLVED = "def add(a, b):\n    return a + b\n"


def test_reset_restores_the_pristine_stub_and_marks_pending(workspace, pyex):
    stub = workspace / "exercises/basics/add_two.py"
    original = stub.read_text()
    pyex("list")  # first contact: pyex takes its own copy of the stubs
    pyex("run")
    write(stub, SOLVED)
    assert pyex("run").code == 0
    assert pyex("reset", "add_two").code == 0
    assert stub.read_text() == original
    statuses = {e["name"]: e["status"] for e in json.loads(pyex("list", "--json").out)["exercises"]}
    assert statuses["add_two"] == "pending"


def test_reset_works_after_the_stub_is_deleted(workspace, pyex):
    stub = workspace / "exercises/basics/add_two.py"
    original = stub.read_text()
    pyex("run")
    stub.unlink()
    assert pyex("reset", "add_two").code == 0 and stub.read_text() == original

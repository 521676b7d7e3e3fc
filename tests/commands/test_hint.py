"""`pyex hint`, driven through the real CLI on the fixture curriculum."""


from __future__ import annotations

import json

import pytest

from conftest import write

SOLVED = "def add(a, b):\n    return a + b\n"


def test_hints_reveal_in_order_and_persist(workspace, pyex):
    assert "Hint 1/3" in pyex("hint", "add_two").out
    out = pyex("hint", "add_two").out
    assert "First hint." in out and "Second hint." in out and "Third hint." not in out
    assert "Second hint." in pyex("hint", "add_two", "--all").out
    assert "Third hint." not in pyex("hint", "add_two", "--all").out
    out = pyex("hint", "add_two").out
    assert "Third hint." in out and "last hint" in out
    assert "Hint 3/3" in pyex("hint", "add_two").out  # stays at the last one
    listing = json.loads(pyex("list", "--json").out)
    assert listing["exercises"][0]["hints_revealed"] == 3

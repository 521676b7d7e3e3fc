"""Hints revealed one at a time (or the one a failing check is about), remembered in progress."""

from __future__ import annotations

from pyexercise.env import Environment
from pyexercise.hints import reveal, reveal_next, revealed
from pyexercise.workspace import Workspace


def test_reveal_in_order_or_by_number(workspace):
    ws = Workspace(Environment(root_override=workspace))
    ex = ws.curriculum.get("add_two")
    assert revealed(ws, ex) == []
    assert reveal(ws, ex, 3) == [3]
    assert reveal_next(ws, ex) == [1, 3]
    assert reveal_next(ws, ex) == [1, 2, 3]
    assert reveal_next(ws, ex) == [1, 2, 3]  # stays at all of them
    assert Workspace(Environment(root_override=workspace)).state().hints == {"add_two": [1, 2, 3]}

"""`pyex list`, driven through the real CLI on the fixture curriculum."""

from __future__ import annotations

import json

from conftest import write


def test_text_and_json(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    assert pyex("run", "add_two").code == 0
    out = pyex("list").out
    assert "add_two" in out and "1/3 done" in out and "(current)" in out
    rows = json.loads(pyex("list", "--json").out)["exercises"]
    assert [(r["name"], r["status"]) for r in rows] == [("add_two", "done"), ("shout", "pending"),
                                                        ("redis_remember", "pending")]
    assert rows[1]["current"] and rows[0]["level"] == "basics" and rows[0]["hints_revealed"] == 0


def test_names_with_markup_are_printed_as_written(workspace, pyex):
    info = workspace / "info.toml"
    info.write_text(info.read_text().replace('hints = ["First hint."', 'hints = ["[red]not red[/] a[i] [/]"'))
    assert "[red]not red[/] a[i] [/]" in pyex("hint", "add_two").out


def test_columns_line_up(workspace, pyex):
    lines = [line for line in pyex("list").out.splitlines() if "exercises/" in line]
    assert len(lines) == 3
    assert len({line.index("exercises/") for line in lines}) == 1, lines  # every path in one column
    assert lines[0].split()[:3] == ["1", "▶", "add_two"] and lines[1].split()[:2] == ["2", "·"]

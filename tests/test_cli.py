"""The command line: parsing, dispatch, and the one place errors become output, driven through the real CLI on the fixture curriculum."""


from __future__ import annotations

import json

import pytest

from conftest import write

SOLVED = "def add(a, b):\n    return a + b\n"


def test_version_and_help(workspace, pyex):
    assert pyex("--version").out.strip().startswith("pyex ")
    for cmd in ("run", "hint", "list", "verify", "reset"):
        result = pyex(cmd, "--help")
        assert result.code == 0 and "Usage" in result.out


def test_unknown_exercise(workspace, pyex):
    result = pyex("run", "add_tow")
    assert result.code == 2 and "no exercise called 'add_tow'" in result.err and "add_two" in result.err


def test_corrupt_state_warns_and_keeps_going(workspace, pyex):
    (workspace / ".pyex").mkdir()
    (workspace / ".pyex/state.json").write_text("{garbage")
    result = pyex("list")
    assert result.code == 0 and "warning" in result.err and "unreadable" in result.err
    assert list((workspace / ".pyex").glob("state.json.corrupt-*"))

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


def test_a_bug_in_pyex_is_one_line_and_a_log(workspace, pyex, monkeypatch):
    from pyexercise.commands import list_

    def broken(env, as_json=False):
        raise RuntimeError("kaboom [/]")

    monkeypatch.setattr(list_, "list_exercises", broken)
    result = pyex("list")
    assert result.code == 70 and "Traceback" not in result.err + result.out
    assert "internal error (RuntimeError: kaboom [/])" in result.err and "bug in pyex" in result.err
    log = result.err.split("details are in ")[1].split(". Your")[0]
    assert "RuntimeError: kaboom" in open(log).read()


def test_help_shows_real_metavars_and_choices(pyex):
    out = pyex("verify", "--help").out
    assert "[EXERCISE]..." in out and "text|json" in out
    assert not [m for m in ("<bool>", "<str>", "<list[str]>") if m in out + pyex("run", "--help").out]
    assert "--install-completion" in pyex("--help").out

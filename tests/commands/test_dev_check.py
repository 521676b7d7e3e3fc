"""`pyex dev check` on the fixture curriculum."""


from __future__ import annotations

import json

from pyexercise.mutants import baseline_source, mutants

from conftest import write


def test_dev_check_passes_on_a_sound_curriculum(workspace, pyex):
    result = pyex("dev", "check", "-j", "2")
    assert result.code == 0, result.out
    assert "3 exercise(s) checked" in result.out


def test_dev_check_reports_each_problem_on_one_line(workspace, pyex):
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t.upper() + '!'\n")  # solved stub
    write(workspace / "solutions/basics/add_two.py", "def add(a, b):\n    return a - b\n")  # broken solution
    write(workspace / "checks/basics/test_stray.py", "def test_x():\n    pass\n")  # an orphan
    result = pyex("dev", "check", "-j", "2")
    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("shout: the untouched stub must grade as not_started, but it is pass")
               for line in lines), result.out
    assert any(line.startswith("add_two: the solution does not pass") for line in lines), result.out
    assert "checks/basics/test_stray.py: belongs to no exercise in info.toml" in result.out


def test_dev_check_missing_check_file(workspace, pyex):
    (workspace / "checks/basics/test_shout.py").unlink()
    result = pyex("dev", "check", "shout")
    assert result.code == 1 and "shout: its check checks/basics/test_shout.py is missing" in result.out

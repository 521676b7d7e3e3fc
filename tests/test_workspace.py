"""A workspace: its kind, its curriculum, its pristine stubs (never what the learner's file held)."""

from __future__ import annotations

import shutil

import pytest

from pyexercise.env import Environment
from pyexercise.errors import FatalError
from pyexercise.workspace import Workspace, blob_id

from conftest import FIXTURE, write


def test_a_clone_is_its_own_curriculum_and_git_has_the_pristine_stubs(workspace):
    ws = Workspace(Environment(root_override=workspace))
    ex = ws.curriculum.get("add_two")
    assert not ws.installed and ws.source == workspace and ex.check == workspace / "checks/basics/test_add_two.py"
    original = ex.stub.read_bytes()
    assert ws.untouched(ex) and ws.pristine(ex) == original
    write(ex.stub, "def add(a, b):\n    return a + b\n")
    fresh = Workspace(Environment(root_override=workspace))
    assert not fresh.untouched(ex) and fresh.pristine(ex) == original  # not what the file holds now
    fresh.reset(ex)
    assert ex.stub.read_bytes() == original


def test_edited_before_any_run_then_reset_comes_back_pristine(workspace):
    ex_path = workspace / "exercises/basics/shout.py"
    original = ex_path.read_bytes()
    write(ex_path, "# my edit before pyex ever ran\n")
    ws = Workspace(Environment(root_override=workspace))
    ws.reset(ws.curriculum.get("shout"))
    assert ex_path.read_bytes() == original


def test_without_git_or_a_packaged_copy_reset_says_why(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    shutil.copytree(FIXTURE, root)
    monkeypatch.setenv("PYEX_CURRICULUM", str(root))  # the only curriculum there is: the workspace itself
    ws = Workspace(Environment(root_override=root))
    with pytest.raises(FatalError, match="not a git checkout"):
        ws.reset(ws.curriculum.get("add_two"))


def test_an_exercise_by_the_path_of_its_stub(workspace):
    ws = Workspace(Environment(root_override=workspace, cwd=workspace / "exercises"))
    assert ws.resolve("basics/add_two.py").name == "add_two"
    assert ws.resolve(str(workspace / "exercises/basics/shout.py")).name == "shout"
    with pytest.raises(FatalError, match="not the stub of any exercise"):
        ws.resolve("nope.py")


def test_what_checks_must_not_see(workspace):
    hidden = Workspace(Environment(root_override=workspace)).hidden()
    assert workspace / "solutions" in hidden and workspace / "checks" in hidden and workspace / "exercises" in hidden


def test_blob_ids_are_gits():
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"

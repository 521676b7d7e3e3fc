"""The I/O seams: where the workspace is, whether there is a terminal."""

from __future__ import annotations

import pytest

from pyexercise.env import CONFIG_FILE, INFO_FILE, Environment, find_root
from pyexercise.errors import FatalError


def test_the_nearest_workspace_from_here_up(tmp_path, monkeypatch):
    monkeypatch.delenv("PYEX_ROOT", raising=False)
    (tmp_path / "clone").mkdir()
    (tmp_path / "clone" / INFO_FILE).write_text("")
    (tmp_path / "clone" / "exercises" / "deep").mkdir(parents=True)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / CONFIG_FILE).write_text("")
    assert find_root(tmp_path / "clone" / "exercises" / "deep") == tmp_path / "clone"
    assert Environment(cwd=tmp_path / "mine").root == tmp_path / "mine"
    assert find_root(tmp_path) is None


def test_outside_a_workspace_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.delenv("PYEX_ROOT", raising=False)
    with pytest.raises(FatalError, match="pyex init"):
        Environment(cwd=tmp_path).root
    with pytest.raises(FatalError, match="--root"):
        Environment(cwd=tmp_path, root_override=tmp_path).root


def test_root_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / CONFIG_FILE).write_text("")
    monkeypatch.setenv("PYEX_ROOT", str(tmp_path))
    assert Environment(cwd=tmp_path.parent).root == tmp_path


def test_interactive_needs_both_ends():
    assert Environment(stdin_isatty=True, stdout_isatty=True).interactive
    assert not Environment(stdin_isatty=True, stdout_isatty=False).interactive

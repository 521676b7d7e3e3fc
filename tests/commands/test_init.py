"""`pyex init`: a learner's workspace from the curriculum pyex carries (here the fixture's)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import FIXTURE


@pytest.fixture
def packaged(tmp_path, monkeypatch):
    source = tmp_path / "package-data"
    shutil.copytree(FIXTURE, source)
    monkeypatch.setenv("PYEX_CURRICULUM", str(source))
    monkeypatch.chdir(tmp_path)
    return source


def test_init_makes_a_workspace_without_checks_or_solutions(packaged, tmp_path, pyex):
    result = pyex("init")
    root = tmp_path / "pyex-exercises"
    assert result.code == 0 and "cd pyex-exercises && pyex watch" in result.out
    assert (root / "exercises/basics/add_two.py").read_bytes() == (packaged / "exercises/basics/add_two.py").read_bytes()
    assert (root / "pyex.toml").is_file() and ".pyex/" in (root / ".gitignore").read_text()
    assert not (root / "checks").exists() and not (root / "solutions").exists() and not (root / "info.toml").exists()
    assert (root / ".git").is_dir()
    assert "basics/add_two.py" in (root / "pyex.toml").read_text()


def test_init_refuses_a_folder_that_is_not_empty(packaged, tmp_path, pyex):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("mine")
    result = pyex("init", "full")
    assert result.code == 2 and "is not empty" in result.err and (tmp_path / "full" / "x").read_text() == "mine"
    assert pyex("init", "fresh", "--no-git").code == 0 and not (tmp_path / "fresh" / ".git").exists()
    assert "already a pyex workspace" in pyex("init", "fresh").err


def test_init_inside_a_repository_makes_no_new_one(packaged, tmp_path, pyex):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert pyex("init", "inner").code == 0 and not (tmp_path / "inner" / ".git").exists()


def test_the_workspace_runs_and_shows_the_solution_after_a_pass(packaged, tmp_path, pyex, monkeypatch):
    pyex("init", "ws")
    monkeypatch.chdir(tmp_path / "ws")
    assert pyex("run").code == 1
    shutil.copy(packaged / "solutions/basics/add_two.py", tmp_path / "ws/exercises/basics/add_two.py")
    result = pyex("run")
    assert result.code == 0 and "solutions/basics/add_two.py" in result.out
    assert (tmp_path / "ws/solutions/basics/add_two.py").is_file()  # copied in only now
    assert not (tmp_path / "ws/solutions/basics/shout.py").exists()


def test_init_with_a_github_workflow_whose_verify_step_runs(packaged, tmp_path, pyex, monkeypatch):
    import yaml

    assert pyex("init", "ws", "--no-git", "--ci", "github").code == 0
    workflow = yaml.safe_load((tmp_path / "ws/.github/workflows/pyex.yml").read_text())
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads `on:` as True
    steps = workflow["jobs"]["verify"]["steps"]
    assert any(s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["path"] == "pyex-results.xml"
               for s in steps)
    install = next(s["run"] for s in steps if "pip install" in s.get("run", ""))
    assert "pyexercise==" in install
    verify = next(s["run"] for s in steps if "pyex verify" in s.get("run", ""))
    monkeypatch.chdir(tmp_path / "ws")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = pyex(*verify.split()[1:])  # the step's own command, on the fresh workspace
    assert result.code == 1 and "0 passed, 0 failing, 3 not started" in result.out
    assert (tmp_path / "ws/pyex-results.xml").read_text().startswith("<?xml")
    assert "## pyex verify" in summary.read_text()

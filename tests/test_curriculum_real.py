"""The real curriculum: every stub untouched grades as not started, every solution passes (three
times, within half its limits), every check kills most of its mutants, every seed task is known.

Run on a private copy made from the stubs as shipped (the committed ones), so the suite passes in a
clone where a learner has solved exercises, and never writes progress into the repository."""

from __future__ import annotations

import json
import shutil

import pytest

from pyexercise import curriculum
from pyexercise.env import Environment
from pyexercise.mutation_record import RECORD_FILE
from pyexercise.workspace import Workspace

from conftest import REPO, git_commit


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    root = tmp_path_factory.mktemp("real") / "curriculum"
    root.mkdir()
    for name in ("solutions", "checks"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.changed-*"))
    shutil.copy(REPO / "info.toml", root / "info.toml")
    if (REPO / RECORD_FILE).is_file():
        shutil.copy(REPO / RECORD_FILE, root / RECORD_FILE)
    repo = Workspace(Environment(root_override=REPO))
    for ex in repo.curriculum:
        original = repo.pristine(ex)  # the committed stub, whatever the learner's copy holds now
        ex_path = root / "exercises" / ex.path
        ex_path.parent.mkdir(parents=True, exist_ok=True)
        ex_path.write_bytes(original if original is not None else ex.stub.read_bytes())
    git_commit(root)
    return root


@pytest.fixture
def in_real(real, monkeypatch):
    monkeypatch.chdir(real)
    for name in ("PYEX_INFO", "PYEX_ROOT", "PYEX_CURRICULUM"):
        monkeypatch.delenv(name, raising=False)
    return real


def test_dev_check_is_clean(in_real, pyex):
    """Every stub grades as not started, every solution passes three times within half its limits,
    no file is an orphan."""
    result = pyex("dev", "check")
    assert result.code == 0, result.out


def test_seed_ids_are_known_and_names_unique(in_real):
    cur = curriculum.load(in_real)
    assert len({e.name for e in cur}) == len(cur) and len({e.module for e in cur}) == len(cur)


def test_every_check_kills_most_of_its_mutants(in_real, pyex):
    """Mutation testing from the committed record: exercises whose solution, check or limits changed
    since it was recorded are re-run (and fail the build until the record is refreshed), and two
    others are re-run to keep the record honest."""
    result = pyex("dev", "mutants", "--check-record", "--sample", "2", "--format", "json")
    data = json.loads(result.out)
    weak = {e["name"]: f"{e['killed']}/{e['total']} {e['error']}".strip() for e in data["exercises"]
            if e["error"] or e["total"] and e["killed"] / e["total"] < data["minimum"]}
    # until the first record is committed every exercise is stale: all are re-run and judged on
    # their scores; once it exists, a stale entry fails the build
    stale = data["stale"] if (REPO / RECORD_FILE).exists() else []
    assert not weak and not stale and not data["mismatched"], (weak, stale, data["mismatched"])

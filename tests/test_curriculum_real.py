"""The real curriculum: every solution passes, every untouched stub fails as not done yet.

Run on a private copy, so the suite never writes progress into the repository."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    for name in ("exercises", "solutions", "checks"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "info.toml", root / "info.toml")
    return root


@pytest.fixture
def in_real(real, monkeypatch):
    monkeypatch.chdir(real)
    monkeypatch.delenv("PYEX_INFO", raising=False)
    monkeypatch.delenv("PYEX_ROOT", raising=False)
    return real


def test_every_solution_passes(in_real, pyex):
    result = pyex("verify", "--solutions", "--format", "json")
    data = json.loads(result.out)
    failing = {e["name"]: e["summary"] for e in data["exercises"] if e["outcome"] != "pass"}
    assert not failing and result.code == 0, failing


def test_every_untouched_stub_fails_as_not_done(in_real, pyex):
    result = pyex("verify", "--format", "json")
    data = json.loads(result.out)
    wrong = {e["name"]: f"{e['status']}: {e['summary']}" for e in data["exercises"]
             if e["outcome"] != "not_started"}
    assert result.code == 1 and not wrong, wrong


def test_dev_check_is_clean(in_real, pyex):
    result = pyex("dev", "check")
    assert result.code == 0, result.out


def test_seed_ids_are_known_and_names_unique(in_real):
    from pyexercise import curriculum

    cur = curriculum.load(in_real)
    assert len({e.name for e in cur}) == len(cur) and len({e.module for e in cur}) == len(cur)


def test_every_check_kills_most_of_its_mutants(in_real, pyex):
    """Mutation testing of the whole curriculum: each check catches >= 80% of planted bugs."""
    result = pyex("dev", "mutants", "--format", "json")
    data = json.loads(result.out)
    weak = {e["name"]: f"{e['killed']}/{e['total']} {e['error']}".strip() for e in data["exercises"]
            if e["error"] or e["total"] and e["killed"] / e["total"] < data["minimum"]}
    assert result.code == 0 and not weak, weak

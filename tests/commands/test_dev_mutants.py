"""`pyex dev mutants` on the fixture curriculum."""


from __future__ import annotations

import json

from pyexercise.mutants import baseline_source, mutants

from conftest import write


def test_dev_mutants_json(workspace, pyex):
    result = pyex("dev", "mutants", "add_two", "--format", "json", "-j", "2")
    data = json.loads(result.out)
    report = data["exercises"][0]
    assert report["name"] == "add_two" and report["total"] >= 2
    assert report["killed"] == report["total"] and report["survivors"] == []
    assert result.code == 0


def test_dev_mutants_reports_survivors_as_diffs(workspace, pyex):
    # a check that asks only for something truthy misses '!' -> ''
    write(workspace / "checks/basics/test_shout.py",
          "from shout import shout\n\ndef test_shout():\n    assert shout('hi')\n")
    result = pyex("dev", "mutants", "shout", "--format", "json")
    report = json.loads(result.out)["exercises"][0]
    assert result.code == 1 and report["survivors"]
    assert all(s["diff"].startswith("@@") for s in report["survivors"])
    text = pyex("dev", "mutants", "shout")
    assert "survived:" in text.out and text.code == 1


def test_excused_mutants_do_not_count(workspace, pyex):
    write(workspace / "checks/basics/test_shout.py",
          "from shout import shout\n\ndef test_shout():\n    assert shout('hi').startswith('HI')\n")
    info = workspace / "info.toml"
    info.write_text(info.read_text().replace(
        'hints = ["Use str.upper.", "Return text.upper() + \'!\'"]\n',
        'hints = ["Use str.upper.", "Return text.upper() + \'!\'"]\n'
        'equivalent_mutants = [{ line = 5, reason = "the test ignores the !" }]\n'))
    report = json.loads(pyex("dev", "mutants", "shout", "--format", "json").out)["exercises"][0]
    assert report["excused"] and all(s["line"] != 5 for s in report["survivors"])

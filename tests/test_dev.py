"""Author tools on the fixture curriculum."""

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


def test_dev_new_scaffolds_and_refuses_duplicates(workspace, pyex):
    result = pyex("dev", "new", "count_words", "--level", "junior", "--topic", "strings")
    assert result.code == 0, result.err
    for tree, name in (("exercises", "count_words.py"), ("solutions", "count_words.py"),
                       ("checks", "test_count_words.py")):
        assert (workspace / tree / "junior/strings" / name).is_file()
    info = (workspace / "info.toml").read_text()
    assert 'name = "count_words"' in info and 'path = "junior/strings/count_words.py"' in info
    listing = json.loads(pyex("list", "--json").out)
    assert listing["exercises"][-1]["name"] == "count_words"
    again = pyex("dev", "new", "count_words")
    assert again.code == 2 and "already exists" in again.err
    bad = pyex("dev", "new", "Bad-Name")
    assert bad.code == 2 and "not a valid exercise name" in bad.err


def test_mutants_are_single_plausible_changes():
    source = "def f(xs):\n    total = 0\n    for x in xs:\n        if x > 2 and x != 5:\n            total += x\n" \
             "    return total\n"
    found = mutants(source)
    ops = {m.operator for m in found}
    assert {"compare", "constant", "boolop", "augassign", "drop", "return-none"} <= ops
    base = baseline_source(source)
    for m in found:
        assert m.source != base
        changed = [line for line in m.diff(base).splitlines() if line.startswith(("+", "-"))]
        assert 1 <= len(changed) <= 4, m.diff(base)


def test_mutants_skip_docstrings_annotations_and_main_guard():
    source = '"""Doc."""\n\ndef f(n: int = 3) -> int:\n    """Doc."""\n    return n\n\n' \
             'if __name__ == "__main__":\n    print(f(1))\n'
    descriptions = [m.description for m in mutants(source)]
    assert all("__main__" not in d and "print" not in d for d in descriptions), descriptions
    assert any("3 -> 4" in d for d in descriptions)  # the default value is code, so it is mutated


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

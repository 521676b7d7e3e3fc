"""`pyex verify`, driven through the real CLI on the fixture curriculum: every format a CI system
reads, validated by real readers (jsonschema, junitparser and a published JUnit XSD)."""

from __future__ import annotations

import json
import re
import tarfile
import urllib.request
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from junitparser import Error, Failure, JUnitXml, Skipped

from conftest import REPO, write

SOLVED = "def add(a, b):\n    return a + b\n"
WRONG = "def add(a, b):\n    print('debug: adding', a, b)\n    return a - b\n"
RAISES = "def add(a, b):\n    print('debug: adding', a, b)\n    return a // 0\n"  # fails on the learner's line 3
SCHEMA = json.loads((REPO / "docs" / "results.schema.json").read_text())


@pytest.fixture(scope="session")
def junit_xsd(tmp_path_factory) -> Path:
    """The JUnit schema pytest itself tests against (Jenkins' junit-10.xsd), from pytest's sdist on
    the package index: a published schema, fetched rather than copied into this repository."""
    import pytest as pt

    cache = Path.home() / ".cache" / "pyex-tests"
    xsd = cache / "junit-10.xsd"
    if not xsd.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        index = urllib.request.urlopen("https://pypi.org/simple/pytest/", timeout=60).read().decode()
        url = re.search(r'href="([^"]*/pytest-%s\.tar\.gz)[^"]*"' % re.escape(pt.__version__), index).group(1)
        archive = tmp_path_factory.mktemp("sdist") / "pytest.tar.gz"
        archive.write_bytes(urllib.request.urlopen(url, timeout=120).read())
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("testing/example_scripts/junit-10.xsd"))
            xsd.write_bytes(tar.extractfile(member).read())
    return xsd


def test_verify_solutions_and_stubs(workspace, pyex):
    result = pyex("verify", "--solutions", "--format", "json")
    data = json.loads(result.out)
    jsonschema.validate(data, SCHEMA)
    assert result.code == 0 and [e["status"] for e in data["exercises"]] == ["pass", "pass", "pass"]
    result = pyex("verify", "--format", "json", "-j", "2")
    data = json.loads(result.out)
    jsonschema.validate(data, SCHEMA)
    assert result.code == 1 and {e["status"] for e in data["exercises"]} == {"not_started"}
    assert data["summary"]["not_started"] == 3 and data["score"] == {"earned": 0, "possible": 3}


def test_text_counts_not_started_as_such(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", SOLVED)
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t\n")
    result = pyex("verify")
    assert result.code == 1 and "1 passed, 1 failing, 1 not started — 1/3 points" in result.out
    assert "protections:" in result.out.splitlines()[0]
    result = pyex("verify", "--format", "yaml")
    assert result.code == 2 and "'yaml' is not one of" in result.err


def test_json_document_per_check(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", WRONG)
    doc = json.loads(pyex("verify", "add_two", "--format", "json").out)
    jsonschema.validate(doc, SCHEMA)
    (entry,) = doc["exercises"]
    assert entry["status"] == "fail" and entry["path"] == "exercises/basics/add_two.py"
    checks = {c["name"]: c for c in entry["checks"]}
    assert set(checks) == {"test_small", "test_any"} and checks["test_small"]["status"] == "fail"
    assert "add(2, 3) should be 5" in checks["test_small"]["message"] and checks["test_small"]["line"] is None
    assert "debug: adding" in entry["output"]
    write(workspace / "exercises/basics/add_two.py", RAISES)
    raised = json.loads(pyex("verify", "add_two", "--format", "json").out)["exercises"][0]["checks"]
    assert raised[0]["line"] == 3 and raised[0]["message"].startswith("ZeroDivisionError")
    assert len(re.findall(r'"status"', json.dumps(entry))) == 1 + len(entry["checks"])  # no duplicate keys


def test_a_limit_names_what_was_measured(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    while True:\n        pass\n")
    doc = json.loads(pyex("verify", "add_two", "--format", "json").out)
    jsonschema.validate(doc, SCHEMA)
    entry = doc["exercises"][0]
    assert entry["status"] == "limit" and entry["cause"] == "timeout"
    assert entry["limit"]["name"] == "time" and entry["limit"]["limit"] == 4 and entry["limit"]["measured"] >= 4


def test_junit_is_read_by_a_real_reader_and_valid(workspace, pyex, junit_xsd, tmp_path):
    write(workspace / "exercises/basics/add_two.py", WRONG)
    out = tmp_path / "results.xml"
    result = pyex("verify", "--format", "text", "--output", str(out))
    assert result.code == 1 and "failing" in result.out  # the log keeps text
    xmlschema.XMLSchema(str(junit_xsd)).validate(str(out))
    suites = {s.name: s for s in JUnitXml.fromfile(str(out))}
    assert set(suites) == {"add_two", "shout", "redis_remember"}
    cases = {c.name: c for c in suites["add_two"]}
    failure = [r for r in cases["test_small"].result if isinstance(r, Failure)][0]
    out_text = suites["add_two"]._elem.find("system-out").text
    assert "add(2, 3) should be 5" in failure.message and "debug: adding" in out_text
    assert any(isinstance(r, Skipped) for c in suites["shout"] for r in c.result)  # not started: skipped
    assert suites["add_two"].failures == 2 and float(suites["add_two"].time) > 0


def test_junit_errors_for_limits(workspace, pyex, junit_xsd):
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    while True:\n        pass\n")
    xml = pyex("verify", "add_two", "--format", "junit").out
    path = workspace / "r.xml"
    path.write_text(xml)
    xmlschema.XMLSchema(str(junit_xsd)).validate(str(path))
    (suite,) = list(JUnitXml.fromfile(str(path)))
    assert suite.errors == 1 and any(isinstance(r, Error) for c in suite for r in c.result)


def test_exercism_results_version_3(workspace, pyex, tmp_path):
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    print('x' * 2000)\n    return a - b\n")
    data = json.loads(pyex("verify", "--format", "exercism").out)
    add = data["add_two"]
    assert add["version"] == 3 and add["status"] == "fail"
    small = next(t for t in add["tests"] if t["name"] == "test_small")
    assert small["status"] == "fail" and "should be 5" in small["message"] and "def test_small" in small["test_code"]
    assert small["output"].endswith("Output was truncated. Please limit to 500 chars.")
    assert len(small["output"]) <= 500 + 60 and "task_id" not in small
    assert data["shout"]["status"] == "fail"  # not started: its checks fail
    pyex("verify", "--output", str(tmp_path / "exercism") + "/")
    assert json.loads((tmp_path / "exercism" / "add_two" / "results.json").read_text())["version"] == 3


def test_exercism_task_ids_only_where_a_check_marks_one(workspace, pyex):
    check = workspace / "checks/basics/test_shout.py"
    write(check, "import pytest\nfrom shout import shout\n\n\n@pytest.mark.task(taskno=2)\ndef test_shout():\n"
                 "    assert shout('hi') == 'HI!'\n")
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t\n")
    data = json.loads(pyex("verify", "shout", "--format", "exercism").out)
    assert data["shout"]["tests"][0]["task_id"] == 2


def test_github_annotations_and_summary(workspace, pyex, monkeypatch, tmp_path):
    write(workspace / "exercises/basics/add_two.py", RAISES)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = pyex("verify", "--format", "github").out
    line = next(l for l in out.splitlines() if l.startswith("::error "))
    assert line.startswith("::error file=exercises/basics/add_two.py,line=3,title=add_two%3A test_small::")
    assert "ZeroDivisionError" in line
    write(workspace / "exercises/basics/add_two.py", WRONG)
    line = next(l for l in pyex("verify", "--format", "github").out.splitlines() if l.startswith("::error "))
    assert "add(2, 3) should be 5" in line and "%0A" in line  # a multi-line message is one command
    text = summary.read_text()
    assert "| `add_two` | ❌ fail | 0/1 |" in text and "not started" in text


def test_points_and_the_pass_bar(workspace, pyex):
    info = workspace / "info.toml"
    info.write_text(info.read_text().replace('name = "shout"', 'name = "shout"\npoints = 3'))
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t.upper() + '!'\n")
    doc = json.loads(pyex("verify", "--format", "json").out)
    assert doc["score"] == {"earned": 3, "possible": 5}
    assert pyex("verify", "--min-score", "0.6").code == 0
    assert pyex("verify", "--min-score", "0.7").code == 1
    assert pyex("verify").code == 1  # the default bar: everything
    bad = pyex("verify", "--output", "results.txt")
    assert bad.code == 2 and "say the format" in bad.err

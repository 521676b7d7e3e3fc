"""Exercism's results.json version 3 from a document entry."""

from __future__ import annotations

from pyexercise.report.exercism import TRUNCATED, results


def test_pass_fail_and_error():
    checks = [{"name": "test_a", "status": "pass", "message": "", "duration": 0, "line": None},
              {"name": "test_b[1]", "status": "fail", "message": "nope", "duration": 0, "line": None}]
    got = results({"status": "fail", "checks": checks, "output": "x" * 600, "detail": "", "message": "m"},
                  {"test_a": "def test_a(): ...", "test_b": "def test_b(n): ..."}, {"test_b": 2})
    assert got["version"] == 3 and got["status"] == "fail" and "message" not in got
    a, b = got["tests"]
    assert a == {"name": "test_a", "test_code": "def test_a(): ...", "status": "pass"}
    assert b["status"] == "fail" and b["message"] == "nope" and b["task_id"] == 2
    assert b["output"].endswith(TRUNCATED) and len(b["output"]) == 500 + 1 + len(TRUNCATED)
    error = results({"status": "limit", "checks": [], "output": "", "detail": "too slow", "message": "x"}, {}, {})
    assert error == {"version": 3, "status": "error", "message": "too slow", "tests": []}

"""JUnit XML from the document: cases, kinds of result, nothing XML cannot carry."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pyexercise.report.junit import render


def entry(**kw):
    base = {"name": "x", "path": "exercises/x.py", "status": "fail", "cause": None, "message": "m", "detail": "",
            "points": 1, "earned": 0, "duration": 0.5, "limit": None, "peak_memory_mb": 1.0, "line": None,
            "checks": [], "output": "printed \x1b[2J", "output_truncated": False}
    return {**base, **kw}


def test_cases_failures_skips_and_errors():
    checks = [{"name": "test_a", "status": "pass", "message": "", "duration": 0.1, "line": None},
              {"name": "test_b", "status": "fail", "message": "b\nbad", "duration": 0.2, "line": 3},
              {"name": "test_c", "status": "not_started", "message": "todo", "duration": 0.0, "line": None}]
    root = ET.fromstring(render({"exercises": [entry(checks=checks)]}))
    suite = root.find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "1" and suite.get("skipped") == "1"
    b = suite.findall("testcase")[1]
    assert b.find("failure").get("message") == "b" and b.find("failure").text == "b\nbad"
    assert suite.find("system-out").text == "printed \\x1b[2J"  # no raw control character in XML


def test_an_exercise_that_ran_nothing_is_one_case():
    root = ET.fromstring(render({"exercises": [entry(status="unavailable", message="needs redis")]}))
    (case,) = root.find("testsuite").findall("testcase")
    assert case.find("skipped").get("message") == "needs redis"

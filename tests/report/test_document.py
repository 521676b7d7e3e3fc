"""The results document: statuses, causes, per-check results, points, and test sources."""

from __future__ import annotations

import json

import jsonschema

from pyexercise import curriculum
from pyexercise.report.document import Graded, document, status, task_ids, source_of_test
from pyexercise.runner.protocol import Failure, Frame, TestRecord
from pyexercise.runner.result import LimitHit, Outcome, Result

from conftest import FIXTURE, REPO

CUR = curriculum.load(FIXTURE)
SCHEMA = json.loads((REPO / "docs" / "results.schema.json").read_text())


def test_statuses_collapse_outcomes():
    assert [status(o) for o in (Outcome.PASS, Outcome.FAIL, Outcome.ERROR, Outcome.CRASHED, Outcome.NOT_STARTED,
                                Outcome.TIMEOUT, Outcome.MEMORY, Outcome.TAMPERED, Outcome.UNAVAILABLE)] == [
        "pass", "fail", "fail", "fail", "not_started", "limit", "limit", "tampered", "unavailable"]


def test_a_document_of_every_kind_is_valid():
    add, shout, redis = CUR.exercises
    results = [
        Graded(add, Result(Outcome.FAIL, exercise="add_two", passed=1, total=2,
                           failures=(Failure("test_any", message="boom", frames=(Frame(4, "add", "x"),)),),
                           tests=(TestRecord("test_small", "passed", 0.01), TestRecord("test_any", "failed", 0.2)))),
        Graded(shout, Result(Outcome.TIMEOUT, exercise="shout", running_test="test_shout", detail="too slow",
                             limit=LimitHit("time", 3, 3.1, "s"))),
        Graded(redis, Result(Outcome.UNAVAILABLE, exercise="redis_remember", detail="needs redis")),
    ]
    doc = document(results, solutions=False, protections="none")
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"] == {"pass": 0, "fail": 1, "not_started": 0, "limit": 1, "tampered": 0, "unavailable": 1,
                              "total": 3}
    first, second, _ = doc["exercises"]
    assert [(c["name"], c["status"], c["line"]) for c in first["checks"]] == [("test_small", "pass", None),
                                                                               ("test_any", "fail", 4)]
    assert second["checks"] == [{"name": "test_shout", "status": "limit", "message": "too slow", "duration": None,
                                 "line": None}]
    assert doc["score"] == {"earned": 0, "possible": 3}


def test_test_sources_and_task_ids():
    source = b"import pytest\n\n@pytest.mark.task(taskno=3)\ndef test_a(x):\n    assert x\n\ndef test_b():\n    pass\n"
    assert source_of_test(source, "test_a[1-2]").startswith("@pytest") is False
    assert source_of_test(source, "test_a[1-2]").startswith("def test_a(x):")
    assert task_ids(source) == {"test_a": 3} and source_of_test(None, "x") == ""

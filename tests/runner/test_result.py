"""Outcomes and results: truthy only on a pass; one-line summaries; JSON without duplicate keys."""

from __future__ import annotations

from pyexercise.runner.protocol import Failure
from pyexercise.runner.result import LIMITS, LimitHit, Outcome, Result


def test_truthy_only_on_a_pass():
    assert Result(Outcome.PASS, total=1) and not any(Result(o) for o in Outcome if o is not Outcome.PASS)


def test_summaries():
    assert Result(Outcome.PASS, total=1).summary == "the one check passes"
    assert Result(Outcome.PASS, total=3).summary == "all 3 checks pass"
    fail = Result(Outcome.FAIL, passed=1, total=3, failures=(Failure("test_a"),))
    assert fail.summary == "1 of 3 checks pass (first: test_a)"
    assert "not done yet" in Result(Outcome.NOT_STARTED).summary
    assert Result(Outcome.TIMEOUT, detail="too slow\nmore").summary == "too slow"


def test_json_has_no_duplicate_keys_and_names_the_limit():
    data = Result(Outcome.TIMEOUT, exercise="x", limit=LimitHit("time", 3, 3.2, "s")).to_json()
    assert data["name"] == "x" and data["outcome"] == "timeout" and "exercise" not in data and "status" not in data
    assert data["limit"] == {"name": "time", "limit": 3, "measured": 3.2, "unit": "s"}
    assert set(LIMITS) == {Outcome.TIMEOUT, Outcome.MEMORY, Outcome.PROCESSES, Outcome.OUTPUT}

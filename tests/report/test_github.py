"""GitHub workflow commands and the step summary."""

from __future__ import annotations

from pyexercise.report.github import annotations, summary


def doc(**kw):
    e = {"name": "x", "path": "exercises/a,b:c.py", "status": "fail", "cause": None, "message": "one line",
         "detail": "", "points": 2, "earned": 0, "duration": 0.1, "limit": None, "peak_memory_mb": 0, "line": None,
         "checks": [{"name": "test_x", "status": "fail", "message": "50% off\nsecond", "duration": 0, "line": 7}],
         "output": "", "output_truncated": False, **kw}
    return {"exercises": [e], "summary": {"pass": 0, "fail": 1, "not_started": 0, "limit": 0, "tampered": 0,
                                         "unavailable": 0, "total": 1}, "score": {"earned": 0, "possible": 2}}


def test_escaped_like_the_runner_wants():
    (line,) = annotations(doc())
    assert line == "::error file=exercises/a%2Cb%3Ac.py,line=7,title=x%3A test_x::50%25 off%0Asecond"
    assert annotations(doc(status="pass")) == [] and annotations(doc(status="unavailable"))[0].startswith("::warning")


def test_summary_table():
    text = summary(doc(message="a | b"))
    assert "| `x` | ❌ fail | 0/2 | a \\| b |" in text and "0 of 2 points" in text

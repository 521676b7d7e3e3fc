"""The results of a verify as one versioned document (docs/results.md, docs/results.schema.json):
the source every output format is made from."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterable

from pyexercise import __version__
from pyexercise.curriculum import Exercise
from pyexercise.runner.result import LIMITS, Outcome, Result

FORMAT_VERSION = 1
STATUSES = ("pass", "fail", "not_started", "limit", "tampered", "unavailable")
MAX_OUTPUT = 4000  # characters of what the learner printed, per exercise


def status(outcome: Outcome) -> str:
    if outcome is Outcome.PASS:
        return "pass"
    if outcome is Outcome.NOT_STARTED:
        return "not_started"
    if outcome in LIMITS:
        return "limit"
    if outcome is Outcome.TAMPERED:
        return "tampered"
    if outcome is Outcome.UNAVAILABLE:
        return "unavailable"
    return "fail"  # a failing check, an error in the file, a crash, a cancelled run


def cause(outcome: Outcome) -> str | None:
    """What the status alone does not say: which limit, an error at import, a crash."""
    if outcome in LIMITS:
        return outcome.value
    if outcome in (Outcome.ERROR, Outcome.CRASHED, Outcome.CANCELLED):
        return outcome.value
    return None


def checks(result: Result) -> list[dict]:
    """Every test of the check that ran (or was running), with its status and message."""
    failures = {f.test: f for f in result.failures}
    out = []
    for test in result.tests:
        failure = failures.get(test.name)
        if test.outcome == "passed":
            state, message = "pass", ""
        elif failure is not None and failure.todo:
            state, message = "not_started", "still raises NotImplementedError"
        else:
            state = "fail"
            message = _message(failure) if failure else "failed"
        out.append({"name": test.name, "status": state, "message": message, "duration": test.duration,
                    "line": failure.frames[-1].lineno if failure is not None and failure.frames else None})
    if result.running_test and result.limit is not None and result.running_test not in {c["name"] for c in out}:
        out.append({"name": result.running_test, "status": "limit", "message": result.detail, "duration": None,
                    "line": result.frames[-1].lineno if result.frames else None})
    return out


def _message(failure) -> str:
    message = failure.message.strip()
    if failure.exception and failure.exception not in ("AssertionError", "Failed"):
        message = f"{failure.exception}: {message}" if message else failure.exception
    return message or failure.check_line or "failed"


@dataclass(frozen=True)
class Graded:
    exercise: Exercise
    result: Result


def entry(g: Graded) -> dict:
    ex, r = g.exercise, g.result
    earned = ex.points if r else 0
    return {
        "name": ex.name,
        "path": f"exercises/{ex.path}",
        "status": status(r.outcome),
        "cause": cause(r.outcome),
        "message": r.summary,
        "detail": r.detail,
        "points": ex.points,
        "earned": earned,
        "duration": round(r.duration, 3),
        "limit": None if r.limit is None else {"name": r.limit.name, "limit": r.limit.limit,
                                               "measured": r.limit.measured, "unit": r.limit.unit},
        "peak_memory_mb": r.peak_memory_mb,
        "line": r.frames[-1].lineno if r.frames else None,
        "checks": checks(r),
        "output": r.output[:MAX_OUTPUT],
        "output_truncated": len(r.output) > MAX_OUTPUT or r.output_dropped > 0,
    }


def document(graded: Iterable[Graded], *, solutions: bool, protections: str, interrupted: bool = False) -> dict:
    entries = [entry(g) for g in graded]
    counts = {s: sum(1 for e in entries if e["status"] == s) for s in STATUSES}
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "pyex", "version": __version__},
        "solutions": solutions,
        "protections": protections,
        "interrupted": interrupted,
        "summary": {**counts, "total": len(entries)},
        "score": {"earned": sum(e["earned"] for e in entries), "possible": sum(e["points"] for e in entries)},
        "exercises": entries,
    }


def source_of_test(check_source: bytes | None, name: str) -> str:
    """The source of test function ``name`` in a check (for formats that show the test's code)."""
    if not check_source:
        return ""
    try:
        text = check_source.decode("utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name.split("[")[0]:
                return ast.get_source_segment(text, node) or ""
    except (SyntaxError, ValueError):
        pass
    return ""


def task_ids(check_source: bytes | None) -> dict[str, int]:
    """test name -> task number, where a check marks a test ``@pytest.mark.task(taskno=N)``."""
    found: dict[str, int] = {}
    if not check_source:
        return found
    try:
        tree = ast.parse(check_source.decode("utf-8"))
    except (SyntaxError, ValueError):
        return found
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and ast.unparse(deco.func).endswith("mark.task"):
                for kw in deco.keywords:
                    if kw.arg == "taskno" and isinstance(kw.value, ast.Constant) and type(kw.value.value) is int:
                        found[node.name] = kw.value.value
    return found

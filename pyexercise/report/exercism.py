"""Exercism's test-runner results (version 3), one document per exercise, so Exercism-style tools
can read pyex's verdicts (https://exercism.org/docs/building/tooling/test-runners/interface)."""

from __future__ import annotations

OUTPUT_LIMIT = 500
TRUNCATED = "Output was truncated. Please limit to 500 chars."


def _output(text: str) -> str | None:
    if not text:
        return None
    if len(text) > OUTPUT_LIMIT:
        return text[:OUTPUT_LIMIT] + "\n" + TRUNCATED
    return text


def results(entry: dict, test_code: dict[str, str], task_ids: dict[str, int]) -> dict:
    """The results.json of one exercise from its entry in the results document."""
    status = entry["status"]
    if status == "pass":
        overall = "pass"
    elif status in ("fail", "not_started") and entry["checks"]:
        overall = "fail"
    else:
        overall = "error"  # nothing ran as tests: an error in the file, a limit, a crash, unavailable
    out: dict = {"version": 3, "status": overall}
    if overall == "error":
        out["message"] = entry["detail"] or entry["message"]
    tests = []
    for check in entry["checks"]:
        test = {"name": check["name"], "test_code": test_code.get(check["name"].split("[")[0], ""),
                "status": "pass" if check["status"] == "pass" else "fail"}
        if check["status"] != "pass":
            test["message"] = check["message"]
        output = _output(entry["output"]) if check["status"] != "pass" else None
        if output:
            test["output"] = output
        task = task_ids.get(check["name"].split("[")[0])
        if task is not None:  # only where the check marks one: never a made-up 0
            test["task_id"] = task
        tests.append(test)
    out["tests"] = tests
    return out

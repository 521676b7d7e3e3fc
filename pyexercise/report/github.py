"""GitHub Actions: workflow commands that annotate the learner's line, and a Markdown summary for
$GITHUB_STEP_SUMMARY (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions)."""

from __future__ import annotations


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(doc: dict) -> list[str]:
    lines = []
    for e in doc["exercises"]:
        if e["status"] in ("pass", "not_started"):
            continue
        level = "warning" if e["status"] == "unavailable" else "error"
        failing = [c for c in e["checks"] if c["status"] in ("fail", "limit")]
        where = next((c for c in failing if c.get("line")), None)
        line = (where or {}).get("line") or e["line"]
        message = (failing[0]["message"] if failing else "") or e["detail"] or e["message"]
        title = f"{e['name']}: {failing[0]['name'] if failing else e['status']}"
        props = f"file={_property(e['path'])}" + (f",line={line}" if line else "") + f",title={_property(title)}"
        lines.append(f"::{level} {props}::{_data(message)}")
    return lines


def summary(doc: dict) -> str:
    s, score = doc["summary"], doc["score"]
    rows = ["## pyex verify", "",
            f"**{s['pass']} passed**, {s['fail'] + s['limit'] + s['tampered']} failing, {s['not_started']} not started"
            + (f", {s['unavailable']} could not be checked" if s["unavailable"] else "")
            + f" — {score['earned']} of {score['possible']} points", "",
            "| exercise | status | points | message |", "| --- | --- | --- | --- |"]
    icons = {"pass": "✅", "fail": "❌", "not_started": "⬜", "limit": "⏱", "tampered": "⚠️", "unavailable": "⚠️"}
    for e in doc["exercises"]:
        message = e["message"].replace("|", "\\|").replace("\n", " ")[:200]
        rows.append(f"| `{e['name']}` | {icons[e['status']]} {e['status']} | {e['earned']}/{e['points']} | {message} |")
    return "\n".join(rows) + "\n"

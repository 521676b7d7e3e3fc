"""JUnit XML, as CI systems read it: a testsuite per exercise, a testcase per check.

A check that passed is a plain testcase; one that failed is a <failure>; one still not written
(NotImplementedError) is <skipped>; a limit breach or a crash is an <error>. What the learner's
code printed goes into the suite's <system-out>."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# XML 1.0 cannot carry most control characters at all, escaped or not
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str | None) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text or "")


def render(doc: dict) -> str:
    root = ET.Element("testsuites", name="pyex", tests=str(sum(len(e["checks"]) or 1 for e in doc["exercises"])))
    totals = {"failures": 0, "errors": 0, "skipped": 0}
    time_total = 0.0
    for e in doc["exercises"]:
        cases = e["checks"] or [{"name": e["name"], "status": e["status"], "message": e["message"], "duration": None,
                                 "line": e["line"]}]
        failures = sum(1 for c in cases if c["status"] == "fail")
        errors = sum(1 for c in cases if c["status"] in ("limit",)) + (
            1 if e["status"] in ("tampered", "unavailable", "limit") and not any(c["status"] == "limit" for c in cases)
            and e["checks"] else 0)
        skipped = sum(1 for c in cases if c["status"] in ("not_started", "unavailable"))
        suite = ET.SubElement(root, "testsuite", name=e["name"], tests=str(len(cases)), failures=str(failures),
                              errors=str(errors), skipped=str(skipped), time=f"{e['duration']:.3f}",
                              file=e["path"])
        props = ET.SubElement(suite, "properties")
        for key in ("status", "points", "earned"):
            ET.SubElement(props, "property", name=key, value=str(e[key]))
        for c in cases:
            case = ET.SubElement(suite, "testcase", classname=e["name"], name=_clean(c["name"]),
                                 time=f"{c['duration'] or 0:.3f}")
            message = _clean(c["message"])
            if c["status"] == "fail":
                ET.SubElement(case, "failure", message=message.splitlines()[0] if message else "failed",
                              type="AssertionError").text = message
            elif c["status"] in ("not_started", "unavailable"):
                ET.SubElement(case, "skipped", message=message.splitlines()[0] if message else c["status"])
            elif c["status"] in ("limit", "tampered"):
                ET.SubElement(case, "error", message=message.splitlines()[0] if message else c["status"],
                              type=e["cause"] or c["status"]).text = message
        if e["status"] in ("tampered", "unavailable", "limit") and e["checks"] and \
                not any(c["status"] in ("limit",) for c in cases):
            case = ET.SubElement(suite, "testcase", classname=e["name"], name=e["status"], time="0")
            ET.SubElement(case, "error", message=_clean(e["message"]), type=e["status"]).text = _clean(e["detail"])
        ET.SubElement(suite, "system-out").text = _clean(e["output"])
        totals["failures"] += failures
        totals["errors"] += errors
        totals["skipped"] += skipped
        time_total += e["duration"]
    for key in ("failures", "errors"):  # the schema has no total of skipped cases on <testsuites>
        root.set(key, str(totals[key]))
    root.set("time", f"{time_total:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

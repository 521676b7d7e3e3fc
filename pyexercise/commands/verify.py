"""`pyex verify`: every exercise (or the named ones), in parallel, headless, in the formats CI reads."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.guard import replace_file
from pyexercise.report import exercism, github, junit
from pyexercise.report.document import Graded, document, task_ids, source_of_test
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession, Interrupted
from pyexercise.ui import inert
from pyexercise.workspace import Workspace

FORMATS = ("text", "json", "junit", "exercism", "github")
BY_SUFFIX = {".xml": "junit", ".json": "json", ".md": "github"}
MARKS = {Outcome.PASS: ("✓", "green"), Outcome.NOT_STARTED: ("…", "yellow")}


def parse_output(spec: str) -> tuple[str, Path]:
    """``FORMAT:PATH``, or a path whose ending says the format (.xml, .json, .md, a folder/)."""
    fmt, sep, rest = spec.partition(":")
    if sep and fmt in FORMATS and rest:
        return fmt, Path(rest)
    path = Path(spec)
    if spec.endswith(("/", os.sep)) or path.is_dir():
        return "exercism", path
    fmt = BY_SUFFIX.get(path.suffix)
    if fmt is None:
        raise FatalError(f"--output {inert(spec)}: say the format, like junit:{inert(spec)} (or end the name in "
                         ".xml, .json or .md, or with / for a folder of Exercism results).")
    return fmt, path


def summary_line(doc: dict) -> str:
    s, score = doc["summary"], doc["score"]
    parts = [f"{s['pass']} passed", f"{s['fail'] + s['limit'] + s['tampered']} failing", f"{s['not_started']} not started"]
    if s["unavailable"]:
        parts.append(f"{s['unavailable']} could not be checked")
    return ", ".join(parts) + f" — {score['earned']}/{score['possible']} points"


def render(fmt: str, doc: dict, sources: dict[str, bytes | None]) -> str:
    if fmt == "json":
        return json.dumps(doc, indent=2) + "\n"
    if fmt == "junit":
        return junit.render(doc)
    if fmt == "exercism":
        return json.dumps({e["name"]: exercism_of(e, sources) for e in doc["exercises"]}, indent=2) + "\n"
    if fmt == "github":
        return "\n".join(github.annotations(doc)) + ("\n" if doc["exercises"] else "")
    return ""


def exercism_of(entry: dict, sources: dict[str, bytes | None]) -> dict:
    source = sources.get(entry["name"])
    codes = {c["name"].split("[")[0]: source_of_test(source, c["name"]) for c in entry["checks"]}
    return exercism.results(entry, codes, task_ids(source))


def write_output(fmt: str, path: Path, doc: dict, sources: dict[str, bytes | None]) -> None:
    try:
        if fmt == "exercism":
            for e in doc["exercises"]:
                replace_file(path / e["name"] / "results.json",
                             (json.dumps(exercism_of(e, sources), indent=2) + "\n").encode())
        elif fmt == "github":
            replace_file(path, github.summary(doc).encode())
        else:
            replace_file(path, render(fmt, doc, sources).encode())
    except OSError as exc:
        raise FatalError(f"Cannot write {inert(str(path))}: {exc.strerror or exc}.") from None


def verify(env: Environment, names: list[str], solutions: bool = False, jobs: int | None = None,
           fmt: str = "text", outputs: list[str] | None = None, min_score: float | None = None) -> ExitCode:
    if fmt not in FORMATS:
        raise FatalError(f"--format must be one of {', '.join(FORMATS)}, not {inert(fmt)!r}.")
    files = [parse_output(o) for o in outputs or []]
    ws = Workspace(env)
    exercises = list(dict.fromkeys(ws.resolve(n) for n in names)) if names else list(ws.curriculum)
    jobs = jobs or os.cpu_count() or 1
    log = fmt in ("text", "github")  # a line per exercise as it is graded

    def show(ex, result) -> None:
        if not solutions:
            ws.record(ex, bool(result))  # at once: an interrupted verify keeps what it graded
        if log:
            mark, style = MARKS.get(result.outcome, ("✗", "red"))
            env.stdout.print(Text.assemble((mark, style), f" {inert(ex.name, 200):<32} {result.outcome.value:<11} ",
                                           inert(result.summary, 300), (f" ({result.duration:.1f}s)", "dim")),
                             soft_wrap=True)

    interrupted = False
    with GradingSession(ws) as session:
        if log:
            env.stdout.print(Text(f"pyex verify: {len(exercises)} exercise(s), {jobs} at a time; protections: "
                                  f"{session.protections}", style="dim"), soft_wrap=True)
        try:
            graded = session.grade_many(exercises, jobs, solutions=solutions, on_result=show)
        except Interrupted as stop:
            graded, interrupted = stop.done, True
        protections = session.protections
        sources = {ex.name: session.snapshot.source(ex.check) for ex in exercises}
    doc = document([Graded(ex, r) for ex, r in graded], solutions=solutions, protections=protections,
                   interrupted=interrupted)
    for out_fmt, path in files:
        write_output(out_fmt, path, doc, sources)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
            fh.write(github.summary(doc))
    if fmt == "text" or (fmt == "github"):
        if fmt == "github":
            env.stdout.out(render("github", doc, sources), end="", highlight=False)
        env.stdout.print(Text("\n" + summary_line(doc)), soft_wrap=True)
    else:
        env.stdout.out(render(fmt, doc, sources), end="", highlight=False)
    if interrupted:
        env.stderr.print(Text(f"Interrupted: {len(graded)} of {len(exercises)} exercise(s) were graded"
                              + ("" if solutions else " and their passes are recorded") + "."), soft_wrap=True)
        return ExitCode.INTERRUPTED
    score = doc["score"]
    bar = 1.0 if min_score is None else min_score
    reached = score["possible"] == 0 or score["earned"] >= bar * score["possible"] - 1e-9
    return ExitCode.OK if reached else ExitCode.FAILED

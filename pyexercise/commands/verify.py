from __future__ import annotations

import json
import os

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession, Interrupted
from pyexercise.ui import inert
from pyexercise.workspace import Workspace

MARKS = {Outcome.PASS: ("✓", "green"), Outcome.NOT_STARTED: ("…", "yellow")}


def verify(env: Environment, names: list[str], solutions: bool = False, jobs: int | None = None,
           fmt: str = "text") -> ExitCode:
    if fmt not in ("text", "json"):
        raise FatalError(f"--format must be text or json, not {inert(fmt)!r}.")
    ws = Workspace(env)
    exercises = list(dict.fromkeys(ws.resolve(n) for n in names)) if names else list(ws.curriculum)
    jobs = jobs or os.cpu_count() or 1

    def show(ex, result) -> None:
        if not solutions:
            ws.record(ex, bool(result))  # at once: an interrupted verify keeps what it graded
        if fmt == "text":
            mark, style = MARKS.get(result.outcome, ("✗", "red"))
            env.stdout.print(Text.assemble((mark, style), f" {inert(ex.name, 200):<32} {result.outcome.value:<11} ",
                                           inert(result.summary, 300), (f" ({result.duration:.1f}s)", "dim")),
                             soft_wrap=True)

    with GradingSession(ws) as session:
        if fmt == "text":
            env.stdout.print(Text(f"pyex verify: {len(exercises)} exercise(s), {jobs} at a time; protections: "
                                  f"{session.protections}", style="dim"), soft_wrap=True)
        try:
            results = session.grade_many(exercises, jobs, solutions=solutions, on_result=show)
        except Interrupted as stop:
            env.stderr.print(Text(f"\nInterrupted: {len(stop.done)} of {len(exercises)} exercise(s) were graded"
                                  + ("" if solutions else " and their passes are recorded") + "."), soft_wrap=True)
            return ExitCode.INTERRUPTED
        protections = session.protections
    passed = sum(1 for _, r in results if r)
    if fmt == "json":
        env.stdout.print_json(json.dumps({
            "exercises": [r.to_json() for _, r in results], "passed": passed, "failed": len(results) - passed,
            "total": len(results), "solutions": solutions, "protections": protections,
        }))
    else:
        env.stdout.print(Text(f"\n{passed} passed, {len(results) - passed} failed"), soft_wrap=True)
    return ExitCode.OK if passed == len(results) else ExitCode.FAILED

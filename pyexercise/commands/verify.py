from __future__ import annotations

import json
import os

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.grading import grade_many, record, select
from pyexercise.guard import Guard
from pyexercise.runner.result import Outcome
from pyexercise.workspace import Workspace

MARKS = {Outcome.PASS: "[green]✓[/]", Outcome.NOT_STARTED: "[yellow]…[/]"}


def verify(env: Environment, names: list[str], solutions: bool = False, jobs: int | None = None,
           fmt: str = "text") -> ExitCode:
    if fmt not in ("text", "json"):
        raise FatalError(f"--format must be text or json, not {fmt!r}.")
    ws = Workspace(env)
    exercises = list(dict.fromkeys(select(ws, names)))
    if not solutions:
        ws.snapshot()
    jobs = jobs or os.cpu_count() or 1

    def show(ex, result):
        if fmt == "text":
            mark = MARKS.get(result.outcome, "[red]✗[/]")
            env.stdout.print(f"{mark} {ex.name:<32} {result.outcome.value:<11} {result.summary} "
                             f"[dim]({result.duration:.1f}s)[/]", soft_wrap=True)

    guard = None if solutions else Guard(ws.root)
    results = grade_many(ws, exercises, jobs, solutions, on_result=show, guard=guard)
    if not solutions:
        for ex, result in results:
            record(ws, ex, result)
    passed = sum(1 for _, r in results if r)
    if fmt == "json":
        env.stdout.print_json(json.dumps({
            "exercises": [r.to_json() for _, r in results],
            "passed": passed, "failed": len(results) - passed, "total": len(results),
            "solutions": solutions,
        }))
    else:
        env.stdout.print(f"\n{passed} passed, {len(results) - passed} failed")
    return ExitCode.OK if passed == len(results) else ExitCode.FAILED

"""`pyex review`: re-solve, from fresh stubs, the done exercises whose review is due."""

from __future__ import annotations

import time

from rich.table import Table
from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.practice import BOX_DAYS, PracticeCourse, due, reschedule
from pyexercise.ui import plain
from pyexercise.workspace import Workspace


def review(env: Environment, count: int | None = None) -> ExitCode:
    ws = Workspace(env)
    pending = due(ws)
    if not pending:
        upcoming = sorted(v["due"] for v in ws.state().review.values())
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(upcoming[0])) if upcoming else None
        env.stdout.print(Text("Nothing is due for review" + (f": the next one is due {when}." if when else
                                                               ": pass some exercises first.")))
        return ExitCode.OK
    if not env.interactive:
        raise FatalError("pyex review needs an interactive terminal (it runs like pyex watch).")
    from pyexercise.watch import app as watch_mod

    course = PracticeCourse(ws, pending[:count] if count else pending, "review")
    why = "interrupt"
    try:
        why = watch_mod.run(ws, course, course.curriculum.exercises[0].name, env.stdout)
    finally:
        report = course.report({"done": "all solved"}.get(why, "stopped"))
        ws.progress.add_interview(report)
        schedule = reschedule(ws, report)
        table = Table(title=f"Review: {report['solved']} of {report['total']} re-solved", box=None, header_style="bold")
        for column in ("exercise", "solved", "hints", "next review"):
            table.add_column(column)
        for row in report["exercises"]:
            nxt = schedule[row["name"]]
            table.add_row(plain(row["name"]), "✓" if row["solved"] else "✗", str(row["hints"]),
                          f"in {BOX_DAYS[nxt['box'] - 1]} day(s)" if row["solved"] else "still due")
        env.stdout.print(table)
    return ExitCode.INTERRUPTED if why == "interrupt" else ExitCode.OK

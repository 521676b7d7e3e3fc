"""`pyex interview`: a timed mock interview on fresh stubs, and its kept reports."""

from __future__ import annotations

import time

from rich.table import Table
from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.practice import PracticeCourse, pick
from pyexercise.ui import inert, plain
from pyexercise.workspace import Workspace


def interview(env: Environment, level: str | None = None, topic: str | None = None, count: int = 3,
              minutes: float = 45, history: bool = False, seed: int | None = None) -> ExitCode:
    ws = Workspace(env)
    if history:
        return show_history(env, ws)
    if not env.interactive:
        raise FatalError("pyex interview needs an interactive terminal (it runs like pyex watch).")
    from pyexercise.watch import app as watch_mod

    course = PracticeCourse(ws, pick(ws, count, level, topic, seed), "interview", minutes=minutes)
    why = "interrupt"
    try:
        why = watch_mod.run(ws, course, course.curriculum.exercises[0].name, env.stdout)
    finally:
        ended = {"time": "time ran out", "done": "all solved"}.get(why, "stopped")
        report = course.report(ended)
        ws.progress.add_interview(report)  # kept whatever way it ended
        show_report(env, ws, report, course)
    return ExitCode.INTERRUPTED if why == "interrupt" else ExitCode.OK


def show_report(env: Environment, ws: Workspace, report: dict, course: PracticeCourse) -> None:
    table = Table(title=f"Interview: {report['solved']} of {report['total']} solved ({report['ended']}, "
                        f"{report['seconds'] / 60:.0f} of {report['minutes']:g} min)", box=None, header_style="bold")
    for column in ("exercise", "solved", "first pass", "saves", "hints", "still failing"):
        table.add_column(column)
    for row in report["exercises"]:
        first = f"{row['first_pass'] / 60:.1f} min" if row["first_pass"] is not None else "—"
        table.add_row(plain(row["name"]), "✓" if row["solved"] else "✗", first, str(row["saves"]), str(row["hints"]),
                      plain(", ".join(row["failing"][:3]) or "—"))
    env.stdout.print(table)
    env.stdout.print(Text(f"Your attempts are in {inert(str(course.dir.relative_to(ws.root)))}; the reference "
                          "solutions are open again. `pyex interview --history` shows every interview."),
                     soft_wrap=True)


def show_history(env: Environment, ws: Workspace) -> ExitCode:
    past = [i for i in ws.progress.history() if i.get("kind") == "interview"]
    if not past:
        env.stdout.print(Text("No interviews yet: `pyex interview` starts one."))
        return ExitCode.OK
    table = Table(box=None, header_style="bold")
    for column in ("when", "solved", "minutes", "avg first pass", "hints", "trend"):
        table.add_column(column)
    previous = None
    for i in past:
        rows = i.get("exercises", [])
        firsts = [r["first_pass"] for r in rows if r.get("first_pass") is not None]
        ratio = i.get("solved", 0) / max(1, i.get("total", 1))
        trend = "" if previous is None else ("↑" if ratio > previous else "↓" if ratio < previous else "=")
        previous = ratio
        table.add_row(time.strftime("%Y-%m-%d %H:%M", time.localtime(i.get("started", 0))),
                      f"{i.get('solved', 0)}/{i.get('total', 0)}", f"{i.get('seconds', 0) / 60:.0f}",
                      f"{sum(firsts) / len(firsts) / 60:.1f} min" if firsts else "—",
                      str(sum(r.get("hints", 0) for r in rows)), trend)
    env.stdout.print(table)
    solved = sum(i.get("solved", 0) for i in past)
    total = sum(i.get("total", 0) for i in past)
    env.stdout.print(Text(f"{len(past)} interview(s): {solved} of {total} exercises solved in time."))
    return ExitCode.OK

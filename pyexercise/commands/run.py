from __future__ import annotations

from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.grading import grade, record
from pyexercise.services import Services
from pyexercise.ui import verdict
from pyexercise.workspace import Workspace


def run(env: Environment, name: str | None, solutions: bool = False) -> ExitCode:
    ws = Workspace(env)
    ws.snapshot()
    state = ws.state()
    ex = ws.curriculum.get(name) if name else ws.current(state)
    with Services() as services:
        result = grade(ws, ex, services, solutions=solutions)
    env.stdout.print(verdict(result, ex, ws.root))
    if not solutions:
        record(ws, ex, result)  # after the verdict: a disk that is full still shows the learner theirs
    if result and not solutions:
        nxt = ws.next_pending(ex, ws.state())
        if nxt is None:
            env.stdout.print("[green]That was the last one: every exercise is done![/]")
        else:
            env.stdout.print(f"Next: [bold]{nxt.name}[/] (exercises/{nxt.path}) — `pyex run {nxt.name}`")
    return ExitCode.OK if result else ExitCode.FAILED

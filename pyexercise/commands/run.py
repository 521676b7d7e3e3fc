from __future__ import annotations

from rich.text import Text

from pyexercise import ui
from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.session import GradingSession
from pyexercise.workspace import Workspace


def run_exercise(env: Environment, name: str | None, solutions: bool = False) -> ExitCode:
    ws = Workspace(env)
    ex = ws.resolve(name) if name else ws.current(ws.state())
    # one check: a fresh interpreter is quicker than starting the warm worker for it
    with GradingSession(ws, warm_worker=False) as session:
        result = session.grade(ex, solutions=solutions)
    solution = ex.solution if solutions else None
    if not solutions:
        # after the verdict is known and before it is shown: a full disk still shows the learner theirs
        try:
            solution = ws.record(ex, bool(result))
        finally:
            env.stdout.print(ui.verdict(result, ex, ws.root, solution=solution, task=ws.summary(ex)))
    else:
        env.stdout.print(ui.verdict(result, ex, ws.root, solution=solution))
    if result and not solutions:
        nxt = ws.next_pending(ex, ws.state())
        if nxt is None:
            env.stdout.print(Text("That was the last one: every exercise is done!", style="green"), soft_wrap=True)
        else:
            env.stdout.print(Text.assemble("Next: ", (ui.inert(nxt.name), "bold"),
                                           f" (exercises/{ui.inert(nxt.path)}) — `pyex run {ui.inert(nxt.name)}`"), soft_wrap=True)
    return ExitCode.OK if result else ExitCode.FAILED

from __future__ import annotations

from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.workspace import Workspace


def reset(env: Environment, name: str) -> ExitCode:
    ws = Workspace(env)
    ex = ws.curriculum.get(name)
    ws.snapshot()
    ws.reset(ex)
    with ws.progress.update() as state:
        state.done.discard(ex.name)
    env.stdout.print(f"exercises/{ex.path} is back to its original stub, and {ex.name} is pending again.")
    return ExitCode.OK

from __future__ import annotations

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.ui import inert
from pyexercise.workspace import Workspace


def reset(env: Environment, name: str | None) -> ExitCode:
    ws = Workspace(env)
    ex = ws.resolve(name) if name else ws.current(ws.state())
    ws.reset(ex)
    with ws.progress.update(ws.curriculum) as state:
        state.done.discard(ex.name)
    env.stdout.print(Text(f"exercises/{inert(ex.path)} is back to its original stub, and {inert(ex.name)} is "
                          "pending again."), soft_wrap=True)
    return ExitCode.OK

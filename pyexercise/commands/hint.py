from __future__ import annotations

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.hints import reveal_next, revealed
from pyexercise.ui import hint_line, inert
from pyexercise.workspace import Workspace


def hint(env: Environment, name: str | None, show_all: bool = False) -> ExitCode:
    ws = Workspace(env)
    ex = ws.resolve(name) if name else ws.current(ws.state())
    shown = revealed(ws, ex) if show_all else reveal_next(ws, ex)
    if not shown:
        env.stdout.print(Text(f"No hints revealed yet for {inert(ex.name)}: `pyex hint {inert(ex.name)}` shows "
                              "the first."), soft_wrap=True)
        return ExitCode.OK
    for number in shown:
        env.stdout.print(hint_line(ex, number))
    if len(shown) == len(ex.hints):
        env.stdout.print(Text("That is the last hint.", style="dim"), soft_wrap=True)
    return ExitCode.OK

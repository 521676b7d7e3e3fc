from __future__ import annotations

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.workspace import Workspace


def watch(env: Environment, name: str | None, poll: bool = False, manual: bool = False) -> ExitCode:
    if not env.interactive:
        raise FatalError("pyex watch needs an interactive terminal; without one, use `pyex run` for the "
                         "current exercise or `pyex verify` for all of them.")
    from pyexercise.watch import app as watch_mod  # keeps watchdog out of the other commands' start-up

    ws = Workspace(env)
    start = ws.resolve(name) if name else None
    why = "q"
    try:
        why = watch_mod.watch(ws, env.stdout, start, poll=poll, manual=manual)
    finally:
        state = ws.state()
        done = sum(1 for ex in ws.curriculum if ex.name in state.done)
        env.stdout.print(Text(f"{done}/{len(ws.curriculum)} exercises done. Your progress is saved; `pyex watch` "
                              "picks up here."), soft_wrap=True)
    return ExitCode.INTERRUPTED if why == "interrupt" else ExitCode.OK

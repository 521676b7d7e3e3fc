from __future__ import annotations

import json

from rich.text import Text

from pyexercise.env import Environment
from pyexercise.practice import due
from pyexercise.errors import ExitCode
from pyexercise.ui import status_table
from pyexercise.workspace import Workspace


def list_exercises(env: Environment, as_json: bool = False) -> ExitCode:
    ws = Workspace(env)
    state = ws.state()
    current = ws.current(state)
    if as_json:
        rows = [{"name": ex.name, "path": f"exercises/{ex.path}", "status": "done" if ex.name in state.done
                 else "pending", "current": ex.name == current.name, "level": ex.level, "topic": ex.topic,
                 "covers": list(ex.covers), "hints_revealed": len(state.hints.get(ex.name, []))}
                for ex in ws.curriculum]
        env.stdout.print_json(json.dumps({"exercises": rows}))
        return ExitCode.OK
    rows = [(ex, "done" if ex.name in state.done else "pending", ex.name == current.name) for ex in ws.curriculum]
    env.stdout.print(status_table(rows), soft_wrap=True, overflow="ignore", crop=False)
    done = sum(1 for ex in ws.curriculum if ex.name in state.done)
    waiting = len(due(ws))
    env.stdout.print(Text(f"\n{done}/{len(ws.curriculum)} done" + (f"; {waiting} due for review: `pyex review`"
                                                                     if waiting else "")), soft_wrap=True)
    return ExitCode.OK

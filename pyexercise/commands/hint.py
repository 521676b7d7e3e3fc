from __future__ import annotations

from pyexercise.env import Environment
from pyexercise.errors import ExitCode
from pyexercise.workspace import Workspace


def reveal_next(ws: Workspace, name: str) -> tuple[int, int]:
    """Reveal one more hint of ``name``; return (revealed, total)."""
    ex = ws.curriculum.get(name)
    with ws.progress.update() as state:
        shown = min(state.hints.get(ex.name, 0) + 1, len(ex.hints))
        state.hints[ex.name] = shown
    return shown, len(ex.hints)


def hint(env: Environment, name: str | None, show_all: bool = False) -> ExitCode:
    ws = Workspace(env)
    state = ws.state()
    ex = ws.curriculum.get(name) if name else ws.current(state)
    if show_all:
        shown, total = state.hints.get(ex.name, 0), len(ex.hints)
        if shown == 0:
            env.stdout.print(f"No hints revealed yet for {ex.name}: `pyex hint {ex.name}` shows the first.")
            return ExitCode.OK
    else:
        shown, total = reveal_next(ws, ex.name)
    for i in range(shown):
        env.stdout.print(f"[bold cyan]Hint {i + 1}/{total}[/] ({ex.name}): {ex.hints[i]}")
    if shown == total:
        env.stdout.print("[dim]That is the last hint.[/]")
    return ExitCode.OK

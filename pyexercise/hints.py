"""Revealing hints, from a nudge to nearly the answer, remembered in progress."""

from __future__ import annotations

from pyexercise.curriculum import Exercise
from pyexercise.workspace import Workspace


def reveal(ws: Workspace, ex: Exercise, number: int) -> list[int]:
    """Reveal hint ``number`` (1-based) of ``ex``; return the numbers revealed now."""
    with ws.progress.update(ws.curriculum) as state:
        shown = sorted(set(state.hints.get(ex.name, [])) | {min(max(1, number), len(ex.hints))})
        state.hints[ex.name] = shown
    return shown


def reveal_next(ws: Workspace, ex: Exercise) -> list[int]:
    """Reveal the first hint not yet revealed (all of them stay revealed)."""
    shown = set(revealed(ws, ex))
    nxt = next((n for n in range(1, len(ex.hints) + 1) if n not in shown), len(ex.hints))
    return reveal(ws, ex, nxt)


def revealed(ws: Workspace, ex: Exercise) -> list[int]:
    return ws.state().hints.get(ex.name, [])

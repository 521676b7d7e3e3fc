"""Practice that prepares for interviews: a timed mock interview, and spaced review of what is done.

Both work on fresh copies of stubs in ``practice/`` inside the workspace, so a solved exercise is
re-solved from scratch and the learner's own file is never touched; both run in the watch loop
(``PracticeCourse`` is a watch Course) with every promise watch keeps.

Review schedules are Leitner boxes kept in the progress file: passing again without hints moves an
exercise to the next box (due later), needing hints or not passing puts it back in box 1.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyexercise.curriculum import Curriculum, Exercise, task_of
from pyexercise.errors import FatalError
from pyexercise.guard import replace_file
from pyexercise.runner.result import Result
from pyexercise.session import GradingSession
from pyexercise.watch.machine import Facts
from pyexercise.workspace import Workspace

PRACTICE_DIR = "practice"
DAY = 86400.0
BOX_DAYS = (1, 2, 4, 8, 16, 32)  # box 1 is due a day later, box 6 a month


@dataclass
class Attempt:
    original: Exercise
    copy: Exercise
    first_pass: float | None = None  # seconds from the start of the practice
    saves: int = 0
    saved_text: bytes | None = None  # what the last counted save held: one save brings several file events
    hints: list[int] = field(default_factory=list)
    last: Result | None = None


class PracticeCourse:
    """A watch course over fresh stubs of ``exercises``; ``minutes`` makes it an interview."""

    def __init__(self, ws: Workspace, exercises: list[Exercise], kind: str, minutes: float | None = None,
                 clock=time.monotonic) -> None:
        if not exercises:
            raise FatalError("There is nothing to practise here.")
        self.ws, self.kind, self.clock = ws, kind, clock
        self.started_at = time.time()
        self.started = clock()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.dir = ws.root / PRACTICE_DIR / f"{kind}-{stamp}"
        copies = []
        for i, ex in enumerate(exercises):
            original = ws.pristine(ex)
            if original is None:
                raise FatalError(f"pyex has no original stub of {ex.name} to practise from: this folder is not a git "
                                 "checkout and the installed pyex does not carry it (commit the exercises, or work "
                                 "in a workspace made by `pyex init`).")
            copy = replace(ex, index=i, root=self.dir)
            try:
                replace_file(copy.stub, original)
            except OSError as exc:
                raise FatalError(f"Cannot make {self.dir}: {exc.strerror or exc}.") from None
            copies.append(copy)
        self.attempts = {c.name: Attempt(ex, c) for ex, c in zip(exercises, copies)}
        self.curriculum = Curriculum(root=self.dir, exercises=tuple(copies))
        self.deadline = self.started + minutes * 60 if minutes else None
        self.minutes = minutes
        self.final_message = ""

    # -- the Course the watch loop drives --------------------------------------------------------------
    def facts(self, manual: bool) -> Facts:
        done = frozenset(n for n, a in self.attempts.items() if a.first_pass is not None)
        return Facts(self.curriculum, done, {n: tuple(a.hints) for n, a in self.attempts.items()},
                     {ex.name: ex.hint_for for ex in self.curriculum if ex.hint_for}, manual, practice=True,
                     deadline=self.deadline, solutions_locked=True)

    def grade(self, session: GradingSession, ex: Exercise, cancel, on_ready) -> Result:
        attempt = self.attempts[ex.name]
        result = session.grade(attempt.original, target=ex.stub, cancel=cancel, on_ready=on_ready)
        attempt.last = result
        return result

    def record_pass(self, ex: Exercise) -> None:
        attempt = self.attempts[ex.name]
        if attempt.first_pass is None:
            attempt.first_pass = round(self.clock() - self.started, 1)

    def reveal_hint(self, ex: Exercise, number: int) -> None:
        hints = self.attempts[ex.name].hints
        if number not in hints:
            hints.append(number)

    def reset(self, ex: Exercise) -> None:
        original = self.ws.pristine(self.attempts[ex.name].original)
        replace_file(ex.stub, original or b"")

    def set_current(self, name: str) -> None:
        pass

    def task(self, ex: Exercise) -> tuple[str, str]:
        original = self.attempts[ex.name].original
        shipped = self.ws.pristine(original)
        return (task_of(shipped.decode("utf-8", "replace")) if shipped else original.summary), self.ws.summary(original)

    def solution(self, ex: Exercise) -> Path | None:
        return None  # locked until the practice ends

    def saved(self, ex: Exercise) -> None:
        attempt = self.attempts[ex.name]
        try:
            text = attempt.copy.stub.read_bytes()
        except OSError:
            return  # mid-save (deleted before the rename): the rename's event counts it
        if text != attempt.saved_text:
            attempt.saves += 1
            attempt.saved_text = text

    def header(self, now: float) -> str:
        solved = sum(1 for a in self.attempts.values() if a.first_pass is not None)
        hints = sum(len(a.hints) for a in self.attempts.values())
        parts = [f"{self.kind.capitalize()}: {solved} of {len(self.attempts)} solved"]
        if self.deadline is not None:
            left = max(0, int(self.deadline - now))
            parts.append(f"{left // 60}:{left % 60:02d} left")
        parts.append(f"{hints} hint{'' if hints == 1 else 's'} taken")
        return " · ".join(parts)

    # -- the report ------------------------------------------------------------------------------------
    def report(self, ended: str) -> dict:
        rows = []
        for a in self.attempts.values():
            failing = [f.test for f in a.last.failures] if a.last is not None and not a.last else []
            rows.append({"name": a.original.name, "solved": a.first_pass is not None, "first_pass": a.first_pass,
                         "saves": a.saves, "hints": len(a.hints), "failing": failing})
        return {"kind": self.kind, "started": round(self.started_at), "minutes": self.minutes,
                "seconds": round(self.clock() - self.started, 1), "ended": ended, "exercises": rows,
                "solved": sum(r["solved"] for r in rows), "total": len(rows)}


# -- choosing -------------------------------------------------------------------------------------------
def pick(ws: Workspace, count: int, level: str | None, topic: str | None, seed: int | None = None) -> list[Exercise]:
    """``count`` exercises of ``level``/``topic``: not yet done ones first, then done ones."""
    pool = [ex for ex in ws.curriculum if (level is None or ex.level == level) and (topic is None or ex.topic == topic)]
    if not pool:
        levels = sorted({ex.level for ex in ws.curriculum})
        topics = sorted({ex.topic for ex in ws.curriculum if level is None or ex.level == level})
        raise FatalError(f"No exercise is at level {level or 'any'} and topic {topic or 'any'}: levels are "
                         f"{', '.join(levels)}; topics {', '.join(t for t in topics if t)}.")
    rng = random.Random(seed)
    done = ws.state().done
    fresh = [ex for ex in pool if ex.name not in done]
    again = [ex for ex in pool if ex.name in done]
    rng.shuffle(fresh)
    rng.shuffle(again)
    return (fresh + again)[:count]


def due(ws: Workspace, now: float | None = None) -> list[Exercise]:
    """Done exercises whose review is due (a done one with no schedule yet is due now)."""
    now = time.time() if now is None else now
    state = ws.state()
    return [ex for ex in ws.curriculum if ex.name in state.done
            and state.review.get(ex.name, {"due": 0})["due"] <= now]


def reschedule(ws: Workspace, report: dict, now: float | None = None) -> dict[str, dict]:
    """After a review: each exercise's next box and due time."""
    now = time.time() if now is None else now
    changed = {}
    with ws.progress.update(ws.curriculum) as state:
        for row in report["exercises"]:
            box = state.review.get(row["name"], {"box": 1})["box"]
            if row["solved"] and row["hints"] == 0:
                box = min(box + 1, len(BOX_DAYS))
            else:
                box = 1
            delay = BOX_DAYS[box - 1] * DAY if row["solved"] else 0.0  # not solved: still due
            state.review[row["name"]] = changed[row["name"]] = {"box": box, "due": now + delay}
    return changed

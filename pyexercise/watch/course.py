"""What the watch loop works through: the learner's own curriculum, or a practice run (an interview,
a review) over fresh copies of some of its stubs. The loop asks its course, never the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pyexercise import hints as hints_mod
from pyexercise.curriculum import Curriculum, Exercise, task_of
from pyexercise.runner.result import Result
from pyexercise.session import GradingSession
from pyexercise.watch.machine import Facts
from pyexercise.workspace import Workspace


class Course(Protocol):
    curriculum: Curriculum  # the exercises, each ``stub`` the file the learner edits
    deadline: float | None  # time.monotonic() when it ends by itself
    final_message: str

    def facts(self, manual: bool) -> Facts: ...

    def grade(self, session: GradingSession, ex: Exercise, cancel, on_ready) -> Result: ...

    def record_pass(self, ex: Exercise) -> None: ...

    def reveal_hint(self, ex: Exercise, number: int) -> None: ...

    def reset(self, ex: Exercise) -> None: ...

    def set_current(self, name: str) -> None: ...

    def task(self, ex: Exercise) -> tuple[str, str]:
        """(the whole task, its first paragraph), as shipped."""

    def solution(self, ex: Exercise) -> Path | None:
        """Where the learner may read the reference solution now (None: not yet, or locked)."""

    def saved(self, ex: Exercise) -> None:
        """The learner saved ``ex`` (practice counts saves)."""

    def header(self, now: float) -> str:
        """What the course adds to the header (a countdown, say)."""


class WorkspaceCourse:
    """Plain watch: the workspace's curriculum, its stubs and its progress."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.curriculum = ws.curriculum
        self.deadline = None
        self.final_message = ws.curriculum.final_message

    def facts(self, manual: bool) -> Facts:
        state = self.ws.state()
        return Facts(self.curriculum, frozenset(state.done), {k: tuple(v) for k, v in state.hints.items()},
                     {ex.name: ex.hint_for for ex in self.curriculum if ex.hint_for}, manual)

    def grade(self, session: GradingSession, ex: Exercise, cancel, on_ready) -> Result:
        return session.grade(ex, cancel=cancel, on_ready=on_ready)

    def record_pass(self, ex: Exercise) -> None:
        self.ws.record(ex, True)

    def reveal_hint(self, ex: Exercise, number: int) -> None:
        hints_mod.reveal(self.ws, ex, number)

    def reset(self, ex: Exercise) -> None:
        self.ws.reset(ex)
        with self.ws.progress.update(self.curriculum) as state:
            state.done.discard(ex.name)

    def set_current(self, name: str) -> None:
        with self.ws.progress.update(self.curriculum) as state:
            state.current = name

    def task(self, ex: Exercise) -> tuple[str, str]:
        shipped = self.ws.pristine(ex)
        return (task_of(shipped.decode("utf-8", "replace")) if shipped else ex.summary), self.ws.summary(ex)

    def solution(self, ex: Exercise) -> Path | None:
        if ex.name not in self.ws.state().done:
            return None
        return self.ws.reveal_solution(ex)

    def saved(self, ex: Exercise) -> None:
        pass

    def header(self, now: float) -> str:
        return ""

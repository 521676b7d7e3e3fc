"""One learner's workspace: its curriculum, its progress, and pyex's own copy of the stubs."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pyexercise import curriculum as curriculum_mod
from pyexercise.curriculum import Curriculum, Exercise
from pyexercise.env import Environment
from pyexercise.errors import FatalError
from pyexercise.progress import STATE_DIR, Progress, State

PRISTINE = "pristine"


@dataclass
class Workspace:
    env: Environment

    @cached_property
    def root(self) -> Path:
        return self.env.root

    @cached_property
    def curriculum(self) -> Curriculum:
        info = os.environ.get("PYEX_INFO")  # authors drafting a batch in a file of its own
        return curriculum_mod.load(self.root, Path(info).resolve() if info else None)

    @cached_property
    def progress(self) -> Progress:
        return Progress(self.root, warn=lambda msg: self.env.stderr.print(f"[yellow]warning:[/] {msg}"))

    def state(self) -> State:
        return self.progress.load()

    def current(self, state: State) -> Exercise:
        """The exercise the learner is on: the saved one, else the first not done."""
        if state.current in self.curriculum:
            return self.curriculum.get(state.current)
        for ex in self.curriculum:
            if ex.name not in state.done:
                return ex
        return self.curriculum.exercises[-1]

    def next_pending(self, after: Exercise, state: State) -> Exercise | None:
        order = list(self.curriculum)
        for ex in order[after.index + 1:] + order[:after.index]:
            if ex.name not in state.done:
                return ex
        return None

    # -- pristine stubs: pyex's own copy, taken the first time it sees each stub ----------------
    def pristine_path(self, ex: Exercise) -> Path:
        return self.root / STATE_DIR / PRISTINE / ex.path

    def snapshot(self) -> None:
        """Keep a copy of every stub pyex has not seen before (``reset`` restores from it)."""
        for ex in self.curriculum:
            dest = self.pristine_path(ex)
            if dest.exists() or not ex.stub.is_file():
                continue
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                tmp = dest.with_name(dest.name + ".tmp")
                shutil.copyfile(ex.stub, tmp)
                os.replace(tmp, dest)
            except OSError:
                return  # a read-only workspace: grading still works, reset will say why it can't

    def summary(self, ex: Exercise) -> str:
        """The task in a sentence, from pyex's own copy of the stub: the learner's edits may have
        replaced the docstring of the file they are working on."""
        pristine = self.pristine_path(ex)
        if pristine.is_file():
            return curriculum_mod.docstring_summary(pristine)
        return ex.summary

    def untouched(self, ex: Exercise) -> bool:
        pristine = self.pristine_path(ex)
        try:
            return _digest(pristine) == _digest(ex.stub)
        except OSError:
            return False

    def reset(self, ex: Exercise) -> None:
        pristine = self.pristine_path(ex)
        if not pristine.is_file():
            raise FatalError(f"pyex has no pristine copy of exercises/{ex.path} (its folder .pyex/{PRISTINE} "
                             "was removed); restore the file from where you got the exercises.")
        try:
            ex.stub.parent.mkdir(parents=True, exist_ok=True)
            tmp = ex.stub.with_name(f".{ex.stub.name}.pyex-reset")
            shutil.copyfile(pristine, tmp)
            os.replace(tmp, ex.stub)
        except OSError as exc:
            raise FatalError(f"Cannot restore exercises/{ex.path}: {exc.strerror}.") from None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

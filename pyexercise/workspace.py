"""One learner's workspace: where its curriculum comes from, its progress, and its pristine stubs.

Two kinds, told apart by the file at the workspace's root:

- a **clone** of the repository (``info.toml``): the curriculum is the workspace itself (authors
  work here too); a stub's pristine copy is the committed one (git), or the installed package's.
- an **installed** workspace made by ``pyex init`` (``pyex.toml``): the stubs are the learner's;
  checks and solutions stay inside the installed package, and a solution is copied into the
  workspace only once its exercise passes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
import sys
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from pyexercise import curriculum as curriculum_mod
from pyexercise.curriculum import Curriculum, Exercise
from pyexercise.env import CONFIG_FILE, INFO_FILE, Environment
from pyexercise.errors import FatalError
from pyexercise.guard import replace_file
from pyexercise.progress import STATE_DIR, Progress, State

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def packaged_curriculum() -> Path | None:
    """The curriculum this pyex carries: ``PYEX_CURRICULUM`` (authors, tests), the wheel's package
    data, or, for an editable install, the repository around the package."""
    override = os.environ.get("PYEX_CURRICULUM")
    if override:
        return Path(override).resolve()
    data = Path(str(resources.files("pyexercise"))) / "data" / "curriculum"
    if (data / INFO_FILE).is_file():
        return data
    repo = Path(__file__).resolve().parent.parent
    if (repo / INFO_FILE).is_file() and (repo / "pyproject.toml").is_file():
        return repo
    return None


def read_config(root: Path) -> dict:
    try:
        return tomllib.loads((root / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FatalError(f"{root / CONFIG_FILE} cannot be read ({exc}); `pyex init` makes a new workspace.") from None


def blob_id(data: bytes) -> str:
    """git's id for a file's content (so comparing with the committed stub needs no git call)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Workspace:
    env: Environment

    @cached_property
    def root(self) -> Path:
        return self.env.root

    @cached_property
    def installed(self) -> bool:
        return not (self.root / INFO_FILE).is_file() and (self.root / CONFIG_FILE).is_file()

    @cached_property
    def source(self) -> Path:
        if not self.installed:
            return self.root
        read_config(self.root)
        source = packaged_curriculum()
        if source is None:
            raise FatalError("This pyex carries no curriculum (a build without package data?): reinstall it "
                             "with `pip install pyexercise`.")
        return source

    @cached_property
    def curriculum(self) -> Curriculum:
        info = os.environ.get("PYEX_INFO")  # authors drafting a batch in a file of its own
        return curriculum_mod.load(self.source, Path(info).resolve() if info else None, workspace=self.root)

    @cached_property
    def progress(self) -> Progress:
        return Progress(self.root, warn=lambda msg: self.env.stderr.print(f"warning: {msg}", markup=False,
                                                                          highlight=False))

    def state(self) -> State:
        return self.progress.load(self.curriculum)

    def current(self, state: State) -> Exercise:
        """The exercise the learner is on: the saved one, else the first not done."""
        if state.current in self.curriculum:
            return self.curriculum.get(state.current)
        for ex in self.curriculum:
            if ex.name not in state.done:
                return ex
        return self.curriculum.exercises[-1]

    def next_pending(self, after: Exercise, state: State) -> Exercise | None:
        order = self.curriculum.exercises
        for ex in order[after.index + 1:] + order[:after.index]:
            if ex.name not in state.done:
                return ex
        return None

    def record(self, ex: Exercise, passed: bool) -> Path | None:
        """A pass marks ``ex`` done at once and opens its solution; returns where to read it."""
        if not passed:
            return None
        with self.progress.update(self.curriculum) as state:
            state.done.add(ex.name)
            # spaced review (practice.py): first due a day after the first pass
            state.review.setdefault(ex.name, {"box": 1, "due": time.time() + 86400.0})
        return self.reveal_solution(ex)

    def resolve(self, name_or_path: str) -> Exercise:
        """An exercise by name, or by the path of its stub (``exercises/junior/core/x.py``)."""
        if name_or_path.endswith(".py"):
            path = Path(name_or_path)
            path = (self.env.cwd / path).resolve() if not path.is_absolute() else path.resolve()
            for ex in self.curriculum:
                if ex.stub.resolve() == path:
                    return ex
            raise FatalError(f"{name_or_path} is not the stub of any exercise: `pyex list` shows them all.")
        return self.curriculum.get(name_or_path)

    # -- pristine stubs ------------------------------------------------------------------------------
    @cached_property
    def _committed(self) -> dict[str, str]:
        """exercises/... path -> blob id of the committed version (a clone under git)."""
        if self.installed:
            return {}
        try:
            out = subprocess.run(["git", "-C", str(self.root), "ls-tree", "-r", "-z", "HEAD", "--", "exercises"],
                                 capture_output=True, timeout=10, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return {}
        found = {}
        for entry in out.split(b"\0"):
            meta, _, path = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) == 3 and parts[1] == b"blob":
                found[os.fsdecode(path)] = parts[2].decode()
        return found

    @cached_property
    def _pristine(self) -> dict[str, bytes | None]:
        return {}

    def pristine(self, ex: Exercise) -> bytes | None:
        """The stub as shipped: the installed curriculum's, or in a clone the committed one (else
        the installed package's copy of the same curriculum). Never what the learner's file held."""
        if ex.name not in self._pristine:
            self._pristine[ex.name] = self._find_pristine(ex)
        return self._pristine[ex.name]

    def _find_pristine(self, ex: Exercise) -> bytes | None:
        if self.installed:
            return _read(ex.shipped_stub)
        blob = self._committed.get(f"exercises/{ex.path}")
        if blob is not None:
            try:
                return subprocess.run(["git", "-C", str(self.root), "cat-file", "blob", blob], capture_output=True,
                                      timeout=10, check=True).stdout
            except (OSError, subprocess.SubprocessError):
                pass
        packaged = packaged_curriculum()
        if packaged is not None and packaged != self.root:
            return _read(packaged / "exercises" / ex.path)
        return None

    def untouched(self, ex: Exercise) -> bool:
        current = _read(ex.stub)
        if current is None:
            return False
        if not self.installed and f"exercises/{ex.path}" in self._committed:
            return blob_id(current) == self._committed[f"exercises/{ex.path}"]
        return current == self.pristine(ex)

    def summary(self, ex: Exercise) -> str:
        """The task in a sentence, from the shipped stub: the learner's edits may have replaced the
        docstring of the file they are working on."""
        shipped = self.pristine(ex)
        if shipped is not None:
            return curriculum_mod.docstring_summary_of(shipped.decode("utf-8", "replace"))
        return ex.summary

    def reset(self, ex: Exercise) -> None:
        original = self.pristine(ex)
        if original is None:
            raise FatalError(f"pyex has no original of exercises/{ex.path}: this folder is not a git checkout and "
                             "the installed pyex does not carry it; restore the file from where you got it.")
        try:
            replace_file(ex.stub, original)
        except OSError as exc:
            raise FatalError(f"Cannot restore exercises/{ex.path}: {exc.strerror}.") from None

    def reveal_solution(self, ex: Exercise) -> Path:
        """Once ``ex`` passes: the path where the learner can read its reference solution."""
        if ex.shown_solution == ex.solution:
            return ex.solution
        data = _read(ex.solution)
        if data is not None and _read(ex.shown_solution) != data:
            try:
                replace_file(ex.shown_solution, data)
            except OSError:
                return ex.solution
        return ex.shown_solution

    def hidden(self) -> list[Path]:
        """What a check must not see: every curriculum and workspace folder pyex grades from."""
        dirs = {self.root / name for name in ("exercises", "solutions", "checks", STATE_DIR)}
        dirs |= {self.source / name for name in ("exercises", "solutions", "checks")}
        packaged = packaged_curriculum()
        if packaged is not None:
            dirs |= {packaged / name for name in ("exercises", "solutions", "checks")}
        return sorted(d.resolve() for d in dirs if d.is_dir())


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None

"""info.toml -> typed objects. Parsed once; every mistake is one FatalError naming file, exercise, key."""

from __future__ import annotations

import ast
import difflib
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from pyexercise.errors import FatalError

FORMAT_VERSION = 1
#: what pyex provides or looks for before a run: a Redis server it starts, a C compiler on PATH
SERVICES = frozenset({"redis", "cc"})
PACKAGE_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)(?:=([A-Za-z0-9][A-Za-z0-9._-]*))?$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TOP_KEYS = {"format_version", "welcome_message", "final_message", "exercises"}
EXERCISE_KEYS = {"name", "path", "hints", "covers", "limits", "requires", "packages", "equivalent_mutants",
                 "points", "aliases", "hint_for"}


@dataclass(frozen=True)
class Limits:
    """What one check run may use. Defaults suit a small function with a property test."""

    time: float = 10.0  # wall-clock seconds for the whole check run
    memory: int = 256  # MB of resident memory, summed over the process tree
    processes: int = 16  # processes alive at once, the check's own included
    output: int = 64  # KB of printed output kept; the rest is counted and dropped
    file_size: int = 1024  # MB: the largest file the run may write (setrlimit backstop)

    FIELDS = ("time", "memory", "processes", "output", "file_size")


@dataclass(frozen=True)
class EquivalentMutant:
    line: int
    reason: str
    operator: str | None = None
    change: str | None = None  # a part of the mutant's description, e.g. "1 -> 0"


@dataclass(frozen=True)
class Package:
    """A third-party module an exercise imports: ``numpy``, or ``zmq`` installed as ``pyzmq``."""

    module: str
    dist: str

    @classmethod
    def parse(cls, text: str) -> "Package":
        m = PACKAGE_RE.match(text)
        if not m:
            raise ValueError(text)
        return cls(m.group(1), m.group(2) or m.group(1).split(".")[0])


@dataclass(frozen=True)
class Exercise:
    name: str
    path: str  # relative to exercises/, e.g. "junior/core/largest_number.py"
    hints: tuple[str, ...]
    covers: tuple[str, ...]
    limits: Limits = Limits()
    requires: tuple[str, ...] = ()
    packages: tuple[Package, ...] = ()
    equivalent_mutants: tuple[EquivalentMutant, ...] = ()
    index: int = 0
    root: Path = field(default=Path("."), compare=False)  # the learner's workspace
    source: Path = field(default=Path("."), compare=False)  # the curriculum: checks/, solutions/, stubs
    points: int = 1
    aliases: tuple[str, ...] = ()  # names it had before (progress under them carries over)
    hint_for: dict[str, int] = field(default_factory=dict, compare=False)  # test name -> the hint about it

    @property
    def module(self) -> str:
        """The name the check imports the learner's file by."""
        return Path(self.path).stem

    @property
    def level(self) -> str:
        parts = Path(self.path).parts
        return parts[0] if len(parts) > 1 else "general"

    @property
    def topic(self) -> str:
        parts = Path(self.path).parts
        return parts[1] if len(parts) > 2 else ""

    @property
    def stub(self) -> Path:
        return self.root / "exercises" / self.path

    @property
    def solution(self) -> Path:
        """The reference solution, in the curriculum (hidden from checks and, until a pass, from learners)."""
        return self.source / "solutions" / self.path

    @property
    def shown_solution(self) -> Path:
        """Where the learner reads the solution once they have passed: the workspace's copy."""
        return self.root / "solutions" / self.path

    @property
    def check_name(self) -> str:
        rel = Path(self.path)
        return (Path("checks") / rel.parent / f"test_{rel.name}").as_posix()

    @property
    def check(self) -> Path:
        return self.source / self.check_name

    @property
    def shipped_stub(self) -> Path:
        """The stub as the curriculum ships it (in a clone, the working copy: see Workspace.pristine)."""
        return self.source / "exercises" / self.path

    @cached_property
    def summary(self) -> str:
        """The first paragraph of the stub's docstring: the task in one breath."""
        return docstring_summary(self.stub)


def docstring_summary(path: Path) -> str:
    try:
        return docstring_summary_of(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""


def docstring_summary_of(source: str) -> str:
    """The first paragraph of a module's docstring, on one line."""
    return " ".join(task_of(source).split("\n\n")[0].split())


def task_of(source: str) -> str:
    """A module's whole docstring: the task as the stub states it."""
    try:
        return (ast.get_docstring(ast.parse(source)) or "").strip()
    except (SyntaxError, ValueError):
        return ""


@dataclass(frozen=True)
class Curriculum:
    root: Path
    exercises: tuple[Exercise, ...]
    welcome_message: str = ""
    final_message: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {e.name: e for e in self.exercises})
        object.__setattr__(self, "_by_alias", {a: e for e in self.exercises for a in e.aliases})

    def renamed(self, name: str) -> Exercise | None:
        """The exercise that used to be called ``name``."""
        return self._by_alias.get(name)  # type: ignore[attr-defined]

    def get(self, name: str) -> Exercise:
        try:
            return self._by_name[name]  # type: ignore[attr-defined]
        except KeyError:
            if self.renamed(name) is not None:
                return self.renamed(name)
            close = difflib.get_close_matches(name, [e.name for e in self.exercises], n=3, cutoff=0.6)
            tip = f" Did you mean {', '.join(close)}?" if close else " `pyex list` shows them all."
            raise FatalError(f"There is no exercise called {name!r}.{tip}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name  # type: ignore[attr-defined]

    def __iter__(self):
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)


def seed_ids() -> frozenset[str]:
    """Every seed task ID pyex knows (a copy of shared/seed-tasks.tsv ships in the package)."""
    text = resources.files("pyexercise.data").joinpath("seed-tasks.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()[1:] if line.strip())


class _Where:
    """Builds the 'info.toml, exercise X, key Y' prefix of every loader message."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def fail(self, message: str, exercise: str | None = None, key: str | None = None) -> FatalError:
        where = str(self.file.name)
        if exercise:
            where += f", exercise {exercise}"
        if key:
            where += f", key `{key}`"
        return FatalError(f"{where}: {message}")


def _typename(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def load(source: Path, info_file: Path | None = None, workspace: Path | None = None) -> Curriculum:
    """Read and validate ``source/info.toml`` (or ``info_file``): the curriculum whose checks,
    solutions and stubs are under ``source``, for a learner working in ``workspace`` (default: the
    curriculum's own folder, as in a clone of the repository)."""
    info = info_file or source / "info.toml"
    w = _Where(info)
    try:
        text = info.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FatalError(f"{info} does not exist: run pyex in the exercises workspace.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{info.name} cannot be read: {exc}.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise w.fail(f"not valid TOML ({exc}). Fix the syntax there.") from None
    return parse(data, source, w, workspace or source)


def parse(data: dict, source: Path, w: _Where, workspace: Path | None = None) -> Curriculum:
    version = data.get("format_version")
    if version is None:
        raise w.fail(f"missing; add `format_version = {FORMAT_VERSION}` at the top.", key="format_version")
    if type(version) is not int:
        raise w.fail(f"must be a whole number, not {_typename(version)}.", key="format_version")
    if version > FORMAT_VERSION:
        raise w.fail(
            f"is {version}, but this pyex reads version {FORMAT_VERSION} at most: upgrade pyex "
            "(pip install -U .).", key="format_version")
    if version < 1:
        raise w.fail(f"is {version}; the first format is 1.", key="format_version")
    for key in data:
        if key not in TOP_KEYS:
            raise w.fail(f"unknown top-level key; expected one of {', '.join(sorted(TOP_KEYS))}.", key=key)
    messages = {}
    for key in ("welcome_message", "final_message"):
        value = data.get(key, "")
        if not isinstance(value, str):
            raise w.fail(f"must be a string, not {_typename(value)}.", key=key)
        messages[key] = value
    raw = data.get("exercises")
    if raw is None:
        raise w.fail("no [[exercises]] entries.", key="exercises")
    if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
        raise w.fail("must be an array of tables: write each as [[exercises]].", key="exercises")
    known = seed_ids()
    seen: dict[str, int] = {}
    aliases: dict[str, str] = {}
    exercises = []
    for index, entry in enumerate(raw):
        ex = _exercise(entry, index, source, workspace or source, w, known)
        if ex.name in seen:
            raise w.fail(f"duplicate name (entries {seen[ex.name] + 1} and {index + 1}).", ex.name, "name")
        seen[ex.name] = index
        exercises.append(ex)
    if not exercises:
        raise w.fail("no [[exercises]] entries.", key="exercises")
    names = {e.name for e in exercises}
    for ex in exercises:
        for alias in ex.aliases:
            if alias in names or alias in aliases:
                raise w.fail(f"{alias!r} is already the name (or old name) of another exercise.", ex.name, "aliases")
            aliases[alias] = ex.name
    return Curriculum(root=workspace or source, exercises=tuple(exercises), **messages)


def _exercise(entry: dict, index: int, source: Path, root: Path, w: _Where, known: frozenset[str]) -> Exercise:
    label = entry.get("name") if isinstance(entry.get("name"), str) else f"#{index + 1}"
    for key in entry:
        if key not in EXERCISE_KEYS:
            raise w.fail(f"unknown key; expected one of {', '.join(sorted(EXERCISE_KEYS))}.", label, key)

    def req(key: str, kind: type, what: str):
        if key not in entry:
            raise w.fail(f"missing; every exercise needs {what}.", label, key)
        value = entry[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise w.fail(f"must be {what}, not {_typename(value)}.", label, key)
        return value

    name = req("name", str, "a name (a lower_case slug)")
    if not NAME_RE.match(name):
        raise w.fail("must be a lower_case slug: letters, digits and _, starting with a letter.", label, "name")
    path = req("path", str, "a path relative to exercises/, like \"junior/core/largest.py\"")
    rel = Path(path)
    if rel.is_absolute() or ".." in rel.parts or rel.suffix != ".py":
        raise w.fail("must be a relative .py path inside exercises/, like \"junior/core/largest.py\".", label, "path")
    if not rel.stem.isidentifier():
        raise w.fail("the file name must be a valid Python module name.", label, "path")
    if rel.stem in sys.stdlib_module_names or rel.stem.startswith("test"):
        raise w.fail(f"the module name {rel.stem!r} would shadow a standard or test module; rename the file.",
                     label, "path")
    hints = req("hints", list, "a list of hints (strings)")
    if len(hints) < 2 or not all(isinstance(h, str) and h.strip() for h in hints):
        raise w.fail("needs at least 2 non-empty hints, from a nudge to nearly the answer.", label, "hints")
    covers = req("covers", list, "a list of seed task IDs (strings)")
    if not all(isinstance(c, str) for c in covers):
        raise w.fail("must list seed task IDs as strings, like [\"J-CORE-01\"].", label, "covers")
    unknown = [c for c in covers if c not in known]
    if unknown:
        raise w.fail(f"unknown seed task ID {unknown[0]!r}: see pyexercise/data/seed-tasks.tsv.", label, "covers")

    limits = Limits()
    raw_limits = entry.get("limits", {})
    if not isinstance(raw_limits, dict):
        raise w.fail("must be a table, like { time = 5, memory = 128 }.", label, "limits")
    values = {}
    for key, value in raw_limits.items():
        if key not in Limits.FIELDS:
            raise w.fail(f"unknown limit; expected {', '.join(Limits.FIELDS)}.", label, f"limits.{key}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise w.fail("must be a positive number.", label, f"limits.{key}")
        if key != "time" and not float(value).is_integer():
            raise w.fail("must be a whole number.", label, f"limits.{key}")
        values[key] = float(value) if key == "time" else int(value)
    if values:
        limits = Limits(**values)

    requires = entry.get("requires", [])
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        raise w.fail("must be a list of service names, like [\"redis\"].", label, "requires")
    for service in requires:
        if service not in SERVICES:
            raise w.fail(f"unknown service {service!r}; pyex provides: {', '.join(sorted(SERVICES))}.",
                         label, "requires")

    raw_packages = entry.get("packages", [])
    if not isinstance(raw_packages, list) or not all(isinstance(p, str) for p in raw_packages):
        raise w.fail("must be a list of module names, like [\"numpy\", \"zmq=pyzmq\"].", label, "packages")
    try:
        packages = tuple(Package.parse(p) for p in raw_packages)
    except ValueError as exc:
        raise w.fail(f"{exc.args[0]!r} is not a module name (write \"module\" or \"module=pip-name\").",
                     label, "packages") from None

    excused = []
    raw_excused = entry.get("equivalent_mutants", [])
    if not isinstance(raw_excused, list) or not all(isinstance(m, dict) for m in raw_excused):
        raise w.fail("must be a list of tables { line = N, reason = \"...\" }.", label, "equivalent_mutants")
    for m in raw_excused:
        line, reason, op, change = m.get("line"), m.get("reason"), m.get("operator"), m.get("change")
        if type(line) is not int or not isinstance(reason, str) or not reason.strip() or (
                op is not None and not isinstance(op, str)) or (change is not None and not isinstance(
                change, str)) or set(m) - {"line", "reason", "operator", "change"}:
            raise w.fail("each entry needs line = N and a reason = \"why it is equivalent\" "
                         "(and optionally operator = \"...\" and change = \"1 -> 0\").", label,
                         "equivalent_mutants")
        excused.append(EquivalentMutant(line=line, reason=reason, operator=op, change=change))

    points = entry.get("points", 1)
    if type(points) is not int or points < 0:
        raise w.fail("must be a whole number of points, 0 or more.", label, "points")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and NAME_RE.match(a) for a in aliases):
        raise w.fail("must be a list of the exercise's old names (lower_case slugs).", label, "aliases")

    hint_for = entry.get("hint_for", {})
    if not isinstance(hint_for, dict) or not all(
            isinstance(k, str) and type(v) is int and 1 <= v <= len(hints) for k, v in hint_for.items()):
        raise w.fail(f"must be a table of check names to hint numbers 1..{len(hints)}, like "
                     "{ test_negatives = 2 }.", label, "hint_for")

    ex = Exercise(name=name, path=rel.as_posix(), hints=tuple(hints), covers=tuple(covers), limits=limits,
                  requires=tuple(requires), packages=packages, equivalent_mutants=tuple(excused), index=index,
                  root=root, source=source, points=points, aliases=tuple(aliases), hint_for=dict(hint_for))
    # a learner may delete a stub (`pyex reset` brings it back); a path with neither a shipped stub
    # nor a solution is a mistake in info.toml
    if not ex.shipped_stub.is_file() and not ex.solution.is_file():
        raise w.fail(f"neither exercises/{ex.path} nor solutions/{ex.path} exists.", name, "path")
    return ex

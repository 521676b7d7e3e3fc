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
EXERCISE_KEYS = {"name", "path", "hints", "covers", "limits", "requires", "packages", "equivalent_mutants"}


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
    root: Path = field(default=Path("."), compare=False)

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
        return self.root / "solutions" / self.path

    @property
    def check(self) -> Path:
        rel = Path(self.path)
        prefixed = self.root / "checks" / rel.parent / f"test_{rel.name}"
        plain = self.root / "checks" / rel
        return plain if plain.is_file() and not prefixed.is_file() else prefixed

    @cached_property
    def summary(self) -> str:
        """The first paragraph of the stub's docstring: the task in one breath."""
        return docstring_summary(self.stub)


def docstring_summary(path: Path) -> str:
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except (OSError, SyntaxError, ValueError):
        return ""
    return " ".join(doc.strip().split("\n\n")[0].split())


@dataclass(frozen=True)
class Curriculum:
    root: Path
    exercises: tuple[Exercise, ...]
    welcome_message: str = ""
    final_message: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {e.name: e for e in self.exercises})

    def get(self, name: str) -> Exercise:
        try:
            return self._by_name[name]  # type: ignore[attr-defined]
        except KeyError:
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


def load(root: Path, info_file: Path | None = None, check_paths: bool = True) -> Curriculum:
    """Read and validate ``root/info.toml`` (or ``info_file``)."""
    info = info_file or root / "info.toml"
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
    return parse(data, root, w, check_paths)


def parse(data: dict, root: Path, w: _Where, check_paths: bool = True) -> Curriculum:
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
    exercises = []
    for index, entry in enumerate(raw):
        ex = _exercise(entry, index, root, w, known, check_paths)
        if ex.name in seen:
            raise w.fail(f"duplicate name (entries {seen[ex.name] + 1} and {index + 1}).", ex.name, "name")
        seen[ex.name] = index
        exercises.append(ex)
    if not exercises:
        raise w.fail("no [[exercises]] entries.", key="exercises")
    return Curriculum(root=root, exercises=tuple(exercises), **messages)


def _exercise(entry: dict, index: int, root: Path, w: _Where, known: frozenset[str],
              check_paths: bool) -> Exercise:
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

    ex = Exercise(name=name, path=rel.as_posix(), hints=tuple(hints), covers=tuple(covers), limits=limits,
                  requires=tuple(requires), packages=packages, equivalent_mutants=tuple(excused), index=index, root=root)
    # a learner may delete a stub (`pyex reset` brings it back); a path with neither stub nor
    # solution is a mistake in info.toml
    if check_paths and not ex.stub.is_file() and not ex.solution.is_file():
        raise w.fail(f"neither exercises/{ex.path} nor solutions/{ex.path} exists.", name, "path")
    return ex

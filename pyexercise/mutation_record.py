"""The committed record of mutation-testing results, so CI re-runs only what changed.

Each exercise's result is keyed by a hash of everything that decides it: the solution, the check,
the entry's limits and excuses, the mutator's own source and the check helpers'. CI compares the
keys: a stale entry fails the build (with the command that refreshes it), a fresh one stands for a
run that would give the same numbers, and a few fresh ones are re-run to keep the record honest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pyexercise.curriculum import Exercise
from pyexercise.errors import FatalError
from pyexercise.guard import replace_file

RECORD_FILE = "mutation-record.json"
FORMAT_VERSION = 1


@lru_cache(maxsize=None)
def mutator_version() -> str:
    """A hash of the code that decides which mutants exist and what checks can see."""
    digest = hashlib.sha256()
    package = resources.files("pyexercise")
    for name in ["mutants.py", *sorted(p.name for p in package.joinpath("checklib").iterdir() if p.name.endswith(".py"))]:
        path = package.joinpath(name) if name == "mutants.py" else package.joinpath("checklib", name)
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def key(ex: Exercise) -> str:
    digest = hashlib.sha256(mutator_version().encode())
    for path in (ex.solution, ex.check):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")
        digest.update(b"\0")
    decides = {"limits": asdict(ex.limits), "excused": [asdict(m) for m in ex.equivalent_mutants],
               "requires": list(ex.requires), "module": ex.module}
    digest.update(json.dumps(decides, sort_keys=True).encode())
    return digest.hexdigest()[:24]


@dataclass
class Entry:
    key: str
    killed: int
    total: int
    excused: int = 0
    survivors: list[str] = field(default_factory=list)  # mutant descriptions

    @property
    def score(self) -> float:
        return self.killed / self.total if self.total else 1.0


@dataclass
class Record:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Record":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as exc:
            raise FatalError(f"{path.name} cannot be read ({exc}): run `pyex dev mutants --record` to rebuild it.") \
                from None
        if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
            raise FatalError(f"{path.name} is not a mutation record this pyex writes: run `pyex dev mutants --record`.")
        entries = {}
        for name, raw in data.get("exercises", {}).items():
            try:
                entries[name] = Entry(**raw)
            except TypeError:
                raise FatalError(f"{path.name}: the entry for {name} is malformed; run `pyex dev mutants --record "
                                 f"{name}`.") from None
        return cls(path, entries)

    def fresh(self, ex: Exercise) -> Entry | None:
        entry = self.entries.get(ex.name)
        return entry if entry is not None and entry.key == key(ex) else None

    def save(self, names: set[str]) -> None:
        """Write the record, keeping only entries for ``names`` (the curriculum's exercises)."""
        data = {"format_version": FORMAT_VERSION, "mutator": mutator_version(),
                "exercises": {n: asdict(e) for n, e in sorted(self.entries.items()) if n in names}}
        replace_file(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())

"""`pyex dev new`: scaffold a stub, a solution and a check at mirrored paths, plus an info.toml entry."""

from __future__ import annotations

from rich.text import Text

from pyexercise.curriculum import NAME_RE
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.ui import inert
from pyexercise.workspace import Workspace

STUB = '''"""TODO: the task, in the learner's words, in one or two sentences.

    >>> {func}(...)
    ...

Constraints: TODO (e.g. "without using sorted()", "O(n)").
"""

from __future__ import annotations


def {func}(value):
    """TODO: what it takes, what it returns, what it raises."""
    raise NotImplementedError
'''

SOLUTION = '''"""Reference solution for {name}: what the learner reads after passing."""

from __future__ import annotations


def {func}(value):
    raise NotImplementedError("write the reference solution")
'''

CHECK = '''import pytest
from hypothesis import given, strategies as st

from {module} import {func}


def test_typical():
    """TODO: the typical case, in words"""
    got = {func}(...)
    assert got == ..., f"{func}(...) should be ..., got {{got!r}}"


def test_edge_cases():
    """TODO: empty, one element, duplicates, negatives, unicode, huge"""
    raise NotImplementedError("write the edge cases")


def test_errors():
    """TODO: which exception, when"""
    with pytest.raises(ValueError):
        {func}(...)
'''

ENTRY = '''
[[exercises]]
name = "{name}"
path = "{path}"
covers = []  # TODO: seed task IDs, e.g. ["J-CORE-01"]
hints = [
    "TODO: a nudge — the concept.",
    "TODO: the approach.",
    "TODO: nearly the answer (never the whole solution).",
]
# limits = {{ time = 10, memory = 256 }}
'''


def new(env: Environment, name: str, level: str = "junior", topic: str = "core") -> ExitCode:
    ws = Workspace(env)
    if ws.installed:
        raise FatalError("dev new works in a clone of the curriculum's repository, not in a learner's workspace.")
    if not NAME_RE.match(name):
        raise FatalError(f"{inert(name)!r} is not a valid exercise name: use lower_case letters, digits and _.")
    for part, label in ((level, "--level"), (topic, "--topic")):
        if not NAME_RE.match(part):
            raise FatalError(f"{label} {inert(part)!r} must be a lower_case folder name.")
    if name in ws.curriculum:
        raise FatalError(f"An exercise called {name!r} already exists (exercises/{ws.curriculum.get(name).path}).")
    path = f"{level}/{topic}/{name}.py"
    files = {
        ws.root / "exercises" / path: STUB.format(func=name),
        ws.root / "solutions" / path: SOLUTION.format(name=name, func=name),
        ws.root / "checks" / level / topic / f"test_{name}.py": CHECK.format(module=name, func=name),
    }
    for file in files:
        if file.exists():
            raise FatalError(f"{file.relative_to(ws.root)} already exists; pick another name.")
    for file, text in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    with open(ws.root / "info.toml", "a", encoding="utf-8") as fh:
        fh.write(ENTRY.format(name=name, path=path))
    for file in files:
        env.stdout.print(Text(f"created {inert(str(file.relative_to(ws.root)))}"), soft_wrap=True)
    env.stdout.print(Text(f"appended an entry for {name} to info.toml: fill in covers and hints, then "
                          f"`pyex dev check {name}`."), soft_wrap=True)
    return ExitCode.OK



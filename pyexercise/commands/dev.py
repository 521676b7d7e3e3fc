"""Author tools: `pyex dev new`, `pyex dev check`, `pyex dev mutants`."""

from __future__ import annotations

import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyexercise import runner
from pyexercise.runner import warm
from pyexercise.curriculum import NAME_RE, Exercise
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.grading import select
from pyexercise.mutants import Mutant, baseline_source, mutants
from pyexercise.runner.result import Outcome, Result
from pyexercise.services import Services
from pyexercise.workspace import Workspace

TREES = ("exercises", "solutions", "checks")
#: files allowed in the trees without an exercise of their own
ALLOWED = {"README.md", "README.rst", "README.txt", ".gitkeep"}
SOLUTION_RUNS = 3
HEADROOM = 0.5  # a solution must use under half of each limit
MUTATION_TARGET = 0.8


# -- dev new --------------------------------------------------------------------------------------
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
    if not NAME_RE.match(name):
        raise FatalError(f"{name!r} is not a valid exercise name: use lower_case letters, digits and _.")
    for part, label in ((level, "--level"), (topic, "--topic")):
        if not NAME_RE.match(part):
            raise FatalError(f"{label} {part!r} must be a lower_case folder name.")
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
        env.stdout.print(f"created {file.relative_to(ws.root)}")
    env.stdout.print(f"appended an entry for {name} to info.toml: fill in covers and hints, then "
                     f"`pyex dev check {name}`.")
    return ExitCode.OK


# -- dev check ------------------------------------------------------------------------------------
@dataclass
class Problems:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.lines.append(f"{where}: {what}")


def _orphans(ws: Workspace, exercises: tuple[Exercise, ...]) -> list[str]:
    owned = set()
    for ex in exercises:
        owned |= {ex.stub.resolve(), ex.solution.resolve(), ex.check.resolve()}
    found = []
    for tree in TREES:
        base = ws.root / tree
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d not in ("__pycache__", "fixtures") and not d.startswith(".")]
            for fname in filenames:
                path = Path(dirpath, fname)
                if fname in ALLOWED or fname.endswith((".pyc", ".swp", "~")) or fname.startswith("."):
                    continue
                if path.resolve() not in owned:
                    found.append(path.relative_to(ws.root).as_posix())
    return sorted(found)


def check(env: Environment, names: list[str], jobs: int | None = None) -> ExitCode:
    ws = Workspace(env)
    cur = ws.curriculum  # a broken info.toml stops here, with its one line
    selected = list(dict.fromkeys(select(ws, names)))
    problems = Problems()
    for ex in selected:
        for label, path in (("stub", ex.stub), ("solution", ex.solution), ("check", ex.check)):
            if not path.is_file():
                problems.add(ex.name, f"its {label} {path.relative_to(ws.root)} is missing")
        if len(set(ex.hints)) != len(ex.hints):
            problems.add(ex.name, "two of its hints are the same")
        if not ex.covers:
            problems.add(ex.name, "`covers` is empty: name the seed tasks it covers")
    if not names:
        for orphan in _orphans(ws, cur.exercises):
            problems.add(orphan, "belongs to no exercise in info.toml (add an entry, or delete it)")
        modules: dict[str, str] = {}
        for ex in cur:
            if ex.module in modules:
                problems.add(ex.name, f"its module name {ex.module!r} is also used by {modules[ex.module]}")
            modules.setdefault(ex.module, ex.name)

    runnable = [ex for ex in selected if ex.stub.is_file() and ex.solution.is_file() and ex.check.is_file()]
    jobs = jobs or os.cpu_count() or 1
    with Services() as services, ThreadPoolExecutor(max_workers=jobs) as pool:
        for ex in runnable:
            try:
                services.env_for(ex.requires)
            except FatalError as exc:
                problems.add(ex.name, str(exc))
        runs = {ex.name: (pool.submit(_grade, ex, ex.stub, services),
                          [pool.submit(_grade, ex, ex.solution, services) for _ in range(SOLUTION_RUNS)])
                for ex in runnable}
        for ex in runnable:
            stub_future, solution_futures = runs[ex.name]
            stub = stub_future.result()
            if stub.outcome is not Outcome.NOT_STARTED:
                problems.add(ex.name, f"the untouched stub must grade as not_started, but it is "
                                      f"{stub.outcome.value}: {stub.summary}")
            for attempt, future in enumerate(solution_futures, start=1):
                sol = future.result()
                if not sol:
                    problems.add(ex.name, f"the solution does not pass (run {attempt} of {SOLUTION_RUNS}): "
                                          f"{sol.outcome.value}: {sol.summary}")
                    break
                if sol.learner_time > ex.limits.time * HEADROOM:
                    problems.add(ex.name, f"the solution took {sol.learner_time:.1f} s, over half its time "
                                          f"limit of {ex.limits.time:g} s")
                    break
                if sol.peak_memory_mb > ex.limits.memory * HEADROOM:
                    problems.add(ex.name, f"the solution used {sol.peak_memory_mb:.0f} MB, over half its "
                                          f"memory limit of {ex.limits.memory} MB")
                    break
    for line in problems.lines:
        env.stdout.print(line, markup=False, highlight=False, soft_wrap=True)
    if problems.lines:
        env.stdout.print(f"\n{len(problems.lines)} problem(s) in {len(selected)} exercise(s).")
        return ExitCode.FAILED
    env.stdout.print(f"{len(selected)} exercise(s) checked: stubs fail as not done, solutions pass "
                     f"{SOLUTION_RUNS} times within half their limits, no orphans.")
    return ExitCode.OK


def _grade(ex: Exercise, target: Path, services: Services) -> Result:
    return runner.run(runner.Job(ex, target, env=services.env_for(ex.requires)), worker=warm.shared())


# -- dev mutants ----------------------------------------------------------------------------------
@dataclass
class MutationReport:
    exercise: Exercise
    killed: int = 0
    total: int = 0
    excused: list[dict] = field(default_factory=list)
    survivors: list[dict] = field(default_factory=list)
    error: str = ""

    @property
    def score(self) -> float:
        return self.killed / self.total if self.total else 1.0

    def to_json(self) -> dict:
        return {"name": self.exercise.name, "killed": self.killed, "total": self.total,
                "score": round(self.score, 3), "survivors": self.survivors, "excused": self.excused,
                "error": self.error}


def _excuse(ex: Exercise, m: Mutant) -> str | None:
    for e in ex.equivalent_mutants:
        if e.line == m.line and (e.operator is None or e.operator == m.operator) and (
                e.change is None or e.change in m.description):
            return e.reason
    return None


def mutate(env: Environment, names: list[str], jobs: int | None = None, fmt: str = "text",
           minimum: float = MUTATION_TARGET) -> ExitCode:
    if fmt not in ("text", "json"):
        raise FatalError(f"--format must be text or json, not {fmt!r}.")
    ws = Workspace(env)
    selected = list(dict.fromkeys(select(ws, names)))
    jobs = jobs or os.cpu_count() or 1
    reports = {ex.name: MutationReport(ex) for ex in selected}
    with Services() as services, ThreadPoolExecutor(max_workers=jobs) as pool, \
            tempfile.TemporaryDirectory(prefix="pyex-mutants-") as tmp:
        plans = []
        baselines = {ex.name: pool.submit(_grade, ex, ex.solution, services) for ex in selected}
        for ex in selected:
            report = reports[ex.name]
            base = baselines[ex.name].result()
            if not base:
                report.error = f"the solution itself does not pass ({base.outcome.value}: {base.summary})"
                continue
            source = ex.solution.read_text(encoding="utf-8")
            # a mutant that loops forever is killed by the limit; no need to wait the full limit
            limits = replace(ex.limits, time=min(ex.limits.time, max(2.0, base.learner_time * 4 + 1)))
            for m in mutants(source):
                reason = _excuse(ex, m)
                if reason:
                    report.excused.append({"line": m.line, "operator": m.operator,
                                           "description": m.description, "reason": reason})
                    continue
                folder = Path(tmp, ex.name, str(m.index))
                folder.mkdir(parents=True)
                target = folder / f"{ex.module}.py"
                target.write_text(m.source, encoding="utf-8")
                job = runner.Job(ex, target, env=services.env_for(ex.requires), limits=limits, fail_fast=True)
                plans.append((ex, m, baseline_source(source), pool.submit(runner.run, job, warm.shared())))
        for ex, m, original, future in plans:
            report = reports[ex.name]
            report.total += 1
            result = future.result()
            if result.outcome is Outcome.PASS:
                report.survivors.append({"line": m.line, "operator": m.operator, "description": m.description,
                                         "diff": m.diff(original)})
            else:
                report.killed += 1
    weak = [r for r in reports.values() if r.error or r.score < minimum]
    if fmt == "json":
        env.stdout.print_json(json.dumps({"exercises": [r.to_json() for r in reports.values()],
                                          "minimum": minimum}))
    else:
        for r in reports.values():
            mark = "[green]✓[/]" if r not in weak else "[red]✗[/]"
            if r.error:
                env.stdout.print(f"{mark} {r.exercise.name}: {r.error}")
                continue
            env.stdout.print(f"{mark} {r.exercise.name:<32} {r.killed}/{r.total} killed ({r.score:.0%})"
                             + (f", {len(r.excused)} excused" if r.excused else ""))
            for s in r.survivors:
                env.stdout.print(f"    survived: {s['description']}", markup=False, highlight=False)
        env.stdout.print(f"\n{len(reports) - len(weak)} of {len(reports)} exercise(s) kill at least "
                         f"{minimum:.0%} of their mutants.")
    return ExitCode.FAILED if weak else ExitCode.OK

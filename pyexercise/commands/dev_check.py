"""`pyex dev check`: the curriculum is sound — files present, no orphans, every untouched stub
grades as not started, every solution passes three times within half its limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text

from pyexercise.curriculum import Exercise
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.runner.result import Outcome, Result
from pyexercise.session import GradingSession
from pyexercise.ui import inert
from pyexercise.workspace import Workspace

TREES = ("exercises", "solutions", "checks")
#: files allowed in the trees without an exercise of their own
ALLOWED = {"README.md", "README.rst", "README.txt", ".gitkeep"}
SOLUTION_RUNS = 3
HEADROOM = 0.5  # a solution must use under half of each limit


@dataclass
class Problems:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.lines.append(f"{where}: {what}")


def orphans(ws: Workspace, exercises: tuple[Exercise, ...]) -> list[str]:
    owned = set()
    for ex in exercises:
        owned |= {ex.stub.resolve(), ex.solution.resolve(), ex.check.resolve()}
    found = []
    for tree in TREES:
        base = ws.root / tree
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d != "__pycache__" and not d.startswith(".")]
            for fname in filenames:
                path = Path(dirpath, fname)
                if fname in ALLOWED or fname.endswith((".pyc", ".swp", "~")) or fname.startswith("."):
                    continue
                if path.resolve() not in owned:
                    found.append(path.relative_to(ws.root).as_posix())
    return sorted(found)


def busy_time(result: Result) -> float:
    """What the time limit means for an author's solution: its wall time without the time it spent
    waiting for a CPU on a busy machine (a 2-core CI runner doing four things at once)."""
    return max(0.0, result.learner_time - result.queued)


def files(ex: Exercise, ws: Workspace, problems: Problems) -> None:
    for label, path in (("stub", ex.stub), ("solution", ex.solution), ("check", ex.check)):
        if not path.is_file():
            problems.add(ex.name, f"its {label} {path.relative_to(ws.root)} is missing")
    if len(set(ex.hints)) != len(ex.hints):
        problems.add(ex.name, "two of its hints are the same")
    if not ex.covers:
        problems.add(ex.name, "`covers` is empty: name the seed tasks it covers")


def judge(ex: Exercise, stub: Result, solutions: list[Result], problems: Problems) -> None:
    if stub.outcome is not Outcome.NOT_STARTED:
        problems.add(ex.name, f"the untouched stub must grade as not_started, but it is {stub.outcome.value}: "
                              f"{stub.summary}")
    for attempt, sol in enumerate(solutions, start=1):
        if not sol:
            problems.add(ex.name, f"the solution does not pass (run {attempt} of {SOLUTION_RUNS}): "
                                  f"{sol.outcome.value}: {sol.summary}")
            return
        if busy_time(sol) > ex.limits.time * HEADROOM:
            problems.add(ex.name, f"the solution took {busy_time(sol):.1f} s (not counting {sol.queued:.1f} s "
                                  f"waiting for a CPU), over half its time limit of {ex.limits.time:g} s")
            return
        if sol.peak_memory_mb > ex.limits.memory * HEADROOM:
            problems.add(ex.name, f"the solution used {sol.peak_memory_mb:.0f} MB, over half its memory limit "
                                  f"of {ex.limits.memory} MB")
            return


def check(env: Environment, names: list[str], jobs: int | None = None) -> ExitCode:
    ws = Workspace(env)
    if ws.installed:
        raise FatalError("dev check works in a clone of the curriculum's repository, not in a learner's workspace.")
    cur = ws.curriculum  # a broken info.toml stops here, with its one line
    selected = list(dict.fromkeys(ws.resolve(n) for n in names)) if names else list(cur)
    problems = Problems()
    for ex in selected:
        files(ex, ws, problems)
    if not names:
        for orphan in orphans(ws, cur.exercises):
            problems.add(orphan, "belongs to no exercise in info.toml (add an entry, or delete it)")
        modules: dict[str, str] = {}
        for ex in cur:
            if ex.module in modules:
                problems.add(ex.name, f"its module name {ex.module!r} is also used by {modules[ex.module]}")
            modules.setdefault(ex.module, ex.name)
    runnable = [ex for ex in selected if ex.stub.is_file() and ex.solution.is_file() and ex.check.is_file()]
    jobs = jobs or os.cpu_count() or 1
    with GradingSession(ws, guard_progress=False) as session, session.pool(jobs) as pool:
        for ex in runnable:
            try:
                session.services.prepare(ex.requires)
            except FatalError as exc:
                problems.add(ex.name, str(exc))
        # the untouched stub is graded as-is, never against the learner's progress
        runs = {ex.name: (pool.submit(session.grade, ex, target=ex.stub),
                          [pool.submit(session.grade, ex, solutions=True) for _ in range(SOLUTION_RUNS)])
                for ex in runnable}
        for ex in runnable:
            stub, solutions = runs[ex.name]
            judge(ex, stub.result(), [f.result() for f in solutions], problems)
    for line in problems.lines:
        env.stdout.print(Text(inert(line)), soft_wrap=True)
    if problems.lines:
        env.stdout.print(Text(f"\n{len(problems.lines)} problem(s) in {len(selected)} exercise(s)."), soft_wrap=True)
        return ExitCode.FAILED
    env.stdout.print(Text(f"{len(selected)} exercise(s) checked: stubs fail as not done, solutions pass "
                          f"{SOLUTION_RUNS} times within half their limits, no orphans."), soft_wrap=True)
    return ExitCode.OK

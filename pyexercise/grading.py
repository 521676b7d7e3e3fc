"""Grading an exercise: services it needs, the run, and what a pass means for progress."""

from __future__ import annotations

import importlib.util
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pyexercise import runner
from pyexercise.runner import warm
from pyexercise.curriculum import Exercise
from pyexercise.errors import FatalError
from pyexercise.guard import Guard
from pyexercise.runner.result import Outcome, Result
from pyexercise.services import Services
from pyexercise.workspace import Workspace


def grade(ws: Workspace, ex: Exercise, services: Services, solutions: bool = False) -> Result:
    target = ex.solution if solutions else ex.stub
    if not target.is_file():
        where = "solutions" if solutions else "exercises"
        return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=str(target),
                      detail=f"{where}/{ex.path} is missing" + ("" if solutions else
                                                               f": `pyex reset {ex.name}` brings the stub back"),
                      summary=f"{where}/{ex.path} is missing")
    if not ex.check.is_file():
        return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=str(target),
                      detail=f"its check {ex.check.relative_to(ws.root)} is missing",
                      summary="the check file is missing")
    missing = [p for p in ex.packages if importlib.util.find_spec(p.module) is None]
    if missing:
        names = " ".join(p.dist for p in missing)
        return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=str(target),
                      detail=f"this exercise needs {names}: pip install {names}", summary=f"needs {names}")
    try:
        env = services.env_for(ex.requires)
    except FatalError as exc:
        return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=str(target), detail=str(exc),
                      summary=str(exc))
    # the runner guards this exercise's check; verify guards the whole tree (grade_many); here,
    # the learner's progress: only pyex may write it
    state_before = None if solutions else ws.progress.snapshot()  # also None: no state file yet
    result = runner.run(runner.Job(ex, target, env=env), worker=warm.shared())
    if not solutions and ws.progress.restore_if_forged(state_before):
        result = Result(Outcome.TAMPERED, exercise=ex.name, target=str(target),
                        detail="your code wrote pyex's progress file .pyex/state.json; pyex put it back, "
                        "and this run does not count", summary="the run wrote the progress file; restored")
    if not solutions and result.outcome is not Outcome.PASS:
        result.untouched = ws.untouched(ex)
    return result


def record(ws: Workspace, ex: Exercise, result: Result) -> None:
    """A pass marks the exercise done, at once."""
    if result:
        with ws.progress.update() as state:
            state.done.add(ex.name)


def grade_many(ws: Workspace, exercises: Iterable[Exercise], jobs: int, solutions: bool,
               on_result: Callable[[Exercise, Result], None] | None = None,
               guard: Guard | None = None) -> list[tuple[Exercise, Result]]:
    """Grade in parallel. With ``guard`` (a Guard over the whole tree, taken before), any run that
    changed another exercise's check marks every verdict after it as tampered."""
    exercises = list(exercises)
    results: dict[str, Result] = {}
    with Services() as services, ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        # start the services before the pool races to start them
        for ex in exercises:
            try:
                services.env_for(ex.requires)
            except FatalError:
                pass
        futures = {ex.name: pool.submit(grade, ws, ex, services, solutions) for ex in exercises}
        for ex in exercises:
            results[ex.name] = futures[ex.name].result()
            if on_result:
                on_result(ex, results[ex.name])
    if guard is not None:
        changed = guard.restore()
        if changed:
            for name, result in results.items():
                if result:
                    results[name] = Result(Outcome.TAMPERED, exercise=name, target=result.target,
                                           detail="during this verify a run changed pyex's hidden files ("
                                           + ", ".join(changed[:3]) + "); they were restored, and no pass "
                                           "counts", summary="files changed during verify; restored")
    return [(ex, results[ex.name]) for ex in exercises]


def select(ws: Workspace, names: list[str]) -> Iterator[Exercise]:
    if not names:
        yield from ws.curriculum
    for name in names:
        yield ws.curriculum.get(name)


def display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)

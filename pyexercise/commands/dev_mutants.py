"""`pyex dev mutants`: plant small bugs in each reference solution and see which its check misses.

Full runs by default; ``--record`` writes the results to the committed mutation record, and
``--check-record`` (what CI runs) re-runs only exercises whose record is stale — failing on them —
plus ``--sample`` fresh ones, to keep the record honest.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.text import Text

from pyexercise.curriculum import Exercise
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.mutants import Mutant, baseline_source, mutants
from pyexercise.mutation_record import RECORD_FILE, Entry, Record, key
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession
from pyexercise.ui import inert
from pyexercise.workspace import Workspace

MUTATION_TARGET = 0.8
SAMPLE_TOLERANCE = 2  # mutants a re-run may kill more or fewer than recorded (time-limit kills vary)


@dataclass
class MutationReport:
    exercise: Exercise
    killed: int = 0
    total: int = 0
    excused: list[dict] = field(default_factory=list)
    survivors: list[dict] = field(default_factory=list)
    error: str = ""
    recorded: bool = False  # taken from the record, not run now

    @property
    def score(self) -> float:
        return self.killed / self.total if self.total else 1.0

    def to_json(self) -> dict:
        return {"name": self.exercise.name, "killed": self.killed, "total": self.total,
                "score": round(self.score, 3), "survivors": self.survivors, "excused": self.excused,
                "error": self.error, "recorded": self.recorded}

    def entry(self) -> Entry:
        return Entry(key(self.exercise), self.killed, self.total, len(self.excused),
                     [s["description"] for s in self.survivors])


def excuse(ex: Exercise, m: Mutant) -> str | None:
    for e in ex.equivalent_mutants:
        if e.line == m.line and (e.operator is None or e.operator == m.operator) and (
                e.change is None or e.change in m.description):
            return e.reason
    return None


def run_mutants(session: GradingSession, exercises: list[Exercise], jobs: int) -> dict[str, MutationReport]:
    reports = {ex.name: MutationReport(ex) for ex in exercises}
    with session.pool(jobs) as pool, tempfile.TemporaryDirectory(prefix="mutants-", dir=session.base) as tmp:
        baselines = {ex.name: pool.submit(session.grade, ex, solutions=True) for ex in exercises}
        plans = []
        for ex in exercises:
            report = reports[ex.name]
            base = baselines[ex.name].result()
            if not base:
                report.error = f"the solution itself does not pass ({base.outcome.value}: {base.summary})"
                continue
            source = ex.solution.read_text(encoding="utf-8")
            # a mutant that loops forever is killed by the limit; no need to wait the full limit
            limits = replace(ex.limits, time=min(ex.limits.time, max(2.0, base.learner_time * 4 + 1)))
            original = baseline_source(source)
            for m in mutants(source):
                reason = excuse(ex, m)
                if reason:
                    report.excused.append({"line": m.line, "operator": m.operator, "description": m.description,
                                           "reason": reason})
                    continue
                target = Path(tmp, ex.name, str(m.index), f"{ex.module}.py")
                target.parent.mkdir(parents=True)
                target.write_text(m.source, encoding="utf-8")
                future = pool.submit(session.grade, ex, target=target, limits=limits, fail_fast=True)
                plans.append((ex, m, original, future))
        for ex, m, original, future in plans:
            report = reports[ex.name]
            report.total += 1
            if future.result().outcome is Outcome.PASS:
                report.survivors.append({"line": m.line, "operator": m.operator, "description": m.description,
                                         "diff": m.diff(original)})
            else:
                report.killed += 1
    return reports


def mutate(env: Environment, names: list[str], jobs: int | None = None, fmt: str = "text",
           minimum: float = MUTATION_TARGET, record: bool = False, check_record: bool = False,
           sample: int = 0) -> ExitCode:
    if fmt not in ("text", "json"):
        raise FatalError(f"--format must be text or json, not {inert(fmt)!r}.")
    if record and check_record:
        raise FatalError("--record writes the record and --check-record checks it: use one of them.")
    ws = Workspace(env)
    if ws.installed:
        raise FatalError("dev mutants works in a clone of the curriculum's repository, not in a learner's workspace.")
    selected = list(dict.fromkeys(ws.resolve(n) for n in names)) if names else list(ws.curriculum)
    jobs = jobs or os.cpu_count() or 1
    book = Record.load(ws.root / RECORD_FILE)
    stale: list[str] = []
    to_run = selected
    recorded: dict[str, MutationReport] = {}
    if check_record:
        fresh = {ex.name: book.fresh(ex) for ex in selected}
        stale = [ex.name for ex in selected if fresh[ex.name] is None]
        rng = random.Random()
        sampled = rng.sample([ex for ex in selected if fresh[ex.name]], min(sample, len(selected) - len(stale)))
        to_run = [ex for ex in selected if ex.name in stale] + sampled
        for ex in selected:
            entry = fresh[ex.name]
            if entry is not None and ex not in sampled:
                recorded[ex.name] = MutationReport(ex, entry.killed, entry.total,
                                                   survivors=[{"description": d} for d in entry.survivors],
                                                   recorded=True)
    with GradingSession(ws, guard_progress=False) as session:
        reports = {**recorded, **run_mutants(session, to_run, jobs)}
    reports = {ex.name: reports[ex.name] for ex in selected}
    mismatched = []
    if check_record:
        for ex in to_run:
            entry = book.fresh(ex)
            got = reports[ex.name]
            if entry is not None and (abs(entry.killed - got.killed) > SAMPLE_TOLERANCE or entry.total != got.total):
                mismatched.append(f"{ex.name}: recorded {entry.killed}/{entry.total}, now {got.killed}/{got.total}")
    if record:
        for report in reports.values():
            if not report.error:
                book.entries[report.exercise.name] = report.entry()
        book.save({ex.name for ex in ws.curriculum})
    weak = [r for r in reports.values() if r.error or r.score < minimum]
    if fmt == "json":
        env.stdout.print_json(json.dumps({"exercises": [r.to_json() for r in reports.values()], "minimum": minimum,
                                          "stale": stale, "mismatched": mismatched}))
    else:
        show(env, reports, weak, minimum)
        for name in stale:
            env.stdout.print(Text(f"stale record: {name} changed since its mutants were recorded; run `pyex dev "
                                  f"mutants --record {name}` and commit {RECORD_FILE}", style="red"), soft_wrap=True)
        for line in mismatched:
            env.stdout.print(Text(f"record does not match a re-run: {line}", style="red"), soft_wrap=True)
    return ExitCode.FAILED if weak or stale or mismatched else ExitCode.OK


def show(env: Environment, reports: dict[str, MutationReport], weak: list[MutationReport], minimum: float) -> None:
    for r in reports.values():
        mark = Text("✓", style="green") if r not in weak else Text("✗", style="red")
        if r.error:
            env.stdout.print(Text.assemble(mark, f" {inert(r.exercise.name)}: {inert(r.error)}"), soft_wrap=True)
            continue
        env.stdout.print(Text.assemble(mark, f" {r.exercise.name:<32} {r.killed}/{r.total} killed ({r.score:.0%})"
                                       + (f", {len(r.excused)} excused" if r.excused else "")
                                       + (" (recorded)" if r.recorded else "")), soft_wrap=True)
        if not r.recorded:
            for s in r.survivors:
                env.stdout.print(Text(f"    survived: {inert(s['description'])}"), soft_wrap=True)
    env.stdout.print(Text(f"\n{len(reports) - len(weak)} of {len(reports)} exercise(s) kill at least "
                          f"{minimum:.0%} of their mutants."), soft_wrap=True)

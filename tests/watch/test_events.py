"""Events and effects are plain, comparable values (the state machine's tests rely on it)."""

from __future__ import annotations

from pathlib import Path

from pyexercise.runner.result import Outcome, Result
from pyexercise.watch import events


def test_values_compare_and_hash():
    assert events.FileSaved(Path("a.py")) == events.FileSaved(Path("a.py"))
    assert events.StartRun("x", 1) != events.StartRun("x", 2)
    assert len({events.CancelRun(1), events.CancelRun(1), events.RecordPass("x")}) == 2
    done = events.RunFinished("x", 3, Result(Outcome.PASS))
    assert done.result.outcome is Outcome.PASS and done.generation == 3
    assert events.Quit().reason == "q"

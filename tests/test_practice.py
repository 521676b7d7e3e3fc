"""Choosing exercises for practice, and the Leitner schedule of reviews."""

from __future__ import annotations

import time

import pytest

from pyexercise.env import Environment
from pyexercise.errors import FatalError
from pyexercise.practice import BOX_DAYS, DAY, PracticeCourse, due, pick, reschedule
from pyexercise.workspace import Workspace

from conftest import write


def ws_of(root):
    return Workspace(Environment(root_override=root))


def test_pick_prefers_exercises_not_done(workspace):
    ws = ws_of(workspace)
    ws.record(ws.curriculum.get("add_two"), True)
    assert [e.name for e in pick(ws, 2, None, None, seed=1)][0] != "add_two"
    assert len(pick(ws, 10, None, None)) == 3
    with pytest.raises(FatalError, match="levels are basics"):
        pick(ws, 1, "senior", None)


def test_the_schedule_moves_up_without_hints_and_back_with_them(workspace):
    ws = ws_of(workspace)
    ws.record(ws.curriculum.get("add_two"), True)
    now = time.time()
    assert due(ws, now=now) == [] and [e.name for e in due(ws, now=now + 2 * DAY)] == ["add_two"]
    up = reschedule(ws, {"exercises": [{"name": "add_two", "solved": True, "hints": 0}]}, now=0)
    assert up["add_two"] == {"box": 2, "due": BOX_DAYS[1] * DAY}
    back = reschedule(ws, {"exercises": [{"name": "add_two", "solved": True, "hints": 2}]}, now=0)
    assert back["add_two"]["box"] == 1
    failed = reschedule(ws, {"exercises": [{"name": "add_two", "solved": False, "hints": 0}]}, now=5)
    assert failed["add_two"] == {"box": 1, "due": 5}


def test_a_practice_course_uses_fresh_stubs_and_counts(workspace):
    ws = ws_of(workspace)
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    clock = iter([0.0, 30.0, 40.0, 50.0]).__next__
    course = PracticeCourse(ws, [ws.curriculum.get("add_two")], "interview", minutes=10, clock=clock)
    copy = course.curriculum.get("add_two")
    assert "NotImplementedError" in copy.stub.read_text() and copy.stub != ws.curriculum.get("add_two").stub
    course.reveal_hint(copy, 2)
    course.saved(copy)
    course.record_pass(copy)
    assert course.solution(copy) is None
    report = course.report("all solved")
    assert report["exercises"] == [{"name": "add_two", "solved": True, "first_pass": 30.0, "saves": 1, "hints": 1,
                                    "failing": []}]


def test_a_save_counts_once_however_many_file_events_it_makes(workspace):
    ws = ws_of(workspace)
    course = PracticeCourse(ws, [ws.curriculum.get("add_two")], "interview", minutes=10)
    copy = course.curriculum.get("add_two")
    write(copy.stub, "def add(a, b):\n    return a - b\n")
    for _ in range(3):  # an editor's write: modified, closed, maybe a rename
        course.saved(copy)
    write(copy.stub, "def add(a, b):\n    return a + b\n")
    course.saved(copy)
    course.saved(copy)
    assert course.attempts["add_two"].saves == 2

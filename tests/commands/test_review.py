"""`pyex review` in a real pty: due exercises re-solved from fresh stubs, then rescheduled."""

from __future__ import annotations

import json
import os
import sys

import pexpect

from conftest import write


def test_nothing_due_then_a_review_moves_an_exercise_up_a_box(workspace, pyex):
    assert "pass some exercises first" in pyex("review").out
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    assert pyex("run", "add_two").code == 0
    assert "the next one is due" in pyex("review").out  # a day after the first pass
    state_path = workspace / ".pyex/state.json"
    state = json.loads(state_path.read_text())
    assert state["review"]["add_two"]["box"] == 1
    state["review"]["add_two"]["due"] = 0  # it is due now
    state_path.write_text(json.dumps(state))
    assert "1 due for review" in pyex("list").out
    env = dict(os.environ, COLUMNS="100", LINES="40", TERM="xterm-256color")
    child = pexpect.spawn(sys.executable, ["-m", "pyexercise", "review"], cwd=str(workspace), env=env,
                          dimensions=(40, 100), encoding="utf-8", timeout=60)
    try:
        child.expect("Review: 0 of 1 solved")
        child.expect("Not done yet")  # a fresh stub, not the learner's solved file
        (copy,) = (workspace / "practice").glob("review-*/exercises/basics/add_two.py")
        write(copy, "def add(a, b):\n    return a + b\n")
        child.expect("Review: 1 of 1 re-solved")
        child.expect("in 2 day")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)
    assert json.loads(state_path.read_text())["review"]["add_two"]["box"] == 2
    assert "due for review" not in pyex("list").out

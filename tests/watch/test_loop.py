"""The loop carries out the machine's effects on a real workspace through a real session."""

from __future__ import annotations

import io
import queue
import threading
import time

import pytest

from pyexercise.env import Environment
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession
from pyexercise.watch.events import KeyPressed, Quit
from pyexercise.watch.course import WorkspaceCourse
from pyexercise.watch.loop import Loop
from pyexercise.watch.machine import State
from pyexercise.workspace import Workspace

from conftest import write


class Seen(Loop):
    def draw(self, st, out):
        self.last = st
        super().draw(st, out)


@pytest.fixture
def looping(workspace):
    ws = Workspace(Environment(root_override=workspace))
    events: queue.Queue = queue.Queue()
    with GradingSession(ws, warm_worker=False) as session:
        loop = Seen(WorkspaceCourse(ws), session, events, "manual", manual=True, size=lambda: (100, 40), color=False)
        loop.last = State("add_two")
        thread = threading.Thread(target=loop.run, args=(State("add_two"), io.StringIO()), daemon=True)
        thread.start()

        def until(predicate, timeout=60):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if predicate(loop.last):
                    return loop.last
                time.sleep(0.02)
            raise AssertionError(f"never reached; last state {loop.last}")

        yield ws, events, until
        events.put(Quit())
        thread.join(10)


def test_a_pass_is_recorded_and_hints_and_current_are_saved(looping, workspace):
    ws, events, until = looping
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    events.put(KeyPressed("r"))
    until(lambda st: st.result is not None and st.result.outcome is Outcome.PASS)
    until(lambda st: "add_two" in ws.state().done)
    events.put(KeyPressed("h"))
    until(lambda st: ws.state().hints.get("add_two") == [1])
    events.put(KeyPressed("n"))
    until(lambda st: st.exercise == "shout")
    assert ws.state().current == "shout"


def test_reset_restores_the_stub_and_marks_it_pending(looping, workspace):
    ws, events, until = looping
    stub = workspace / "exercises/basics/add_two.py"
    original = stub.read_text()
    write(stub, "def add(a, b):\n    return a + b\n")
    events.put(KeyPressed("r"))
    until(lambda st: "add_two" in ws.state().done)
    events.put(KeyPressed("x"))
    events.put(KeyPressed("y"))
    until(lambda st: "back to its original stub" in st.message)
    assert stub.read_text() == original and "add_two" not in ws.state().done

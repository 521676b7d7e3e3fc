"""The plain watch course: the workspace's curriculum, stubs and progress."""

from __future__ import annotations

from pyexercise.env import Environment
from pyexercise.watch.course import WorkspaceCourse
from pyexercise.workspace import Workspace

from conftest import write


def test_passes_hints_and_solutions_go_to_the_workspace(workspace):
    ws = Workspace(Environment(root_override=workspace))
    course = WorkspaceCourse(ws)
    ex = course.curriculum.get("add_two")
    assert course.solution(ex) is None and course.deadline is None and course.header(0) == ""
    course.record_pass(ex)
    course.reveal_hint(ex, 2)
    course.set_current("shout")
    facts = course.facts(manual=False)
    assert facts.done == {"add_two"} and facts.hints["add_two"] == (2,) and ws.state().current == "shout"
    assert course.solution(ex) == ex.solution
    task, summary = course.task(ex)
    assert summary == "Return the sum of two integers." and "no float()" in task
    write(ex.stub, "changed")
    course.reset(ex)
    assert "NotImplementedError" in ex.stub.read_text() and "add_two" not in ws.state().done

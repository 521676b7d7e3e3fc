"""A watch frame at any size: header and key legend pinned, the middle trimmed, nothing over the width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from pyexercise import curriculum
from pyexercise.runner.protocol import Failure, Frame
from pyexercise.runner.result import Outcome, Result
from pyexercise.watch.machine import Facts, ListView, State
from pyexercise.watch.render import View, frame

from conftest import FIXTURE

CUR = curriculum.load(FIXTURE)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\]8;[^\x1b]*\x1b\\")
LONG_FAIL = Result(Outcome.FAIL, exercise="add_two", passed=0, total=2, output="\n".join(f"line {i}" for i in range(40)),
                   failures=(Failure("test_small", "two small numbers", "AssertionError",
                                     "add(2, 3) should be 5\n" + "\n".join("x" * 30 for _ in range(30)),
                                     (Frame(2, "add", "return a - b"),)),))
TASK = "Return the sum of two integers.\n\n" + "\n".join(f"Constraint {i}: something that matters." for i in range(30))


def plain(lines):
    return [ANSI.sub("", line) for line in lines]


def render(st, width, height, f=None):
    view = View(Path("/ws"), "events", task=TASK, summary="Return the sum of two integers.")
    return plain(frame(st, f or Facts(CUR), view, width, height, now=0.0))


@pytest.mark.parametrize("width,height", [(40, 15), (60, 20), (80, 24), (200, 60)])
@pytest.mark.parametrize("which", ["main", "list", "help", "task"])
def test_header_and_legend_pinned_and_nothing_too_wide(width, height, which):
    st = State("add_two", result=LONG_FAIL, view=which, listing=ListView())
    lines = render(st, width, height)
    assert len(lines) <= height, f"{len(lines)} lines on a {height}-line screen"
    assert all(cell_len(line) <= width for line in lines), [line for line in lines if cell_len(line) > width]
    assert "done" in lines[0], "the progress bar is the first line"
    legend = " ".join(lines[-2:])
    assert ("quit" in legend) if which == "main" else ("back" in legend or "page" in legend), lines[-2:]
    if which == "list":
        assert any("add_two" in line for line in lines), "names are shown, not …"


def test_the_middle_is_trimmed_with_a_note_that_fits(width=60, height=20):
    lines = render(State("add_two", result=LONG_FAIL), width, height)
    note = next(line for line in lines if "more lines" in line)
    assert cell_len(note) <= width and "↓ scrolls" in note


def test_the_whole_task_is_on_the_task_page():
    lines = render(State("add_two", view="task"), 80, 60)
    assert any("Constraint 29" in line for line in lines) or any("more lines" in line for line in lines)
    assert any("Constraint 1:" in line for line in lines)


def test_a_running_check_shows_its_time_against_the_limit():
    lines = render(State("add_two", running=True, run_started=-2.5), 80, 24)
    assert any("checking… 2.5 s of your code's 4 s" in line for line in lines)
    assert any("checking… (starting)" in line for line in render(State("add_two", running=True), 80, 24))


def test_was_done_now_failing_and_no_next_while_failing():
    f = Facts(CUR, done=frozenset({"add_two"}))
    lines = render(State("add_two", result=LONG_FAIL), 100, 40, f)
    assert any("was done, now failing" in line for line in lines)
    assert not any(" n  next" in line for line in lines[-2:])


def test_learner_output_is_shown_inert():
    sneaky = Result(Outcome.FAIL, exercise="add_two", total=2, output="\x1b[2J\x1b]0;pwned\x07\x1b[8mhidden",
                    failures=(Failure("test_small", message="[bold red]not markup[/]"),))
    raw = frame(State("add_two", result=sneaky), Facts(CUR), View(Path("/ws"), "events"), 100, 40, 0.0)
    text = "\n".join(raw)
    assert "\x1b[2J" not in text and "\x1b]0;" not in text and "\x1b[8m" not in text
    assert "\\x1b[2J" in text and "[bold red]not markup[/]" in text

"""The watch state machine, without a terminal: every rule of watch mode as state + event -> state + effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyexercise import curriculum
from pyexercise.runner.protocol import Failure
from pyexercise.runner.result import Outcome, Result
from pyexercise.watch.events import (CancelRun, FileSaved, KeyPressed, Quit, RecordPass, ResetStub, RevealHint,
                                     RunFinished, SetCurrent, StartRun, Tick)
from pyexercise.watch.machine import DEBOUNCE, Facts, State, can_move_on, step, was_done_now_failing

from conftest import FIXTURE

CUR = curriculum.load(FIXTURE)
PASS = Result(Outcome.PASS, exercise="add_two", passed=2, total=2)
FAIL = Result(Outcome.FAIL, exercise="add_two", passed=0, total=2,
              failures=(Failure("test_negative"), Failure("test_small")))


def facts(**kw) -> Facts:
    return Facts(CUR, **kw)


def run(st, *events, f=None, now=0.0):
    f = f or facts()
    effects = []
    for event in events:
        st, more = step(st, event, f, now)
        effects += more
    return st, effects


def started(st: State) -> State:
    st, effects = run(st, KeyPressed("r"))
    assert effects == [StartRun("add_two", 1)]
    return st


def test_a_save_is_debounced_then_checked():
    st, effects = run(State("add_two"), FileSaved(Path("/ws/exercises/basics/add_two.py")), now=10.0)
    assert effects == [] and st.due == 10.0 + DEBOUNCE
    st, effects = step(st, Tick(), facts(), 10.0 + DEBOUNCE / 2)
    assert effects == []
    st, effects = step(st, Tick(), facts(), 10.0 + DEBOUNCE)
    assert effects == [StartRun("add_two", 1)] and st.running and st.due is None


def test_saves_of_other_files_and_manual_mode_are_ignored():
    st, effects = run(State("add_two"), FileSaved(Path("/ws/exercises/basics/shout.py")))
    assert st.due is None
    st, effects = run(State("add_two"), FileSaved(Path("/ws/exercises/basics/add_two.py")), f=facts(manual=True))
    assert st.due is None and effects == []


def test_a_new_save_cancels_the_running_check_and_checks_at_once():
    st = started(State("add_two"))
    st, effects = run(st, FileSaved(Path("add_two.py")))
    st, effects = step(st, Tick(), facts(), 1.0)
    assert effects == [CancelRun(1), StartRun("add_two", 2)] and st.generation == 2
    st, effects = run(st, RunFinished("add_two", 1, PASS))  # the stale run's verdict is dropped
    assert st.result is None and st.running


def test_a_pass_is_recorded_and_offers_next():
    st = started(State("add_two"))
    st, effects = run(st, RunFinished("add_two", 1, PASS))
    assert effects == [RecordPass("add_two")] and not st.running and can_move_on(st, facts())
    st, effects = run(st, KeyPressed("n"), f=facts(done=frozenset({"add_two"})))
    assert st.exercise == "shout" and effects[:1] == [SetCurrent("shout")] and isinstance(effects[-1], StartRun)


def test_next_is_refused_while_failing_even_if_it_was_done():
    done = facts(done=frozenset({"add_two"}))
    st = started(State("add_two"))
    st, _ = run(st, RunFinished("add_two", 1, FAIL), f=done)
    assert was_done_now_failing(st, done) and not can_move_on(st, done)
    st, effects = run(st, KeyPressed("n"), f=done)
    assert effects == [] and st.exercise == "add_two" and "Pass this exercise first" in st.message
    st, effects = run(st, KeyPressed("s"), f=done)
    assert not st.show_solution and "solution opens" in st.message


def test_quit_cancels_the_run():
    st = started(State("add_two"))
    st, effects = run(st, KeyPressed("q"))
    assert st.quit == "q" and effects == [CancelRun(1)]
    st, effects = run(State("add_two"), Quit("interrupt"))
    assert st.quit == "interrupt" and effects == []


def test_the_hint_about_the_first_failing_check_comes_first():
    ties = facts(hint_for={"add_two": {"test_small": 3}})
    st, _ = run(started(State("add_two")), RunFinished("add_two", 1, FAIL), f=ties)
    st, effects = run(st, KeyPressed("h"), f=ties)
    assert effects == [RevealHint("add_two", 3)] and st.hint_about == "test_small"
    revealed = facts(hint_for={"add_two": {"test_small": 3}}, hints={"add_two": (3,)})
    st, effects = run(st, KeyPressed("h"), f=revealed)
    assert effects == [RevealHint("add_two", 1)] and st.hint_about == ""  # then the usual order


def test_hints_in_order_without_ties_and_the_last_one_says_so():
    st, effects = run(State("add_two"), KeyPressed("h"))
    assert effects == [RevealHint("add_two", 1)]
    st, effects = run(st, KeyPressed("h"), f=facts(hints={"add_two": (1, 2, 3)}))
    assert effects == [] and "last hint" in st.message


def test_reset_asks_first():
    st, effects = run(State("add_two"), KeyPressed("x"))
    assert st.view == "confirm_reset" and effects == []
    st, effects = run(st, KeyPressed("n"))
    assert st.view == "main" and effects == [] and "cancelled" in st.message
    st, effects = run(State("add_two"), KeyPressed("x"), KeyPressed("y"))
    assert effects[0] == ResetStub("add_two") and isinstance(effects[-1], StartRun)


def test_list_search_moves_with_arrows_while_typing_and_one_enter_jumps():
    st, _ = run(State("shout"), KeyPressed("l"), KeyPressed("/"), KeyPressed("r"), KeyPressed("e"))
    assert st.view == "list" and st.listing.searching and st.listing.search == "re"
    st, _ = run(st, KeyPressed("down"))  # moves, does not type
    assert st.listing.search == "re"
    st, effects = run(st, KeyPressed("enter"))
    assert st.view == "main" and st.exercise == "redis_remember" and SetCurrent("redis_remember") in effects


@pytest.mark.parametrize("key", ["?", "t"])
def test_help_and_task_views_page_and_close(key):
    st, _ = run(State("add_two"), KeyPressed(key), KeyPressed("down"), KeyPressed("down"))
    assert st.view == ("help" if key == "?" else "task") and st.page == 2
    st, _ = run(st, KeyPressed("z"))
    assert st.view == "main" and st.page == 0


def test_finishing_every_exercise():
    almost = facts(done=frozenset({"shout", "redis_remember"}))
    st, effects = run(started(State("add_two")), RunFinished("add_two", 1, PASS), f=almost)
    assert st.finished and effects == [RecordPass("add_two")]

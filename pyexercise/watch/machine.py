"""The watch state machine: ``step(state, event, facts, now) -> (state, effects)``, pure.

It decides what a save, a key or a finished run means — which run to start or cancel, what to
record, what the screen shows — and touches nothing: the loop carries out the effects. So every
rule of watch mode is tested here without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from pyexercise.curriculum import Curriculum, Exercise
from pyexercise.runner.result import Outcome, Result
from pyexercise.watch.events import (CancelRun, Effect, FileSaved, KeyPressed, Quit, RecordPass, ResetStub,
                                     Resized, RevealHint, RunFinished, RunReady, SetCurrent, StartRun, Tick)
from pyexercise.watch.keys import Intent, intent

DEBOUNCE = 0.02  # seconds: editors write a file in several steps (within a few ms); run once after the last


@dataclass(frozen=True)
class Facts:
    """What the machine reads of the world: the curriculum and the learner's progress."""

    curriculum: Curriculum
    done: frozenset[str] = frozenset()
    hints: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # revealed hint numbers
    hint_for: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # exercise -> test -> hint
    manual: bool = False
    practice: bool = False  # an interview or a review: n moves on whether or not this one passes
    deadline: float | None = None  # when it ends by itself (an interview's time)
    solutions_locked: bool = False


@dataclass(frozen=True)
class ListView:
    cursor: int = 0
    filter: str = "all"  # all, done, pending
    search: str = ""
    searching: bool = False


@dataclass(frozen=True)
class State:
    exercise: str
    result: Result | None = None
    generation: int = 0
    running: bool = False
    run_started: float | None = None  # when the learner's code started (the limit counts from then)
    due: float | None = None  # when a debounced save should start a run
    view: str = "main"  # main, list, help, task, confirm_reset
    listing: ListView = ListView()
    hints_shown: bool = False
    hint_about: str = ""  # the failing check the last revealed hint was chosen for
    show_solution: bool = False
    page: int = 0  # of the task or help view
    message: str = ""
    finished: bool = False  # every exercise is done
    quit: str = ""  # why watch ends ("q", "eof", "interrupt")


def list_rows(facts: Facts, lv: ListView) -> list[Exercise]:
    rows = []
    for ex in facts.curriculum:
        done = ex.name in facts.done
        if (lv.filter == "done" and not done) or (lv.filter == "pending" and done):
            continue
        if lv.search and lv.search.lower() not in ex.name.lower():
            continue
        rows.append(ex)
    return rows


def passing(st: State) -> bool:
    return st.result is not None and st.result.outcome is Outcome.PASS


def was_done_now_failing(st: State, facts: Facts) -> bool:
    return st.exercise in facts.done and st.result is not None and not st.running and not passing(st) \
        and st.result.outcome is not Outcome.CANCELLED


def can_move_on(st: State, facts: Facts) -> bool:
    """``n`` (and ``s``) are offered when the exercise passes, or was done and has not been re-checked
    into a failure."""
    if st.result is not None and not st.running:
        return passing(st)
    return st.exercise in facts.done


def next_in_practice(facts: Facts, after: str) -> Exercise | None:
    order = facts.curriculum.exercises
    here = facts.curriculum.get(after).index
    for ex in order[here + 1:] + order[:here]:
        if ex.name not in facts.done:
            return ex
    return None


def next_pending(facts: Facts, after: str) -> Exercise | None:
    order = facts.curriculum.exercises
    here = facts.curriculum.get(after).index
    for ex in order[here + 1:] + order[:here]:
        if ex.name not in facts.done:
            return ex
    return None


def start(st: State, now: float) -> tuple[State, list[Effect]]:
    """Check the current exercise now; a run in flight is stopped first (its verdict is stale)."""
    effects: list[Effect] = [CancelRun(st.generation)] if st.running else []
    st = replace(st, generation=st.generation + 1, running=True, run_started=None, due=None)
    return st, effects + [StartRun(st.exercise, st.generation)]


def go_to(st: State, name: str, now: float, facts: Facts) -> tuple[State, list[Effect]]:
    effects: list[Effect] = [CancelRun(st.generation)] if st.running else []
    st = replace(st, exercise=name, result=None, running=False, run_started=None, view="main", hints_shown=False,
                 hint_about="", show_solution=False, page=0, due=None, listing=ListView())
    effects.append(SetCurrent(name))
    if facts.manual:
        return st, effects
    st, more = start(st, now)
    return st, effects + more


def choose_hint(st: State, facts: Facts) -> tuple[int, str] | None:
    """The hint to reveal next: the one tied to the first failing check, if there is one and it is
    not revealed yet; otherwise the first one not revealed."""
    ex = facts.curriculum.get(st.exercise)
    shown = set(facts.hints.get(ex.name, ()))
    ties = facts.hint_for.get(ex.name, {})
    if st.result is not None and st.result.failures and ties:
        for failure in st.result.failures:
            number = ties.get(failure.test)
            if number is not None and number not in shown and 1 <= number <= len(ex.hints):
                return number, failure.test
    for number in range(1, len(ex.hints) + 1):
        if number not in shown:
            return number, ""
    return None


def step(st: State, event, facts: Facts, now: float) -> tuple[State, list[Effect]]:
    if isinstance(event, Quit):
        return replace(st, quit=event.reason), [CancelRun(st.generation)] if st.running else []
    if isinstance(event, FileSaved):
        if facts.manual or event.path.name != facts.curriculum.get(st.exercise).stub.name:
            return st, []
        return replace(st, due=now + DEBOUNCE), []
    if isinstance(event, Tick):
        if facts.deadline is not None and now >= facts.deadline:
            return replace(st, quit="time"), [CancelRun(st.generation)] if st.running else []
        if st.due is not None and now >= st.due:
            return start(st, now)
        return st, []
    if isinstance(event, Resized):
        return st, []
    if isinstance(event, RunReady):
        return (replace(st, run_started=now), []) if event.generation == st.generation else (st, [])
    if isinstance(event, RunFinished):
        return finished(st, event, facts)
    if isinstance(event, KeyPressed):
        return key(st, event.key, facts, now)
    return st, []


def finished(st: State, event: RunFinished, facts: Facts) -> tuple[State, list[Effect]]:
    if event.generation != st.generation or event.exercise != st.exercise:
        return st, []  # a stale run: cancelled, or for an exercise the learner left
    st = replace(st, running=False, run_started=None, result=event.result)
    if event.result.outcome is Outcome.PASS:
        done = facts.done | {st.exercise}
        all_done = all(ex.name in done for ex in facts.curriculum)
        return replace(st, finished=all_done, quit="done" if all_done and facts.practice else ""), \
            [RecordPass(st.exercise)]
    return st, []


def key(st: State, pressed: str, facts: Facts, now: float) -> tuple[State, list[Effect]]:
    meaning = intent(pressed, st.view, st.listing.searching)
    if meaning is None:
        return st, []
    what, char = meaning
    st = replace(st, message="")
    if st.view == "confirm_reset":
        if what is Intent.YES:
            st = replace(st, view="main", message=f"exercises/{facts.curriculum.get(st.exercise).path} is back to its "
                                                  "original stub.", result=None, hints_shown=st.hints_shown)
            st, effects = start(st, now) if not facts.manual else (st, [])
            return st, [ResetStub(st.exercise), *effects]
        return replace(st, view="main", message="Reset cancelled."), []
    if st.view == "list":
        return list_key(st, what, char, facts, now)
    if st.view in ("help", "task"):
        if what is Intent.QUIT:
            return replace(st, quit="q"), [CancelRun(st.generation)] if st.running else []
        if what is Intent.PAGE_DOWN:
            return replace(st, page=st.page + 1), []
        if what is Intent.PAGE_UP:
            return replace(st, page=max(0, st.page - 1)), []
        return replace(st, view="main", page=0), []
    return main_key(st, what, facts, now)


def main_key(st: State, what: Intent, facts: Facts, now: float) -> tuple[State, list[Effect]]:
    if what is Intent.QUIT:
        return replace(st, quit="q"), [CancelRun(st.generation)] if st.running else []
    if what is Intent.HINT:
        choice = choose_hint(st, facts)
        if choice is None:
            return replace(st, hints_shown=True, message="That was the last hint."), []
        number, about = choice
        return replace(st, hints_shown=True, hint_about=about), [RevealHint(st.exercise, number)]
    if what is Intent.RERUN:
        return start(st, now)
    if what is Intent.NEXT and facts.practice:  # move on, solved or not: the clock is running
        nxt = next_in_practice(facts, st.exercise)
        if nxt is None:
            return replace(st, message="This is the only one left."), []
        return go_to(st, nxt.name, now, facts)
    if what is Intent.NEXT:
        if not can_move_on(st, facts):
            return replace(st, message="Pass this exercise first (or press l to pick another)."), []
        nxt = next_pending(facts, st.exercise)
        if nxt is None:
            return replace(st, finished=True, message="Every exercise is done!"), []
        return go_to(st, nxt.name, now, facts)
    if what is Intent.SOLUTION:
        if facts.solutions_locked:
            return replace(st, message="Solutions open when this practice ends."), []
        if not can_move_on(st, facts):
            return replace(st, message="The solution opens once this exercise passes."), []
        return replace(st, show_solution=not st.show_solution), []
    if what is Intent.RESET:
        return replace(st, view="confirm_reset"), []
    if what is Intent.LIST:
        return replace(st, view="list", listing=ListView(cursor=facts.curriculum.get(st.exercise).index)), []
    if what in (Intent.HELP, Intent.TASK):
        return replace(st, view="help" if what is Intent.HELP else "task", page=0), []
    if what is Intent.PAGE_DOWN:
        return replace(st, page=st.page + 1), []
    if what is Intent.PAGE_UP:
        return replace(st, page=max(0, st.page - 1)), []
    return st, []


def list_key(st: State, what: Intent, char: str, facts: Facts, now: float) -> tuple[State, list[Effect]]:
    lv = st.listing
    rows = list_rows(facts, lv)
    last = max(0, len(rows) - 1)
    if what is Intent.TYPE:
        lv = replace(lv, search=lv.search + char, cursor=0)
    elif what is Intent.ERASE:
        lv = replace(lv, search=lv.search[:-1], cursor=0)
    elif what is Intent.SEARCH:
        lv = replace(lv, searching=True, search="", cursor=0)
    elif what is Intent.UP:
        lv = replace(lv, cursor=max(0, lv.cursor - 1))
    elif what is Intent.DOWN:
        lv = replace(lv, cursor=min(last, lv.cursor + 1))
    elif what is Intent.PAGE_UP:
        lv = replace(lv, cursor=max(0, lv.cursor - 10))
    elif what is Intent.PAGE_DOWN:
        lv = replace(lv, cursor=min(last, lv.cursor + 10))
    elif what in (Intent.SHOW_DONE, Intent.SHOW_PENDING, Intent.SHOW_ALL):
        lv = replace(lv, filter={Intent.SHOW_DONE: "done", Intent.SHOW_PENDING: "pending",
                                 Intent.SHOW_ALL: "all"}[what], cursor=0)
    elif what is Intent.SELECT:
        if rows:
            return go_to(st, rows[min(lv.cursor, last)].name, now, facts)
        return replace(st, listing=replace(lv, searching=False)), []
    elif what is Intent.BACK:
        if lv.searching:
            return replace(st, listing=replace(lv, searching=False)), []
        return replace(st, view="main"), []
    elif what is Intent.HELP:
        return replace(st, view="help", page=0), []
    return replace(st, listing=lv), []

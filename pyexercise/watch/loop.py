"""The watch loop: one queue of events, the state machine, and the effects carried out.

The loop (in the main thread) owns the state; producers only put events on the queue. Each check
runs in a thread of its own through the grading session, with a cancel flag the loop sets when a
newer save makes the run stale.
"""

from __future__ import annotations

import queue
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from pyexercise.errors import FatalError
from pyexercise.runner.result import Outcome, Result
from pyexercise.session import GradingSession
from pyexercise.watch import render, screen
from pyexercise.watch.events import (CancelRun, FileSaved, KeyPressed, RecordPass, ResetStub, Resized, RevealHint,
                                     RunFinished, RunReady, SetCurrent, StartRun, Tick)
from pyexercise.watch.machine import Facts, State, start, step
from pyexercise.watch.course import Course

TICK = 0.25  # seconds between redraws while a check runs (its elapsed time)


class Loop:
    def __init__(self, course: Course, session: GradingSession, events: queue.Queue, mode: str,
                 manual: bool = False, size: Callable[[], tuple[int, int]] | None = None, color: bool = True,
                 root: Path | None = None) -> None:
        self.course, self.session, self.events, self.mode, self.manual = course, session, events, mode, manual
        self.root = root or Path.cwd()
        self.size = size or (lambda: tuple(shutil.get_terminal_size((80, 24))))
        self.color = color
        self.cancels: dict[int, threading.Event] = {}
        self.facts = course.facts(manual)
        self.views: dict[str, render.View] = {}

    def view(self, st: State) -> render.View:
        ex = self.course.curriculum.get(st.exercise)
        cached = self.views.get(ex.name)
        if cached is None:
            task, summary = self.course.task(ex)
            cached = render.View(self.root, self.mode, task=task, summary=summary,
                                 final_message=self.course.final_message)
            self.views[ex.name] = cached
        if cached.solution_path is None:
            cached.solution_path = self.course.solution(ex)
            if cached.solution_path is not None:
                try:
                    cached.solution_text = cached.solution_path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    cached.solution_text = ""
        cached.extra = self.course.header(time.monotonic())
        return cached

    # -- effects -------------------------------------------------------------------------------------
    def carry_out(self, st: State, effects) -> State:
        for effect in effects:
            if isinstance(effect, StartRun):
                self.start_run(effect)
            elif isinstance(effect, CancelRun):
                cancel = self.cancels.pop(effect.generation, None)
                if cancel is not None:
                    cancel.set()
            elif isinstance(effect, RecordPass):
                self.course.record_pass(self.course.curriculum.get(effect.exercise))
                self.facts = self.course.facts(self.manual)
                self.views.pop(effect.exercise, None)
            elif isinstance(effect, RevealHint):
                self.course.reveal_hint(self.course.curriculum.get(effect.exercise), effect.number)
                self.facts = self.course.facts(self.manual)
            elif isinstance(effect, ResetStub):
                ex = self.course.curriculum.get(effect.exercise)
                try:
                    self.course.reset(ex)
                except FatalError as exc:
                    st = replace(st, message=str(exc))
                    continue
                self.facts = self.course.facts(self.manual)
                self.views.pop(ex.name, None)
            elif isinstance(effect, SetCurrent):
                self.course.set_current(effect.exercise)
        return st

    def start_run(self, effect: StartRun) -> None:
        cancel = threading.Event()
        self.cancels[effect.generation] = cancel
        ex = self.course.curriculum.get(effect.exercise)

        def work() -> None:
            try:
                result = self.course.grade(self.session, ex, cancel,
                                           lambda: self.events.put(RunReady(effect.generation)))
            except Exception as exc:  # noqa: BLE001 - shown to the learner, never a crash of watch
                result = Result(Outcome.CRASHED, exercise=ex.name, detail=f"pyex could not run the check: {exc}")
            self.events.put(RunFinished(ex.name, effect.generation, result))

        threading.Thread(target=work, daemon=True, name="pyex-run").start()

    # -- the loop ------------------------------------------------------------------------------------
    def draw(self, st: State, out) -> None:
        width, height = self.size()
        screen.draw(out, render.frame(st, self.facts, self.view(st), width, height, time.monotonic(), self.color))

    def run(self, st: State, out) -> State:
        if not self.manual:
            st, effects = start(st, time.monotonic())
            st = self.carry_out(st, effects)
        self.draw(st, out)
        while not st.quit:
            timeout = TICK if st.running or self.course.deadline is not None else 1.0
            if st.due is not None:
                timeout = max(0.0, min(timeout, st.due - time.monotonic()))
            try:
                event = self.events.get(timeout=timeout)
            except queue.Empty:
                event = Tick()
            redraw = False
            while event is not None and not st.quit:
                # take whatever else is already queued before drawing once
                redraw |= not isinstance(event, FileSaved)
                if isinstance(event, FileSaved) and event.path.name == self.course.curriculum.get(st.exercise).stub.name:
                    self.course.saved(self.course.curriculum.get(st.exercise))
                st, effects = step(st, event, self.facts, time.monotonic())
                st = self.carry_out(st, effects)
                if isinstance(event, KeyPressed | Resized | RunFinished | RunReady):
                    redraw = True
                try:
                    event = self.events.get_nowait()
                except queue.Empty:
                    event = None
            st, effects = step(st, Tick(), self.facts, time.monotonic())
            if effects:
                st = self.carry_out(st, effects)
                redraw = True
            if (redraw or st.running or self.course.deadline is not None) and not st.quit:
                self.draw(st, out)
        for cancel in self.cancels.values():
            cancel.set()
        return st

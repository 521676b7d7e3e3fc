"""Watch mode under a storm of saves: one loop, the newest save graded, no leaks."""

from __future__ import annotations

import io
import queue
import threading
import time

import psutil

from pyexercise.env import Environment
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession
from pyexercise.watch.events import Quit
from pyexercise.watch.files import start_observer
from pyexercise.watch.course import WorkspaceCourse
from pyexercise.watch.loop import Loop
from pyexercise.watch.machine import State
from pyexercise.workspace import Workspace

SAVES = 1000


class Recorder(Loop):
    """The real loop, keeping the last state where the test can see it."""

    def draw(self, st, out):
        self.last = st
        super().draw(st, out)


def test_a_thousand_saves_leave_no_processes_descriptors_or_memory_behind(workspace):
    ws = Workspace(Environment(root_override=workspace))
    ex = ws.curriculum.get("add_two")
    events: queue.Queue = queue.Queue()
    observer, mode = start_observer(ws.root, events, poll=False)
    me = psutil.Process()
    with GradingSession(ws) as session:
        session.warm_up()
        loop = Recorder(WorkspaceCourse(ws), session, events, mode, size=lambda: (100, 40), color=False)
        loop.last = State(exercise=ex.name)
        runner = threading.Thread(target=loop.run, args=(State(exercise=ex.name), io.StringIO()), daemon=True)
        runner.start()

        def settle(timeout=120, after=-1):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                st = loop.last
                # after the saves, idle counts only once a save was seen: the observer may deliver
                # its first event after the writes are done
                if st.result is not None and not st.running and st.due is None and events.empty() \
                        and st.generation > after:
                    return True
                time.sleep(0.05)
            return False

        try:
            assert settle()
            fds_before, rss_before = me.num_fds(), me.memory_info().rss
            runs_before = loop.last.generation
            for i in range(SAVES):
                # alternate wrong and right, ending on right: the last save is what must be graded
                body = "a + b" if i % 2 else "a - b"
                ex.stub.write_text(f"def add(a, b):\n    return {body}  # save {i}\n", encoding="utf-8")
                if i % 10 == 0:
                    time.sleep(0.01)  # some saves land while a run is going on
            assert settle(after=runs_before)
            assert loop.last.result.outcome is Outcome.PASS, "the newest save must be the one checked"
            runs = loop.last.generation - runs_before
            assert 1 <= runs < SAVES / 10, f"{runs} runs for {SAVES} saves: debouncing failed"
            time.sleep(0.5)
            kids = [p for p in me.children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
            assert {p.pid for p in kids} <= set(session.reaper.owned) | {
                c.pid for p in kids if p.pid in session.reaper.owned for c in p.children(recursive=True)
                if c.status() == psutil.STATUS_ZOMBIE}, [p.cmdline() for p in kids]
            assert me.num_fds() <= fds_before + 5
            assert me.memory_info().rss < rss_before + 50 * 1024 * 1024
        finally:
            events.put(Quit())
            runner.join(10)
            observer.stop()
            observer.join(5)

"""Watch mode under a storm of saves: one loop, no leaks."""

from __future__ import annotations

import io
import queue
import threading
import time

import psutil

from pyexercise.env import Environment
from pyexercise.runner.result import Outcome
from pyexercise.watch import Quit, Watcher, WatchState, start_observer
from pyexercise.workspace import Workspace

SAVES = 1000


def test_a_thousand_saves_leave_no_processes_descriptors_or_memory_behind(workspace):
    ws = Workspace(Environment(root_override=workspace))
    ex = ws.curriculum.get("add_two")
    events: queue.Queue = queue.Queue()
    observer, mode = start_observer(ws.root, events, poll=False)
    watcher = Watcher(ws, Environment().stdout, events=events, mode=mode)
    st = WatchState(exercise=ex)
    loop = threading.Thread(target=watcher.loop, args=(st, io.StringIO()), daemon=True)
    loop.start()
    me = psutil.Process()

    def settle(timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if st.result is not None and not st.running and st.due is None and events.empty():
                return True
            time.sleep(0.05)
        return False

    try:
        assert settle()
        fds_before, rss_before = me.num_fds(), me.memory_info().rss
        runs_before = st.generation
        for i in range(SAVES):
            # alternate wrong and right, ending on right: the last save is what must be graded
            body = "a + b" if i % 2 else "a - b"
            ex.stub.write_text(f"def add(a, b):\n    return {body}  # save {i}\n", encoding="utf-8")
            if i % 10 == 0:
                time.sleep(0.01)  # some saves land while a run is going on
        assert settle()
        assert st.result.outcome is Outcome.PASS, "the newest save must be the one checked"
        runs = st.generation - runs_before
        assert 1 <= runs < SAVES / 10, f"{runs} runs for {SAVES} saves: debouncing failed"
        time.sleep(0.5)
        kids = [p for p in me.children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
        from pyexercise.runner import warm

        allowed = {warm.shared().pid} if warm.shared() and warm.shared().pid else set()
        assert {p.pid for p in kids} <= allowed, [p.cmdline() for p in kids]
        assert me.num_fds() <= fds_before + 5
        assert me.memory_info().rss < rss_before + 50 * 1024 * 1024
    finally:
        events.put(Quit())
        loop.join(10)
        observer.stop()
        observer.join(5)
        watcher.services.close()

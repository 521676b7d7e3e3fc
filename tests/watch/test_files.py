"""Saves as watchdog reports them, including an editor's write-then-rename."""

from __future__ import annotations

import os
import queue
import time
from pathlib import Path

import pytest

from pyexercise.watch.events import FileSaved
from pyexercise.watch.files import needs_polling, start_observer


@pytest.mark.parametrize("poll", [False, True])
def test_in_place_and_atomic_saves_are_seen(tmp_path, poll):
    (tmp_path / "exercises").mkdir()
    stub = tmp_path / "exercises" / "x.py"
    stub.write_text("a")
    events: queue.Queue = queue.Queue()
    observer, mode = start_observer(tmp_path, events, poll=poll)
    try:
        assert mode == ("polling" if poll else "events")
        time.sleep(0.5)
        tmp = stub.with_name(".x.py.swp")
        tmp.write_text("b")
        os.replace(tmp, stub)
        deadline = time.monotonic() + 10
        seen = set()
        while time.monotonic() < deadline and stub not in seen:
            try:
                event = events.get(timeout=0.5)
            except queue.Empty:
                continue
            assert isinstance(event, FileSaved)
            seen.add(event.path)
        assert stub in seen
    finally:
        observer.stop()
        observer.join(5)


def test_local_disks_need_no_polling(tmp_path):
    assert needs_polling(tmp_path) is False
    assert needs_polling(Path("/nonexistent/place")) is False

"""The state file: atomic, locked, and never silently lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time

from pyexercise.progress import Progress, State


def test_round_trip(tmp_path):
    p = Progress(tmp_path)
    with p.update() as s:
        s.current = "a"
        s.done.add("a")
        s.hints["a"] = [1, 2]
    loaded = p.load()
    assert loaded.current == "a" and loaded.done == {"a"} and loaded.hints == {"a": [1, 2]}
    data = json.loads((tmp_path / ".pyex" / "state.json").read_text())
    assert data["format_version"] == 2


def test_version_1_hint_counts_are_read_as_the_first_hints(tmp_path):
    p = Progress(tmp_path)
    p.dir.mkdir()
    p.path.write_text(json.dumps({"format_version": 1, "current": "a", "done": [], "hints": {"a": 2, "b": 0}}))
    assert p.load().hints == {"a": [1, 2], "b": []}


def test_corrupt_state_is_set_aside_with_a_warning(tmp_path):
    warnings = []
    p = Progress(tmp_path, warn=warnings.append)
    p.dir.mkdir()
    for junk in (b"{not json", b"\xff\xfe", b'{"format_version": 1, "done": "abc"}', b"[]",
                 b'{"format_version": 7}', b""):
        p.path.write_bytes(junk)
        assert p.load() == State()
    assert len(warnings) == 6 and "kept as state.json.corrupt-" in warnings[0]
    kept = sorted(x.name for x in p.dir.iterdir() if ".corrupt-" in x.name)
    assert len(kept) == 6  # every unreadable file is kept, none overwritten


def _hammer(root, name, n):
    p = Progress(root)
    for i in range(n):
        with p.update() as s:
            s.done.add(f"{name}-{i}")


def test_concurrent_updates_are_not_lost(tmp_path):
    procs = [multiprocessing.Process(target=_hammer, args=(tmp_path, f"w{k}", 30)) for k in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
    assert len(Progress(tmp_path).load().done) == 90


def _write_forever(root):
    p = Progress(root)
    i = 0
    while True:
        with p.update() as s:
            s.done = {f"x{j}" for j in range(i % 50)}
        i += 1


def test_sigkill_during_writes_leaves_a_valid_state(tmp_path):
    with Progress(tmp_path).update() as s:
        s.done.add("first")
    for _ in range(5):
        proc = multiprocessing.Process(target=_write_forever, args=(tmp_path,))
        proc.start()
        time.sleep(0.15)
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        warnings = []
        Progress(tmp_path, warn=warnings.append).load()
        assert warnings == [], warnings


def test_truncated_state_recovers(tmp_path):
    p = Progress(tmp_path)
    with p.update() as s:
        s.done.update({"a", "b"})
    raw = p.path.read_bytes()
    p.path.write_bytes(raw[: len(raw) // 2])
    warnings = []
    assert Progress(tmp_path, warn=warnings.append).load() == State()
    assert warnings

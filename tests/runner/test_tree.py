"""A run's process tree: sampled from /proc, killed whole (daemons too), orphans reaped."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psutil

from pyexercise.runner.tree import ProcessTree, Reaper, become_subreaper


def spawn(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True)


def test_sampling_sees_children_memory_and_cpu():
    proc = spawn("import os, time\nif os.fork() == 0:\n    x = bytearray(80 << 20)\n    time.sleep(30)\n"
                 "t = time.process_time()\nwhile time.process_time() - t < 0.3:\n    pass\ntime.sleep(30)\n")
    tree = ProcessTree(proc.pid, "run", Reaper())
    try:
        deadline = time.monotonic() + 10
        sample = tree.sample(1 << 30)
        while (sample.processes < 2 or sample.resident < 80 << 20 or sample.cpu < 0.2) and time.monotonic() < deadline:
            time.sleep(0.05)
            sample = tree.sample(1 << 30)
        assert sample.processes == 2 and sample.resident >= 80 << 20 and sample.cpu >= 0.2
        private = tree.sample(10 << 20)  # over the limit: private memory is measured instead
        assert private.resident >= 80 << 20
    finally:
        tree.kill()
        proc.wait(5)


def test_kill_takes_a_double_forked_daemon_too():
    become_subreaper()
    reaper = Reaper()
    proc = spawn("import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                 "        time.sleep(60)\n    os._exit(0)\ntime.sleep(60)\n")
    tree = ProcessTree(proc.pid, "run", reaper)
    time.sleep(0.5)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    tree.kill()
    proc.wait(5)
    tree.kill()
    tree.release()
    alive = [p for p in psutil.Process().children(recursive=True) if p.pid in before and p.pid != proc.pid
             and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive and proc.pid not in reaper.active


def test_the_reaper_spares_what_pyex_owns_and_forgets_ended_ones():
    reaper = Reaper()
    reaper.own(123)
    reaper.begin(456)
    assert reaper.spared(123) and reaper.spared(456) and os.getpid() in reaper.adopters()
    reaper.disown(123)
    reaper.end(456)
    assert not reaper.spared(123) and not reaper.spared(456)
    with reaper.forking():
        assert reaper.settling == 1
    assert reaper.settling == 0

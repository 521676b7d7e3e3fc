"""The supervisor of a fresh check: it forks the check, adopts what the check leaves, and takes
all of it along when pyex dies."""

from __future__ import annotations

import os
import signal
import time
import uuid

import psutil
import pytest

from pyexercise.runner.launch import FreshLauncher
from pyexercise.runner.protocol import RunSpec


def spawn(tmp_path, body: str):
    (tmp_path / "work").mkdir()
    target = tmp_path / "m.py"
    target.write_text(body)
    check = tmp_path / "test_m.py"
    check.write_text("from m import f\n\ndef test_f():\n    assert f() == 1\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    r, w = os.pipe()
    spec = RunSpec(w, str(target), "m", str(check), str(tmp_path / "pytest.ini"), str(tmp_path / "work"), 30, 256, 10)
    child = FreshLauncher().spawn(spec, {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}, w)
    os.close(w)
    return child, r


def running(token: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter():
        try:
            if token in proc.cmdline() and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except psutil.Error:
            pass
    return found


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


DAEMON = ("import subprocess, sys, time\n"
          "def f():\n"
          "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', 'TOKEN'], start_new_session=True)\n"
          "    time.sleep({sleep})\n"
          "    return 1\n")


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="parent-death signals and subreapers are Linux's")
def test_a_learners_daemon_dies_with_the_supervisor(tmp_path):
    """pyex gone (the supervisor gets SIGTERM, as the kernel sends it): the daemon goes too"""
    token = "sv" + uuid.uuid4().hex[:10]
    child, r = spawn(tmp_path, DAEMON.format(sleep=60).replace("TOKEN", token))
    try:
        assert wait_for(lambda: running(token)), "the daemon never started"
        assert psutil.Process(child.pid).children(), "the check runs in a process the supervisor forked"
        os.kill(child.pid, signal.SIGTERM)
        assert child.wait(10)
        assert wait_for(lambda: not running(token), 10), "the daemon outlived the supervisor"
    finally:
        for proc in running(token):
            proc.kill()
        os.close(r)
        child.stdout.close()


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="subreapers are Linux's")
def test_what_a_finished_check_left_running_is_killed_and_its_status_kept(tmp_path):
    token = "sv" + uuid.uuid4().hex[:10]
    child, r = spawn(tmp_path, DAEMON.format(sleep=0).replace("TOKEN", token))
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    assert child.wait(30) and child.returncode == 0
    assert b'"outcome": "pass"' in data
    assert wait_for(lambda: not running(token), 10), "the daemon outlived its check"
    child.stdout.close()


@pytest.mark.parametrize("sig", ["SIGSEGV", "SIGKILL"])
def test_a_check_killed_by_a_signal_reads_so_to_pyex(tmp_path, sig):
    child, r = spawn(tmp_path, f"import os, signal\ndef f():\n    os.kill(os.getpid(), signal.{sig})\n")
    while os.read(r, 65536):
        pass
    os.close(r)
    assert child.wait(30) and child.returncode == -getattr(signal, sig)
    child.stdout.close()

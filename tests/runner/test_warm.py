"""The warm worker, from pyex's side: it forks checks, reports their end, and is replaced when stopped."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from pyexercise.runner.launch import LaunchFailed
from pyexercise.runner.protocol import RunSpec
from pyexercise.runner.tree import Reaper
from pyexercise.runner.warm import WarmWorker, supported

pytestmark = pytest.mark.skipif(not supported(), reason="the warm worker needs fork and Linux")
ENV = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture
def worker(tmp_path):
    w = WarmWorker(ENV, Reaper(), workdir=str(tmp_path))
    yield w
    w.stop()


def spec_for(tmp_path, fd: int) -> RunSpec:
    (tmp_path / "work").mkdir(exist_ok=True)
    (tmp_path / "m.py").write_text("def f():\n    return 1\n")
    (tmp_path / "test_m.py").write_text("from m import f\n\ndef test_f():\n    assert f() == 1\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    return RunSpec(fd, str(tmp_path / "m.py"), "m", str(tmp_path / "test_m.py"), str(tmp_path / "pytest.ini"),
                   str(tmp_path / "work"), 10, 256, 10)


def test_forks_a_check_that_reports_and_exits(worker, tmp_path):
    r, w = os.pipe()
    child = worker.spawn(spec_for(tmp_path, w), ENV, w)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    assert child.wait(30) and child.returncode == 0 and b'"outcome": "pass"' in data
    assert worker.reaper.spared(worker.pid)  # owned: never swept as a leftover
    child.stdout.close()


def test_a_stopped_worker_is_replaced(worker, tmp_path):
    worker.start()
    old = worker.pid
    os.kill(old, signal.SIGSTOP)
    time.sleep(0.3)
    worker.check_health()
    assert worker.pid is None and not worker.reaper.spared(old)
    r, w = os.pipe()
    child = worker.spawn(spec_for(tmp_path, w), ENV, w)
    os.close(w)
    assert child.wait(30) and worker.pid not in (None, old)
    os.close(r)
    child.stdout.close()


def test_a_killed_worker_ends_its_checks_as_crashes(worker, tmp_path):
    r, w = os.pipe()
    spec = spec_for(tmp_path, w)
    (tmp_path / "m.py").write_text("import time\ndef f():\n    time.sleep(30)\n")
    child = worker.spawn(spec, ENV, w)
    os.close(w)
    time.sleep(0.5)
    os.kill(worker.pid, signal.SIGKILL)
    assert child.wait(10) and child.parent_died and child.returncode == -9
    os.close(r)
    child.stdout.close()


def test_closing_cuts_a_slow_start_short_and_refuses_new_checks(tmp_path):
    # a worker whose imports take half a minute: Ctrl-C or SIGTERM must not wait for them
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "sitecustomize.py").write_text("import time\ntime.sleep(30)\n")
    worker = WarmWorker({**ENV, "PYTHONPATH": str(slow)}, Reaper(), workdir=str(tmp_path))
    failed = []

    def start():
        try:
            worker.start()
        except LaunchFailed as exc:
            failed.append(exc)

    starter = threading.Thread(target=start)
    starter.start()
    while worker.proc is None and starter.is_alive():
        time.sleep(0.01)
    worker.close()
    starter.join(20)
    assert not starter.is_alive() and failed and worker.pid is None
    r, w = os.pipe()
    with pytest.raises(LaunchFailed):
        worker.spawn(spec_for(tmp_path, w), ENV, w)
    os.close(r)
    os.close(w)

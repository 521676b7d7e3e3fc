"""The worker process itself: it dies with pyex and takes every check with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from pyexercise.runner.warm import supported

pytestmark = pytest.mark.skipif(not supported(), reason="the warm worker needs fork and Linux")

PARENT = r"""
import os, sys, time
from pyexercise.runner.protocol import RunSpec
from pyexercise.runner.tree import Reaper
from pyexercise.runner.warm import WarmWorker
tmp = sys.argv[1]
os.makedirs(tmp + "/work", exist_ok=True)
open(tmp + "/m.py", "w").write("import time\ndef f():\n    time.sleep(120)\n")
open(tmp + "/test_m.py", "w").write("from m import f\n\ndef test_f():\n    f()\n")
open(tmp + "/pytest.ini", "w").write("[pytest]\n")
env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
w = WarmWorker(env, Reaper(), workdir=tmp)
r, fd = os.pipe()
spec = RunSpec(fd, tmp + "/m.py", "m", tmp + "/test_m.py", tmp + "/pytest.ini", tmp + "/work", 100, 256, 10)
child = w.spawn(spec, env, fd)
print(w.pid, child.pid, flush=True)
time.sleep(120)
"""


def test_when_pyex_is_killed_the_worker_and_its_checks_die_too(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    worker_pid, check_pid = map(int, parent.stdout.readline().split())
    time.sleep(1)
    assert psutil.pid_exists(worker_pid) and psutil.pid_exists(check_pid)
    parent.kill()
    parent.wait(5)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (_alive(worker_pid) or _alive(check_pid)):
        time.sleep(0.1)
    assert not _alive(worker_pid) and not _alive(check_pid)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

"""The grading session owns everything a run starts, and leaves nothing behind on any way out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from pyexercise.curriculum import Package
from pyexercise.env import Environment
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession, Interrupted
from pyexercise.workspace import Workspace

from conftest import write


def ws_of(root: Path) -> Workspace:
    return Workspace(Environment(root_override=root))


def test_unavailable_before_any_run(workspace):
    ws = ws_of(workspace)
    ex = ws.curriculum.get("add_two")
    with GradingSession(ws, warm_worker=False) as session:
        (workspace / "exercises/basics/add_two.py").unlink()
        assert session.grade(ex).outcome is Outcome.UNAVAILABLE
        ws.reset(ex)
        needy = type(ex)(**{**ex.__dict__, "packages": (Package("no_such_module_pyex", "no-such-dist"),)})
        result = session.grade(needy)
        assert result.outcome is Outcome.UNAVAILABLE and "pip install no-such-dist" in result.detail


def test_closing_stops_worker_services_keeper_and_removes_its_directory(workspace):
    ws = ws_of(workspace)
    with GradingSession(ws) as session:
        session.warm_up()
        assert session.grade(ws.curriculum.get("redis_remember")).outcome is Outcome.NOT_STARTED
        owned = set(session.reaper.owned)
        base = Path(session.base)
        assert len(owned) >= 3 and base.is_dir()  # the keeper, the worker, redis-server
    time.sleep(0.3)
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in owned)
    assert not base.exists()


def test_every_run_is_graded_from_the_checks_as_they_were(workspace):
    """A check rewritten and put back during a run changes no verdict (the run used its snapshot)."""
    ws = ws_of(workspace)
    with GradingSession(ws, warm_worker=False) as session:
        check = workspace / "checks/basics/test_shout.py"
        original = check.read_bytes()
        with session._running(ws.curriculum.get("add_two")):  # a run in flight: no refresh meanwhile
            check.write_text("def test_ok():\n    pass\n")
            result = session.grade(ws.curriculum.get("shout"))
            check.write_bytes(original)
        assert result.outcome in (Outcome.NOT_STARTED, Outcome.TAMPERED) and not result


def test_an_interrupted_grade_many_returns_what_was_done(workspace, monkeypatch):
    ws = ws_of(workspace)
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    write(workspace / "exercises/basics/shout.py", "import time\ndef shout(t):\n    time.sleep(30)\n")
    with GradingSession(ws, warm_worker=False) as session:
        exercises = [ws.curriculum.get("add_two"), ws.curriculum.get("shout")]
        seen = []

        def on_result(ex, result):
            seen.append(ex.name)
            if ex.name == "add_two":
                os.kill(os.getpid(), signal.SIGINT)

        started = time.monotonic()
        with pytest.raises(Interrupted) as stop:
            session.grade_many(exercises, jobs=1, on_result=on_result)
        assert time.monotonic() - started < 15
        assert [ex.name for ex, _ in stop.value.done] == ["add_two"] and stop.value.done[0][1]


SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from pyexercise.env import Environment
    from pyexercise.session import GradingSession
    from pyexercise.workspace import Workspace
    ws = Workspace(Environment(root_override=Path(sys.argv[1])))
    with GradingSession(ws) as session:
        session.warm_up()
        print(session.base, *session.reaper.owned, flush=True)
        session.grade(ws.curriculum.get("redis_remember"))
""")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGHUP])
def test_nothing_survives_pyex_being_signalled(workspace, sig):
    write(workspace / "exercises/basics/redis_remember.py",
          "import subprocess, time\ndef remember(client, key, value):\n"
          "    subprocess.Popen(['sleep', '300'], start_new_session=True)\n    time.sleep(300)\n")
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(workspace)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    base, *owned = proc.stdout.readline().split()
    time.sleep(1.5)  # the learner's child and its daemon are running now
    below = [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
    assert len(below) >= 4
    proc.send_signal(sig)
    proc.wait(20)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (_alive(below) or Path(base).exists()):
        time.sleep(0.1)
    assert not _alive(below), [psutil.Process(p).cmdline() for p in _alive(below)]
    assert not Path(base).exists(), "the session's temp directory was left behind"


def _alive(pids):
    out = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                out.append(pid)
        except psutil.NoSuchProcess:
            pass
    return out


def test_a_fresh_machine_builds_hypothesis_tables_outside_the_learners_run(workspace, tmp_path, monkeypatch, pyex):
    """Built inside the check, hypothesis' unicode tables cost ~200 MB and a correct ``add`` failed
    the fixture's 160 MB limit on a machine that had never run pyex."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    monkeypatch.setenv("PYEX_WARM", "0")
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
    result = pyex("run", "add_two")
    assert result.code == 0, result.out
    assert list((tmp_path / "fresh-cache" / "pyex" / "hypothesis").glob("tables-*"))


def test_keeper_cleans_up_even_when_pyex_dies_while_it_is_starting(tmp_path):
    """pyex SIGKILLed right after starting its keeper: the parent-death SIGTERM reaches the keeper
    while its interpreter is still starting, and must not kill it before it removes the folder"""
    base = tmp_path / "pyex-session-x"
    (base / "run").mkdir(parents=True)
    code = ("import os, signal, subprocess, sys\n"
            "from pyexercise.session import KEEPER, _keeper_preexec\n"
            f"subprocess.Popen([sys.executable, '-S', '-E', '-c', KEEPER, {str(base)!r}, str(os.getpid())],\n"
            "                 start_new_session=True, preexec_fn=_keeper_preexec())\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], timeout=30)
    deadline = time.monotonic() + 20
    while base.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not base.exists(), "the keeper died before removing the session folder"

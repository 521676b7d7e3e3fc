"""Grade one file against one exercise's hidden check, in a child process under limits.

The child (``runner/child.py``) imports the file and runs pytest; pyex watches the whole process
tree with psutil, kills it on a limit breach and always kills it afterwards, and reads the verdict
from a pipe of its own, never from anything the learner's code prints.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from pyexercise.curriculum import Exercise, Limits
from pyexercise.guard import put_back
from pyexercise.runner.result import Frame, Outcome, Result, TestFailure
from pyexercise.runner.tree import ProcessTree, become_subreaper
from pyexercise.runner.warm import WorkerGone

POLL = 0.02  # seconds between samples of the process tree
STARTUP = 30.0  # seconds the interpreter and pytest may take to start on a busy machine
MB = 1024 * 1024
#: printing this many times the kept output is a flood: the run is stopped
FLOOD_FACTOR = 100
#: environment variables a learner's shell could use to reach into pytest or the interpreter
SCRUBBED = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONHOME",
            "PYTHONUSERBASE", "PYTHONBREAKPOINT", "PYTHONWARNINGS", "COV_CORE_SOURCE")


@dataclass
class Job:
    """One file to grade against one exercise."""

    exercise: Exercise
    target: Path  # the learner's stub, or the reference solution
    env: dict[str, str] = field(default_factory=dict)  # services, e.g. PYEX_REDIS_URL
    limits: Limits | None = None  # overrides the exercise's own
    fail_fast: bool = False  # stop at the first failing test (mutation testing needs no more)


@functools.lru_cache(maxsize=None)
def cache_dir() -> str:
    """pyex's cache outside the workspace: hypothesis keeps its unicode tables there, which
    would otherwise be rebuilt on every run (seconds for a check that uses st.text())."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "pyex", "hypothesis")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        path = os.path.join(tempfile.gettempdir(), f"pyex-hypothesis-{os.getuid()}")
        os.makedirs(path, exist_ok=True)
    return path


def child_env(run_id: str, tmp: str, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED and not k.startswith("PYEX_")}
    env.update(
        PYEX_RUN=run_id,
        PYTHONDONTWRITEBYTECODE="1",  # nothing written next to the learner's file or the checks
        PYTHONUNBUFFERED="1",  # prints arrive in order and survive a kill
        PYTHONHASHSEED="0",  # the same code gets the same verdict on every save
        PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",  # only the plugins pyex names
        PYTHONIOENCODING="utf-8",
        TMPDIR=tmp,
        HOME=tmp,
        COLUMNS="80",
        HYPOTHESIS_STORAGE_DIRECTORY=cache_dir(),
    )
    env.update(extra)
    return env


class _Output(threading.Thread):
    """Reads what the learner prints, keeps the first ``cap`` bytes and counts the rest."""

    def __init__(self, stream, cap: int) -> None:
        super().__init__(daemon=True)
        self.stream, self.cap = stream, cap
        self.kept = bytearray()
        self.total = 0

    def run(self) -> None:
        try:
            while chunk := self.stream.read1(65536):
                self.total += len(chunk)
                room = self.cap - len(self.kept)
                if room > 0:
                    self.kept += chunk[:room]
        except (OSError, ValueError):
            pass

    @property
    def flooded(self) -> bool:
        return self.total > self.cap * FLOOD_FACTOR


class _Channel(threading.Thread):
    """Reads pyex's own result pipe: ``start`` events, then one ``final`` message."""

    def __init__(self, fd: int) -> None:
        super().__init__(daemon=True)
        self.fd = fd
        self.running = ""
        self.ready_at: float | None = None
        self.started: list[str] = []
        self.final: dict | None = None
        self.done = threading.Event()

    def run(self) -> None:
        with open(self.fd, "rb", closefd=True) as pipe:
            for line in pipe:
                try:
                    msg = json.loads(line)
                except ValueError:
                    continue
                if "ready" in msg and self.ready_at is None:
                    self.ready_at = time.monotonic()
                elif "start" in msg:
                    self.running = str(msg["start"])
                    self.started.append(self.running)
                elif "final" in msg and self.final is None and isinstance(msg["final"], dict):
                    self.final = msg["final"]
        self.done.set()


class _Fresh:
    """A check child started as a fresh interpreter (the plain path, and the fallback)."""

    def __init__(self, popen: subprocess.Popen) -> None:
        self.popen = popen
        self.pid = popen.pid
        self.stdout = popen.stdout

    def wait(self, timeout: float | None = None) -> bool:
        try:
            self.popen.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    @property
    def returncode(self) -> int | None:
        return self.popen.returncode


def _launch(spec: dict, env: dict[str, str], work: str, write_fd: int, worker):
    if worker is not None:
        try:
            return worker.spawn(spec, env, write_fd)
        except WorkerGone:
            pass  # fall back to a fresh interpreter: slower, never weaker
    return _Fresh(subprocess.Popen(
        [sys.executable, "-m", "pyexercise.runner.child", json.dumps(spec)],
        cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        pass_fds=(write_fd,), start_new_session=True))


def worker_env() -> dict[str, str]:
    """The environment the warm worker starts with: what a fresh child would get, less the
    per-run parts, which each forked child sets for itself."""
    tmp = tempfile.gettempdir()
    env = child_env("", tmp, {})
    env.pop("PYEX_RUN", None)
    return env


def run(job: Job, worker=None) -> Result:
    """Grade ``job.target``. Never raises for anything the learner's code does."""
    ex = job.exercise
    limits = job.limits or ex.limits
    become_subreaper()
    run_id = uuid.uuid4().hex
    tmp = tempfile.mkdtemp(prefix="pyex-run-")
    work = os.path.join(tmp, "work")
    os.mkdir(work, 0o700)
    ini = os.path.join(tmp, "pytest.ini")
    with open(ini, "w") as fh:
        fh.write("[pytest]\n")
    target = os.path.realpath(job.target)
    # pytest reads a private copy of the check, and the workspace's copy is compared afterwards:
    # a run that edits or deletes a check cannot change its own verdict, and is reported
    try:
        check_bytes = ex.check.read_bytes()
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=str(job.target),
                      detail=f"pyex cannot read the check {ex.check.name}: {exc.strerror}")
    check_copy = os.path.join(tmp, "check", ex.check.name)
    os.mkdir(os.path.dirname(check_copy), 0o700)
    with open(check_copy, "wb") as fh:
        fh.write(check_bytes)
    read_fd, write_fd = os.pipe()
    spec = {
        "fd": write_fd, "target": target, "module": ex.module, "check": check_copy,
        "ini": ini, "cwd": work, "time": limits.time, "memory": limits.memory,
        "file_size": limits.file_size, "fail_fast": job.fail_fast,
    }
    env = child_env(run_id, work, job.env)
    started = time.monotonic()
    try:
        proc = _launch(spec, env, work, write_fd, worker)
    except (OSError, WorkerGone) as exc:
        os.close(read_fd)
        os.close(write_fd)
        shutil.rmtree(tmp, ignore_errors=True)
        return Result(Outcome.CRASHED, exercise=ex.name, target=str(job.target),
                      detail=f"pyex could not start the check: {exc}")
    os.close(write_fd)
    tree = ProcessTree(proc.pid, run_id)
    output = _Output(proc.stdout, limits.output * 1024)
    channel = _Channel(read_fd)
    output.start()
    channel.start()

    breach: Outcome | None = None
    peak_rss = peak_procs = 0
    while True:
        if proc.wait(timeout=POLL):
            break
        rss, procs = tree.sample()
        peak_rss, peak_procs = max(peak_rss, rss), max(peak_procs, procs)
        now = time.monotonic()
        # the limit is on the learner's code; interpreter and pytest start-up get their own allowance
        elapsed = now - channel.ready_at if channel.ready_at is not None else now - started - STARTUP
        if procs > limits.processes:
            breach = Outcome.PROCESSES
        elif rss > limits.memory * MB:
            breach = Outcome.MEMORY
        elif elapsed > limits.time:
            breach = Outcome.TIMEOUT
        elif output.flooded:
            breach = Outcome.OUTPUT
        if breach:
            break
    duration = time.monotonic() - started
    tree.kill()
    proc.wait(timeout=10)
    # once the root is gone, everything it left has reparented to pyex: sweep again for a process
    # that was still between parents during the first sweep
    tree.kill()
    channel.done.wait(timeout=2)
    output.join(timeout=2)
    if not output.is_alive():  # a survivor holding the pipe would block close(); never wait on it
        proc.stdout.close()
    tampered = _check_changed(ex.check, check_bytes, check_copy)
    shutil.rmtree(tmp, ignore_errors=True)
    if worker is not None:
        worker.check_health()

    result = _verdict(job, limits, breach, channel, proc.returncode)
    if getattr(proc, "worker_died", False) and result.outcome is Outcome.CRASHED:
        result.detail = ("pyex's check worker (the parent of your code's process) was killed or stopped "
                         "during the run; your code must not signal other processes")
    if tampered:
        result = Result(Outcome.TAMPERED, exercise=ex.name, target=str(job.target),
                        detail=f"your code {tampered} the hidden check {ex.check.name}; pyex put it back, "
                        "and this run does not count")
    result.duration = duration
    result.peak_memory_mb = round(peak_rss / MB, 1)
    result.peak_processes = peak_procs
    result.output = output.kept.decode("utf-8", "replace")
    result.output_dropped = max(0, output.total - len(output.kept))
    result.running_test = channel.running if breach else ""
    if channel.ready_at is not None:
        result.learner_time = round(max(0.0, started + duration - channel.ready_at), 3)
    if result.outcome is Outcome.MEMORY and not result.detail.startswith("your"):
        used = max(result.peak_memory_mb, 0)
        result.detail = (f"your code used {used:.0f} MB; the limit is {limits.memory} MB"
                         if breach else f"your code ran out of memory; the limit is {limits.memory} MB")
    _summarise(result, limits)
    return result


def _check_changed(check: Path, before: bytes, copy: str) -> str:
    """'changed' or 'deleted' if the run touched the check (the workspace's or pyex's copy); the
    workspace's copy is put back."""
    now = _read_or_none(check)
    copy_now = _read_or_none(Path(copy))
    if now == before and copy_now == before:
        return ""
    put_back(check, before, now)
    return "deleted" if now is None or copy_now is None else "changed"


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _verdict(job: Job, limits: Limits, breach: Outcome | None, channel: _Channel, code: int) -> Result:
    base = dict(exercise=job.exercise.name, target=str(job.target))
    if breach is Outcome.MEMORY:
        return Result(Outcome.MEMORY, **base)
    if breach is Outcome.TIMEOUT:
        return Result(Outcome.TIMEOUT, detail=f"your code ran for more than {limits.time:g} s, the limit "
                      "(an endless loop, or an approach too slow for the input?)", **base)
    if breach is Outcome.PROCESSES:
        return Result(Outcome.PROCESSES, detail=f"your code started more than {limits.processes} "
                      "processes at once, the limit", **base)
    if breach is Outcome.OUTPUT:
        return Result(Outcome.OUTPUT, detail=f"your code printed more than "
                      f"{limits.output * FLOOD_FACTOR // 1024} MB; stopped", **base)
    final = channel.final
    if final is None:
        return Result(Outcome.CRASHED, detail=_crash_reason(code), **base)
    try:
        outcome = Outcome(final.get("outcome"))
    except ValueError:
        return Result(Outcome.CRASHED, detail="the check sent an unknown verdict", **base)
    failures = [
        TestFailure(
            test=str(f.get("test", "")), about=str(f.get("about", "")), exception=str(f.get("exception", "")),
            message=str(f.get("message", "")), check_line=str(f.get("check_line", "")),
            frames=[Frame(**fr) for fr in f.get("frames", [])], notes=[str(n) for n in f.get("notes", [])],
            todo=bool(f.get("todo")))
        for f in final.get("failures", [])
    ]
    result = Result(outcome, detail=str(final.get("detail", "")), passed=int(final.get("passed", 0)),
                    total=int(final.get("total", 0)), failures=failures,
                    frames=[Frame(**fr) for fr in final.get("frames", [])], **base)
    if outcome is Outcome.PASS and (code != 0 or result.total == 0 or result.failures):
        # a pass needs a clean exit too: anything else means the run was interfered with
        return Result(Outcome.CRASHED, detail=_crash_reason(code), **base)
    if outcome is Outcome.PASS and (result.passed != result.total or len(channel.started) != result.total):
        # every test pyex counts as passed must have been seen starting: a forged verdict is not
        return Result(Outcome.TAMPERED, detail="the check's report does not match the tests that ran: "
                      "something wrote to pyex's result channel", **base)
    return result


def _crash_reason(code: int) -> str:
    if code is None:
        return "the check did not finish"
    if code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if name == "SIGSEGV":
            return ("Python itself crashed (SIGSEGV): usually recursion so deep it overflowed the C stack "
                    "(did you raise sys.setrecursionlimit?)")
        if name == "SIGKILL":
            return "the check was killed (SIGKILL) before it could report"
        return f"the check was ended by {name} before it could report"
    return (f"the check process ended (exit code {code}) before it could report: did your code call "
            "os._exit(), close pyex's pipes, or exit from a thread?")


def _summarise(result: Result, limits: Limits) -> None:
    o = result.outcome
    if o is Outcome.PASS:
        result.summary = "the one check passes" if result.total == 1 else f"all {result.total} checks pass"
    elif o is Outcome.FAIL:
        failed = result.total - result.passed
        first = result.failures[0].test if result.failures else ""
        result.summary = f"{failed} of {result.total} checks fail" + (f" (first: {first})" if first else "")
    elif o is Outcome.NOT_STARTED:
        result.summary = "not done yet: the stub still raises NotImplementedError"
    elif o is Outcome.ERROR:
        result.summary = result.detail.splitlines()[0] if result.detail else "error"
    else:
        result.summary = result.detail.splitlines()[0] if result.detail else o.value

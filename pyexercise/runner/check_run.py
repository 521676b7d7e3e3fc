"""One check run: a private directory, a child under limits, its whole process tree, a verdict.

The child imports a private copy of the learner's file and runs a private copy of the check (taken
before any learner code ran, by the session). pyex samples the process tree, stops it on a limit
breach (after asking it where it was), always kills it all afterwards, and builds the verdict from
its result pipe, never from anything the learner's code printed.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from pyexercise import verdicts
from pyexercise.curriculum import Exercise, Limits
from pyexercise.errors import no_temp_space
from pyexercise.runner.launch import ChildHandle, FreshLauncher, LaunchFailed, Launcher
from pyexercise.runner.protocol import FinalReport, Frame, RunSpec, SandboxSpec
from pyexercise.runner.result import LimitHit, Outcome, Result
from pyexercise.runner.streams import FLOOD_FACTOR, OutputReader, ResultReader
from pyexercise.runner.tree import ProcessTree, Reaper

POLL = 0.02  # seconds between samples of the process tree
STARTUP = 30.0  # seconds the interpreter and pytest may take to start on a busy machine
STACK_WAIT = 0.15  # seconds a run too slow gets to dump its stack before it is killed
MB = 1024 * 1024
#: environment variables a learner's shell could use to reach into pytest or the interpreter
SCRUBBED = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONHOME",
            "PYTHONUSERBASE", "PYTHONBREAKPOINT", "PYTHONWARNINGS", "COV_CORE_SOURCE", "PYTHONPATH")


@dataclass(frozen=True)
class Job:
    """One file to grade against one exercise's check."""

    exercise: Exercise
    target: Path  # the learner's stub, the reference solution, or a mutant
    check_source: bytes  # the check as it was before any learner code ran
    limits: Limits
    services: dict[str, str] = field(default_factory=dict)  # e.g. PYEX_REDIS_URL
    fail_fast: bool = False  # stop at the first failing test (mutation testing needs no more)


@dataclass
class Context:
    """What every run of a session shares (the session owns it)."""

    reaper: Reaper
    base: str  # the session's private directory; each run gets one below it
    launcher: Launcher
    sandbox: SandboxSpec = SandboxSpec()
    cache_dir: str = ""  # hypothesis' unicode tables, shared by every run
    fallback: Launcher = field(default_factory=FreshLauncher)


def child_variables(run_id: str, work: str, ctx: Context, services: dict[str, str]) -> dict[str, str]:
    """The child's whole environment: the user's, less what could steer pytest, plus pyex's own."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED and not k.startswith("PYEX_")}
    env.update(
        PYEX_RUN=run_id,
        PYTHONDONTWRITEBYTECODE="1",  # nothing written next to the learner's file or the checks
        PYTHONUNBUFFERED="1",  # prints arrive in order and survive a kill
        PYTHONHASHSEED="0",  # the same code gets the same verdict on every save
        PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",  # only the plugins pyex names
        PYTHONIOENCODING="utf-8",
        TMPDIR=work,
        HOME=work,
        COLUMNS="80",
    )
    if ctx.cache_dir:
        env["HYPOTHESIS_STORAGE_DIRECTORY"] = ctx.cache_dir
    if ctx.sandbox.uid is not None:
        env.update(USER="nobody", LOGNAME="nobody")
    env.update(services)
    return env


@dataclass
class RunDir:
    path: str
    work: str
    target: str
    check: str
    ini: str
    stack: str

    @classmethod
    def make(cls, ctx: Context, job: Job) -> "RunDir":
        path = tempfile.mkdtemp(prefix="run-", dir=ctx.base)
        os.chmod(path, 0o755)
        work = os.path.join(path, "work")
        os.mkdir(work, 0o700)
        if ctx.sandbox.uid is not None:
            os.chown(work, ctx.sandbox.uid, ctx.sandbox.gid if ctx.sandbox.gid is not None else ctx.sandbox.uid)
        rd = cls(path, work, os.path.join(path, "target", f"{job.exercise.module}.py"),
                 os.path.join(path, "check", job.exercise.check.name), os.path.join(path, "pytest.ini"),
                 os.path.join(path, "stack.txt"))
        # read-only copies, owned by pyex: a check that runs as another uid cannot change them
        for dest, data in ((rd.target, Path(job.target).read_bytes()), (rd.check, job.check_source),
                           (rd.ini, b"[pytest]\n")):
            os.makedirs(os.path.dirname(dest), 0o755, exist_ok=True)
            with open(dest, "wb") as fh:
                fh.write(data)
            os.chmod(dest, 0o444)
        return rd

    def check_now(self) -> bytes | None:
        try:
            with open(self.check, "rb") as fh:
                return fh.read()
        except OSError:
            return None

    def stuck_at(self) -> tuple[Frame, ...]:
        """The learner's frames in the stack the child dumped before it was killed."""
        try:
            text = Path(self.stack).read_text("utf-8", "replace")
        except OSError:
            return ()
        frames = []
        for line in text.splitlines():
            line = line.strip()
            if line.startswith('File "') and '", line ' in line:
                name, _, rest = line[6:].partition('", line ')
                number, _, function = rest.partition(" in ")
                if name == self.target and number.strip().isdigit():
                    frames.append(Frame(int(number), function.strip(), ""))
            elif line.startswith(("Thread", "Current thread")) and frames:
                break  # the first thread listed is the one that was running
        return tuple(reversed(frames))  # faulthandler lists the innermost call first

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@dataclass
class Watch:
    """What sampling saw."""

    breach: LimitHit | None = None
    peak_resident: int = 0
    peak_processes: int = 0
    cpu: float = 0.0
    waited: float = 0.0
    cancelled: bool = False


def _launch(ctx: Context, spec: RunSpec, variables: dict[str, str], result_fd: int,
            stopped: Callable[[], bool]) -> ChildHandle:
    if stopped():
        raise LaunchFailed("stopped by pyex")
    try:
        return ctx.launcher.spawn(spec, variables, result_fd)
    except LaunchFailed:
        if ctx.launcher is ctx.fallback or stopped():  # a launch cut short by closing is not retried
            raise
        return ctx.fallback.spawn(spec, variables, result_fd)  # slower, never weaker


def _watch(child: ChildHandle, tree: ProcessTree, results: ResultReader, output: OutputReader,
           limits: Limits, started: float, stopped: Callable[[], bool]) -> Watch:
    seen = Watch()
    memory = limits.memory * MB
    while not child.wait(timeout=POLL):
        sample = tree.sample(memory)
        seen.peak_resident = max(seen.peak_resident, sample.resident)
        seen.peak_processes = max(seen.peak_processes, sample.processes)
        seen.cpu, seen.waited = sample.cpu, sample.waited
        now = time.monotonic()
        # the limit is on the learner's code; interpreter and pytest start-up get their own allowance
        elapsed = now - results.ready_at if results.ready_at is not None else now - started - STARTUP
        if stopped():
            seen.cancelled = True
        elif sample.processes > limits.processes:
            seen.breach = LimitHit("processes", limits.processes, sample.processes, "processes")
        elif sample.resident > memory:
            seen.breach = LimitHit("memory", limits.memory, round(sample.resident / MB, 1), "MB")
        elif elapsed > limits.time:
            tree.stack()
            time.sleep(STACK_WAIT)
            seen.breach = LimitHit("time", limits.time, round(elapsed, 2), "s")
        elif output.flooded:
            seen.breach = LimitHit("output", limits.output * FLOOD_FACTOR, output.total // 1024, "KB")
        if seen.breach or seen.cancelled:
            break
    return seen


def run_check(job: Job, ctx: Context, cancel: Callable[[], bool] | None = None,
              on_ready: Callable[[], None] | None = None) -> Result:
    """Grade ``job.target``. Never raises for anything the learner's code does; ``cancel()``
    returning True stops the run (its tree killed, the result CANCELLED); ``on_ready()`` is called
    when the learner's code starts, which is when its time limit starts."""
    ex, limits = job.exercise, job.limits
    base = dict(exercise=ex.name, target=str(job.target))
    stopped = cancel or (lambda: False)
    run_id = uuid.uuid4().hex
    try:
        rd = RunDir.make(ctx, job)
    except OSError as exc:  # pyex's own disk, not the learner's doing: the run's folder is gone after each run
        raise no_temp_space(exc, os.path.dirname(ctx.base)) from None
    read_fd, write_fd = os.pipe()
    spec = RunSpec(result_fd=write_fd, target=rd.target, module=ex.module, check=rd.check, ini=rd.ini,
                   cwd=rd.work, time=limits.time, memory=limits.memory, file_size=limits.file_size,
                   fail_fast=job.fail_fast, learner_file=str(job.target), stack_file=rd.stack,
                   sandbox=ctx.sandbox)
    started = time.monotonic()
    try:
        child = _launch(ctx, spec, child_variables(run_id, rd.work, ctx, job.services), write_fd, stopped)
    except LaunchFailed as exc:
        os.close(read_fd)
        os.close(write_fd)
        rd.remove()
        if stopped():
            return Result(Outcome.CANCELLED, detail="stopped by pyex", **base)
        return Result(Outcome.CRASHED, detail=f"pyex could not start the check: {exc}", **base)
    os.close(write_fd)
    tree = ProcessTree(child.pid, run_id, ctx.reaper, supervised=child.supervised)
    output, results = OutputReader(child.stdout, limits.output * 1024), ResultReader(read_fd, on_ready)
    output.start()
    results.start()
    try:
        seen = _watch(child, tree, results, output, limits, started, stopped)
    finally:
        duration = time.monotonic() - started
        tree.kill()
        child.wait(timeout=10)
        # once the root is gone, everything it left has reparented to pyex or its worker: sweep
        # again for a process that was still between parents during the first sweep
        tree.kill()
        tree.release()
        results.done.wait(timeout=2)
        output.join(timeout=2)
        if not output.is_alive():  # a survivor holding the pipe would block close(); never wait on it
            child.stdout.close()
    stuck = rd.stuck_at() if seen.breach and seen.breach.name == "time" else ()
    check_now = rd.check_now()
    rd.remove()
    if seen.cancelled or stopped():  # the worker may go first when pyex closes
        return Result(Outcome.CANCELLED, detail="stopped by pyex", duration=duration, **base)
    if check_now != job.check_source:
        return verdicts.check_changed(ex, str(job.target), "deleted" if check_now is None else "changed")
    measured = dict(
        duration=duration, cpu_time=round(seen.cpu, 3), queued=round(seen.waited, 3), peak_memory_mb=round(seen.peak_resident / MB, 1),
        peak_processes=seen.peak_processes, output=output.text(),
        output_dropped=max(0, output.total - len(output.kept)),
        learner_time=round(max(0.0, started + duration - results.ready_at), 3) if results.ready_at else 0.0)
    result = _verdict(job, seen, results, child, stuck)
    return replace(result, **measured) if result.outcome is not Outcome.TAMPERED else result


def _verdict(job: Job, seen: Watch, results: ResultReader, child: ChildHandle, stuck: tuple[Frame, ...]) -> Result:
    ex, limits = job.exercise, job.limits
    base = dict(exercise=ex.name, target=str(job.target))
    hit = seen.breach
    if hit is not None:
        running = results.running
        detail = {
            "time": f"your code ran for more than {limits.time:g} s, the limit (an endless loop, or an approach "
                    "too slow for the input?)",
            "memory": f"your code used {hit.measured:.0f} MB; the limit is {limits.memory} MB",
            "processes": f"your code started more than {limits.processes} processes at once, the limit",
            "output": f"your code printed more than {limits.output * FLOOD_FACTOR // 1024} MB; stopped",
        }[hit.name]
        outcome = {"time": Outcome.TIMEOUT, "memory": Outcome.MEMORY, "processes": Outcome.PROCESSES,
                   "output": Outcome.OUTPUT}[hit.name]
        return Result(outcome, detail=detail, running_test=running, limit=hit, frames=stuck, **base)
    final = results.final
    if results.flooded and final is None:
        return verdicts.result_flood(ex, str(job.target))
    code = child.returncode
    if final is None:
        reason = _crash_reason(code)
        if child.parent_died:
            reason = ("pyex's check worker (the parent of your code's process) was killed or stopped during the "
                      "run; your code must not signal other processes")
        return Result(Outcome.CRASHED, detail=reason, **base)
    try:
        outcome = Outcome(final.outcome)
    except ValueError:
        return Result(Outcome.CRASHED, detail="the check sent an unknown verdict", **base)
    if outcome in (Outcome.TAMPERED, Outcome.UNAVAILABLE, Outcome.CANCELLED, Outcome.TIMEOUT, Outcome.PROCESSES,
                   Outcome.OUTPUT):
        return Result(Outcome.CRASHED, detail="the check sent a verdict only pyex can give", **base)
    result = _from_report(final, outcome, limits, base)
    result = replace(result, started_tests=tuple(results.started))
    if outcome is Outcome.PASS and (code != 0 or result.total == 0 or result.failures):
        # a pass needs a clean exit too: anything else means the run was interfered with
        return Result(Outcome.CRASHED, detail=_crash_reason(code), **base)
    if outcome is Outcome.PASS and (result.passed != result.total or len(results.started) != result.total):
        # every test pyex counts as passed must have been seen starting: a forged verdict is not
        return verdicts.report_mismatch(ex, str(job.target))
    return result


def _from_report(final: FinalReport, outcome: Outcome, limits: Limits, base: dict) -> Result:
    detail = final.detail
    if outcome is Outcome.MEMORY:
        detail = f"your code ran out of memory; the limit is {limits.memory} MB"
    return Result(outcome, detail=detail, passed=final.passed, total=final.total, failures=final.failures,
                  frames=final.frames, tests=final.tests, **base)


def _crash_reason(code: int | None) -> str:
    if code is None:
        return "the check did not finish"
    if code < 0:
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

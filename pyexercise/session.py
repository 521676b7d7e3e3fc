"""The grading session: the one owner of everything a grading command starts.

Every command that grades (run, verify, watch, dev check, dev mutants) opens one session and
grades through it. The session owns the services (Redis), the warm worker, the copy of the checks
every run is graded from, the reaper that finds a run's leftovers, and a private temp directory.
Leaving it — a normal return, an exception, Ctrl-C, SIGTERM or SIGHUP — stops all of it. If pyex
itself is killed (SIGKILL), the worker and the services die with it (parent-death signals) and a
small keeper process removes the temp directory.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

import psutil

from pyexercise import verdicts
from pyexercise.curriculum import Curriculum, Exercise, Limits
from pyexercise.errors import FatalError, no_temp_space
from pyexercise.guard import CheckSnapshot
from pyexercise.runner import sandbox, warm
from pyexercise.runner.check_run import Context, Job, child_variables, run_check
from pyexercise.runner.launch import FreshLauncher
from pyexercise.runner.protocol import SandboxSpec
from pyexercise.runner.result import Outcome, Result
from pyexercise.runner.tree import Reaper, become_subreaper
from pyexercise.services import Services
from pyexercise.workspace import Workspace

CLOSE_GRACE = 3.0  # seconds runs in flight get to stop when the session closes

KEEPER = r"""
import os, shutil, signal, sys, time
base, pyex = sys.argv[1], int(sys.argv[2])
def bye(*_):
    # the worker and the checks are dying too, and may still write into base for a moment on a
    # busy machine: remove it until it stays gone
    deadline = time.monotonic() + 30  # a busy machine: the dying runs may take a while
    time.sleep(0.3)
    while os.path.lexists(base) and time.monotonic() < deadline:
        shutil.rmtree(base, ignore_errors=True)
        time.sleep(0.2)
    os._exit(0)
signal.signal(signal.SIGTERM, bye)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
# SIGTERM (pyex died) was blocked from the fork on, so one that came while this interpreter was
# starting is delivered now, to bye(), instead of killing the keeper before it could clean up
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
if os.getppid() != pyex:  # pyex died before the parent-death signal was armed
    bye()
while True:
    signal.pause()
"""


def _keeper_preexec() -> Callable[[], None]:
    arm = sandbox.parent_death_preexec(signal.SIGTERM)

    def preexec() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # until the keeper's handler is in place
        if arm is not None:
            arm()
    return preexec


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C, so every ``finally`` runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


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


def build_hypothesis_tables(path: str) -> None:
    """Build hypothesis' unicode tables once, outside any check: built inside one they cost the
    learner's run ~4 s and ~200 MB, enough for ``add`` to fail a 160 MB limit on a fresh machine
    (and a run killed at the limit never writes the cache, so every run would pay again)."""
    import unicodedata
    from importlib import metadata

    try:
        version = metadata.version("hypothesis")
    except metadata.PackageNotFoundError:
        return
    marker = os.path.join(path, f"tables-{version}-{unicodedata.unidata_version}")
    if os.path.exists(marker):
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run([sys.executable, "-c", "from pyexercise.runner.child import configure_hypothesis as c; c()"],
                       env={**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": path}, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=True,
                       preexec_fn=sandbox.parent_death_preexec(signal.SIGKILL))
        open(marker, "w").close()


class GradingSession:
    """``with GradingSession(ws) as session: result = session.grade(ex)``."""

    def __init__(self, ws: Workspace, *, warm_worker: bool = True, guard_progress: bool = True) -> None:
        self.ws = ws
        self.curriculum: Curriculum = ws.curriculum
        self.want_warm = warm_worker and warm.supported()
        self.guard_progress = guard_progress
        self.reaper = Reaper()
        self.closing = threading.Event()
        self._active = 0
        self._active_lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        self.capabilities = sandbox.Capabilities()
        self.worker: warm.WarmWorker | None = None

    # -- opening and closing -------------------------------------------------------------------------
    def __enter__(self) -> "GradingSession":
        try:
            self._open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self) -> None:
        self._install_signals()
        become_subreaper()
        sandbox.make_untraceable()
        try:
            self.base = tempfile.mkdtemp(prefix="pyex-session-")
        except OSError as exc:
            raise no_temp_space(exc, tempfile.gettempdir()) from None
        os.chmod(self.base, 0o755)
        self._stack.callback(shutil.rmtree, self.base, True)
        self._start_keeper()
        self._children_before = self._children()
        # one long-lived thread starts every long-lived process: a parent-death signal belongs to
        # the thread that started the child, and a run's own thread ends with the run
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyex-spawner")
        self._stack.callback(self._spawner.shutdown, wait=False)
        self.snapshot = CheckSnapshot(self.ws.source / "checks")
        self.services = Services(os.path.join(self.base, "services"), self.reaper, spawn=self._on_spawner)
        self._stack.callback(self.services.close)
        try:
            os.makedirs(self.services.workdir, exist_ok=True)
            self.capabilities = sandbox.probe(self._needed_readable(self.ws.root))
        except OSError as exc:
            raise no_temp_space(exc, tempfile.gettempdir()) from None
        spec = SandboxSpec(
            hide=tuple(str(p) for p in [*self.ws.hidden(), Path(self.base)]) if self.capabilities.namespaces else (),
            uid=self.capabilities.uid, gid=self.capabilities.uid, user_namespace=self.capabilities.user_namespace,
            expose=tuple(self._needed_readable(self.ws.root)) if self.capabilities.uid is not None else ())
        launcher = FreshLauncher()
        if self.want_warm:
            variables = child_variables("", self.base, Context(self.reaper, self.base, launcher, spec), {})
            variables.pop("PYEX_RUN", None)
            launcher = warm.WarmWorker(variables, self.reaper, workdir=self.base, start_on=self._on_spawner)
            self._stack.callback(launcher.close)
        self.worker = launcher if isinstance(launcher, warm.WarmWorker) else None
        cache = cache_dir()
        build_hypothesis_tables(cache)
        self.context = Context(self.reaper, self.base, launcher, sandbox=spec, cache_dir=cache)

    @staticmethod
    def _needed_readable(workspace: Path | None = None) -> list[str]:
        """What a check running as another uid must still reach: the interpreter, its libraries,
        pyex's cache (not the workspace, which ``python -m`` puts on sys.path)."""
        paths = {os.path.realpath(sys.executable), sys.prefix, sys.base_prefix, cache_dir()}
        paths |= {p for p in sys.path if p and os.path.isdir(p)}
        if workspace is not None:
            paths.discard(str(workspace))
            paths.discard(os.path.realpath(workspace))
        return sorted(paths)

    def _start_keeper(self) -> None:
        try:
            keeper = subprocess.Popen([sys.executable, "-S", "-E", "-c", KEEPER, self.base, str(os.getpid())],
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, start_new_session=True,
                                      preexec_fn=_keeper_preexec())
        except OSError:
            return  # without it, a SIGKILLed pyex leaves its temp directory: nothing worse
        self.reaper.own(keeper.pid)

        def stop() -> None:
            with contextlib.suppress(OSError):
                keeper.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                keeper.wait(2)
            self.reaper.disown(keeper.pid)
        self._stack.callback(stop)

    def _install_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_signal(signum, frame):
            raise Terminated(signum)

        for sig in (signal.SIGTERM, signal.SIGHUP):
            previous = signal.signal(sig, on_signal)
            self._stack.callback(signal.signal, sig, previous)

    def _on_spawner(self, fn: Callable):
        if threading.current_thread().name.startswith("pyex-spawner"):
            return fn()
        return self._spawner.submit(fn).result()

    @staticmethod
    def _children() -> set[tuple[int, float]]:
        found = set()
        with contextlib.suppress(psutil.Error):
            for proc in psutil.Process().children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    found.add((proc.pid, proc.create_time()))
        return found

    def close(self) -> None:
        """Stop everything this session started; safe to call more than once, on any path."""
        self._stop_launching()
        deadline = time.monotonic() + CLOSE_GRACE
        while self._active and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            self._stack.close()
        finally:
            self._sweep()

    def _stop_launching(self) -> None:
        """Runs in flight stop at their next look; runs still starting stop now."""
        self.closing.set()
        if self.worker is not None:
            self.worker.close()

    def _sweep(self) -> None:
        """Whatever is still alive below pyex that was not there when the session began."""
        before = getattr(self, "_children_before", None)
        if before is None:
            return
        with contextlib.suppress(psutil.Error):
            for proc in psutil.Process().children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    if (proc.pid, proc.create_time()) not in before:
                        proc.kill()
                        with contextlib.suppress(psutil.Error, ChildProcessError, OSError):
                            proc.wait(1)

    def warm_up(self) -> None:
        """Start the warm worker now rather than at the first check (watch does this at once)."""
        if self.worker is not None and not self.worker.alive:
            with contextlib.suppress(Exception):
                self._on_spawner(self.worker.start)

    def warm_up_in_background(self) -> None:
        """Start the worker while the learner reads something (watch's welcome)."""
        if self.worker is not None and not self.worker.alive:
            self._spawner.submit(self.worker.start)  # a failure shows at the first check, where it matters

    # -- grading -------------------------------------------------------------------------------------
    @property
    def protections(self) -> str:
        return self.capabilities.describe()

    def grade(self, ex: Exercise, *, target: Path | None = None, solutions: bool = False,
              limits: Limits | None = None, fail_fast: bool = False,
              cancel: threading.Event | None = None, on_ready: Callable[[], None] | None = None) -> Result:
        """Grade the learner's stub (or the solution, or ``target``). Never raises for anything the
        graded code does; pyex's own problems are FatalErrors."""
        learner = target is None and not solutions
        target = target or (ex.solution if solutions else ex.stub)
        shown = str(target)
        if not target.is_file():
            return verdicts.missing_file(ex, shown, solutions)
        if self.snapshot.source(ex.check) is None and not ex.check.is_file():
            return verdicts.missing_check(ex, shown)
        missing = [p for p in ex.packages if importlib.util.find_spec(p.module) is None]
        if missing:
            return verdicts.missing_packages(ex, shown, missing)
        try:
            self.services.prepare(ex.requires)
        except FatalError as exc:
            return verdicts.service_unavailable(ex, shown, str(exc))
        progress_before = self.ws.progress.raw() if learner and self.guard_progress else None
        with self.services.lease(ex.requires) as services, self._running(ex) as check:
            if check is None:
                return verdicts.missing_check(ex, shown)
            job = Job(ex, target, check, limits or ex.limits, services, fail_fast)
            result = run_check(job, self.context, cancel=self._cancelled(cancel), on_ready=on_ready)
            if self.worker is not None:
                self.worker.check_health()
            # with the checks out of the run's reach (hidden in its mount namespace), a change on
            # disk is an author's, not the run's: it is taken, never undone; without that layer,
            # what changed is put back and the run does not count
            changed = [] if self.capabilities.namespaces else self.snapshot.restore()
        if changed and result.outcome is not Outcome.CANCELLED:
            result = verdicts.files_changed(ex, shown, changed)
        if learner and self.guard_progress and self.ws.progress.restore_if_forged(progress_before):
            result = verdicts.progress_written(ex, shown)
        if learner and result.outcome is not Outcome.PASS:
            result = replace(result, untouched=self.ws.untouched(ex))
        return result

    @contextlib.contextmanager
    def _running(self, ex: Exercise):
        """A run in flight: yields its check as it was before any learner code ran. With no other
        run in flight, changes on disk since the last look were an author's: they are taken."""
        with self._active_lock:
            if self._active == 0:
                self.snapshot.refresh()
            self._active += 1
            check = self.snapshot.source(ex.check)
        try:
            yield check
        finally:
            with self._active_lock:
                self._active -= 1

    def _cancelled(self, cancel: threading.Event | None) -> Callable[[], bool]:
        if cancel is None:
            return self.closing.is_set
        return lambda: self.closing.is_set() or cancel.is_set()

    @contextlib.contextmanager
    def pool(self, jobs: int):
        """A thread pool for grading in parallel that stops at once if the caller is interrupted:
        queued gradings are dropped and the runs in flight are stopped."""
        pool = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="pyex-grade")
        try:
            yield pool
        except BaseException:
            self._stop_launching()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    def grade_many(self, exercises: Iterable[Exercise], jobs: int, *, solutions: bool = False,
                   on_result: Callable[[Exercise, Result], None] | None = None) -> list[tuple[Exercise, Result]]:
        """Grade in parallel, in order of ``exercises``' results as they finish. Ctrl-C (or SIGTERM)
        stops the runs in flight within a moment; what was graded before it is returned, and the
        interruption is re-raised as ``Interrupted`` carrying those results."""
        exercises = list(exercises)
        for ex in exercises:  # start the services before the pool races to start them
            with contextlib.suppress(FatalError):
                self.services.prepare(ex.requires)
        done: list[tuple[Exercise, Result]] = []
        try:
            with self.pool(jobs) as pool:  # an interruption closes the session: every run stops
                futures = {pool.submit(self.grade, ex, solutions=solutions): ex for ex in exercises}
                pending = set(futures)
                while pending:
                    finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for future in sorted(finished, key=lambda f: futures[f].index):
                        ex, result = futures[future], future.result()
                        done.append((ex, result))
                        if on_result:
                            on_result(ex, result)
        except (KeyboardInterrupt, Terminated) as exc:
            raise Interrupted(done, exc) from None
        order = {ex.name: i for i, ex in enumerate(exercises)}
        return sorted(done, key=lambda pair: order[pair[0].name])


class Interrupted(Exception):
    """A multi-exercise grading was stopped; ``done`` holds what finished before."""

    def __init__(self, done: list[tuple[Exercise, Result]], cause: BaseException) -> None:
        super().__init__("interrupted")
        self.done = done
        self.cause = cause

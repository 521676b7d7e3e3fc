"""The process tree of one check run: sampled cheaply while it runs, and killed whole afterwards.

Sampling reads ``/proc`` directly: a run's descendants from ``/proc/PID/task/*/children`` and its
resident memory from ``/proc/PID/statm`` cost microseconds, where scanning every process on the
machine (psutil's ``children(recursive=True)``) and walking smaps cost milliseconds, every 20 ms, per
running check. Private memory (USS, what the limit is on) is never above resident memory, so it is
only computed when the resident sum is above half the limit (where the peak matters to authors'
"within half the limit" rule) — every sample once it crosses the limit itself; that cannot change a
verdict.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

import psutil

_PR_SET_CHILD_SUBREAPER = 36
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
HAVE_PROC = os.path.isdir("/proc/self/task")


def become_subreaper() -> bool:
    """On Linux, make orphans of our checks (double-forked daemons) reparent to this process, not
    init, so they can still be found and killed. Harmless elsewhere, and idempotent."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        return ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    return False


def kill_descendants() -> None:
    """SIGKILL every process below this one: a subreaper's checks and the orphans they left."""
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            proc.kill()


class Reaper:
    """Which processes pyex started on purpose (the worker, service servers: never swept as a run's
    leftovers) and which check runs are in progress. One per grading session."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.owned: set[int] = set()
        self.active: set[int] = set()
        self.settling = 0  # checks being forked whose pid pyex does not know yet

    def own(self, pid: int) -> None:
        with self._lock:
            self.owned.add(pid)

    def disown(self, pid: int) -> None:
        """The process ended: its number may be reused by anything, so it is no longer spared."""
        with self._lock:
            self.owned.discard(pid)

    def begin(self, pid: int) -> None:
        with self._lock:
            self.active.add(pid)

    def end(self, pid: int) -> None:
        with self._lock:
            self.active.discard(pid)

    @contextlib.contextmanager
    def forking(self):
        """While a check is being forked by the worker, its pid is not known yet: no sweep may
        take a stranger among the worker's children for a leftover meanwhile."""
        with self._lock:
            self.settling += 1
        try:
            yield
        finally:
            with self._lock:
                self.settling -= 1

    def spared(self, pid: int) -> bool:
        with self._lock:
            return pid in self.owned or pid in self.active

    def adopters(self) -> list[int]:
        """Processes orphans reparent to: pyex itself, and its worker (also a subreaper)."""
        with self._lock:
            return [os.getpid(), *self.owned]


@dataclass(frozen=True)
class Sample:
    resident: int  # bytes, summed over the live processes
    processes: int  # live (not zombie) processes
    cpu: float  # CPU seconds used so far by the live processes and the children they reaped
    waited: float  # seconds the run's root spent waiting for a CPU (run-queue delay)


def _read(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return fh.read().decode("ascii", "replace")
    except OSError:
        return ""


def _proc_children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for tid in tasks:
        found += [int(c) for c in _read(f"/proc/{pid}/task/{tid}/children").split()]
    return found


def _stat(pid: int) -> tuple[str, float] | None:
    """(state, cpu seconds incl. reaped children) from /proc/PID/stat, or None if gone."""
    text = _read(f"/proc/{pid}/stat")
    end = text.rfind(")")
    if end < 0:
        return None
    fields = text[end + 2:].split()
    try:
        return fields[0], sum(int(f) for f in fields[11:15]) / TICKS
    except (IndexError, ValueError):
        return None


class ProcessTree:
    """Every process the run ever started, as far as sampling can see it."""

    def __init__(self, pid: int, run_id: str, reaper: Reaper, supervised: bool = False) -> None:
        self.pid = pid
        self.pgid = pid  # the child is started in a session (and group) of its own
        # the root is a fresh check's supervisor (runner/supervisor.py): pyex's, not the learner's,
        # so its memory, CPU and place among the processes are not charged to the run
        self.supervised = supervised
        self._main: int | None = None if supervised else pid  # the check's own process, once seen
        self.run_id = run_id
        self.reaper = reaper
        self.seen: dict[int, psutil.Process] = {}
        self.uss = True
        self.peak_cpu = 0.0
        self._samples = 0
        self._last_private: int | None = None
        reaper.begin(pid)
        self._remember(pid)

    def _remember(self, pid: int) -> None:
        if pid not in self.seen:
            with contextlib.suppress(psutil.Error):
                self.seen[pid] = psutil.Process(pid)

    def _live(self) -> list[int]:
        if not HAVE_PROC:
            root = self.seen.get(self.pid)
            with contextlib.suppress(psutil.Error):
                return [self.pid, *(p.pid for p in root.children(recursive=True))] if root else []
            return []
        members, todo = [], [self.pid]
        while todo and len(members) < 100_000:
            pid = todo.pop()
            members.append(pid)
            todo += _proc_children(pid)
        return members

    def sample(self, memory_limit: int) -> Sample:
        """The tree right now. ``resident`` is private memory (USS) once resident memory alone
        would breach ``memory_limit`` bytes."""
        resident = alive = 0
        cpu = 0.0
        pids = []
        for pid in self._live():
            self._remember(pid)
            if self.supervised and pid == self.pid:
                continue
            stat = _stat(pid) if HAVE_PROC else ("R", 0.0)
            if stat is None or stat[0] in "ZX":
                continue
            pids.append(pid)
            alive += 1
            cpu += stat[1]
            statm = _read(f"/proc/{pid}/statm").split() if HAVE_PROC else []
            resident += int(statm[1]) * PAGE if len(statm) > 1 else self._rss(pid)
        self._samples += 1
        if resident > memory_limit // 2:
            if resident > memory_limit or self._last_private is None or self._samples % 5 == 0:
                self._last_private = sum(self._private(pid) for pid in pids)
            resident = self._last_private  # the last private measure stands for the samples between
        self.peak_cpu = max(self.peak_cpu, cpu)
        if self._main is None and HAVE_PROC:  # the supervisor forks one check, first: remember it
            self._main = min(_proc_children(self.pid), default=None)
        waited = _read(f"/proc/{self._main or self.pid}/schedstat").split()
        return Sample(resident, alive, self.peak_cpu, int(waited[1]) / 1e9 if len(waited) > 1 else 0.0)

    def _rss(self, pid: int) -> int:
        with contextlib.suppress(psutil.Error, KeyError):
            return self.seen[pid].memory_info().rss
        return 0

    def _private(self, pid: int) -> int:
        """Memory the process owns (USS): a child forked from the warm worker, or by the learner,
        is not charged for pages it still shares with its parent."""
        proc = self.seen.get(pid)
        if proc is None:
            return 0
        if self.uss:
            try:
                return proc.memory_full_info().uss
            except (psutil.AccessDenied, AttributeError, NotImplementedError, OSError):
                self.uss = False
            except psutil.Error:
                return 0
        return self._rss(pid)

    def stack(self) -> None:
        """Ask the run's root to dump its stack (see child.py) before it is killed for time."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGUSR1)

    def _members(self) -> list[psutil.Process]:
        found = []
        for proc in list(self.seen.values()):
            with contextlib.suppress(psutil.Error):
                if proc.is_running():
                    found.append(proc)
        # orphans that reparented to pyex or its worker (subreapers): a process pyex never started
        # on purpose, in another session (a daemon) or in this run's group, is a leftover of a check
        for adopter in self.reaper.adopters():
            if adopter != os.getpid() and self.reaper.settling:
                continue  # a check the worker just forked may be among its children: next attempt
            with contextlib.suppress(psutil.Error):
                for proc in psutil.Process(adopter).children():
                    if proc.pid in self.seen or self.reaper.spared(proc.pid):
                        continue
                    with contextlib.suppress(OSError, psutil.Error):
                        if self._leftover(proc.pid) or proc.environ().get("PYEX_RUN") == self.run_id:
                            found.append(proc)
                            found += proc.children(recursive=True)
        return found

    def kill(self) -> None:
        """SIGKILL the whole tree (group first, to stop a fork bomb in one go)."""
        for _attempt in range(50):
            with contextlib.suppress(OSError):
                os.killpg(self.pgid, signal.SIGKILL)
            live = []
            for proc in self._members():
                if proc.pid == self.pid:
                    continue
                with contextlib.suppress(psutil.Error):
                    if proc.status() != psutil.STATUS_ZOMBIE:
                        live.append(proc)
                    proc.kill()
            if not live and not self._group_alive():
                break
            time.sleep(0.01)
        self._reap()

    def release(self) -> None:
        self.reaper.end(self.pid)

    def _reap(self) -> None:
        """Collect the exit status of this run's processes that died as pyex's children (a fork
        bomb's, or reparented orphans'): a long watch session must not fill up with zombies."""
        with contextlib.suppress(psutil.Error):
            for proc in psutil.Process().children():
                if self.reaper.spared(proc.pid):  # our own run's root is reaped by its Popen
                    continue
                with contextlib.suppress(psutil.Error, OSError):
                    if proc.status() == psutil.STATUS_ZOMBIE and (proc.pid in self.seen or self._leftover(proc.pid)):
                        os.waitpid(proc.pid, os.WNOHANG)

    def _leftover(self, pid: int) -> bool:
        """A child of pyex it did not start on purpose is this run's leftover if it is in the run's
        group (plain forks) or in a session other than pyex's (daemons that called setsid)."""
        return os.getpgid(pid) == self.pgid or os.getsid(pid) != os.getsid(0)

    def _group_alive(self) -> bool:
        try:
            os.killpg(self.pgid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        # a group of zombies awaiting reaping still answers; count only live members
        for proc in self.seen.values():
            with contextlib.suppress(psutil.Error):
                if proc.pid != self.pid and proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    return True
        return False

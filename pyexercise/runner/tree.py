"""The process tree of one check run: measured with psutil, and killed whole afterwards."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time

import psutil

_PR_SET_CHILD_SUBREAPER = 36
_subreaper = False
#: processes pyex started on purpose (the warm worker, service servers): never swept as orphans
KNOWN: set[int] = set()
#: the root of every check run in progress (a fresh child is pyex's own child)
ACTIVE: set[int] = set()


def become_subreaper() -> bool:
    """On Linux, make orphans of our checks (double-forked daemons) reparent to pyex, not init,
    so they can still be found and killed. Harmless elsewhere."""
    global _subreaper
    if _subreaper or not sys.platform.startswith("linux"):
        return _subreaper
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        _subreaper = libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    return _subreaper


class ProcessTree:
    """Every process the run ever started, as far as polling can see it."""

    def __init__(self, pid: int, run_id: str) -> None:
        self.pid = pid
        self.pgid = pid  # the child is started in a session of its own
        self.run_id = run_id
        self.seen: dict[int, psutil.Process] = {}
        self.uss = True
        ACTIVE.add(pid)
        with contextlib.suppress(psutil.Error):
            self.seen[pid] = psutil.Process(pid)

    def sample(self) -> tuple[int, int]:
        """(resident bytes, live processes) over the tree right now."""
        procs = []
        root = self.seen.get(self.pid)
        if root is not None:
            with contextlib.suppress(psutil.Error):
                procs = [root, *root.children(recursive=True)]
        rss = 0
        alive = 0
        for proc in procs:
            self.seen.setdefault(proc.pid, proc)
            try:
                if proc.status() == psutil.STATUS_ZOMBIE:
                    continue
                rss += self._private(proc)
                alive += 1
            except psutil.Error:
                continue
        return rss, alive

    def _private(self, proc: psutil.Process) -> int:
        """Memory the process owns (USS): a child forked from the warm worker, or by the learner,
        is not charged for pages it still shares with its parent."""
        if self.uss:
            try:
                return proc.memory_full_info().uss
            except (psutil.AccessDenied, AttributeError, NotImplementedError, OSError):
                self.uss = False
        return proc.memory_info().rss

    def _members(self) -> list[psutil.Process]:
        found = []
        for proc in list(self.seen.values()):
            with contextlib.suppress(psutil.Error):
                if proc.is_running():
                    found.append(proc)
        # orphans that reparented to us (we are a subreaper): a process pyex never started on
        # purpose, in another session (a daemon) or in this run's group, is a leftover of a check
        with contextlib.suppress(psutil.Error):
            for proc in psutil.Process().children():
                if proc.pid in self.seen or proc.pid in KNOWN or proc.pid in ACTIVE:
                    continue
                with contextlib.suppress(OSError, psutil.Error):
                    if self._leftover(proc.pid) or proc.environ().get("PYEX_RUN") == self.run_id:
                        found.append(proc)
                        found += proc.children(recursive=True)
        return found

    def kill(self) -> int:
        """SIGKILL the whole tree (group first, to stop a fork bomb in one go); return how many
        processes had to be killed after the root exited."""
        leftovers = 0
        for attempt in range(50):
            with contextlib.suppress(OSError):
                os.killpg(self.pgid, signal.SIGKILL)
            members = [p for p in self._members() if p.pid != self.pid]
            live = []
            for proc in members:
                with contextlib.suppress(psutil.Error):
                    if proc.status() != psutil.STATUS_ZOMBIE:
                        live.append(proc)
                    proc.kill()
            if attempt == 0:
                leftovers = len(live)
            if not live and not self._group_alive():
                break
            time.sleep(0.01)
        self._reap()
        ACTIVE.discard(self.pid)
        return leftovers

    def _reap(self) -> None:
        """Collect the exit status of this run's processes that died as our children (a fork
        bomb's, or reparented orphans'): a long watch session must not fill up with zombies."""
        me = os.getpid()
        with contextlib.suppress(psutil.Error):
            for proc in psutil.Process(me).children():
                if proc.pid in KNOWN or proc.pid in ACTIVE:  # our own run's root is reaped by its Popen
                    continue
                with contextlib.suppress(psutil.Error, OSError):
                    if proc.status() != psutil.STATUS_ZOMBIE:
                        continue
                    if proc.pid in self.seen or self._leftover(proc.pid):
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

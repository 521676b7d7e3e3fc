"""pyex's side of the warm worker (see worker.py): start it, hand it checks, learn their fate."""

from __future__ import annotations

import array
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
from typing import Callable

import psutil

from pyexercise.runner.launch import LaunchFailed
from pyexercise.runner.protocol import RunSpec, WorkerExited, WorkerForked, WorkerRequest, decode_worker
from pyexercise.runner.tree import Reaper

READY_TIMEOUT = 60.0  # seconds for the worker's imports on a busy machine
FORK_TIMEOUT = 5.0  # seconds for the worker to fork a check; a stopped or stuck worker is replaced


def supported() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and sys.platform.startswith("linux") \
        and os.environ.get("PYEX_WARM", "1") != "0"


class WarmChild:
    """A check child forked by the worker."""

    supervised = False  # the worker is the supervisor, and pid the check itself

    def __init__(self, req_id: str, stdout) -> None:
        self.id = req_id
        self.stdout = stdout
        self.pid = 0
        self._returncode: int | None = None
        self._parent_died = False
        self.forked = threading.Event()
        self.exited = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self.exited.wait(timeout)

    @property
    def returncode(self) -> int | None:
        return self._returncode

    @property
    def parent_died(self) -> bool:
        return self._parent_died


class WarmWorker:
    """A ``Launcher``: forks checks from a process that has pytest and hypothesis imported."""

    def __init__(self, variables: dict[str, str], reaper: Reaper, workdir: str | None = None,
                 start_on: Callable[[Callable], object] = lambda f: f()) -> None:
        self.variables = variables
        self.start_on = start_on  # the worker's parent-death signal belongs to the thread that starts it
        self.reaper = reaper
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.lock = threading.Lock()
        self.children: dict[str, WarmChild] = {}
        self.counter = 0
        self.closed = False  # set once by close(): no worker starts, no check is handed over after it
        self.workdir = workdir or tempfile.gettempdir()

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.alive else None

    def start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pyexercise.runner.worker", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), cwd=self.workdir, env=self.variables, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            ours.close()
            raise LaunchFailed(f"the warm worker could not start: {exc}") from None
        finally:
            theirs.close()
        self.reaper.own(self.proc.pid)
        if self.closed:  # close() ran while Popen did: it may not have seen this process
            ours.close()
            self.stop()
            raise LaunchFailed("pyex is closing")
        ours.settimeout(READY_TIMEOUT)
        reader = ours.makefile("rb")
        try:
            line = reader.readline()
        except OSError:
            line = b""
        if not line.startswith(b'{"ready"'):
            ours.close()
            self.stop()
            raise LaunchFailed("the warm worker did not start")
        ours.settimeout(None)
        self.sock = ours
        # each worker has its own table of children: a replaced worker's reader, ending late, must
        # not touch the checks of the one that replaced it
        self.children = {}
        threading.Thread(target=self._read, args=(reader, self.children), daemon=True, name="pyex-worker").start()

    def _read(self, reader, children: dict[str, WarmChild]) -> None:
        for line in reader:
            message = decode_worker(line)
            child = children.get(message.id) if message is not None else None
            if child is None:
                continue
            if isinstance(message, WorkerForked):
                self.reaper.begin(message.pid)  # before any sweep can take it for a leftover
                child.pid = message.pid
                child.forked.set()
            elif isinstance(message, WorkerExited):
                child._returncode = message.status
                children.pop(child.id, None)
                child.exited.set()
        # the worker died (or was killed by a learner's code): every run in flight ends as a crash
        with self.lock:
            for child in list(children.values()):
                if child._returncode is None:
                    child._returncode = -9
                    child._parent_died = True
                child.forked.set()
                child.exited.set()
            children.clear()

    def spawn(self, spec: RunSpec, variables: dict[str, str], result_fd: int) -> WarmChild:
        with self.reaper.forking():
            return self._spawn(spec, variables, result_fd)

    def _spawn(self, spec: RunSpec, variables: dict[str, str], result_fd: int) -> WarmChild:
        with self.lock:
            if self.closed:
                raise LaunchFailed("pyex is closing")
            if not self.alive or self.sock is None:
                self.start_on(self.start)
            self.counter += 1
            req_id = str(self.counter)
            out_r, out_w = os.pipe()
            child = WarmChild(req_id, os.fdopen(out_r, "rb"))
            self.children[req_id] = child
            payload = WorkerRequest(req_id, spec, variables).to_json()
            try:
                self.sock.sendmsg([payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                               array.array("i", (out_w, result_fd)).tobytes())])
            except OSError as exc:
                self.children.pop(req_id, None)
                child.stdout.close()
                raise LaunchFailed(str(exc)) from None
            finally:
                os.close(out_w)
        if not child.forked.wait(FORK_TIMEOUT) or child.pid == 0:
            self.stop()
            child.stdout.close()
            raise LaunchFailed("the warm worker did not fork the check")
        return child

    def check_health(self) -> None:
        """After a run: a worker the learner's code stopped (SIGSTOP) or killed is replaced."""
        if self.proc is None:
            return
        try:
            status = psutil.Process(self.proc.pid).status()
        except psutil.Error:
            status = psutil.STATUS_DEAD
        if status in (psutil.STATUS_STOPPED, psutil.STATUS_TRACING_STOP, psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD) \
                or self.proc.poll() is not None:
            with self.lock:
                self.stop()

    def stop(self) -> None:
        """Kill the worker (its checks die with it); safe from any thread, any number of times."""
        proc, sock = self.proc, self.sock
        self.proc = self.sock = None
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                proc.wait(5)
            self.reaper.disown(proc.pid)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()

    def close(self) -> None:
        """Stop for good: a start in progress (its imports can take seconds on a busy machine) is
        cut short rather than waited for, so Ctrl-C or SIGTERM is obeyed at once."""
        self.closed = True
        self.stop()

    def memory_mb(self) -> float:
        try:
            return psutil.Process(self.proc.pid).memory_info().rss / (1024 * 1024) if self.alive else 0.0
        except psutil.Error:
            return 0.0

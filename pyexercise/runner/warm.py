"""pyex's side of the warm worker (see worker.py): start it, hand it checks, learn their fate."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading

READY_TIMEOUT = 60.0  # seconds for the worker's imports on a busy machine
FORK_TIMEOUT = 5.0  # seconds for the worker to fork a check; a stopped or stuck worker is replaced


class WorkerGone(Exception):
    pass


class Handle:
    """A check child forked by the worker: what runner.run needs of a Popen."""

    def __init__(self, req_id: str, stdout) -> None:
        self.id = req_id
        self.stdout = stdout
        self.pid = 0
        self.returncode: int | None = None
        self.worker_died = False
        self.forked = threading.Event()
        self.exited = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self.exited.wait(timeout)

    def poll(self) -> int | None:
        return self.returncode


class WarmWorker:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.lock = threading.Lock()
        self.handles: dict[str, Handle] = {}
        self.counter = 0
        self.dir = tempfile.mkdtemp(prefix="pyex-worker-")

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pyexercise.runner.worker", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), cwd=self.dir, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        theirs.close()
        from pyexercise.runner.tree import KNOWN

        KNOWN.add(self.proc.pid)
        ours.settimeout(READY_TIMEOUT)
        reader = ours.makefile("rb")
        try:
            line = reader.readline()
        except OSError:
            line = b""
        if not line.startswith(b'{"ready"'):
            self.stop()
            raise WorkerGone("the warm worker did not start")
        ours.settimeout(None)
        self.sock = ours
        threading.Thread(target=self._read, args=(reader, self.proc), daemon=True, name="pyex-worker").start()

    def _read(self, reader, proc) -> None:
        for line in reader:
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            handle = self.handles.get(msg.get("id"))
            if handle is None:
                continue
            if "pid" in msg:
                handle.pid = int(msg["pid"])
                handle.forked.set()
            elif "status" in msg:
                handle.returncode = int(msg["status"])
                self.handles.pop(handle.id, None)
                handle.exited.set()
        # the worker died (or was killed by a learner's code): every run in flight ends as a crash
        with self.lock:
            for handle in list(self.handles.values()):
                if handle.returncode is None:
                    handle.returncode = -9
                    handle.worker_died = True
                handle.forked.set()
                handle.exited.set()
            self.handles.clear()

    def spawn(self, spec: dict, env: dict[str, str], result_fd: int) -> Handle:
        with self.lock:
            if not self.alive or self.sock is None:
                self.start()
            self.counter += 1
            req_id = str(self.counter)
            out_r, out_w = os.pipe()
            handle = Handle(req_id, os.fdopen(out_r, "rb"))
            self.handles[req_id] = handle
            payload = (json.dumps({"id": req_id, "spec": spec, "env": env}) + "\n").encode()
            try:
                self.sock.sendmsg([payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                               bytes(memoryview(_fds(out_w, result_fd))))])
            except OSError as exc:
                self.handles.pop(req_id, None)
                raise WorkerGone(str(exc)) from None
            finally:
                os.close(out_w)
        if not handle.forked.wait(FORK_TIMEOUT) or handle.pid == 0:
            self.stop()
            raise WorkerGone("the warm worker did not fork the check")
        return handle

    def check_health(self) -> None:
        """After a run: a worker the learner's code stopped (SIGSTOP) or killed is replaced."""
        import psutil

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
        if self.proc is not None:
            with contextlib.suppress(OSError):
                self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                self.proc.wait(5)
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()
        self.proc = self.sock = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.alive else None

    def memory_mb(self) -> float:
        import psutil

        try:
            return psutil.Process(self.proc.pid).memory_info().rss / (1024 * 1024) if self.alive else 0.0
        except psutil.Error:
            return 0.0


def _fds(*fds: int):
    import array

    return array.array("i", fds)


_shared: WarmWorker | None = None
_shared_lock = threading.Lock()


def supported() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and sys.platform.startswith("linux") \
        and os.environ.get("PYEX_WARM", "1") != "0"


def shared() -> WarmWorker | None:
    """The process-wide worker, started on first use; None where forking is not available."""
    global _shared
    if not supported():
        return None
    with _shared_lock:
        if _shared is None:
            from pyexercise.runner import worker_env

            _shared = WarmWorker(worker_env())
            atexit.register(_shared.stop)
        return _shared

"""The warm check worker: a process that has already imported pytest and hypothesis, and forks a
fresh child for every check. The learner's module is imported only in the child, so every save is
seen, and the child starts in a few milliseconds instead of a few hundred.

Protocol (runner/protocol.py), on a Unix socket pyex passes as fd ``argv[1]``: pyex sends one
``WorkerRequest`` per ``sendmsg`` with two file descriptors attached (the child's stdout and pyex's
result pipe); the worker answers ``WorkerForked`` once forked and ``WorkerExited`` once reaped.

The worker is a child subreaper and dies with pyex (PR_SET_PDEATHSIG): if pyex goes away, so does
the worker, and it kills every process of its checks' trees on its way out.
"""

from __future__ import annotations

import array
import gc
import importlib
import io
import os
import select
import signal
import socket
import sys

from pyexercise.runner import sandbox
from pyexercise.runner.protocol import WorkerExited, WorkerForked, WorkerRequest, encode_worker
from pyexercise.runner.tree import become_subreaper, kill_descendants

MAX_REQUEST = 1 << 20


def preload() -> None:
    import _pytest.config
    import hypothesis  # noqa: F401
    import hypothesis.stateful  # noqa: F401
    import hypothesis.strategies  # noqa: F401
    import pytest  # noqa: F401

    for name in _pytest.config.default_plugins:
        try:
            importlib.import_module(f"_pytest.{name}")
        except ImportError:
            pass
    import pyexercise.checklib  # noqa: F401
    import pyexercise.checklib.plugin  # noqa: F401
    from pyexercise.runner import child

    child.configure_hypothesis()
    # libraries many checks use: imported once here instead of in every child
    for name in ("aiohttp", "aiohttp.web", "requests", "redis", "bs4", "PIL.Image", "csv", "json", "sqlite3",
                 "asyncio", "unittest", "unittest.mock", "logging", "email", "smtplib", "concurrent.futures",
                 "multiprocessing", "decimal", "fractions"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    # hypothesis scans every loaded module for constants the first time a test draws; doing it
    # here leaves each child only its own two new modules (the check and the learner's file)
    try:
        from hypothesis.internal.conjecture.providers import _get_local_constants

        _get_local_constants()
    except (ImportError, AttributeError):
        pass
    import _hypothesis_pytestplugin  # noqa: F401 - after the scan: it marks "initialising" until a session starts
    # everything so far lives as long as the worker: keep it out of each child's garbage
    # collections (pytest collects several times per session), which would otherwise walk it all
    gc.collect()
    gc.freeze()


class Server:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.children: dict[int, str] = {}
        self.out = sock.makefile("wb", buffering=0)

    def reply(self, message) -> None:
        self.out.write(encode_worker(message))

    def reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            req_id = self.children.pop(pid, None)
            if req_id is not None:
                self.reply(WorkerExited(req_id, os.waitstatus_to_exitcode(status)))
            # anything else was an orphan of a check that reparented to us (we are a subreaper)

    def serve(self) -> None:
        buf = b""
        while True:
            ready, _, _ = select.select([self.sock], [], [], 0.02 if self.children else 0.5)
            self.reap()  # first, so a finished child is reported promptly
            if not ready:
                continue
            fds = array.array("i")
            data, ancdata, _flags, _addr = self.sock.recvmsg(MAX_REQUEST, socket.CMSG_LEN(8 * fds.itemsize))
            if not data:
                return  # pyex went away: so do we
            for level, kind, payload in ancdata:
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    fds.frombytes(payload[: len(payload) - (len(payload) % fds.itemsize)])
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                stdout_fd, result_fd = fds[0], fds[1]
                del fds[:2]
                self.fork(WorkerRequest.from_json(line), stdout_fd, result_fd)

    def fork(self, request: WorkerRequest, stdout_fd: int, result_fd: int) -> None:
        pid = os.fork()
        if pid == 0:
            try:
                self.sock.close()
                from pyexercise.runner import child

                spec = start_child(request, stdout_fd, result_fd)
                child.run_spec(spec)
            except BaseException:  # noqa: BLE001 - pyex's own bug: say so on the child's stderr
                import traceback

                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(70)
        os.close(stdout_fd)
        os.close(result_fd)
        self.children[pid] = request.id
        self.reply(WorkerForked(request.id, pid))


def start_child(request: WorkerRequest, stdout_fd: int, result_fd: int):
    """Make the forked child look like a fresh process started for this one check."""
    import dataclasses
    import tempfile

    os.setsid()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(stdout_fd, 1)
    os.dup2(stdout_fd, 2)
    os.close(stdout_fd)
    spec = dataclasses.replace(request.spec, result_fd=result_fd)  # the pipe keeps the number it arrived with
    os.chdir(spec.cwd)
    os.environ.clear()
    os.environ.update(request.variables)
    tempfile.tempdir = None
    # unbuffered, as PYTHONUNBUFFERED makes a fresh child: prints survive a kill
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0, closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0, closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.argv = [sys.argv[0]]
    return spec


def on_terminate(signum, frame) -> None:
    kill_descendants()
    os._exit(0)


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    sandbox.die_with_parent(signal.SIGTERM)  # pyex gone: SIGTERM, so we can take the checks with us
    if os.getppid() == 1:  # pyex died before we got here
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in watch is pyex's to handle
    signal.signal(signal.SIGTERM, on_terminate)
    signal.signal(signal.SIGHUP, on_terminate)
    become_subreaper()
    sandbox.make_untraceable()
    preload()
    sock.sendall(b'{"ready": true}\n')
    try:
        Server(sock).serve()
    finally:
        kill_descendants()


if __name__ == "__main__":
    main()

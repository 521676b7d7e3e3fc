"""The warm check worker: a process that has already imported pytest and hypothesis, and forks a
fresh child for every check. The learner's module is imported only in the child, so every save is
seen, and the child starts in a few milliseconds instead of a few hundred.

Protocol, on a Unix socket pyex passes as fd ``argv[1]``: pyex sends one JSON request per
``sendmsg`` with two file descriptors attached (the child's stdout and pyex's result pipe); the
worker answers with JSON lines ``{"id", "pid"}`` once forked and ``{"id", "status"}`` once reaped.
"""

from __future__ import annotations

import array
import gc
import importlib
import io
import json
import os
import select
import signal
import socket
import sys


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

    child.configure_hypothesis({})
    # libraries many checks use: imported once here instead of in every child
    for name in ("aiohttp", "aiohttp.web", "requests", "redis", "bs4", "PIL.Image", "csv", "json", "sqlite3",
                 "asyncio", "unittest", "unittest.mock", "logging", "email", "smtplib", "concurrent.futures"):
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


def serve(sock: socket.socket) -> None:
    from pyexercise.runner import child

    children: dict[int, str] = {}
    buf = b""
    out = sock.makefile("wb", buffering=0)

    def reply(**message) -> None:
        out.write((json.dumps(message) + "\n").encode())

    while True:
        ready, _, _ = select.select([sock], [], [], 0.02 if children else 1.0)
        # reap first, so a finished child is reported promptly
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            req_id = children.pop(pid, None)
            if req_id is not None:
                reply(id=req_id, status=os.waitstatus_to_exitcode(status))
        if not ready:
            continue
        fds = array.array("i")
        data, ancdata, _flags, _addr = sock.recvmsg(1 << 20, socket.CMSG_LEN(8 * fds.itemsize))
        if not data:
            return  # pyex went away: so do we
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[: len(payload) - (len(payload) % fds.itemsize)])
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            request = json.loads(line)
            stdout_fd, result_fd = fds[0], fds[1]
            del fds[:2]
            pid = os.fork()
            if pid == 0:
                try:
                    sock.close()
                    start_child(request, stdout_fd, result_fd)
                    child.main_with(request["spec"])
                except BaseException:  # noqa: BLE001 - pyex's own bug: say so on the child's stderr
                    import traceback

                    traceback.print_exc()
                    sys.stderr.flush()
                finally:
                    os._exit(70)
            os.close(stdout_fd)
            os.close(result_fd)
            children[pid] = request["id"]
            reply(id=request["id"], pid=pid)


def start_child(request: dict, stdout_fd: int, result_fd: int) -> None:
    """Make the forked child look like a fresh process started for this one check."""
    import tempfile

    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(stdout_fd, 1)
    os.dup2(stdout_fd, 2)
    os.close(stdout_fd)
    spec = request["spec"]
    spec["fd"] = result_fd  # the pipe keeps the number it arrived with in this process
    os.chdir(spec["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None
    # unbuffered, as PYTHONUNBUFFERED makes a fresh child: prints survive a kill
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0, closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0, closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.argv = [sys.argv[0]]


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in watch is pyex's to handle
    preload()
    sock.sendall(b'{"ready": true}\n')
    serve(sock)


if __name__ == "__main__":
    main()

"""Starting a check child, and the handle pyex keeps on it, whichever way it was started."""

from __future__ import annotations

import subprocess
import sys
from typing import IO, Protocol

from pyexercise.runner.protocol import RunSpec


class LaunchFailed(Exception):
    """The child could not be started this way (the caller may try another)."""


class ChildHandle(Protocol):
    pid: int
    stdout: IO[bytes]  # what the child prints (stdout and stderr together)

    def wait(self, timeout: float | None = None) -> bool:
        """True once the child has exited (and been reaped by whoever started it)."""

    @property
    def returncode(self) -> int | None: ...

    @property
    def parent_died(self) -> bool:
        """The process that started the child (pyex's worker) died during the run."""

    # ``pid`` is pyex's supervisor of the check (runner/supervisor.py), not the check itself
    supervised: bool


class Launcher(Protocol):
    def spawn(self, spec: RunSpec, variables: dict[str, str], result_fd: int) -> ChildHandle:
        """Start a child for ``spec`` with exactly ``variables`` as its environment; the child gets
        ``result_fd`` as ``spec.result_fd``. Raises LaunchFailed."""


class FreshChild:
    """A check started as a fresh interpreter, under a supervisor that pyex is the parent of."""

    parent_died = False
    supervised = True

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


class FreshLauncher:
    """``python -m pyexercise.runner.supervisor SPEC``, which forks the check: slower than the warm
    worker, never weaker."""

    def spawn(self, spec: RunSpec, variables: dict[str, str], result_fd: int) -> FreshChild:
        try:
            popen = subprocess.Popen(
                [sys.executable, "-m", "pyexercise.runner.supervisor", spec.to_json()], cwd=spec.cwd, env=variables,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, pass_fds=(result_fd,),
                start_new_session=True)
        except OSError as exc:
            raise LaunchFailed(str(exc)) from None
        return FreshChild(popen)

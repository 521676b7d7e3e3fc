"""The parent of a check started as a fresh interpreter: for one check, what the warm worker is to
its checks.

A learner's daemon (in a session of its own, or double-forked) reparents to the nearest subreaper
when its parent dies. With the check as pyex's own child, that was pyex; once pyex was SIGKILLed,
nothing that knew of the daemon was left and it ran on. This process forks the check, is the
subreaper its orphans come to, and dies with pyex (the kernel sends SIGTERM), killing every process
below it on the way out. It runs only pyex's code and stays outside the sandbox the check enters.

    python -m pyexercise.runner.supervisor SPEC    # SPEC as for pyexercise.runner.child
"""

from __future__ import annotations

import os
import signal

from pyexercise.runner import sandbox
from pyexercise.runner.tree import become_subreaper, kill_descendants


def main() -> None:
    parent = os.getppid()
    sandbox.die_with_parent(signal.SIGTERM)
    if os.getppid() != parent:  # pyex died before the parent-death signal was armed
        return
    become_subreaper()
    pid = os.fork()
    if pid == 0:
        from pyexercise.runner import child

        child.main()  # ends with os._exit
        os._exit(70)

    def leave(signum, frame) -> None:
        kill_descendants()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGHUP, leave)
    # pyex asks the run's root for the stack of a run that is too slow: the check is one level down
    signal.signal(signal.SIGUSR1, lambda signum, frame: os.kill(pid, signal.SIGUSR1))
    _, status = os.waitpid(pid, 0)
    kill_descendants()  # what the check left behind
    code = os.waitstatus_to_exitcode(status)
    if code < 0:  # end the way the check ended, so pyex reads the same exit status
        if -code not in (signal.SIGKILL, signal.SIGSTOP):  # those two have no handler to reset
            signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    os._exit(code & 0xFF)


if __name__ == "__main__":
    main()

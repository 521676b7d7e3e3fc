"""The one exception whose message is the sentence the user reads, and the exit codes."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    #: a check did not pass (run, verify) or a curriculum problem was found (dev check)
    FAILED = 1
    #: bad input: unknown exercise, broken info.toml, no workspace, no TTY, ...
    USAGE = 2
    #: a bug in pyex itself (the traceback goes to a log file, not to the learner's screen)
    INTERNAL = 70
    INTERRUPTED = 130


class FatalError(Exception):
    """Something the user must fix. ``str(error)`` is the one line they read.

    Raised anywhere; turned into output and an exit code in exactly one place (``cli.main``).
    """

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.code = code


def no_temp_space(exc: OSError, where: str) -> FatalError:
    """pyex's own temp files (its session, each run's private folder) could not be written."""
    return FatalError(f"cannot write pyex's temp files in {where}: {exc.strerror or exc}; free some space "
                      "(or inodes) there, or point TMPDIR elsewhere.")

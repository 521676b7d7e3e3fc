"""One exception whose message is the sentence the user reads; named exit codes."""

from pyexercise.errors import ExitCode, FatalError


def test_fatal_error_carries_its_sentence_and_code():
    err = FatalError("Fix the thing.", ExitCode.FAILED)
    assert str(err) == "Fix the thing." and err.code is ExitCode.FAILED
    assert FatalError("x").code is ExitCode.USAGE


def test_exit_codes():
    assert [int(c) for c in (ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.INTERRUPTED)] == [0, 1, 2, 130]

from __future__ import annotations

import sys

import pytest

from pyexercise.checklib import run_main


def test_code_and_output():
    def main(argv):
        print("out", *argv)
        print("err", file=sys.stderr)
        return 3

    assert run_main(main, ["a", "b"]) == (3, "out a b\n", "err\n")
    code, out, err = run_main(main, [])
    assert (code, out) == (3, "out\n")


@pytest.mark.parametrize("raised,code,err", [(None, 0, ""), (2, 2, ""), ("usage: bad", 1, "usage: bad\n")])
def test_system_exit_is_an_exit_code(raised, code, err):
    def main(argv):
        sys.exit(raised)

    assert run_main(main, []) == (code, "", err)


def test_stdin_and_binary_output():
    def main(argv):
        data = sys.stdin.read()
        sys.stdout.buffer.write(data.upper().encode())
        return 0

    assert run_main(main, [], stdin="héllo\n").out == "HÉLLO\n"


def test_a_code_that_is_not_an_int_fails_with_a_message():
    with pytest.raises(AssertionError, match="should return an int exit code, got None"):
        run_main(lambda argv: None, ["x"])


def test_with_capsys(capsys):
    def main(argv):
        print("seen")
        return 0

    assert run_main(main, [], capsys=capsys) == (0, "seen\n", "")

"""Calling a learner's ``main(argv)`` the way a shell would, and seeing what it printed."""

from __future__ import annotations

import contextlib
import io
import sys
from typing import Callable, NamedTuple, Sequence


class MainResult(NamedTuple):
    """``code, out, err = run_main(...)``; compares equal to the plain tuple."""

    code: int
    out: str
    err: str


class _Stream(io.TextIOWrapper):
    """A text stream with a ``.buffer``, as sys.stdout has, whose text can be read back."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="backslashreplace", newline=None,
                         write_through=True)

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8", "backslashreplace")


def run_main(main: Callable[[Sequence[str]], object], argv: Sequence[str], *, stdin: str | bytes = "",
             capsys=None) -> MainResult:
    """Call ``main(argv)`` with ``stdin`` as its standard input; return its exit code and what it
    printed. A ``SystemExit`` counts as the exit code it carries (``None`` is 0, a message is 1),
    as it would in a shell; a code that is not an int fails with a teaching message.

    Output is captured here, or by pytest's ``capsys`` when given (the learner's code may have
    bound ``sys.stdout`` at import; capsys sees through that)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    out, err, inp = _Stream(), _Stream(), _Stream(data)
    if capsys is not None:
        capsys.readouterr()
        redirect = contextlib.nullcontext()
    else:
        redirect = contextlib.ExitStack()
        redirect.enter_context(contextlib.redirect_stdout(out))
        redirect.enter_context(contextlib.redirect_stderr(err))
    saved_stdin = sys.stdin
    sys.stdin = inp
    try:
        with redirect:
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = 0 if exc.code is None else exc.code
                if isinstance(code, str):
                    print(code, file=sys.stderr)
                    code = 1
    finally:
        sys.stdin = saved_stdin
    if capsys is not None:
        captured = capsys.readouterr()
        printed, errors = captured.out, captured.err
    else:
        printed, errors = out.text(), err.text()
    assert type(code) is int, f"main({list(argv)!r}) should return an int exit code, got {code!r}"
    return MainResult(code, printed, errors)

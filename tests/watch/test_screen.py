"""The terminal's modes: the alternate screen on the way in, everything restored on the way out."""

from __future__ import annotations

import io
import os
import pty
import termios

import pytest

from pyexercise.watch import screen


def test_enter_and_leave_even_on_an_exception():
    master, slave = pty.openpty()
    try:
        before = termios.tcgetattr(slave)
        out = io.StringIO()
        with pytest.raises(RuntimeError):
            with screen.terminal(slave, out):
                inside = termios.tcgetattr(slave)
                assert not inside[3] & termios.ICANON and not inside[3] & termios.ECHO
                raise RuntimeError("boom")
        assert termios.tcgetattr(slave) == before
        assert out.getvalue() == screen.ENTER + screen.LEAVE
        assert "\x1b[?1049h" in screen.ENTER and "\x1b[?25h" in screen.LEAVE  # alternate screen, cursor back
    finally:
        os.close(master)
        os.close(slave)


def test_a_key_typed_before_the_switch_is_not_flushed():
    master, slave = pty.openpty()
    try:
        os.write(master, b"q")
        with screen.terminal(slave, io.StringIO()):
            assert os.read(slave, 1) == b"q"
    finally:
        os.close(master)
        os.close(slave)


def test_draw_repaints_without_erasing_scrollback():
    out = io.StringIO()
    screen.draw(out, ["one", "two"])
    assert out.getvalue() == "\x1b[Hone\x1b[K\ntwo\x1b[K\x1b[J" and "\x1b[3J" not in out.getvalue()

"""Keys: bytes from the terminal become KeyPressed events; a key means what the screen shown says."""

from __future__ import annotations

import os
import queue
import time

import pytest

from pyexercise.watch.events import KeyPressed, Quit
from pyexercise.watch.keys import Intent, KeyReader, intent


def read_all(data: bytes, linger: float = 0.0) -> list:
    r, w = os.pipe()
    events: queue.Queue = queue.Queue()
    reader = KeyReader(r, events)
    reader.start()
    os.write(w, data)
    time.sleep(linger)  # a terminal stays open: nothing follows a lone escape
    os.close(w)
    reader.join(3)
    os.close(r)
    out = []
    while not events.empty():
        out.append(events.get())
    return out


def test_bytes_become_keys():
    got = read_all(b"nq\x1b[A\x1b[B\r\x7f\x1b[6~x")
    assert got[:8] == [KeyPressed("n"), KeyPressed("q"), KeyPressed("up"), KeyPressed("down"), KeyPressed("enter"),
                       KeyPressed("backspace"), KeyPressed("pgdown"), KeyPressed("x")]
    assert got[-1] == Quit("eof")  # the end of input


def test_ctrl_d_and_ctrl_c_quit():
    assert read_all(b"\x04")[0] == Quit("eof")
    assert read_all(b"\x03")[0] == Quit("interrupt")


def test_a_lone_escape_is_esc():
    assert read_all(b"\x1b", linger=0.3)[0] == KeyPressed("esc")


@pytest.mark.parametrize("key,view,searching,want", [
    ("n", "main", False, Intent.NEXT),
    ("q", "main", False, Intent.QUIT),
    ("j", "list", False, Intent.DOWN),
    ("j", "list", True, Intent.TYPE),  # typed into the search
    ("down", "list", True, Intent.DOWN),  # arrows still move while searching
    ("q", "list", False, Intent.BACK),
    ("y", "confirm_reset", False, Intent.YES),
    ("n", "confirm_reset", False, Intent.NO),
    ("z", "help", False, Intent.BACK),
    ("down", "task", False, Intent.PAGE_DOWN),
])
def test_intent_depends_on_the_view(key, view, searching, want):
    assert intent(key, view, searching)[0] is want


def test_unknown_keys_mean_nothing():
    assert intent("z", "main") is None and intent("\x01", "list", True) is None

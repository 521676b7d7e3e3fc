"""The watch app wires the terminal to the loop; its pieces that need no terminal are tested here
(the whole app is driven in a pty by tests/commands/test_watch.py)."""

from __future__ import annotations

import io
import queue
import subprocess
import sys

from pyexercise.watch.app import show_welcome
from pyexercise.watch.events import KeyPressed, Quit

from conftest import FIXTURE


def test_the_welcome_is_shown_inert_and_any_key_starts():
    events: queue.Queue = queue.Queue()
    events.put(KeyPressed("x"))
    out = io.StringIO()
    show_welcome("Hello [bold]you[/]\x1b]0;pwned\x07", events, out)
    text = out.getvalue()
    assert "Hello [bold]you[/]" in text and "\x1b]0;" not in text and "Press any key" in text
    assert events.empty()  # the key only dismissed the welcome


def test_q_on_the_welcome_quits():
    events: queue.Queue = queue.Queue()
    events.put(KeyPressed("q"))
    show_welcome("hi", events, io.StringIO())
    assert isinstance(events.get_nowait(), Quit)


def test_other_commands_do_not_import_watchdog():
    code = "import sys; from pyexercise.cli import main; main(['list']); print('watchdog' in sys.modules)"
    # run from the repo's fixture so `list` has a curriculum; only the import matters
    out = subprocess.run([sys.executable, "-c", code], cwd=FIXTURE, capture_output=True, text=True).stdout
    assert out.strip().endswith("False"), out

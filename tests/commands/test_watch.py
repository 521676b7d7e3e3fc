"""`pyex watch` end to end, in a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pexpect
import psutil
import pytest

from conftest import write

TIMEOUT = 60  # generous: CI machines are slow and busy; speed is measured in bench/, not here


def spawn(workspace, *args, welcome=False, size=(40, 100)):
    """``pyex watch`` in a pty; past the first-run welcome unless ``welcome``."""
    env = dict(os.environ, COLUMNS=str(size[1]), LINES=str(size[0]), TERM="xterm-256color")
    child = pexpect.spawn(sys.executable, ["-m", "pyexercise", "watch", *args], cwd=str(workspace),
                          env=env, dimensions=size, encoding="utf-8", timeout=TIMEOUT)
    if not welcome and not (workspace / ".pyex" / "state.json").exists():
        child.expect("Press any key to start")
        child.send(" ")
    return child


def descendants(pid):
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_watch_end_to_end(workspace):
    child = spawn(workspace, welcome=True)
    try:
        child.expect("Welcome to the mini curriculum")
        child.expect("Press any key to start")
        # the welcome stays until a key is pressed (the first check runs meanwhile)
        assert child.expect(["Not done yet", pexpect.TIMEOUT], timeout=2) == 1
        child.send(" ")
        child.expect("Not done yet")
        child.expect(r"q\W*(\[0m)?\W*quit")
        stub = workspace / "exercises/basics/add_two.py"
        write(stub, "def add(a, b):\n    return a - b\n")  # a save in place
        child.expect("Not yet")
        child.expect("add\\(2, 3\\) should be 5")
        # an editor's atomic save: write a temp file, rename it over the stub
        tmp = workspace / "exercises/basics/.add_two.py.swp"
        write(tmp, "def add(a, b):\n    return a + b\n")
        os.replace(tmp, stub)
        child.expect("Passed")
        child.expect(r"n\W*(\[0m)?\W*next")
        state = json.loads((workspace / ".pyex/state.json").read_text())
        assert "add_two" in state["done"]
        child.send("h")
        child.expect("Hint 1/3")
        child.expect("First hint.")
        child.send("n")
        child.expect("shout")
        child.expect("Not done yet")
        kids_before_quit = descendants(child.pid)
        child.send("q")
        child.expect("1/3 exercises done")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        state = json.loads((workspace / ".pyex/state.json").read_text())
        assert state["current"] == "shout" and state["hints"] == {"add_two": [1]}
        for proc in kids_before_quit:
            assert not proc.is_running() or proc.status() == psutil.STATUS_ZOMBIE
    finally:
        if child.isalive():
            child.terminate(force=True)


def test_watch_list_jump_and_reset_confirm(workspace):
    child = spawn(workspace, "shout")
    try:
        child.expect("shout")
        child.expect("Not done yet")
        child.send("l")
        child.expect("showing all \\(3\\)")
        child.send("/")
        child.send("add")
        child.expect("search: add")
        child.send("\r")  # end search
        child.send("\r")  # jump to the only match
        child.expect(r"\[1/3\] \S*add_two")
        write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
        child.expect("Passed")
        child.send("x")
        child.expect("Reset exercises/basics/add_two.py")
        child.send("y")
        child.expect("back to its original stub")
        child.expect("Not done yet")
        assert "NotImplementedError" in (workspace / "exercises/basics/add_two.py").read_text()
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)


def test_watch_ctrl_c_quits_and_restores_the_terminal(workspace):
    child = spawn(workspace)
    try:
        child.expect("Not done yet")
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus in (0, 130)
    finally:
        if child.isalive():
            child.terminate(force=True)


def test_watch_without_a_tty_says_so(workspace):
    proc = subprocess.run([sys.executable, "-m", "pyexercise", "watch"], cwd=workspace, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT)
    assert proc.returncode == 2
    assert "needs an interactive terminal" in proc.stderr and "pyex run" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_watch_manual_runs_only_on_r(workspace):
    child = spawn(workspace, "--manual")
    try:
        child.expect("Press r to check")
        child.send("r")
        child.expect("Not done yet")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)


@pytest.mark.parametrize("flag", ["--poll"])
def test_watch_polling_sees_saves(workspace, flag):
    child = spawn(workspace, flag)
    try:
        child.expect("watching \\(polling\\)")
        child.expect("Not done yet")
        time.sleep(0.5)
        write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a + b\n")
        child.expect("Passed")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)


def finish(child):
    if child.isalive():
        child.terminate(force=True)


def test_q_pressed_before_the_first_frame_is_not_lost(workspace):
    (workspace / ".pyex").mkdir()
    (workspace / ".pyex/state.json").write_text('{"format_version": 2, "current": null, "done": [], "hints": {}}')
    env = dict(os.environ, COLUMNS="100", LINES="40", TERM="xterm-256color")
    child = pexpect.spawn(sys.executable, ["-m", "pyexercise", "watch"], cwd=str(workspace), env=env,
                          dimensions=(40, 100), encoding="utf-8", timeout=TIMEOUT)
    try:
        child.send("q")  # at once: pyex has not drawn anything yet
        child.expect("Your progress is saved")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    finally:
        finish(child)


def test_alternate_screen_and_the_cursor_come_back(workspace):
    child = spawn(workspace)
    try:
        child.expect("Not done yet")
        child.send("q")
        child.expect(pexpect.EOF)
        out = child.before
    finally:
        finish(child)
    assert "\x1b[3J" not in out  # the learner's scrollback is never erased
    assert "\x1b[?1049l" in out and "\x1b[?25h" in out  # the normal screen and the cursor are back


def test_a_new_save_stops_an_endless_loop_at_once(workspace):
    child = spawn(workspace)
    stub = workspace / "exercises/basics/add_two.py"
    try:
        child.expect("Not done yet")
        write(stub, "def add(a, b):\n    while True:\n        pass\n")
        child.expect("checking…")
        time.sleep(1)
        started = time.monotonic()
        write(stub, "def add(a, b):\n    return a + b\n")
        child.expect("Passed")
        # the limit is 4 s: waiting for it would take the rest of it; a cancelled run answers at once
        assert time.monotonic() - started < 3.5
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        finish(child)


def test_a_timeout_shows_where_the_code_was(workspace):
    child = spawn(workspace)
    try:
        child.expect("Not done yet")
        write(workspace / "exercises/basics/add_two.py", "def spin():\n    while True:\n        pass\n\n"
                                                         "def add(a, b):\n    return spin()\n")
        child.expect("Too slow")
        child.expect("Where your code was")
        child.expect("line 6, in add")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        finish(child)


def test_help_task_and_the_hint_about_the_failing_check(workspace):
    child = spawn(workspace)
    try:
        child.expect("Not done yet")
        child.send("?")
        child.expect("Keys")
        child.expect("reset the exercise")
        child.send("b")  # any key but the paging ones closes it
        child.send("t")
        child.expect("The task")
        child.expect("no float\\(\\) anywhere")
        child.send("b")
        write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return 5\n")  # test_any fails
        child.expect("Not yet")
        child.send("h")
        child.expect("Hint 3/3")
        child.expect("about the failing check test_any")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        finish(child)


def test_was_done_now_failing_offers_no_next(workspace):
    child = spawn(workspace)
    stub = workspace / "exercises/basics/add_two.py"
    try:
        child.expect("Not done yet")
        write(stub, "def add(a, b):\n    return a + b\n")
        child.expect("Passed")
        child.expect("next")
        write(stub, "def add(a, b):\n    return a - b\n")
        child.expect("was done, now failing")
        child.send("n")
        child.expect("Pass this exercise first")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        finish(child)


@pytest.mark.parametrize("how", ["q", "ctrl-c"])
def test_leaving_while_a_check_runs_leaves_nothing_behind(workspace, how):
    child = spawn(workspace)
    try:
        child.expect("Not done yet")
        write(workspace / "exercises/basics/add_two.py",
              "import subprocess, sys, time\ndef add(a, b):\n    subprocess.Popen([sys.executable, '-c', "
              "'import time; time.sleep(300)', 'watchleft'], start_new_session=True)\n    time.sleep(300)\n")
        child.expect("checking…")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not _daemons():
            time.sleep(0.1)
        assert _daemons()
        if how == "q":
            child.send("q")
        else:
            child.sendintr()
        child.expect("Your progress is saved")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == (0 if how == "q" else 130)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and _daemons():
            time.sleep(0.1)
        assert not _daemons(), "the learner's daemon outlived watch"
    finally:
        finish(child)


def _daemons():
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if proc.info["cmdline"] and "watchleft" in proc.info["cmdline"] and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc.pid)
        except psutil.Error:
            pass
    return found


@pytest.mark.parametrize("size", [(15, 40), (20, 60), (24, 80), (60, 200)])
def test_header_and_legend_stay_on_screen_at_any_size(workspace, size):
    child = spawn(workspace, size=size)
    try:
        child.expect("done")  # the progress bar: the first line
        child.expect("Not done yet")
        child.expect("quit")  # the legend's last key, on screen
        child.send("l")
        child.expect("showing all")
        child.expect("add_two")  # names, not …
        child.send("q")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        finish(child)

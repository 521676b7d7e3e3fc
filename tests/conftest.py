from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pyexercise.cli import main

pytest_plugins = ["pyexercise.checklib.plugin"]  # the fixtures checks get (mailbox, redis_client)

# A shell that starts the suite in the background (`cmd &` without job control) ignores SIGINT, and
# every pyex the tests start would inherit that: the Ctrl-C tests need it to mean Ctrl-C again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
REPO = Path(__file__).parent.parent


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def git_commit(root: Path) -> None:
    """Make ``root`` a git repository with everything committed, as a clone is."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "curriculum"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    """A private clone-like copy of the tiny fixture curriculum, as the current directory."""
    root = tmp_path / "ws"
    shutil.copytree(FIXTURE, root)
    git_commit(root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("PYEX_ROOT", raising=False)
    monkeypatch.delenv("PYEX_INFO", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    return root


@pytest.fixture
def pyex(capsys):
    """Run the real CLI in-process: pyex("run", "add_two") -> Outcome(code, out, err)."""

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")

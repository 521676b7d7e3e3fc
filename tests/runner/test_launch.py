"""Starting a check child as a fresh interpreter, and the handle pyex keeps on it."""

from __future__ import annotations

import os
import tempfile

import pytest

from pyexercise.runner.launch import FreshLauncher, LaunchFailed
from pyexercise.runner.protocol import RunSpec


def test_a_fresh_child_reports_on_its_pipe(tmp_path):
    (tmp_path / "work").mkdir()
    target = tmp_path / "m.py"
    target.write_text("def f():\n    return 1\n")
    check = tmp_path / "test_m.py"
    check.write_text("from m import f\n\ndef test_f():\n    assert f() == 1\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    r, w = os.pipe()
    spec = RunSpec(w, str(target), "m", str(check), str(tmp_path / "pytest.ini"), str(tmp_path / "work"), 10, 256, 10)
    child = FreshLauncher().spawn(spec, {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}, w)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    assert child.wait(30) and child.returncode == 0 and not child.parent_died
    assert b'"outcome": "pass"' in data
    child.stdout.close()


def test_a_missing_directory_is_a_launch_failure():
    spec = RunSpec(0, "/x.py", "x", "/c.py", "/i", "/no/such/dir", 1, 1, 1)
    with pytest.raises(LaunchFailed):
        FreshLauncher().spawn(spec, {}, 0)

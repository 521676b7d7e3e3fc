"""Installed like any CLI: the wheel carries the curriculum; `pyex init` in an empty folder, a pass,
a reset that comes back pristine, an upgrade and `pyex update` that keeps progress.

The wheel is built from a copy of the repository and installed into a fresh virtual environment
(its dependencies are the test environment's, reached through a .pth file, so nothing is fetched)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "info.toml", "pyexercise", "exercises",
           "checks", "solutions")


def build_wheel(src: Path, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                    str(src)], check=True, capture_output=True, timeout=300)
    return max(out.glob("pyexercise-*.whl"), key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("packaging")
    src = base / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "*.changed-*")
    for name in SOURCES:
        path = REPO / name
        (shutil.copytree(path, src / name, ignore=ignore) if path.is_dir() else shutil.copy(path, src / name))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    purelib = Path(subprocess.run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()"
                                   "['purelib'])"], capture_output=True, text=True, check=True, cwd=base).stdout.strip())
    # the dependencies, from this environment; pyexercise itself only from the wheel (a plain path
    # in a .pth adds the folder without running its .pth files, so an editable install stays out)
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = build_wheel(src, base / "dist")

    def install(whl: Path) -> None:
        subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                        "--no-deps", "--force-reinstall", str(whl)], check=True, capture_output=True, timeout=300,
                       cwd=base)

    install(wheel)
    return base, src, venv, install


def pyex(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYEX_")}
    return subprocess.run([str(venv / "bin" / "pyex"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_wheel_works_on_its_own(installed):
    base, src, venv, install = installed
    data = Path(subprocess.run([venv / "bin" / "python", "-c", "import pyexercise, pathlib; print(pathlib.Path("
                                "pyexercise.__file__).parent)"], capture_output=True, text=True, cwd=base,
                               check=True).stdout.strip()) / "data" / "curriculum"
    assert str(data).startswith(str(venv)), "pyexercise must come from the wheel, not from the repository"
    assert (data / "info.toml").is_file() and (data / "checks").is_dir() and (data / "solutions").is_dir()

    ws = base / "learner"
    made = pyex(venv, base, "init", str(ws), "--no-git")
    assert made.returncode == 0, made.stderr
    assert (ws / "exercises/junior/core/largest_number.py").is_file()
    assert not (ws / "checks").exists() and not (ws / "solutions").exists() and not (ws / "info.toml").exists()
    assert not list(ws.rglob("test_*.py")), "no checks in the learner's workspace"

    # pass one exercise from a copy of its packaged solution: its solution opens in the workspace
    shutil.copy(data / "solutions/junior/core/largest_number.py", ws / "exercises/junior/core/largest_number.py")
    passed = pyex(venv, ws, "run", "exercises/junior/core/largest_number.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert (ws / "solutions/junior/core/largest_number.py").is_file()

    # edited before any run, then reset: pristine, from the package
    stub = ws / "exercises/junior/core/square_list.py"
    write = stub.read_bytes()
    stub.write_text("# my half-done edit\n")
    reset = pyex(venv, ws, "reset", "square_list")
    assert reset.returncode == 0 and stub.read_bytes() == write == (data / "exercises/junior/core/square_list.py").read_bytes()

    # an upgrade: a new exercise, a changed stub, an exercise renamed (with its old name as an alias)
    (src / "exercises/junior/core/triple_it.py").write_text('"""Triple it."""\n\n\ndef triple(x):\n    raise NotImplementedError\n')
    (src / "solutions/junior/core/triple_it.py").write_text("def triple(x):\n    return 3 * x\n")
    (src / "checks/junior/core/test_triple_it.py").write_text("from triple_it import triple\n\n\ndef test_t():\n"
                                                           "    assert triple(2) == 6\n")
    evens = src / "exercises/junior/core/sum_of_evens.py"
    evens.write_text(evens.read_text() + "\n# clearer wording in the new release\n")
    for tree, prefix in (("exercises", ""), ("solutions", ""), ("checks", "test_")):
        os.rename(src / tree / "junior/core" / f"{prefix}largest_number.py",
                  src / tree / "junior/core" / f"{prefix}largest_of_list.py")
    check = src / "checks/junior/core/test_largest_of_list.py"
    check.write_text(check.read_text().replace("from largest_number import", "from largest_of_list import"))
    info = (src / "info.toml").read_text()
    info = info.replace('name = "largest_number"\npath = "junior/core/largest_number.py"',
                        'name = "largest_of_list"\npath = "junior/core/largest_of_list.py"\naliases = ["largest_number"]')
    info += ('\n[[exercises]]\nname = "triple_it"\npath = "junior/core/triple_it.py"\ncovers = ["J-CORE-02"]\n'
             'hints = ["Multiply.", "return 3 * x"]\n')
    (src / "info.toml").write_text(info)
    version = src / "pyexercise/__init__.py"
    version.write_text(re.sub(r'__version__ = "([^"]+)"', r'__version__ = "\1.post1"', version.read_text()))
    install(build_wheel(src, base / "dist2"))

    updated = pyex(venv, ws, "update")
    assert updated.returncode == 0, updated.stderr
    assert "new: exercises/junior/core/triple_it.py" in updated.stdout
    assert "updated: exercises/junior/core/sum_of_evens.py" in updated.stdout
    assert "renamed: exercises/junior/core/largest_number.py -> exercises/junior/core/largest_of_list.py" in updated.stdout
    rows = {e["name"]: e["status"] for e in json.loads(pyex(venv, ws, "list", "--json").stdout)["exercises"]}
    assert rows["largest_of_list"] == "done" and rows["triple_it"] == "pending", rows
    assert "largest_number" not in rows

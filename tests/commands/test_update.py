"""`pyex update` after an upgrade: new exercises in, untouched stubs refreshed, edits never overwritten,
progress kept across a rename."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURE, write


@pytest.fixture
def upgraded(tmp_path, monkeypatch, pyex):
    source = tmp_path / "package-data"
    shutil.copytree(FIXTURE, source)
    monkeypatch.setenv("PYEX_CURRICULUM", str(source))
    monkeypatch.chdir(tmp_path)
    assert pyex("init", "ws", "--no-git").code == 0
    monkeypatch.chdir(tmp_path / "ws")
    return source, tmp_path / "ws"


def test_update_adds_refreshes_keeps_edits_and_progress(upgraded, pyex):
    source, ws = upgraded
    shutil.copy(source / "solutions/basics/add_two.py", ws / "exercises/basics/add_two.py")
    assert pyex("run", "add_two").code == 0
    write(ws / "exercises/basics/redis_remember.py", "# the learner's work\n")
    # the upgrade: shout's and redis_remember's stubs change, a new exercise arrives, add_two is renamed
    for name in ("shout", "redis_remember"):
        stub = source / f"exercises/basics/{name}.py"
        stub.write_text(stub.read_text() + "\n# clearer wording\n")
    (source / "exercises/basics/twice.py").write_text('"""Double it."""\n\ndef twice(x):\n    raise NotImplementedError\n')
    (source / "solutions/basics/twice.py").write_text("def twice(x):\n    return 2 * x\n")
    (source / "checks/basics/test_twice.py").write_text("from twice import twice\n\ndef test_t():\n    assert twice(2) == 4\n")
    for tree in ("exercises", "solutions", "checks"):
        prefix = "test_" if tree == "checks" else ""
        (source / tree / "basics" / f"{prefix}add_two.py").rename(source / tree / "basics" / f"{prefix}sum_two.py")
    info = (source / "info.toml").read_text().replace('name = "add_two"\npath = "basics/add_two.py"',
                                                      'name = "sum_two"\npath = "basics/sum_two.py"\naliases = ["add_two"]')
    info += ('\n[[exercises]]\nname = "twice"\npath = "basics/twice.py"\ncovers = ["J-CORE-03"]\n'
             'hints = ["Multiply.", "return 2 * x"]\n')
    (source / "info.toml").write_text(info)
    (source / "checks/basics/test_sum_two.py").write_text(
        (source / "checks/basics/test_sum_two.py").read_text().replace("from add_two", "from sum_two"))
    result = pyex("update")
    assert result.code == 0, result.err
    out = result.out
    assert "new: exercises/basics/twice.py" in out
    assert "updated: exercises/basics/shout.py" in out and "clearer wording" in (ws / "exercises/basics/shout.py").read_text()
    assert (ws / "exercises/basics/redis_remember.py").read_text() == "# the learner's work\n"
    assert "clearer wording" in (ws / "exercises/basics/redis_remember.py.new").read_text()
    assert "renamed: exercises/basics/add_two.py -> exercises/basics/sum_two.py" in out
    assert not (ws / "exercises/basics/add_two.py").exists()
    listing = pyex("list", "--json").out
    assert '"name": "sum_two"' in listing and '"status": "done"' in listing
    assert "Already up to date" in pyex("update").out

"""The checks as they were before any learner code ran: graded from, compared with, restored."""

from __future__ import annotations

import os

from pyexercise.guard import CheckSnapshot, put_back, replace_file


def test_changes_are_put_back_and_kept_beside(tmp_path):
    checks = tmp_path / "checks"
    (checks / "a").mkdir(parents=True)
    (checks / "a" / "test_x.py").write_bytes(b"original")
    snap = CheckSnapshot(checks)
    (checks / "a" / "test_x.py").write_bytes(b"tampered")
    (checks / "a" / "test_new.py").write_bytes(b"planted")
    assert snap.restore() == ["checks/a/test_new.py", "checks/a/test_x.py"]
    assert (checks / "a" / "test_x.py").read_bytes() == b"original" and not (checks / "a" / "test_new.py").exists()
    kept = sorted(p.name for p in (checks / "a").glob("*.changed-*"))
    assert len(kept) == 2 and snap.restore() == []  # the kept copies are not checks


def test_the_snapshot_is_what_runs_are_graded_from(tmp_path):
    (tmp_path / "checks").mkdir()
    check = tmp_path / "checks" / "test_y.py"
    check.write_bytes(b"v1")
    snap = CheckSnapshot(tmp_path / "checks")
    check.write_bytes(b"v2")
    assert snap.source(check) == b"v1"
    snap.refresh()  # between runs: an author's edit is taken
    assert snap.source(check) == b"v2" and snap.source(tmp_path / "checks" / "nope.py") is None


def test_replacing_never_writes_through_a_planted_link(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    link = tmp_path / "state.json"
    os.symlink(outside, link)
    replace_file(link, b"new")
    assert outside.read_text() == "precious" and not link.is_symlink() and link.read_bytes() == b"new"


def test_put_back_of_a_deleted_file(tmp_path):
    path = tmp_path / "test_z.py"
    put_back(path, b"back", None)
    assert path.read_bytes() == b"back"

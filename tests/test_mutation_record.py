"""The committed mutation record: keyed by what decides a result, stale the moment any of it changes."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pyexercise import curriculum
from pyexercise.errors import FatalError
from pyexercise.mutation_record import Entry, Record, key, mutator_version

from conftest import write


def test_the_key_changes_with_the_solution_the_check_and_the_limits(workspace):
    ex = curriculum.load(workspace).get("add_two")
    before = key(ex)
    assert key(ex) == before
    write(ex.solution, ex.solution.read_text() + "\n# a comment changes the mutants' lines\n")
    assert key(ex) != before
    after_solution = key(ex)
    write(ex.check, ex.check.read_text() + "\n")
    assert key(ex) != after_solution
    stricter = dataclasses.replace(ex, limits=dataclasses.replace(ex.limits, time=1.0))
    assert key(stricter) != key(ex)
    assert len(mutator_version()) == 16


def test_fresh_stale_save_and_load(workspace):
    cur = curriculum.load(workspace)
    ex = cur.get("add_two")
    record = Record(workspace / "mutation-record.json")
    record.entries["add_two"] = Entry(key(ex), 9, 10, 1, ["line 3: a + b -> a - b"])
    record.entries["gone"] = Entry("x", 1, 1)
    record.save({e.name for e in cur})
    loaded = Record.load(workspace / "mutation-record.json")
    assert set(loaded.entries) == {"add_two"} and loaded.fresh(ex).score == 0.9
    write(ex.solution, ex.solution.read_text() + "\n")
    assert loaded.fresh(ex) is None


def test_a_broken_record_says_how_to_rebuild_it(tmp_path):
    path = tmp_path / "mutation-record.json"
    path.write_text("{oops")
    with pytest.raises(FatalError, match="dev mutants --record"):
        Record.load(path)
    path.write_text(json.dumps({"format_version": 99}))
    with pytest.raises(FatalError, match="dev mutants --record"):
        Record.load(path)
    assert Record.load(tmp_path / "none.json").entries == {}

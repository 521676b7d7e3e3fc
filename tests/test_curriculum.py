"""info.toml: every mistake is one clear line naming the file, the exercise and the key."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pyexercise import curriculum
from pyexercise.errors import FatalError

GOOD_ENTRY = '''
[[exercises]]
name = "add_two"
path = "basics/add_two.py"
covers = ["J-CORE-01"]
hints = ["a", "b"]
'''


def load_text(root, text):
    (root / "info.toml").write_text(text, encoding="utf-8")
    return curriculum.load(root)


def test_fixture_loads(workspace):
    cur = curriculum.load(workspace)
    assert [e.name for e in cur] == ["add_two", "shout", "redis_remember"]
    ex = cur.get("add_two")
    assert ex.limits.time == 4 and ex.limits.memory == 160 and ex.limits.processes == 4
    assert ex.module == "add_two" and ex.level == "basics"
    assert ex.check.name == "test_add_two.py" and ex.check.is_file()
    assert ex.summary == "Return the sum of two integers."
    assert cur.welcome_message.startswith("Welcome")


@pytest.mark.parametrize("text, expected", [
    ("format_version = 1\n[[exercises]\n", r"info\.toml: not valid TOML"),
    ("[[exercises]]\nname='x'\n", r"key `format_version`: missing"),
    ("format_version = '1'\n" + GOOD_ENTRY, r"key `format_version`: must be a whole number"),
    ("format_version = 99\n" + GOOD_ENTRY, r"key `format_version`: is 99, but this pyex reads version 1"),
    ("format_version = 1\n", r"key `exercises`: no \[\[exercises\]\]"),
    ("format_version = 1\nexercises = 3\n", r"key `exercises`: must be an array of tables"),
    ("format_version = 1\nbogus = 1\n" + GOOD_ENTRY, r"key `bogus`: unknown top-level key"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('name = "add_two"\n', ""), r"exercise #1, key `name`: missing"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('"add_two"', "3"), r"exercise #1, key `name`: must be"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('"add_two"', '"Add Two"'), r"exercise Add Two, key `name`: must be a lower_case slug"),
    ("format_version = 1\n" + GOOD_ENTRY + GOOD_ENTRY, r"exercise add_two, key `name`: duplicate name"),
    ("format_version = 1\n" + GOOD_ENTRY.replace("basics/add_two.py", "basics/nope.py"), r"exercise add_two, key `path`: neither exercises/basics/nope.py nor solutions/basics/nope.py exists"),
    ("format_version = 1\n" + GOOD_ENTRY.replace("basics/add_two.py", "../x.py"), r"exercise add_two, key `path`: must be a relative \.py path"),
    ("format_version = 1\n" + GOOD_ENTRY.replace("basics/add_two.py", "basics/csv.py"), r"key `path`: the module name 'csv' would shadow"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('["a", "b"]', '["a"]'), r"exercise add_two, key `hints`: needs at least 2"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('["a", "b"]', '"ab"'), r"exercise add_two, key `hints`: must be a list"),
    ("format_version = 1\n" + GOOD_ENTRY.replace('"J-CORE-01"', '"X-99"'), r"exercise add_two, key `covers`: unknown seed task ID 'X-99'"),
    ("format_version = 1\n" + GOOD_ENTRY + "limits = { time = -1 }\n", r"exercise add_two, key `limits.time`: must be a positive number"),
    ("format_version = 1\n" + GOOD_ENTRY + "limits = { speed = 1 }\n", r"exercise add_two, key `limits.speed`: unknown limit"),
    ("format_version = 1\n" + GOOD_ENTRY + "requires = [\"postgres\"]\n", r"exercise add_two, key `requires`: unknown service 'postgres'"),
    ("format_version = 1\n" + GOOD_ENTRY + "colour = 'red'\n", r"exercise add_two, key `colour`: unknown key"),
])
def test_loader_errors_name_file_exercise_and_key(workspace, text, expected):
    with pytest.raises(FatalError) as info:
        load_text(workspace, text)
    message = str(info.value)
    assert re.search(expected, message), message
    assert message.startswith("info.toml") and "\n" not in message


def test_no_info_toml_is_a_clear_error(tmp_path, pyex, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = pyex("list")
    assert result.code == 2
    assert "not inside a pyex workspace" in result.err and "pyex init" in result.err and "Traceback" not in result.err


def test_cli_reports_loader_error_without_traceback(workspace, pyex):
    (workspace / "info.toml").write_text("format_version = 1\n[[exercises]]\nname = 5\n")
    result = pyex("list")
    assert result.code == 2
    assert "info.toml, exercise #1, key `name`" in result.err
    assert "Traceback" not in result.err + result.out


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(
        ["name", "path", "hints", "covers", "limits", "requires", "time", "memory", "x"]), children, max_size=4),
    max_leaves=12)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.dictionaries(st.sampled_from(["format_version", "exercises", "welcome_message", "x"]),
                            toml_values, max_size=4),
       entries=st.lists(st.dictionaries(st.sampled_from(
           ["name", "path", "hints", "covers", "limits", "requires", "equivalent_mutants"]), toml_values,
           max_size=7), max_size=3))
def test_any_malformed_structure_is_a_fatal_error_never_a_crash(workspace, data, entries):
    data = dict(data)
    if entries:
        data["exercises"] = entries
    try:
        curriculum.parse(data, workspace, curriculum._Where(workspace / "info.toml"))
    except FatalError as exc:
        assert str(exc).startswith("info.toml")

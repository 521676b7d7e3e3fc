"""The check child's own logic: what counts as not written, learner text made safe, pytest's advice dropped."""

from __future__ import annotations

from pyexercise.runner import child
from pyexercise.runner.protocol import RunSpec


class Loud:
    def __str__(self):
        raise RuntimeError("no")


class Weird(Exception):
    def __str__(self):
        raise ValueError("nope")


def test_not_written_sees_groups_and_survives_a_group_that_contains_itself():
    group = ExceptionGroup("g", [NotImplementedError(), NotImplementedError()])
    assert child._not_written(group)
    assert not child._not_written(ExceptionGroup("g", [NotImplementedError(), ValueError()]))
    class Itself(ExceptionGroup):
        @property
        def exceptions(self):
            return (self,)

    assert not child._not_written(Itself("g", [ValueError()]))  # ends, and is not "not written"


def test_safe_str_of_things_whose_str_raises():
    assert child.safe_str(Loud()) == "<Loud whose str() raised>"
    assert child.describe(Weird()) == "Weird: <Weird whose str() raised>"


def test_pytest_command_line_advice_is_dropped():
    text = "assert 1 == 2\n  Use -v to get more diff\nOmitting 3 identical items, use -vv to show\n"
    assert child._for_learners(text) == "assert 1 == 2"


def test_paths_show_the_learners_own_file():
    spec = RunSpec(3, "/tmp/run/target/m.py", "m", "/c", "/i", "/w", 1, 1, 1, learner_file="/ws/exercises/m.py")
    paths = child.Paths(spec)
    assert paths.text('File "/tmp/run/target/m.py", line 3') == 'File "/ws/exercises/m.py", line 3'


def test_pytest_args_are_pyexs_own():
    spec = RunSpec(3, "/t.py", "t", "/c.py", "/i.ini", "/w", 1, 1, 1, fail_fast=True)
    args = child.pytest_args(spec)
    assert args[0] == "/c.py" and "--noconftest" in args and ["-c", "/i.ini"] == args[1:3] and args[-1] == "-x"
    assert "no:cacheprovider" in args and "pyexercise.checklib.plugin" in args


def test_a_type_check_shows_the_checks_words_without_pytests_rewrite():
    noisy = "add(2, 3) should be 9\nassert (<class 'int'> is int and 42 == 9)\n +  where <class 'int'> = type(42)"
    assert child._for_learners(noisy) == "add(2, 3) should be 9"
    plain = "should be 9\nassert 42 == 9"
    assert child._for_learners(plain) == plain  # a value comparison's explanation helps: it stays

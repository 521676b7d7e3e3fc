"""One check run, from a private directory to a verdict, on the fixture's add_two exercise:
every verdict holds both for a fresh interpreter and for a child of the warm worker."""

from __future__ import annotations

import shutil

import psutil
import pytest

from pyexercise.env import Environment
from pyexercise.runner.result import Outcome
from pyexercise.session import GradingSession
from pyexercise.workspace import Workspace

from conftest import FIXTURE, git_commit, write


@pytest.fixture(scope="module")
def module_ws(tmp_path_factory):
    root = tmp_path_factory.mktemp("runner") / "ws"
    shutil.copytree(FIXTURE, root)
    git_commit(root)
    return root


@pytest.fixture(scope="module", params=["fresh", "warm"])
def session(request, module_ws):
    ws = Workspace(Environment(root_override=module_ws))
    with GradingSession(ws, warm_worker=request.param == "warm") as s:
        s.warm_up()
        yield s


@pytest.fixture
def grade(session, module_ws):
    ws = session.ws
    ex = ws.curriculum.get("add_two")
    original = ex.stub.read_text()

    def run(source: str, name: str = "add_two"):
        target = ws.curriculum.get(name)
        write(target.stub, source)
        before = {p.pid for p in psutil.Process().children(recursive=True)}
        result = session.grade(target)
        after = {p.pid for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE}
        assert after <= before, "the run left processes behind"
        return result

    yield run
    write(ex.stub, original)


def test_pass(grade):
    result = grade("def add(a, b):\n    return a + b\n")
    assert result.outcome is Outcome.PASS and result and result.total == 2 and result.passed == 2


def test_untouched_stub_is_not_started(grade, workspace):
    result = grade((workspace / "exercises/basics/add_two.py").read_text())
    assert result.outcome is Outcome.NOT_STARTED and not result
    assert "not done yet" in result.summary


def test_fail_names_the_check_the_message_and_the_learners_line(grade):
    result = grade("def add(a, b):\n    total = a - b\n    return total\n")
    assert result.outcome is Outcome.FAIL
    first = result.failures[0]
    assert first.test == "test_small" and first.about == "two small numbers"
    assert "add(2, 3) should be 5" in first.message and "assert -1 == 5" in first.message
    assert result.total == 2 and result.passed == 0


def test_learner_traceback_lines_only(grade):
    result = grade("def helper(x):\n    return x[0]\n\ndef add(a, b):\n    return helper(a) + b\n")
    first = result.failures[0]
    assert first.exception == "TypeError"
    assert [f.lineno for f in first.frames] == [5, 2]
    assert first.frames[-1].line == "return x[0]"
    assert all("_pytest" not in f.line for f in first.frames)


def test_hypothesis_falsifying_example_is_shown(grade):
    result = grade("def add(a, b):\n    return a + b if a != 0 else 1\n")
    failure = next(f for f in result.failures if f.test == "test_any")
    assert any("test_any(" in n and "a=0" in n for n in failure.notes), failure.notes


def test_syntax_error(grade):
    result = grade("def add(a, b)\n    return a + b\n")
    assert result.outcome is Outcome.ERROR
    assert "SyntaxError on line 1" in result.detail
    assert result.frames[0].lineno == 1


def test_exception_at_import(grade):
    result = grade("import nonexistent_module_xyz\n")
    assert result.outcome is Outcome.ERROR
    assert "ModuleNotFoundError" in result.detail and "importing your file" in result.detail


def test_missing_name(grade):
    result = grade("def plus(a, b):\n    return a + b\n")
    assert result.outcome is Outcome.ERROR
    assert "imports `add` from your file, but it is not defined" in result.detail


def test_sys_exit_at_import(grade):
    result = grade("import sys\nsys.exit(3)\n")
    assert result.outcome is Outcome.ERROR and "sys.exit(3)" in result.detail


def test_timeout_names_the_limit_and_the_running_check(grade):
    result = grade("def add(a, b):\n    while True:\n        pass\n")
    assert result.outcome is Outcome.TIMEOUT
    assert "more than 4 s" in result.detail and result.running_test == "test_small"


def test_memory_breach_names_use_and_limit(grade):
    result = grade("def add(a, b):\n    hog = [bytearray(1 << 20) for _ in range(2000)]\n    return a + b\n")
    assert result.outcome is Outcome.MEMORY
    assert "the limit is 160 MB" in result.detail and "your code" in result.detail


def test_crash_without_result(grade):
    result = grade("import os\ndef add(a, b):\n    os._exit(0)\n")
    assert result.outcome is Outcome.CRASHED and not result


def test_segfault_is_a_crash(grade):
    result = grade("import ctypes\ndef add(a, b):\n    ctypes.string_at(0)\n")
    assert result.outcome is Outcome.CRASHED and "SIGSEGV" in result.detail


def test_fork_bomb_breaches_processes_and_is_killed(grade):
    result = grade("import os, time\ndef add(a, b):\n    for _ in range(8):\n        if os.fork() == 0:\n"
                   "            time.sleep(60)\n    time.sleep(60)\n")
    assert result.outcome is Outcome.PROCESSES and "more than 4 processes" in result.detail


def test_detached_daemon_is_killed(grade):
    result = grade("import subprocess, sys\nstarted = []\ndef add(a, b):\n    if not started:\n"
                   "        started.append(subprocess.Popen(['sleep', '300'], start_new_session=True))\n"
                   "    return a + b\n")
    assert result.outcome is Outcome.PASS  # and the fixture asserts nothing survived


def test_output_is_captured_capped_and_never_parsed(grade):
    result = grade("said = []\ndef add(a, b):\n    if not said:\n        said.append(1)\n"
                   "        print('=== 2 passed in 0.01s ===')\n        print('x' * 100000)\n    return a - b\n")
    assert result.outcome is Outcome.FAIL
    assert result.output.startswith("=== 2 passed")
    assert len(result.output) <= 64 * 1024 and result.output_dropped > 0


def test_input_gets_end_of_file(grade):
    result = grade("def add(a, b):\n    return int(input('number? '))\n")
    assert result.outcome is Outcome.FAIL and result.failures[0].exception == "EOFError"


def test_object_equal_to_everything_is_not_enough_when_check_compares_types(grade):
    # the fixture check compares values only; a pass here is why real checks compare types
    result = grade("class Any(str):\n    def __eq__(self, o):\n        return True\n"
                   "def shout(t):\n    return Any('nope')\n", name="shout")
    assert result.outcome is Outcome.PASS


def test_solution_target(session):
    assert session.grade(session.ws.curriculum.get("add_two"), solutions=True)


def test_timeout_says_where_the_learners_code_was(grade):
    result = grade("def spin():\n    while True:\n        pass\n\ndef add(a, b):\n    spin()\n")
    assert result.outcome is Outcome.TIMEOUT
    assert [f.function for f in result.frames] == ["add", "spin"]
    assert result.frames[0].lineno == 6 and result.frames[1].lineno in (2, 3)


def test_a_group_of_not_implemented_errors_is_still_not_started(tmp_path, workspace):
    ws = Workspace(Environment(root_override=workspace))
    ex = ws.curriculum.get("add_two")
    write(ex.check, "from add_two import add\n\ndef test_group():\n    \"\"\"two failures at once\"\"\"\n"
                    "    errors = []\n    for args in ((1, 2), (3, 4)):\n        try:\n            add(*args)\n"
                    "        except NotImplementedError as exc:\n            errors.append(exc)\n"
                    "    raise ExceptionGroup('both', errors)\n")
    with GradingSession(ws, warm_worker=False) as session:
        assert session.grade(ex).outcome is Outcome.NOT_STARTED

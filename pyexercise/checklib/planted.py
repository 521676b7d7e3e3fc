"""Grading the tests a learner writes: they must pass on the correct code and fail on each bug
planted in it.

The learner's tests (pytest functions, unittest TestCases, or both) run in a nested pytest session
inside the check, once per implementation. Before they run, the names in ``replace`` are rebound
in the module they were collected from, so a test that calls ``RingBuffer(3)`` meets the buggy
class; fixtures the tests ask for (``base_url``, say) can be supplied too.

    BUGS = {
        "off_by_one": ({"RingBuffer": OffByOne}, "keeps one item too many"),
        "no_overwrite": ({"RingBuffer": NoOverwrite}, "raises when full instead of overwriting"),
    }
    tests = PlantedBugs(correct={"RingBuffer": Correct}, bugs=BUGS, min_tests=4)

    def test_your_tests_pass_on_correct_code():
        tests.check_correct()

    @pytest.mark.parametrize("bug", list(BUGS))
    def test_your_tests_catch(bug):
        tests.check_caught(bug)
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pytest

from pyexercise.checklib.source import target_path


@dataclass
class SuiteRun:
    """What one run of the learner's tests came to."""

    passed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # test -> the first line of why
    skipped: list[str] = field(default_factory=list)
    not_written: list[str] = field(default_factory=list)  # still raise NotImplementedError
    errors: list[str] = field(default_factory=list)  # the file could not be collected

    @property
    def ran(self) -> int:
        return len(self.passed) + len(self.failed) + len(self.skipped) + len(self.not_written)


def _short(nodeid: str) -> str:
    return nodeid.split("::", 1)[-1]


def _first_line(report) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr)
    return (text.strip().splitlines() or [""])[0][:300]


class _Plugin:
    def __init__(self, replace: Mapping[str, Any], run: SuiteRun) -> None:
        self.replace, self.run = replace, run
        self.modules: set[str] = set()  # imported for this run only: forgotten afterwards

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        for item in items:
            module = item.getparent(pytest.Module)
            if module is not None:
                self.modules.add(module.obj.__name__)
                for name, value in self.replace.items():
                    setattr(module.obj, name, value)

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.run.errors.append(_first_line(report))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if call.excinfo is not None and call.excinfo.errisinstance(NotImplementedError):
            report.pyex_not_written = True  # noqa: attribute for logreport

    def pytest_runtest_logreport(self, report) -> None:
        name = _short(report.nodeid)
        if report.when == "call" or report.failed or report.skipped:
            if report.passed and report.when == "call":
                self.run.passed.append(name)
            elif report.skipped:
                self.run.skipped.append(name)
            elif report.failed and name not in self.run.failed:
                if getattr(report, "pyex_not_written", False):
                    self.run.not_written.append(name)
                else:
                    self.run.failed[name] = _first_line(report)


def _fixture_plugin(fixtures: Mapping[str, Any]):
    """A plugin object whose fixtures return the given values (pytest reads them off its class)."""
    attrs = {}
    for name, value in fixtures.items():
        def make(self, value=value):
            return value
        attrs[f"pyex_fixture_{name}"] = pytest.fixture(name=name)(make)
    return type("LearnerFixtures", (), attrs)()


def run_learner_tests(replace: Mapping[str, Any] | None = None, *, fixtures: Mapping[str, Any] | None = None,
                      path: str | os.PathLike | None = None, args: tuple[str, ...] = ()) -> SuiteRun:
    """Run the tests in ``path`` (default: the file under test) with ``replace`` rebound in their
    module and ``fixtures`` available by name; what they print is not shown."""
    path = Path(path) if path is not None else target_path()
    run = SuiteRun()
    collector = _Plugin(replace or {}, run)
    plugins: list = [collector]
    if fixtures:
        plugins.append(_fixture_plugin(fixtures))
    with tempfile.TemporaryDirectory(prefix="pyex-learner-tests-") as tmp:
        ini = os.path.join(tmp, "pytest.ini")
        with open(ini, "w") as fh:
            fh.write("[pytest]\npython_functions = test*\n")
        argv = [str(path), "-c", ini, "--rootdir", tmp, "-p", "no:cacheprovider", "-p", "no:stepwise",
                "--noconftest", "--import-mode=importlib", "-q", "--capture=sys", "-p", "no:randomly",
                "-W", "ignore::pytest.PytestAssertRewriteWarning", *args]
        saved = sys.stdout
        with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
            try:
                pytest.main(argv, plugins=plugins)
            finally:
                sys.stdout = saved
                for name in collector.modules:
                    sys.modules.pop(name, None)
    return run


def _describe(failed: Mapping[str, str], limit: int = 3) -> str:
    lines = [f"  {name}: {why}" for name, why in list(failed.items())[:limit]]
    if len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more")
    return "\n".join(lines)


class PlantedBugs:
    """The learner's tests against ``correct`` and each of ``bugs`` (name -> (replace, what the
    bug does, in words)). Runs are cached: each implementation is tested once per check run."""

    def __init__(self, correct: Mapping[str, Any], bugs: Mapping[str, tuple[Mapping[str, Any], str]],
                 *, min_tests: int = 1, fixtures: Mapping[str, Any] | None = None,
                 path: str | os.PathLike | None = None) -> None:
        self.correct, self.bugs, self.min_tests = correct, bugs, min_tests
        self.fixtures, self.path = fixtures, path
        self._runs: dict[str, SuiteRun] = {}

    def run(self, key: str = "") -> SuiteRun:
        """The run for bug ``key`` ("" for the correct code)."""
        if key not in self._runs:
            replace = self.correct if not key else {**self.correct, **self.bugs[key][0]}
            self._runs[key] = run_learner_tests(replace, fixtures=self.fixtures, path=self.path)
        return self._runs[key]

    def check_correct(self) -> SuiteRun:
        """The learner's tests exist, are written, and all pass on the correct code."""
        run = self.run("")
        if run.not_written:
            raise NotImplementedError(f"{run.not_written[0]} still raises NotImplementedError: replace the "
                                      "placeholder with your test")
        if run.errors:
            pytest.fail("your tests could not be loaded: " + run.errors[0], pytrace=False)
        if run.ran == 0:
            pytest.fail("no tests were found: write functions named test_... (or a unittest.TestCase)",
                        pytrace=False)
        if run.failed:
            pytest.fail("these tests fail on the correct code, so what they expect is wrong:\n"
                        + _describe(run.failed), pytrace=False)
        if run.skipped:
            pytest.fail(f"{len(run.skipped)} test(s) were skipped: a skipped test checks nothing", pytrace=False)
        if len(run.passed) < self.min_tests:
            pytest.fail(f"found {len(run.passed)} test(s); write at least {self.min_tests}, each checking one "
                        "behaviour", pytrace=False)
        return run

    def check_caught(self, bug: str) -> SuiteRun:
        """At least one of the learner's tests fails when ``bug`` is planted."""
        self.check_correct()
        run = self.run(bug)
        if run.not_written:
            raise NotImplementedError(f"{run.not_written[0]} still raises NotImplementedError")
        if not run.failed:
            pytest.fail(f"your tests all pass on code with a bug planted in it: {self.bugs[bug][1]}. Add a test "
                        "that this bug would fail", pytrace=False)
        return run

"""The child process that grades one file. Learner code only ever runs here, never in pyex.

Started as ``python -m pyexercise.runner.child SPEC_JSON`` in an empty private directory, or forked
by the warm worker. The verdict goes back as protocol messages on a pipe of pyex's own
(``spec.result_fd``); what the learner prints goes to stdout, which pyex only shows, never parses.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib.util
import os
import re
import resource
import signal
import sys
import traceback

import pytest

from pyexercise.runner import sandbox
from pyexercise.runner.protocol import (MAX_TEXT, Failure, FinalReport, Frame, Ready, RunSpec, Started,
                                        TestRecord, encode)


class ResultWriter:
    """The child's end of pyex's result pipe."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, message) -> None:
        data = encode(message)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
        except OSError:
            pass  # the learner closed our pipe: pyex reports a crash, never a pass


def set_limits(spec: RunSpec) -> None:
    """Kernel-enforced backstops behind pyex's own watchdog."""
    mb = 1024 * 1024

    def cap(which: int, value: int) -> None:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass

    # virtual size runs well above resident size; this only stops a runaway the watchdog misses
    cap(resource.RLIMIT_AS, (spec.memory * 4 + 1024) * mb)
    cap(resource.RLIMIT_CPU, int(spec.time * 2) + 5)
    cap(resource.RLIMIT_FSIZE, spec.file_size * mb)
    cap(resource.RLIMIT_CORE, 0)


class Paths:
    """The file under test is a private copy; learners know it by their own path."""

    def __init__(self, spec: RunSpec) -> None:
        self.target = spec.target
        self.shown = spec.learner_file or spec.target

    def frames(self, tb) -> tuple[Frame, ...]:
        return tuple(Frame(fs.lineno or 0, fs.name, (fs.line or "").strip())
                     for fs in traceback.extract_tb(tb) if os.path.realpath(fs.filename) == self.target)

    def text(self, text: str) -> str:
        return text.replace(self.target, self.shown)


try:
    _ExceptionGroup = BaseExceptionGroup
except NameError:  # Python 3.10: pytest brings the backport
    from exceptiongroup import BaseExceptionGroup as _ExceptionGroup


def _not_written(exc: BaseException, depth: int = 0) -> bool:
    """NotImplementedError, or a group of them (hypothesis reports several failures as a group)."""
    if isinstance(exc, NotImplementedError):
        return True
    if isinstance(exc, _ExceptionGroup) and depth < 20:  # a group may contain itself
        return all(_not_written(e, depth + 1) for e in exc.exceptions)
    return False


_PYTEST_ADVICE = re.compile(r"^\s*(Use -v to get more diff|Use -v to get the full diff|\.\.\.Full output truncated.*"
                            r"|Omitting \d+ identical items, use -vv to show)\s*$")


def _for_learners(message: str) -> str:
    """pytest's explanation without its command-line advice (-v, -vv): the learner runs pyex."""
    lines = [line for line in message.splitlines() if not _PYTEST_ADVICE.match(line)]
    # the check's own words, then pytest's rewrite of the expression: where that is about types
    # ("assert (<class 'int'> is int and 42 == 9)") it is noise beside the words, so the words stand
    if lines and not lines[0].startswith("assert "):
        for i, line in enumerate(lines):
            if line.startswith("assert ") and "<class '" in "\n".join(lines[i:]):
                lines = lines[:i]
                break
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _odd(exc: BaseException) -> bool:
    """An exception pytest's own report would choke on: a group that contains itself (formatting it
    never ends), or one whose text cannot be had."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            return True
        seen.add(id(e))
        if len(seen) > 1000:
            return True
        try:
            str(e)
            members = list(e.exceptions) if isinstance(e, _ExceptionGroup) else []
        except BaseException:  # noqa: BLE001
            return True
        todo += [m for m in members if isinstance(m, BaseException)]
    return False


def safe_str(value: object) -> str:
    """str() of something the learner made: its __str__ may raise, recurse or return a non-str."""
    try:
        text = str(value)
        return text if isinstance(text, str) else repr(type(value))
    except BaseException:  # noqa: BLE001 - anything at all
        try:
            return f"<{type(value).__name__} whose str() raised>"
        except BaseException:  # noqa: BLE001
            return "<unprintable>"


def describe(exc: BaseException) -> str:
    text = safe_str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def import_learner(spec: RunSpec, paths: Paths, out: ResultWriter) -> bool:
    """Import the file under test as ``spec.module``; report and return False if it can't be."""
    def final(outcome: str, detail: str, tb=None, frames: tuple[Frame, ...] = ()) -> None:
        out.send(FinalReport(outcome, detail=paths.text(detail)[:MAX_TEXT],
                             frames=frames or (paths.frames(tb) if tb is not None else ())))

    try:
        module_spec = importlib.util.spec_from_file_location(spec.module, spec.target)
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[spec.module] = module
        module_spec.loader.exec_module(module)
        return True
    except SyntaxError as exc:
        where = f" on line {exc.lineno}" if exc.lineno else ""
        final("error", f"{type(exc).__name__}{where}: {exc.msg}",
              frames=(Frame(exc.lineno or 0, "", (exc.text or "").rstrip()),))
    except SystemExit as exc:
        final("error", f"Your file called sys.exit({safe_str(exc.code)!s}) while being imported: keep top-level "
              "code inside `if __name__ == \"__main__\":`.".replace("sys.exit(None)", "sys.exit()"),
              exc.__traceback__)
    except NotImplementedError as exc:
        final("not_started", describe(exc), exc.__traceback__)
    except MemoryError as exc:
        final("memory", "ran out of memory while being imported", exc.__traceback__)
    except BaseException as exc:  # noqa: BLE001 - anything the learner's import raises is their error
        final("error", f"{describe(exc)} (raised while importing your file)", exc.__traceback__)
    return False


class Collector:
    """A pytest plugin that turns reports into pyex's result, sent on the result pipe."""

    def __init__(self, out: ResultWriter, spec: RunSpec, paths: Paths, stdout) -> None:
        self.out, self.spec, self.paths, self.stdout = out, spec, paths, stdout
        self.passed = self.total = self.collected = 0
        self.failures: list[Failure] = []
        self.tests: list[TestRecord] = []
        self.collect_errors: list[str] = []
        self.missing: list[str] = []
        self.running = ""
        self.interrupted: Failure | None = None

    # pytest's terminal reporter has bound itself to a null stdout by now (trylast); give the
    # learner's prints the real one
    @pytest.hookimpl(trylast=True)
    def pytest_configure(self, config) -> None:
        sys.stdout = self.stdout

    def pytest_collection_finish(self, session) -> None:
        self.collected = len(session.items)

    def pytest_keyboard_interrupt(self, excinfo) -> None:
        # pytest also reports a collection error or pytest.exit() here, as subclasses: only a real
        # KeyboardInterrupt is the learner's
        if type(excinfo.value) is not KeyboardInterrupt:
            return
        self.interrupted = Failure(test=self.running, exception="KeyboardInterrupt",
                                   message="your code raised KeyboardInterrupt, which stops every check",
                                   frames=self.paths.frames(excinfo.tb))

    def pytest_runtest_logstart(self, nodeid, location) -> None:
        self.running = nodeid.split("::")[-1]
        self.out.send(Started(self.running))

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            text = safe_str(report.longrepr)
            # the check's `from module import name` found no such name in the learner's file
            missing = re.search(r"cannot import name '([^']+)' from '%s'" % re.escape(self.spec.module), text)
            if missing:
                self.missing.append(missing.group(1))
            else:
                self.collect_errors.append(self.paths.text(text[-4000:]))

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.total += 1
            self.tests.append(TestRecord(report.nodeid.split("::")[-1], report.outcome, round(report.duration, 4)))
            if report.passed:
                self.passed += 1
            elif report.skipped:
                # a check never skips a test: a skip is as good as a failure to the learner
                self.failures.append(Failure(test=report.nodeid.split("::")[-1], exception="Skipped",
                                             message="this check was skipped (did your code call pytest.skip?), "
                                                     "so it cannot count as passed"))

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        if call.excinfo is None:
            return None
        exc = call.excinfo.value
        if type(exc).__name__ == "Skipped":
            return None
        report = None
        if _odd(exc):  # report it ourselves: pytest's report of it would never end
            report = pytest.TestReport(item.nodeid, item.location, {}, "failed", describe(exc), call.when,
                                       duration=call.duration, start=call.start, stop=call.stop)
        func = getattr(item, "function", None)
        doc = (getattr(func, "__doc__", None) or "").strip().splitlines()
        check_line = ""
        for fs in reversed(traceback.extract_tb(call.excinfo.tb)):
            if os.path.realpath(fs.filename) == os.path.realpath(str(item.path)):
                check_line = (fs.line or "").strip()
                break
        # hypothesis re-raises the minimal failing example with a note that says what it was
        notes = getattr(exc, "__notes__", None)
        notes = [safe_str(n) for n in notes[:10]] if isinstance(notes, list) else []
        self.failures.append(Failure(
            test=item.name, about=doc[0] if doc else "", exception=type(exc).__name__,
            message=self.paths.text(_for_learners(safe_str(exc)[:MAX_TEXT * 2]))[:MAX_TEXT],
            frames=self.paths.frames(call.excinfo.tb), check_line=check_line,
            notes=tuple(self.paths.text(n) for n in notes), todo=_not_written(exc)))
        return report

    def finish(self, exit_code: int) -> None:
        try:
            self.out.send(self.report(exit_code))
        except Exception as exc:  # noqa: BLE001 - a bug in pyex must read as one, never as a pass
            self.out.send(FinalReport("crashed", detail=f"pyex's check runner failed: {describe(exc)}"))

    def report(self, exit_code: int) -> FinalReport:
        if self.interrupted is not None:
            return FinalReport("fail", passed=self.passed, total=max(self.total, 1),
                               failures=(*self.failures, self.interrupted), tests=tuple(self.tests))
        if self.missing:
            return FinalReport("error", detail=f"The check imports `{self.missing[0]}` from your file, but it is "
                               "not defined there. Did you rename or delete it?")
        if self.collect_errors:
            return FinalReport("error", detail="The check could not be loaded:\n" + self.collect_errors[0])
        failures = tuple(self.failures)
        tests = tuple(self.tests)
        if self.total == 0:
            return FinalReport("error", detail="The check ran no tests, so it cannot pass (a bug in the check).")
        counts = dict(passed=self.passed, total=self.total, failures=failures, tests=tests)
        if any(f.exception == "MemoryError" for f in failures):
            return FinalReport("memory", detail="MemoryError", **counts)
        if self.total < self.collected and not failures:
            return FinalReport("error", detail=f"the checks stopped after {self.total} of {self.collected}: your "
                               "code ended the test session (pytest.exit(), KeyboardInterrupt or similar), so the "
                               "rest never ran", **counts)
        if not failures and self.passed == self.total and exit_code == 0:
            return FinalReport("pass", **counts)
        if failures and all(f.todo for f in failures):
            return FinalReport("not_started", **counts)
        return FinalReport("fail", **counts)


def pytest_args(spec: RunSpec) -> list[str]:
    return [
        spec.check,
        "-c", spec.ini, "--rootdir", spec.cwd,
        "-p", "no:cacheprovider", "-p", "no:stepwise", "-p", "no:pastebin",
        "-p", "_hypothesis_pytestplugin", "-p", "pyexercise.checklib.plugin",
        "--noconftest", "--import-mode=importlib",
        "-s", "--tb=native", "-W", "ignore::pytest.PytestAssertRewriteWarning",
    ] + (["-x"] if spec.fail_fast else [])


def configure_hypothesis() -> None:
    from hypothesis import HealthCheck, Phase, settings
    from hypothesis.internal import charmap

    settings.register_profile(
        "pyex",
        deadline=None,  # pyex's own time limit governs; a per-example deadline only makes noise
        database=None,  # nothing written to the learner's workspace
        derandomize=True,  # the same code gets the same verdict on every save
        print_blob=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        # shrinking gives the learner the smallest failing input; "explain" can take seconds more
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )
    settings.load_profile("pyex")
    # hypothesis' unicode tables (seconds and ~200 MB to rebuild): loaded while pyex's cache is still
    # readable, before a check drops to another uid (the cache files are pyex's, mode 600)
    charmap.charmap()
    with contextlib.suppress(Exception):
        charmap.intervals_from_codec("utf-8")


def grade_here(spec: RunSpec) -> None:
    """Everything after the heavy imports; the warm worker forks right before calling this."""
    out = ResultWriter(spec.result_fd)
    sandbox.die_with_parent()
    configure_hypothesis()  # in every child: pyex's profile (derandomized, no database) is the one in force
    # opened before the uid changes: pyex sends SIGUSR1 just before killing a run that is too slow,
    # and the dump says where it was
    stack = open(spec.stack_file, "w") if spec.stack_file else None
    try:
        sandbox.enter(spec.sandbox, keep=os.path.dirname(spec.cwd))
    except OSError as exc:
        out.send(FinalReport("crashed", detail=f"pyex could not isolate the check ({exc}); set PYEX_SANDBOX=0 "
                             "to grade without isolation"))
        return
    sandbox.die_with_parent()  # a uid change cleared it
    set_limits(spec)
    if stack is not None:
        faulthandler.register(signal.SIGUSR1, file=stack, all_threads=True, chain=False)
    os.environ["PYEX_TARGET"] = spec.target
    os.environ["PYEX_MODULE"] = spec.module
    out.send(Ready())  # the time limit starts now: start-up is pyex's cost, not the learner's
    paths = Paths(spec)
    if not import_learner(spec, paths, out):
        return
    real_stdout = sys.stdout
    collector = Collector(out, spec, paths, real_stdout)
    sys.stdout = open(os.devnull, "w")  # only pytest's own report goes here
    try:
        code = pytest.main(pytest_args(spec), plugins=[collector])
    finally:
        sys.stdout = real_stdout
    collector.finish(int(code))


def main() -> None:
    import gc

    gc.freeze()  # pyex's own imports need no garbage collection: pytest collects several times
    spec = RunSpec.from_json(sys.argv[1])
    run_spec(spec)


def run_spec(spec: RunSpec) -> None:
    sys.dont_write_bytecode = True
    try:
        grade_here(spec)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001
            pass
        # skip atexit hooks and non-daemon threads the learner may have left behind
        os._exit(0)


if __name__ == "__main__":
    main()

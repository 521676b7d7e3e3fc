"""The child process that grades one file. Learner code only ever runs here, never in pyex.

Started as ``python -m pyexercise.runner.child SPEC_JSON`` in an empty private directory. The
verdict goes back as JSON lines on a pipe of pyex's own (``spec["fd"]``); what the learner prints
goes to stdout, which pyex only shows and never parses.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import resource
import sys
import traceback

import pytest


class Channel:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, **message) -> None:
        data = (json.dumps(message) + "\n").encode("utf-8")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
        except OSError:
            pass  # the learner closed our pipe: pyex reports a crash, never a pass


def set_limits(spec: dict) -> None:
    """Kernel-enforced backstops behind pyex's own psutil watchdog."""
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
    cap(resource.RLIMIT_AS, (spec["memory"] * 4 + 1024) * mb)
    cap(resource.RLIMIT_CPU, int(spec["time"] * 2) + 5)
    cap(resource.RLIMIT_FSIZE, spec["file_size"] * mb)
    cap(resource.RLIMIT_CORE, 0)


def learner_frames(tb, target: str) -> list[dict]:
    frames = []
    for fs in traceback.extract_tb(tb):
        if os.path.realpath(fs.filename) == target:
            frames.append({"lineno": fs.lineno or 0, "function": fs.name, "line": (fs.line or "").strip()})
    return frames


try:
    _ExceptionGroup = BaseExceptionGroup
except NameError:  # Python 3.10: pytest brings the backport
    from exceptiongroup import BaseExceptionGroup as _ExceptionGroup


def _not_written(exc: BaseException) -> bool:
    """NotImplementedError, or a group of them (hypothesis reports several failures as a group)."""
    if isinstance(exc, NotImplementedError):
        return True
    if isinstance(exc, _ExceptionGroup):
        return all(_not_written(e) for e in exc.exceptions)
    return False


_PYTEST_ADVICE = re.compile(r"^\s*(Use -v to get more diff|Use -v to get the full diff|\.\.\.Full output truncated.*"
                            r"|Omitting \d+ identical items, use -vv to show)\s*$")


def _for_learners(message: str) -> str:
    """pytest's explanation without its command-line advice (-v, -vv): the learner runs pyex."""
    lines = [line for line in message.splitlines() if not _PYTEST_ADVICE.match(line)]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def import_learner(spec: dict, channel: Channel) -> bool:
    """Import the file under test as ``spec['module']``; report and return False if it can't be."""
    target = spec["target"]
    try:
        module_spec = importlib.util.spec_from_file_location(spec["module"], target)
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[spec["module"]] = module
        module_spec.loader.exec_module(module)
        return True
    except SyntaxError as exc:
        frames = [{"lineno": exc.lineno or 0, "function": "", "line": (exc.text or "").rstrip()}]
        where = f" on line {exc.lineno}" if exc.lineno else ""
        channel.send(final={"outcome": "error", "detail": f"{type(exc).__name__}{where}: {exc.msg}",
                            "frames": frames, "error_kind": "syntax"})
    except SystemExit as exc:
        channel.send(final={"outcome": "error", "error_kind": "exit",
                            "detail": f"Your file called sys.exit({exc.code!r}) while being imported: "
                                      "keep top-level code inside `if __name__ == \"__main__\":`.",
                            "frames": learner_frames(exc.__traceback__, target)})
    except NotImplementedError as exc:
        channel.send(final={"outcome": "not_started", "detail": describe(exc),
                            "frames": learner_frames(exc.__traceback__, target)})
    except MemoryError as exc:
        channel.send(final={"outcome": "memory", "detail": "ran out of memory while being imported",
                            "frames": learner_frames(exc.__traceback__, target)})
    except BaseException as exc:  # noqa: BLE001 - anything the learner's import raises is their error
        channel.send(final={"outcome": "error", "error_kind": "import",
                            "detail": f"{describe(exc)} (raised while importing your file)",
                            "frames": learner_frames(exc.__traceback__, target)})
    return False


class Collector:
    """A pytest plugin that turns reports into pyex's result, sent on the channel."""

    def __init__(self, channel: Channel, spec: dict, stdout) -> None:
        self.channel = channel
        self.target = spec["target"]
        self.module = spec["module"]
        self.stdout = stdout
        self.passed = 0
        self.total = 0
        self.failures: list[dict] = []
        self.collect_errors: list[dict] = []
        self.collected = 0
        self.running = ""
        self.interrupted: dict | None = None

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
        self.interrupted = {"test": self.running or "", "exception": type(excinfo.value).__name__,
                            "message": "your code raised KeyboardInterrupt, which stops every check",
                            "frames": learner_frames(excinfo.tb, self.target), "todo": False}

    def pytest_runtest_logstart(self, nodeid, location) -> None:
        self.running = nodeid.split("::")[-1]
        self.channel.send(start=nodeid.split("::")[-1])

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            text = str(report.longrepr)
            # the check's `from module import name` found no such name in the learner's file
            missing = re.search(r"cannot import name '([^']+)' from '%s'" % re.escape(self.module), text)
            if missing:
                self.collect_errors.append({"missing": f"`{missing.group(1)}`"})
            else:
                self.collect_errors.append({"longrepr": text[-4000:]})

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.total += 1
            if report.passed:
                self.passed += 1
            elif report.skipped:
                # a check never skips a test: a skip is as good as a failure to the learner
                self.failures.append({"test": report.nodeid.split("::")[-1], "exception": "Skipped",
                                      "message": "this check was skipped (did your code call pytest.skip?), "
                                                 "so it cannot count as passed", "todo": False})

    def pytest_runtest_makereport(self, item, call):
        if call.excinfo is None:
            return None
        exc = call.excinfo.value
        if type(exc).__name__ == "Skipped":
            return None
        func = getattr(item, "function", None)
        doc = (getattr(func, "__doc__", None) or "").strip().splitlines()
        check_line = ""
        for fs in reversed(traceback.extract_tb(call.excinfo.tb)):
            if os.path.realpath(fs.filename) == os.path.realpath(str(item.path)):
                check_line = (fs.line or "").strip()
                break
        # hypothesis re-raises the minimal failing example with a note that says what it was
        notes = [str(n) for n in getattr(exc, "__notes__", [])]
        self.failures.append({
            "test": item.name,
            "about": doc[0] if doc else "",
            "exception": type(exc).__name__,
            "message": _for_learners(str(exc))[:8000],
            "frames": learner_frames(call.excinfo.tb, self.target),
            "check_line": check_line,
            "notes": notes[:10],
            "todo": _not_written(exc),
            "when": call.when,
        })
        return None

    def finish(self, exit_code: int) -> None:
        try:
            self._finish(exit_code)
        except Exception as exc:  # noqa: BLE001 - a bug in pyex must read as one, never as a pass
            self.channel.send(final={"outcome": "crashed", "detail": f"pyex's check runner failed: {describe(exc)}"})

    def _finish(self, exit_code: int) -> None:
        if self.interrupted is not None:
            self.channel.send(final={"outcome": "fail", "passed": self.passed, "total": max(self.total, 1),
                                     "failures": self.failures + [self.interrupted]})
            return
        if self.collect_errors:
            err = self.collect_errors[0]
            if "missing" in err:
                detail = (f"The check imports {err['missing']} from your file, but it is not defined there. "
                          "Did you rename or delete it?")
                self.channel.send(final={"outcome": "error", "error_kind": "missing", "detail": detail})
            else:
                self.channel.send(final={"outcome": "error", "error_kind": "collect",
                                         "detail": "The check could not be loaded:\n" + err["longrepr"]})
            return
        failures = self.failures
        if self.total == 0:
            self.channel.send(final={"outcome": "error", "error_kind": "collect",
                                     "detail": "The check ran no tests, so it cannot pass (a bug in the check)."})
            return
        if any(f["exception"] == "MemoryError" for f in failures):
            self.channel.send(final={"outcome": "memory", "passed": self.passed, "total": self.total,
                                     "failures": failures, "detail": "MemoryError"})
            return
        if self.total < self.collected and not failures:
            self.channel.send(final={"outcome": "error", "error_kind": "session", "passed": self.passed,
                                     "total": self.total, "detail": f"the checks stopped after {self.total} of "
                                     f"{self.collected}: your code ended the test session (pytest.exit(), "
                                     "KeyboardInterrupt or similar), so the rest never ran"})
            return
        if not failures and self.passed == self.total and exit_code == 0:
            outcome = "pass"
        elif failures and all(f["todo"] for f in failures):
            outcome = "not_started"
        else:
            outcome = "fail"
        self.channel.send(final={"outcome": outcome, "passed": self.passed, "total": self.total,
                                 "failures": failures})


def pytest_args(spec: dict) -> list[str]:
    return [
        spec["check"],
        "-c", spec["ini"], "--rootdir", spec["cwd"],
        "-p", "no:cacheprovider", "-p", "no:stepwise", "-p", "no:pastebin",
        "-p", "_hypothesis_pytestplugin", "-p", "pyexercise.checklib.plugin",
        "--noconftest", "--import-mode=importlib",
        "-s", "--tb=native", "-W", "ignore::pytest.PytestAssertRewriteWarning",
    ] + (["-x"] if spec.get("fail_fast") else [])


def configure_hypothesis(spec: dict) -> None:
    from hypothesis import HealthCheck, Phase, settings

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


def die_with_parent() -> None:
    """If pyex (or its worker) is killed, the kernel kills this child too: nothing is orphaned."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def run(spec: dict) -> None:
    """Everything after the heavy imports; the warm worker forks right before calling this."""
    die_with_parent()
    channel = Channel(spec["fd"])
    set_limits(spec)
    os.environ["PYEX_TARGET"] = spec["target"]
    os.environ["PYEX_MODULE"] = spec["module"]
    configure_hypothesis(spec)
    channel.send(ready=True)  # the time limit starts now: start-up is pyex's cost, not the learner's
    if not import_learner(spec, channel):
        return
    real_stdout = sys.stdout
    collector = Collector(channel, spec, real_stdout)
    sys.stdout = open(os.devnull, "w")  # only pytest's own report goes here
    try:
        code = pytest.main(pytest_args(spec), plugins=[collector])
    finally:
        sys.stdout = real_stdout
    collector.finish(int(code))


def main() -> None:
    import gc

    gc.freeze()  # pyex's own imports need no garbage collection: pytest collects several times
    main_with(json.loads(sys.argv[1]))


def main_with(spec: dict) -> None:
    sys.dont_write_bytecode = True
    try:
        run(spec)
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

"""Every verdict pyex makes itself rather than the check: a run that cannot happen yet
(UNAVAILABLE) and a run that is not believed (TAMPERED). Changing what counts as tampering, or
how it is worded, happens here and nowhere else."""

from __future__ import annotations

from pyexercise.curriculum import Exercise, Package
from pyexercise.runner.result import Outcome, Result


def _unavailable(ex: Exercise, target: str, detail: str) -> Result:
    return Result(Outcome.UNAVAILABLE, exercise=ex.name, target=target, detail=detail)


def _tampered(ex: Exercise, target: str, detail: str) -> Result:
    return Result(Outcome.TAMPERED, exercise=ex.name, target=target, detail=detail)


# -- can't check yet -----------------------------------------------------------------------------
def missing_file(ex: Exercise, target: str, solutions: bool) -> Result:
    where = "solutions" if solutions else "exercises"
    tip = "" if solutions else f": `pyex reset {ex.name}` brings the stub back"
    return _unavailable(ex, target, f"{where}/{ex.path} is missing{tip}")


def missing_check(ex: Exercise, target: str) -> Result:
    return _unavailable(ex, target, f"its check {ex.check_name} is missing from this pyex's curriculum "
                                    "(reinstall pyex, or `git checkout checks/` in a clone)")


def missing_packages(ex: Exercise, target: str, packages: list[Package]) -> Result:
    names = " ".join(p.dist for p in packages)
    return _unavailable(ex, target, f"this exercise needs {names}: pip install {names}")


def service_unavailable(ex: Exercise, target: str, why: str) -> Result:
    return _unavailable(ex, target, why)


# -- not believed ---------------------------------------------------------------------------------
def check_changed(ex: Exercise, target: str, how: str) -> Result:
    return _tampered(ex, target, f"your code {how} pyex's copy of the hidden check; this run does not count")


def files_changed(ex: Exercise, target: str, paths: list[str]) -> Result:
    shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return _tampered(ex, target, f"while this ran, pyex's hidden files changed ({shown}); pyex put them back, "
                                 "and this run does not count")


def progress_written(ex: Exercise, target: str) -> Result:
    return _tampered(ex, target, "your code wrote pyex's progress file .pyex/state.json; pyex put it back, "
                                 "and this run does not count")


def report_mismatch(ex: Exercise, target: str) -> Result:
    return _tampered(ex, target, "the check's report does not match the tests that ran: something wrote to "
                                 "pyex's result channel")


def result_flood(ex: Exercise, target: str) -> Result:
    return _tampered(ex, target, "something wrote endless data to pyex's result channel")

"""The verdicts pyex makes itself read as what they are, and never as a pass."""

from __future__ import annotations

from pyexercise import curriculum, verdicts
from pyexercise.curriculum import Package
from pyexercise.runner.result import Outcome

from conftest import FIXTURE

EX = curriculum.load(FIXTURE).get("add_two")


def test_unavailable_ones_say_what_to_do():
    assert "pyex reset add_two" in verdicts.missing_file(EX, "t", solutions=False).detail
    assert "pip install pyzmq" in verdicts.missing_packages(EX, "t", [Package("zmq", "pyzmq")]).detail
    assert verdicts.missing_check(EX, "t").outcome is Outcome.UNAVAILABLE
    assert verdicts.service_unavailable(EX, "t", "no redis").detail == "no redis"


def test_tampered_ones_do_not_count():
    for result in (verdicts.check_changed(EX, "t", "changed"), verdicts.files_changed(EX, "t", ["a", "b", "c", "d"]),
                   verdicts.progress_written(EX, "t"), verdicts.report_mismatch(EX, "t"),
                   verdicts.result_flood(EX, "t")):
        assert result.outcome is Outcome.TAMPERED and not result and result.exercise == "add_two"
    assert "and 1 more" in verdicts.files_changed(EX, "t", ["a", "b", "c", "d"]).detail

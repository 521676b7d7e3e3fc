"""Rendering: learner and author text is shown, never interpreted (no markup, no escape sequences)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from pyexercise import curriculum, ui
from pyexercise.runner.protocol import Failure
from pyexercise.runner.result import Outcome, Result

from conftest import FIXTURE

EX = curriculum.load(FIXTURE).get("add_two")


def shown(renderable) -> str:
    buf = io.StringIO()
    Console(file=buf, width=100, force_terminal=True, color_system="standard").print(renderable)
    return buf.getvalue()


def test_control_characters_are_made_visible():
    assert ui.inert("a\x1b[2Jb\x07\u202ec\n\td") == "a\\x1b[2Jb\\x07\\u202ec\n\td"
    assert ui.inert("é ✓ 漢字") == "é ✓ 漢字"  # ordinary unicode stays


def test_long_text_is_cut_by_characters():
    text = ui.inert("x" * 10_000, limit=100)
    assert text.startswith("x" * 100) and "9900 more characters" in text


def test_a_verdict_shows_markup_and_escapes_literally():
    result = Result(Outcome.FAIL, exercise="add_two", passed=0, total=2, output="\x1b[2J\x1b[1A✓ Passed",
                    failures=(Failure("test_small", "[link=http://evil]click[/link]", "AssertionError",
                                      "a[i], a[i + 1] = a[i + 1], a[i] [/]"),))
    out = shown(ui.verdict(result, EX, FIXTURE))
    assert "a[i], a[i + 1] = a[i + 1], a[i] [/]" in out and "[link=http://evil]click[/link]" in out
    assert "\x1b[2J" not in out and "\x1b[1A" not in out and "\\x1b[2J" in out
    assert "\x1b]8;;http://evil" not in out  # no hyperlink made from a learner's text


def test_counts_without_the_first_fail_wording():
    assert ui.count_line(Result(Outcome.FAIL, passed=0, total=8)) == "0 of 8 checks pass"
    assert ui.count_line(Result(Outcome.FAIL, passed=0, total=1)) == "The check fails"


def test_hints_with_brackets_print_as_written():
    ex = curriculum.load(FIXTURE).get("add_two")
    line = ui.hint_line(ex, 1)
    assert "First hint." in shown(line)


def test_every_outcome_has_a_title():
    assert set(ui.TITLES) == set(Outcome)
    for outcome in Outcome:
        assert shown(ui.verdict(Result(outcome, exercise="add_two", detail="why"), EX, Path("/ws")))

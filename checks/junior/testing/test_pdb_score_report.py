import sys

import pytest
from hypothesis import Phase, given, settings, strategies as st

import pdb_score_report as report
from pyexercise.checklib import assert_not_used

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])

SAMPLE = ["alice: 90, 85, 77", "bob: 70, 95, 87", "carol: 88, 94, 91", "dave: 60, 75"]
SAMPLE_ROWS = [("carol", 91.0), ("alice", 84.0), ("bob", 84.0), ("dave", 67.5)]
SAMPLE_TEXT = "1. carol 91.0\n2. alice 84.0\n3. bob 84.0\n4. dave 67.5"


@pytest.fixture(autouse=True)
def no_debugger(monkeypatch):
    """A breakpoint() left in the code fails the test with a clear message instead of starting pdb."""
    def hook(*args, **kwargs):
        raise AssertionError("breakpoint() was called: remove it once you are done debugging "
                             "(pyex runs your code without a terminal)")
    monkeypatch.setattr(sys, "breakpointhook", hook)


def started():
    """The exercise starts with the pdb question; until it is answered, the rest is 'not done yet'."""
    report.observed_on_second_call()


def test_what_pdb_showed():
    """observed_on_second_call() holds what `p scores` showed on the second call, before the fix"""
    got = report.observed_on_second_call()
    if got == []:
        pytest.fail("[] is what the fixed code shows. In the original code, the second call started with a list "
                    "that was not empty: run `pyex reset pdb_score_report` in a copy, or think about where the "
                    "first call's scores went")
    assert got == [90, 85, 77], (
        f"observed_on_second_call() returned {got!r}. Put breakpoint() as the first line of parse_scores in the "
        "original script, run it, type `c` once, then `p scores`")


def test_parse_scores_fresh_list_each_call():
    """parse_scores() without a list starts a new one on every call"""
    started()
    first = report.parse_scores("90, 85, 77")
    second = report.parse_scores("70, 95")
    assert first == [90, 85, 77], f"parse_scores('90, 85, 77') should be [90, 85, 77], got {first!r}"
    assert second == [70, 95], (f"a second parse_scores('70, 95') should be [70, 95], got {second!r}: "
                                "the default list is shared between calls")
    assert first is not second, "two calls without a list must not return the same list object"


def test_parse_scores_appends_to_given_list():
    """parse_scores(text, scores) appends to the list it is given and returns it"""
    started()
    mine = [1]
    got = report.parse_scores("2, 3", mine)
    assert got is mine and mine == [1, 2, 3], f"parse_scores('2, 3', [1]) should extend that list to [1, 2, 3], got {got!r}"


def test_sample_report_rows():
    """build_report(SAMPLE) ranks by average, ties alphabetically"""
    started()
    got = report.build_report(list(SAMPLE))
    assert got == SAMPLE_ROWS, f"build_report(SAMPLE) should be {SAMPLE_ROWS!r}, got {got!r}"


def test_same_result_every_time():
    """building the same report twice gives the same rows (no state left over between calls)"""
    started()
    first = report.build_report(list(SAMPLE))
    second = report.build_report(list(SAMPLE))
    assert second == first, (
        f"the second build_report(SAMPLE) gave {second!r}, the first {first!r}: something survives between calls")


def test_ties_in_alphabetical_order():
    """students with the same average are listed A to Z"""
    started()
    lines = ["zoe: 80", "adam: 80", "mia: 95", "bea: 80", "carl: 70, 90"]
    got = report.build_report(lines)
    want = [("mia", 95.0), ("adam", 80.0), ("bea", 80.0), ("carl", 80.0), ("zoe", 80.0)]
    assert got == want, f"build_report({lines!r}) should be {want!r}, got {got!r}"


def test_skips_blank_and_comment_lines():
    """blank lines and lines starting with '#' are skipped"""
    started()
    lines = ["# scores for week 1", "", "ann: 50, 100", "   ", "  # a comment", "ben: 60"]
    got = report.build_report(lines)
    assert got == [("ann", 75.0), ("ben", 60.0)], f"build_report({lines!r}) gave {got!r}"


def test_averages():
    """average() is the mean rounded to 1 decimal"""
    started()
    cases = [([90, 85, 77], 84.0), ([1, 2], 1.5), ([1, 1, 2], 1.3), ([100], 100.0), ([0, 0, 1], 0.3)]
    for scores, want in cases:
        got = report.average(scores)
        assert got == want, f"average({scores!r}) should be {want!r}, got {got!r}"


def test_format_report():
    """format_report() numbers the rows, one per line"""
    started()
    got = report.format_report(SAMPLE_ROWS)
    assert got == SAMPLE_TEXT, f"format_report(...) should be {SAMPLE_TEXT!r}, got {got!r}"
    assert report.format_report([]) == "", "format_report([]) should be ''"


def test_main_on_sample(capsys):
    """main([]) prints the SAMPLE report and returns 0"""
    started()
    code = report.main([])
    out = capsys.readouterr().out
    assert out == SAMPLE_TEXT + "\n", f"main([]) should print\n{SAMPLE_TEXT}\nbut printed\n{out}"
    assert code == 0
    report.main([])
    out = capsys.readouterr().out
    assert out == SAMPLE_TEXT + "\n", f"running main([]) a second time printed\n{out}"


def test_main_on_file(tmp_path, capsys):
    """main([FILE]) prints the report for that file"""
    started()
    p = tmp_path / "week2.txt"
    p.write_text("# week 2\nyan: 70, 80\nxia: 75\n\nwes: 99, 98, 97\n", encoding="utf-8")
    code = report.main([str(p)])
    out = capsys.readouterr().out
    want = "1. wes 98.0\n2. xia 75.0\n3. yan 75.0\n"
    assert out == want and code == 0, f"main([week2.txt]) should print {want!r}, printed {out!r}"


def test_main_reads_sys_argv(tmp_path, capsys, monkeypatch):
    """main() with no argv takes the file name from sys.argv[1:]"""
    started()
    p = tmp_path / "week3.txt"
    p.write_text("una: 10\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["pdb_score_report", str(p)])
    report.main()
    out = capsys.readouterr().out
    assert out == "1. una 10.0\n", f"with sys.argv = ['pdb_score_report', 'week3.txt'] main() printed {out!r}"


def test_no_breakpoints_left():
    """no breakpoint() or pdb.set_trace() is left in the code"""
    started()
    assert_not_used("a breakpoint left behind (pyex runs your code without a terminal)",
                    names=["breakpoint"], attributes=["set_trace"])


names = st.text("abcdefghij", min_size=1, max_size=5)
scores = st.lists(st.integers(0, 100), min_size=1, max_size=5)


@QUICK
@given(st.lists(st.tuples(names, scores), max_size=8))
def test_any_class(students):
    """any class list: rows sorted by average (highest first), then by name"""
    started()
    lines = [f"{name}: " + ", ".join(map(str, s)) for name, s in students]
    want = sorted(((name, round(sum(s) / len(s), 1)) for name, s in students), key=lambda r: (-r[1], r[0]))
    assert report.build_report(lines) == want
    assert report.build_report(lines) == want, "a second call gave a different answer"

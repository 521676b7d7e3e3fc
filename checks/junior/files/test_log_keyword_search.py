import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from log_keyword_search import find_lines, main
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


LOG = """2024-05-01 10:00:01 INFO  service started
2024-05-01 10:00:03 ERROR disk full

2024-05-01 10:00:09 WARN  disk at 95%
2024-05-01 10:01:00 INFO  user logged in: error-free run
2024-05-01 10:01:30 DEBUG [ERROR] marker in brackets
2024-05-01 10:02:11 ERROR retry failed
"""


def make(tmp_path, data: bytes | str, name="app.log") -> Path:
    f = tmp_path / name
    f.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return f


def test_finds_keyword_lines(tmp_path):
    """lines with the keyword come back with their 1-based numbers"""
    got = find_lines(str(make(tmp_path, LOG)), "ERROR")
    want = [(2, "2024-05-01 10:00:03 ERROR disk full"),
            (6, "2024-05-01 10:01:30 DEBUG [ERROR] marker in brackets"),
            (7, "2024-05-01 10:02:11 ERROR retry failed")]
    assert type(got) is list, f"find_lines should return a list, got {type(got).__name__}"
    assert got == want, f"expected {want!r}\ngot {got!r}\n(line numbers start at 1 and count the blank line too)"
    assert all(type(n) is int and type(s) is str for n, s in got), "each match is an (int, str) tuple"


def test_case_sensitive_by_default(tmp_path):
    """without ignore_case, 'error' does not match 'ERROR'"""
    got = find_lines(Path(make(tmp_path, LOG)), "error")
    assert got == [(5, "2024-05-01 10:01:00 INFO  user logged in: error-free run")], f"got {got!r}"


def test_ignore_case(tmp_path):
    """ignore_case=True matches any case, in the keyword and in the line"""
    got = find_lines(make(tmp_path, LOG), "eRRor", ignore_case=True)
    assert [n for n, _ in got] == [2, 5, 6, 7], f"got line numbers {[n for n, _ in got]!r}, expected [2, 5, 6, 7]"


def test_keyword_is_plain_text(tmp_path):
    """the keyword is literal text: '[ERROR]' and '.' are not regex syntax"""
    f = make(tmp_path, "a.b here\naxb not here\n[ERROR] x\nE nothing\n")
    assert find_lines(f, "a.b") == [(1, "a.b here")], "'a.b' must not match 'axb': no regular expressions"
    assert find_lines(f, "[ERROR]") == [(3, "[ERROR] x")], "'[ERROR]' matches only the literal text"


def test_no_match(tmp_path):
    """no matching line gives []"""
    assert find_lines(make(tmp_path, LOG), "CRITICAL") == []


def test_line_endings_removed_spaces_kept(tmp_path):
    """matches come without '\\n' or '\\r\\n', but with their other spaces"""
    f = make(tmp_path, b"  hit one  \r\nmiss\r\nhit two")
    got = find_lines(f, "hit")
    assert got == [(1, "  hit one  "), (3, "hit two")], f"got {got!r}"


def test_unicode(tmp_path):
    """UTF-8 lines and keywords work"""
    f = make(tmp_path, "Größe überschritten\nok\nFEHLER: Datei fehlt\n")
    assert find_lines(f, "Größe") == [(1, "Größe überschritten")]
    assert find_lines(f, "fehler", ignore_case=True) == [(3, "FEHLER: Datei fehlt")]


def test_broken_bytes_do_not_crash(tmp_path):
    """a line with an invalid UTF-8 byte is searched too (the byte becomes U+FFFD)"""
    f = make(tmp_path, b"fine ERROR\nbad \xff byte ERROR\nok\n")
    got = find_lines(f, "ERROR")
    assert got == [(1, "fine ERROR"), (2, "bad \ufffd byte ERROR")], (
        f"got {got!r}: open the log with encoding='utf-8', errors='replace'")


def test_empty_file(tmp_path):
    """an empty log has no matches"""
    assert find_lines(make(tmp_path, b""), "x") == []


def test_empty_keyword(tmp_path):
    """an empty keyword is a ValueError"""
    with pytest.raises(ValueError):
        find_lines(make(tmp_path, LOG), "")


def test_missing_file(tmp_path):
    """a missing log raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        find_lines(tmp_path / "missing.log", "ERROR")


def test_streams_big_log(tmp_path):
    """an 8 MiB log is searched line by line, not read whole"""
    f = tmp_path / "big.log"
    filler = b"2024-05-01 10:00:00 INFO  nothing to see here, move along please ........\n"
    with open(f, "wb") as fh:
        for i in range(8):
            fh.write(filler * ((1 << 20) // len(filler)))
            if i in (3, 6):
                fh.write(b"2024-05-01 10:00:00 ERROR needle %d\n" % i)
    tracemalloc.start()
    try:
        got = find_lines(f, "needle")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [line for _, line in got] == ["2024-05-01 10:00:00 ERROR needle 3",
                                          "2024-05-01 10:00:00 ERROR needle 6"], f"got {got!r}"
    assert peak < 2 << 20, (f"searching an 8 MiB log used {peak / 2**20:.1f} MiB at once: loop over the "
                            "file object (for line in fh) instead of read() or readlines()")


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.text(st.sampled_from("abAB .[]*"), max_size=8), max_size=10),
       st.text(st.sampled_from("abA.[*"), min_size=1, max_size=3), st.booleans())
def test_agrees_with_substring_search(tmp_path, lines, keyword, ignore_case):
    """for any lines and keyword, the matches are the lines containing it"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.log"
    f.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    if ignore_case:
        want = [(i, s) for i, s in enumerate(lines, 1) if keyword.lower() in s.lower()]
    else:
        want = [(i, s) for i, s in enumerate(lines, 1) if keyword in s]
    assert find_lines(f, keyword, ignore_case=ignore_case) == want


def test_main_prints_matches(tmp_path, capsys):
    """main prints NUMBER:LINE for each match and returns 0"""
    f = make(tmp_path, LOG)
    code, out, _ = run_main(main, [str(f), "ERROR"], capsys=capsys)
    assert code == 0, f"main should return 0 when lines matched, got {code!r}"
    assert out == ("2:2024-05-01 10:00:03 ERROR disk full\n"
                   "6:2024-05-01 10:01:30 DEBUG [ERROR] marker in brackets\n"
                   "7:2024-05-01 10:02:11 ERROR retry failed\n"), f"printed {out!r}"


def test_main_ignore_case_flag(tmp_path, capsys):
    """-i and --ignore-case work before or after the arguments"""
    f = str(make(tmp_path, LOG))
    for argv in (["-i", f, "warn"], [f, "warn", "-i"], ["--ignore-case", f, "warn"]):
        code, out, _ = run_main(main, argv, capsys=capsys)
        assert code == 0 and out == "4:2024-05-01 10:00:09 WARN  disk at 95%\n", (
            f"main({argv!r}) should find line 4 and return 0; returned {code!r}, printed {out!r}")


def test_main_no_match_returns_1(tmp_path, capsys):
    """nothing matched: print nothing, return 1"""
    code, out, _ = run_main(main, [str(make(tmp_path, LOG)), "CRITICAL"], capsys=capsys)
    assert code == 1, f"main should return 1 when nothing matched (like grep), got {code!r}"
    assert out == ""


def test_main_missing_file_returns_2(tmp_path, capsys):
    """a missing log: message on stderr, return 2"""
    code, out, err = run_main(main, [str(tmp_path / "missing.log"), "ERROR"], capsys=capsys)
    assert code == 2, f"main should return 2 for a missing file, got {code!r}"
    assert err.strip(), "explain the problem on stderr"


def test_main_bad_arguments(capsys):
    """wrong arguments: status 2"""
    for argv in ([], ["only-a-file.log"]):
        assert run_main(main, argv, capsys=capsys).code == 2, f"main({argv!r}) should end with status 2"

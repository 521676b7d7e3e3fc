import time

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used, assert_raises, time_budget
from string_building import fast_concat, render_bytes, render_csv, slow_concat


def oracle_field(value):
    text = str(value)
    for ch in text:
        if ch in ',"\n\r':
            return '"' + "".join('""' if c == '"' else c for c in text) + '"'
    return text


def oracle_csv(rows):
    out = []
    for row in rows:
        out.append(",".join(oracle_field(v) for v in row))
        out.append("\n")
    return "".join(out)


def oracle_bytes(records):
    return b"".join(len(r).to_bytes(4, "big") + r for r in records)


# -- render_csv -----------------------------------------------------------------------------------
def test_csv_docstring_example():
    """the docstring's example: a comma and quotes inside fields"""
    rows = [["name", "note"], ["Ada", "likes, commas"], ["Bob", 'says "hi"']]
    got = render_csv(rows)
    want = 'name,note\nAda,"likes, commas"\nBob,"says ""hi"""\n'
    assert type(got) is str and got == want, f"render_csv({rows!r}) should be {want!r}, got {got!r}"


def test_csv_edges():
    """no rows, empty rows and fields, non-str fields, newlines and unicode"""
    cases = [([], ""), ([[]], "\n"), ([["a"], []], "a\n\n"), ([["", ""]], ",\n"),
             ([[1, 2.5, None, True]], "1,2.5,None,True\n"), ([["two\nlines", "cr\r"]], '"two\nlines","cr\r"\n'),
             ([["日本", "naïve"]], "日本,naïve\n"), ([['"']], '""""\n'), ([("tuple", "row")], "tuple,row\n")]
    for rows, want in cases:
        got = render_csv(rows)
        assert type(got) is str and got == want, f"render_csv({rows!r}) should be {want!r}, got {got!r}"
    got = render_csv(iter([["x"], ["y"]]))
    assert got == "x\ny\n", f"rows may be any iterable, a generator too: expected 'x\\ny\\n', got {got!r}"


@given(st.lists(st.lists(st.one_of(st.text(alphabet=st.sampled_from('ab ,"\n\ré'), max_size=6),
                                   st.integers(-5, 5)), max_size=4), max_size=5))
def test_csv_matches_oracle(rows):
    """any rows of text and numbers"""
    got, want = render_csv(rows), oracle_csv(rows)
    assert got == want, f"render_csv({rows!r}) should be {want!r}, got {got!r}"


def test_csv_no_csv_module():
    """the CSV text is built by hand: no csv module"""
    assert_not_used("the csv module", imports=["csv"])


def test_csv_linear():
    """100,000 rows in well under the budget"""
    rows = [(i, f"user {i}", 'said "ok", then left', 3.25) for i in range(100_000)]
    with time_budget(5, "render_csv() took over 5 s on 100,000 rows: collect the pieces in a list and "
                        "''.join() them once, instead of growing one string"):
        got = render_csv(rows)
    assert got.startswith('0,user 0,"said ""ok"", then left",3.25\n1,user 1,'), f"the big CSV starts wrong: {got[:60]!r}"
    assert got.count("\n") == 100_000, "100,000 rows make 100,000 lines"


# -- render_bytes ---------------------------------------------------------------------------------
def test_bytes_examples():
    """lengths as 4 bytes, big-endian, before each record"""
    cases = [([b"hi", b""], b"\x00\x00\x00\x02hi\x00\x00\x00\x00"), ([], b""),
             ([b"\x00" * 258], b"\x00\x00\x01\x02" + b"\x00" * 258), ([bytes(range(5))], b"\x00\x00\x00\x05" + bytes(range(5)))]
    for records, want in cases:
        got = render_bytes(records)
        assert type(got) is bytes and got == want, f"render_bytes({records!r:.60}) should be {want!r:.60}, got {got!r:.60}"


class Huge(bytes):
    """Claims to be 4 GiB long (making a real one would need 4 GiB)."""

    def __len__(self):
        return 2**32


class Big(bytes):
    """Claims to be 2**31 bytes long: still fits in 4 bytes."""

    def __len__(self):
        return 2**31


def test_bytes_too_long():
    """a record of 2**32 bytes or more cannot be framed: ValueError"""
    render_bytes([b"ok"])
    assert_raises(ValueError, lambda: render_bytes([b"ok", Huge(b"x")]),
                  "a record of 2**32 bytes does not fit a 4-byte length: raise ValueError (check len(record))")
    got = render_bytes([Big(b"x")])
    assert got == b"\x80\x00\x00\x00x", f"a record of 2**31 bytes fits a 4-byte length (up to 2**32 - 1 does): got {got!r}"


@given(st.lists(st.binary(max_size=300), max_size=6))
def test_bytes_matches_oracle(records):
    """any records"""
    got = render_bytes(records)
    want = oracle_bytes(records)
    assert got == want, f"render_bytes({records!r:.80}) should be {want!r:.80}, got {got!r:.80}"


def test_bytes_linear():
    """300,000 records in well under the budget: bytes += copies everything each time"""
    records = [b"%06d:payload" % i for i in range(300_000)]
    with time_budget(5, "render_bytes() took over 5 s on 300,000 records: bytes += copies all the bytes so far each "
                        "time (CPython has no trick for bytes); extend a bytearray or b''.join() a list"):
        got = render_bytes(records)
    assert type(got) is bytes and len(got) == 300_000 * 18, "300,000 records of 14 bytes make 5,400,000 bytes"
    assert got[:18] == b"\x00\x00\x00\x0e000000:payload" and got[-18:] == b"\x00\x00\x00\x0e299999:payload", \
        "the big encoding starts or ends wrong"


# -- slow_concat and fast_concat ------------------------------------------------------------------
def texts(n, width):
    return [f"{i:0{width}d}" for i in range(n)]


@pytest.mark.parametrize("fn", [slow_concat, fast_concat], ids=["slow_concat", "fast_concat"])
def test_concat_results(fn):
    """both give exactly ''.join(parts)"""
    for parts in ([], ["a"], ["ab", "c", "d"], ["", "x", ""], ["日本", "語"], texts(500, 3)):
        got = fn(list(parts))
        want = "".join(parts)
        assert type(got) is str and got == want, f"{fn.__name__}({parts!r:.60}) should be {want!r:.60}, got {got!r:.60}"


def cpu_per_call(fn, parts, times):
    """CPU seconds of this thread per call: time other processes take does not count."""
    start = time.thread_time()
    for _ in range(times):
        fn(parts)
    return (time.thread_time() - start) / times


def growth(fn, n, width, rounds=5):
    """How many times longer fn takes on 10n parts than on n: the best of `rounds` interleaved
    runs each (the small input run 10 times per round, so both sizes do similar work)."""
    small, big = texts(n, width), texts(10 * n, width)
    small_times, big_times = [], []
    for _ in range(rounds):
        small_times.append(cpu_per_call(fn, small, 10))
        big_times.append(cpu_per_call(fn, big, 1))
    return min(big_times) / max(min(small_times), 1e-9)


# Quadratic code grows ~100x for 10x the parts (90-100x measured on 100-character parts, 290-330x
# on 200-character ones, whose texts outgrow the cache), linear code ~10x (8-11x measured; those
# sizes keep the inputs in cache, where "".join on 200,000 parts grew up to 26x). The thresholds sit
# far from both, timings are CPU time of this thread, best of 5 interleaved, and a verdict against
# the code needs 3 measurements in a row.
ATTEMPTS = 3


def test_slow_concat_is_quadratic():
    """slow_concat takes at least 50x longer on 10x the parts (quadratic copying: ~100x or more)"""
    ratios = []
    with time_budget(30, "slow_concat() took over 30 s on 3,000 parts of 200 characters: quadratic is the point, "
                         "but not slower than copying the text so far once per part"):
        for _ in range(ATTEMPTS):
            ratios.append(growth(slow_concat, 300, 200))
            if ratios[-1] >= 50:
                return
    shown = ", ".join(f"{r:.0f}x" for r in ratios)
    pytest.fail(f"slow_concat() took only {shown} longer on 3,000 parts than on 300 (measured {ATTEMPTS} times): that "
                "is linear time. Make every step copy the text built so far, in a way CPython cannot do in place: a "
                "local `s += part` is resized in place by CPython, so prepend (s = part + s), or keep the text in an "
                "attribute or in bytes", pytrace=False)


def test_fast_concat_is_linear():
    """fast_concat takes at most 30x longer on 10x the parts (linear: ~10x)"""
    ratios = []
    with time_budget(20, "fast_concat() took over 20 s on 20,000 short parts: it should take milliseconds"):
        for _ in range(ATTEMPTS):
            ratios.append(growth(fast_concat, 2_000, 10))
            if ratios[-1] <= 30:
                return
    shown = ", ".join(f"{r:.0f}x" for r in ratios)
    pytest.fail(f"fast_concat() took {shown} longer on 20,000 parts than on 2,000 (measured {ATTEMPTS} times): "
                "that grows like n², not n. ''.join(parts) measures the total once and copies each character once",
                pytrace=False)

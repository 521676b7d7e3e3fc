import contextlib
import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from large_file_diff import Difference, changed_blocks, files_equal, first_difference


def pair(tmp_path, a: bytes, b: bytes):
    pa, pb = tmp_path / "a.bin", tmp_path / "b.bin"
    pa.write_bytes(a)
    pb.write_bytes(b)
    return pa, pb


def reference_first(a: bytes, b: bytes):
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    if i == n and len(a) == len(b):
        return None
    return (i, a.count(b"\n", 0, i) + 1, i - (a.rfind(b"\n", 0, i) + 1) + 1)


def reference_blocks(a: bytes, b: bytes, size: int):
    ranges = []
    for start in range(0, max(len(a), len(b)), size):
        x, y = a[start:start + size], b[start:start + size]
        if x != y:
            end = start + max(len(x), len(y))
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return ranges


def equal(a, b, **kwargs):
    got = files_equal(a, b, **kwargs)
    assert type(got) is bool, f"files_equal should return True or False, got {got!r}"
    return got


def first(a, b, **kwargs):
    got = first_difference(a, b, **kwargs)
    assert got is None or type(got) is Difference, (
        f"first_difference should return a Difference(offset, line, column) or None, got {got!r}")
    return got


def blocks(a, b, **kwargs):
    got = changed_blocks(a, b, **kwargs)
    assert type(got) is list and all(type(r) is tuple and len(r) == 2 for r in got), (
        f"changed_blocks should return a list of (start, end) tuples, got {got!r}")
    return got


# ---------------------------------------------------------------------------- files_equal
def test_files_equal(tmp_path):
    """equal bytes are equal; one changed byte, or a different length, is not"""
    text = b"alpha\nbeta\ngamma\n" * 100
    cases = [(text, text, True), (text, text[:-1] + b"?", False), (text, text + b"x", False),
             (b"", b"", True), (b"", b"x", False), (b"x" * 10, b"x" * 9 + b"y", False)]
    for a, b, want in cases:
        pa, pb = pair(tmp_path, a, b)
        for size in (1, 7, 1024 * 1024):
            got = equal(pa, pb, chunk_size=size)
            assert got is want, (f"files_equal of {len(a)} and {len(b)} bytes (chunk_size={size}) should be {want}, "
                                 f"got {got}")
    assert equal(str(pa), str(pa)) is True, "a file is equal to itself (paths may be str)"


class Opened:
    """Records the paths opened while it is on (an audit hook, installed once)."""

    on = False
    paths: list = []

    @classmethod
    @contextlib.contextmanager
    def watch(cls):
        if not getattr(cls, "installed", False):
            sys.addaudithook(cls.hook)
            cls.installed = True
        cls.paths = []
        cls.on = True
        try:
            yield cls.paths
        finally:
            cls.on = False

    @classmethod
    def hook(cls, event, args):
        if cls.on and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            cls.paths.append(os.path.basename(os.fsdecode(args[0])))


def test_different_sizes_without_opening(tmp_path):
    """files of different sizes are unequal without opening either: the sizes say so"""
    pa, pb = pair(tmp_path, b"x" * 5000, b"x" * 5001)
    with Opened.watch() as opened:
        got = equal(pa, pb)
    assert got is False, "files of 5000 and 5001 bytes are not equal"
    assert not {"a.bin", "b.bin"} & set(opened), (
        f"files_equal opened {sorted(set(opened))} although the sizes differ: compare os.stat(...).st_size first")


# ---------------------------------------------------------------------------- first_difference
def test_first_difference_example(tmp_path):
    """the offset, line and column of the first differing byte"""
    a = b"name,qty\nTea,2\nCake,10\nJam,1\n"
    b = b"name,qty\nTea,2\nCake,12\nJam,1\n"
    got = first(*pair(tmp_path, a, b))
    assert got == (21, 3, 7), (f"the files first differ at byte 21 ('0' vs '2'), on line 3, column 7: "
                               f"want Difference(offset=21, line=3, column=7), got {got!r}")
    assert (got.offset, got.line, got.column) == (21, 3, 7), "use the Difference fields offset, line, column"


def test_equal_files_have_no_difference(tmp_path):
    """equal files (empty ones too) give None"""
    for data in (b"", b"x", b"same\nsame\n" * 50):
        got = first(*pair(tmp_path, data, data), chunk_size=3)
        assert got is None, f"two equal files of {len(data)} bytes have no difference: want None, got {got!r}"


def test_difference_at_the_edges(tmp_path):
    """a difference at offset 0, at the very last byte, or on a newline itself"""
    data = b"first line\nsecond line\nlast"
    cases = [(b"F" + data[1:], (0, 1, 1)), (data[:-1] + b"T", (len(data) - 1, 3, 4)),
             (data.replace(b"\n", b"\r", 1), (10, 1, 11)), (data[:11] + b"\n" + data[12:], (11, 2, 1))]
    for b, want in cases:
        got = first(*pair(tmp_path, data, b), chunk_size=4)
        assert got == want, f"{data!r} and {b!r} first differ at {want} (offset from 0, line and column from 1), got {got!r}"


def test_one_file_is_the_start_of_the_other(tmp_path):
    """when one file is the start of the other, they differ at the end of the shorter"""
    data = b"abc\ndefgh\nij"
    for short, long in [(data[:7], data), (data, data[:7]), (b"", data), (data, data + b"\n")]:
        got = first(*pair(tmp_path, short, long), chunk_size=2)
        want = reference_first(short, long)
        assert got == want, (f"{short!r} and {long!r}: the shorter ends at byte {len(min(short, long, key=len))}, "
                             f"so want {want}, got {got!r}")


@pytest.mark.parametrize("at", [0, 3, 4, 5, 7, 8, 9, 15, 16])
def test_difference_at_chunk_boundaries(tmp_path, at):
    """differences just before, at and just after a chunk boundary (chunk_size=4) are found exactly"""
    a = b"ab\ncdefg\nhijklmnop\n"
    b = a[:at] + b"#" + a[at + 1:]
    got = first(*pair(tmp_path, a, b), chunk_size=4)
    want = reference_first(a, b)
    assert got == want, (f"with chunk_size=4, a difference at byte {at} should give {want} (line and column count "
                         f"the newlines of earlier chunks too), got {got!r}")


def test_column_of_a_line_begun_chunks_ago(tmp_path):
    """the column counts from the start of the line, even when that was many chunks before"""
    a = b"short\n" + b"x" * 100 + b"y" + b"\nend"
    b = b"short\n" + b"x" * 100 + b"Y" + b"\nend"
    got = first(*pair(tmp_path, a, b), chunk_size=8)
    assert got == (106, 2, 101), f"the difference is the 101st byte of line 2: want (106, 2, 101), got {got!r}"


# ---------------------------------------------------------------------------- changed_blocks
def test_changed_blocks(tmp_path):
    """the ranges of the blocks that differ, neighbours merged, the last one ending with the longer file"""
    a = bytes(range(256)) * 4  # 1024 bytes: blocks of 100 are 0-99, ..., 1000-1023
    cases = [
        (a, [], "equal files"),
        (a[:150] + b"X" + a[151:], [(100, 200)], "one byte changed in block 1"),
        (a[:199] + b"XY" + a[201:], [(100, 300)], "two bytes across the 199/200 boundary: blocks 1 and 2, merged"),
        (a[:100] + b"X" + a[101:], [(100, 200)], "the first byte of block 1"),
        (a[:99] + b"X" + a[100:], [(0, 100)], "the last byte of block 0"),
        (b"X" + a[1:-1] + b"Y", [(0, 100), (1000, 1024)], "the first and the last byte"),
        (a[:1010], [(1000, 1024)], "b is shorter: the partial last block differs, up to a's end"),
        (a + b"more", [(1000, 1028)], "b is longer: up to b's end"),
        (a[:500], [(500, 1024)], "b ends on a block boundary: every block it lacks has changed"),
        (b"", [(0, 1024)], "b is empty"),
    ]
    for b, want, what in cases:
        got = blocks(*pair(tmp_path, a, b), block_size=100)
        assert got == want, f"{what}: changed_blocks(block_size=100) should be {want}, got {got}"
    got = blocks(*pair(tmp_path, a, a[:-1] + b"X"), block_size=3 * 1024 * 1024)
    assert got == [(0, 1024)], f"with blocks of 3 MiB, the whole 1024-byte file is one block: want [(0, 1024)], got {got}"


def test_changed_blocks_separate_runs(tmp_path):
    """runs of changed blocks with unchanged blocks between them stay separate ranges"""
    a = b"0123456789" * 10
    b = bytearray(a)
    for i in (5, 12, 31, 33, 65, 99):
        b[i] = ord("#")
    got = blocks(*pair(tmp_path, a, bytes(b)), block_size=10)
    want = [(0, 20), (30, 40), (60, 70), (90, 100)]
    assert got == want, f"blocks 0, 1, 3, 6 and 9 changed: want {want}, got {got}"


def test_bad_arguments(tmp_path):
    """a chunk_size or block_size below 1 is a ValueError; a missing file FileNotFoundError"""
    pa, pb = pair(tmp_path, b"abc", b"abd")
    other = tmp_path / "other"
    other.mkdir()
    _, pc = pair(other, b"", b"abcd")  # a file of another size, for files_equal's shortcut
    for size in (0, -1):
        with pytest.raises(ValueError):
            files_equal(pa, pb, chunk_size=size)
        with pytest.raises(ValueError):
            files_equal(pa, pc, chunk_size=size)
        with pytest.raises(ValueError):
            first_difference(pa, pb, chunk_size=size)
        with pytest.raises(ValueError):
            changed_blocks(pa, pb, block_size=size)
    missing = tmp_path / "missing.bin"
    for fn in (files_equal, first_difference, changed_blocks):
        with pytest.raises(FileNotFoundError):
            fn(pa, missing)
        with pytest.raises(FileNotFoundError):
            fn(missing, pa)


def test_files_are_read_afresh(tmp_path):
    """a file changed between two calls is read again"""
    pa, pb = pair(tmp_path, b"same", b"same")
    assert equal(pa, pb) and first(pa, pb) is None
    pb.write_bytes(b"sane")
    assert not equal(pa, pb) and first(pa, pb) == (2, 1, 3), "the second calls should see b's new contents"


contents = st.binary(max_size=40).map(lambda bs: bytes(b"ab\n"[x % 3] for x in bs))


@st.composite
def pairs(draw):
    """Two byte strings that are mostly the same: a few bytes changed, maybe cut short or extended."""
    a = draw(contents)
    b = bytearray(a)
    for _ in range(draw(st.integers(0, 3))):
        if b:
            b[draw(st.integers(0, len(b) - 1))] = ord(draw(st.sampled_from("ab\n#")))
    end = draw(st.sampled_from(["same", "cut", "extend"]))
    if end == "cut":
        b = b[:draw(st.integers(0, len(b)))]
    elif end == "extend":
        b += draw(contents)
    return (a, bytes(b)) if draw(st.booleans()) else (bytes(b), a)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ab=pairs(), size=st.integers(1, 6))
def test_matches_in_memory_references(tmp_path, ab, size):
    """for any two files and sizes, all three answers equal a comparison done in memory"""
    a, b = ab
    pa, pb = pair(tmp_path, a, b)
    assert equal(pa, pb, chunk_size=size) is (a == b), f"files_equal({a!r}, {b!r}, chunk_size={size}) should be {a == b}"
    want = reference_first(a, b)
    got = first(pa, pb, chunk_size=size)
    assert got == want, f"first_difference({a!r}, {b!r}, chunk_size={size}) should be {want}, got {got!r}"
    want = reference_blocks(a, b, size)
    got = blocks(pa, pb, block_size=size)
    assert got == want, f"changed_blocks({a!r}, {b!r}, block_size={size}) should be {want}, got {got}"


# ---------------------------------------------------------------------------- big files
BIG_MB = 80
MiB = 1024 * 1024


def test_two_files_bigger_than_the_memory_limit(tmp_path):
    """two 80 MB files of long lines are compared within 64 MB; differences at a chunk boundary and the last byte"""
    record = b"%-64s" % b"2024-05-01T12:00:00Z GET /index.html 200 bytes=5120;"  # 64 bytes, no newline
    chunk = record * (MiB // len(record))
    pa, pb = tmp_path / "a.log", tmp_path / "b.log"
    first_change = 37 * MiB  # exactly on a chunk boundary (of 256 KiB chunks, the default, or 1 MiB ones)
    newlines = [1000, 5 * MiB + 7]  # the files have just two line breaks: reading "a line" would read it all
    with open(pa, "wb") as fa, open(pb, "wb") as fb:
        for i in range(BIG_MB):
            data = chunk
            if i == 0:
                data = data[:1000] + b"\n" + data[1001:]
            elif i == 5:
                data = data[:7] + b"\n" + data[8:]
            fa.write(data)
            if i == 37:
                fb.write(b"X")
                fb.write(memoryview(data)[1:])
            elif i == BIG_MB - 1:
                fb.write(memoryview(data)[:-1])
                fb.write(b"!")
            else:
                fb.write(data)
    assert equal(pa, pb) is False, "the big files differ (in two bytes)"
    got = first(pa, pb)
    want = (first_change, 3, first_change - newlines[1])
    assert got == want, (f"the big files first differ at byte {first_change}, on line 3 (two newlines before it), "
                         f"{want[2]} bytes after the last one: want {want}, got {got!r}")
    got = blocks(pa, pb)
    want = [(first_change, first_change + 4096), (BIG_MB * MiB - 4096, BIG_MB * MiB)]
    assert got == want, f"the changed 4 KiB blocks of the big files should be {want}, got {got}"

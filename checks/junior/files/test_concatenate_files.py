import random
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from concatenate_files import concatenate

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def files(tmp_path, *contents: bytes) -> list[Path]:
    out = []
    for i, data in enumerate(contents):
        f = tmp_path / f"part{i}.txt"
        f.write_bytes(data)
        out.append(f)
    return out


def test_joins_in_order(tmp_path):
    """the files are written one after another, in the order given"""
    parts = files(tmp_path, b"jan 1\njan 2\n", b"feb 1\n", b"mar 1\nmar 2\n")
    dst = tmp_path / "q1.log"
    got = concatenate([str(p) for p in parts], str(dst))
    assert dst.read_bytes() == b"jan 1\njan 2\nfeb 1\nmar 1\nmar 2\n", f"dst holds {dst.read_bytes()!r}"
    assert type(got) is int and got == 30, f"30 bytes were written; concatenate returned {got!r}"


def test_adds_missing_newline(tmp_path):
    """a file without a final newline gets one, so lines don't run together"""
    parts = files(tmp_path, b"first", b"second\n", b"third")
    dst = tmp_path / "out.txt"
    got = concatenate(parts, dst)
    assert dst.read_bytes() == b"first\nsecond\nthird\n", (
        f"dst holds {dst.read_bytes()!r}: add b'\\n' after a file that doesn't end with one")
    assert got == 19, f"19 bytes including the two added newlines; got {got!r}"


def test_no_extra_newlines(tmp_path):
    """files that end with a newline, and blank lines inside, are copied as they are"""
    parts = files(tmp_path, b"a\n\n", b"\nb\n")
    dst = tmp_path / "out.txt"
    concatenate(parts, dst)
    assert dst.read_bytes() == b"a\n\n\nb\n", "don't add newlines where the file already ends with one"


def test_empty_files_add_nothing(tmp_path):
    """empty files add nothing, not even a newline"""
    parts = files(tmp_path, b"", b"x\n", b"", b"y")
    dst = tmp_path / "out.txt"
    assert concatenate(parts, dst) == 4
    assert dst.read_bytes() == b"x\ny\n", f"got {dst.read_bytes()!r}: an empty file contributes nothing"


def test_exact_bytes(tmp_path):
    """UTF-8 text and '\\r\\n' endings are copied exactly"""
    a = "zürich\r\nkraków\r\n".encode("utf-8")
    b = "東京\n".encode("utf-8")
    parts = files(tmp_path, a, b)
    dst = tmp_path / "out.txt"
    got = concatenate(parts, dst)
    assert dst.read_bytes() == a + b, "the bytes must come out exactly as they went in"
    assert got == len(a) + len(b), f"bytes written is {len(a) + len(b)} (not characters); got {got!r}"


def test_no_inputs(tmp_path):
    """no inputs: an empty dst and 0"""
    dst = tmp_path / "out.txt"
    assert concatenate([], dst) == 0
    assert dst.exists() and dst.read_bytes() == b"", "dst should exist and be empty"


def test_replaces_existing_dst(tmp_path):
    """an existing dst is replaced, not appended to"""
    parts = files(tmp_path, b"new\n")
    dst = tmp_path / "out.txt"
    dst.write_bytes(b"old contents\n")
    concatenate(parts, dst)
    assert dst.read_bytes() == b"new\n"


def test_accepts_any_iterable(tmp_path):
    """paths may be a generator of Path objects"""
    parts = files(tmp_path, b"1\n", b"2\n")
    dst = tmp_path / "out.txt"
    concatenate((p for p in parts), dst)
    assert dst.read_bytes() == b"1\n2\n", "a generator can be walked only once: turn it into a list first"


def test_same_file_twice(tmp_path):
    """the same input may appear twice"""
    (p,) = files(tmp_path, b"echo")
    dst = tmp_path / "out.txt"
    assert concatenate([p, p], dst) == 10
    assert dst.read_bytes() == b"echo\necho\n"


def test_missing_input_writes_nothing(tmp_path):
    """a missing input raises FileNotFoundError before dst is created or changed"""
    parts = files(tmp_path, b"a\n")
    dst = tmp_path / "out.txt"
    with pytest.raises(FileNotFoundError):
        concatenate([parts[0], tmp_path / "missing.txt"], dst)
    assert not dst.exists(), "check that every input exists before you open dst"
    dst.write_bytes(b"keep me")
    with pytest.raises(FileNotFoundError):
        concatenate([parts[0], tmp_path / "missing.txt"], dst)
    assert dst.read_bytes() == b"keep me", "an existing dst must be left alone when an input is missing"


def test_dst_among_inputs(tmp_path):
    """dst that is also an input raises ValueError and damages nothing"""
    a, b = files(tmp_path, b"aaa\n", b"bbb\n")
    with pytest.raises(ValueError):
        concatenate([a, b], b)
    assert b.read_bytes() == b"bbb\n", "the input was damaged: check before opening dst for writing"
    with pytest.raises(ValueError):
        concatenate([a, b], f"{tmp_path}/./part0.txt")
    assert a.read_bytes() == b"aaa\n"


def test_streams(tmp_path):
    """two 4 MiB files are joined without holding a whole file in memory"""
    rng = random.Random(3)
    parts = []
    for i in range(2):
        f = tmp_path / f"big{i}.bin"
        with open(f, "wb") as fh:
            for _ in range(4):
                fh.write(rng.randbytes(1 << 20))
        parts.append(f)
    dst = tmp_path / "big.out"
    tracemalloc.start()
    try:
        got = concatenate(parts, dst)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    tail_a = parts[0].read_bytes()[-1:]
    want = 8 << 20
    want += (tail_a != b"\n") + (parts[1].read_bytes()[-1:] != b"\n")
    assert got == want, f"expected {want} bytes written, got {got!r}"
    assert dst.stat().st_size == want
    assert peak < 2 << 20, (f"joining two 4 MiB files used {peak / 2**20:.1f} MiB at once: copy each file "
                            "in chunks (fh.read(65536) in a loop)")


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.binary(max_size=30).filter(lambda b: b"\r" not in b) | st.sampled_from([b"", b"\n", b"x"]),
                max_size=5))
def test_any_contents(tmp_path, contents):
    """for any files, dst is each one's bytes plus a newline where one was missing"""
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    paths = []
    for i, data in enumerate(contents):
        (d / f"{i}.txt").write_bytes(data)
        paths.append(d / f"{i}.txt")
    want = b"".join(c + (b"\n" if c and not c.endswith(b"\n") else b"") for c in contents)
    assert concatenate(paths, d / "out") == len(want)
    assert (d / "out").read_bytes() == want

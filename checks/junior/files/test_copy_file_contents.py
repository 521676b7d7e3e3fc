import hashlib
import random
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from copy_file_contents import copy_file, main
from pyexercise.checklib import assert_not_used, run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def test_copies_text_file(tmp_path):
    """a small text file is copied exactly, and the byte count is returned"""
    src, dst = tmp_path / "notes.txt", tmp_path / "copy.txt"
    src.write_bytes(b"first line\nsecond line\n")
    got = copy_file(str(src), str(dst))
    assert dst.read_bytes() == b"first line\nsecond line\n", "the copy should have the same bytes as the source"
    assert type(got) is int and got == 23, f"copy_file should return 23 (bytes copied), got {got!r}"
    assert src.read_bytes() == b"first line\nsecond line\n", "the source must not change"


def test_binary_and_line_endings_survive(tmp_path):
    """every byte survives: NUL, bytes that are not UTF-8, \\r\\n and lone \\r"""
    data = bytes(range(256)) + b"line\r\nold mac\rend\x00\xff\xfe" + "héllo ✓".encode("utf-8")
    src, dst = tmp_path / "blob.bin", tmp_path / "blob.copy"
    src.write_bytes(data)
    got = copy_file(src, dst)
    assert dst.read_bytes() == data, ("the copy differs from the source: open both files in binary mode "
                                      "('rb'/'wb') so nothing is decoded or translated")
    assert got == len(data), f"copy_file should return {len(data)}, got {got!r}"


def test_accepts_path_objects(tmp_path):
    """src and dst may be pathlib.Path objects"""
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_bytes(b"path objects work too")
    assert copy_file(Path(src), Path(dst)) == 21
    assert dst.read_bytes() == b"path objects work too"


def test_empty_file(tmp_path):
    """an empty source gives an empty destination and 0"""
    src, dst = tmp_path / "empty.txt", tmp_path / "out.txt"
    src.write_bytes(b"")
    got = copy_file(src, dst)
    assert dst.exists(), "the destination should be created even for an empty source"
    assert dst.read_bytes() == b"" and got == 0, f"an empty copy should be empty and return 0, got {got!r}"


def test_overwrites_existing_destination(tmp_path):
    """an existing, longer destination is replaced completely (no leftover tail)"""
    src, dst = tmp_path / "short.txt", tmp_path / "long.txt"
    src.write_bytes(b"short")
    dst.write_bytes(b"this old destination is much longer")
    copy_file(src, dst)
    assert dst.read_bytes() == b"short", "open dst with 'wb' so the old contents are truncated, not appended to"


def test_larger_than_one_chunk(tmp_path):
    """a file of several chunks, with a size that is not a multiple of the chunk size, copies whole"""
    data = random.Random(1).randbytes(3 * 65536 + 12345)
    src, dst = tmp_path / "big.bin", tmp_path / "big.copy"
    src.write_bytes(data)
    got = copy_file(src, dst)
    assert got == len(data), f"copy_file should return {len(data)}, got {got!r}"
    assert dst.read_bytes() == data, "the copy of a multi-chunk file differs: is the last, partial chunk written?"


def test_missing_source(tmp_path):
    """a missing source raises FileNotFoundError and creates no destination"""
    dst = tmp_path / "never.txt"
    with pytest.raises(FileNotFoundError):
        copy_file(tmp_path / "nope.txt", dst)
    assert not dst.exists(), "open the source before the destination, so a missing source leaves no empty dst"


def test_same_file_refused(tmp_path):
    """copying a file onto itself raises ValueError and keeps the file intact"""
    f = tmp_path / "self.txt"
    f.write_bytes(b"precious data")
    with pytest.raises(ValueError):
        copy_file(f, f)
    with pytest.raises(ValueError):
        copy_file(str(f), f"{tmp_path}/./self.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(f)
    with pytest.raises(ValueError):
        copy_file(f, link)
    assert f.read_bytes() == b"precious data", "the file was damaged: check for the same file before opening it for writing"


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def test_streams_in_chunks(tmp_path):
    """a 32 MiB file copies without ever holding all of it in memory"""
    src, dst = tmp_path / "huge.bin", tmp_path / "huge.copy"
    rng = random.Random(7)
    with open(src, "wb") as fh:
        for _ in range(32):
            fh.write(rng.randbytes(1 << 20))
    tracemalloc.start()
    try:
        got = copy_file(src, dst)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == 32 << 20, f"copy_file should return {32 << 20}, got {got!r}"
    assert _digest(dst) == _digest(src), "the 32 MiB copy differs from its source"
    assert peak < 8 << 20, (f"copying 32 MiB used {peak / 2**20:.1f} MiB of memory at once: read in chunks "
                            "(fin.read(65536) in a loop), not the whole file with read()")


def test_no_shutil():
    """the copying is yours: no shutil"""
    assert_not_used("shutil", imports=["shutil"], names=["copyfile", "copyfileobj"])


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.binary(max_size=5000))
def test_any_bytes_round_trip(tmp_path, data):
    """any bytes at all come out the same"""
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    src, dst = d / "src.bin", d / "dst.bin"
    src.write_bytes(data)
    assert copy_file(src, dst) == len(data)
    assert dst.read_bytes() == data


def test_main_copies_and_reports(tmp_path, capsys):
    """main([SRC, DST]) copies, prints 'copied N bytes' and returns 0"""
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes("größe\n".encode("utf-8"))
    code, out, _ = run_main(main, [str(src), str(dst)], capsys=capsys)
    assert code == 0, f"main should return 0 on success, got {code!r}"
    assert dst.read_bytes() == "größe\n".encode("utf-8")
    assert "copied 8 bytes" in out, f"main should print 'copied 8 bytes' (bytes, not characters), printed {out!r}"


def test_main_missing_source(tmp_path, capsys):
    """main with a missing source prints an error to stderr and returns 1"""
    code, _, err = run_main(main, [str(tmp_path / "missing.txt"), str(tmp_path / "out.txt")], capsys=capsys)
    assert code == 1, f"main should return 1 when the source is missing, got {code!r}"
    assert err.strip(), "main should explain the problem on stderr"


def test_main_usage(tmp_path, capsys):
    """main with the wrong number of arguments prints usage to stderr and returns 2"""
    for argv in ([], [str(tmp_path / "only-one.txt")], ["a", "b", "c"]):
        code, _, err = run_main(main, argv, capsys=capsys)
        assert code == 2, f"main({argv!r}) should return 2 (usage error), got {code!r}"
        assert err.strip(), f"main({argv!r}) should print a usage line to stderr"

import hashlib
import os
import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from parallel_sha256 import chunk_digests, sha256_file, tree_hash

CS = 64  # a small chunk size for the exact cases


def write(tmp_path, data, name="f.bin"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pieces(data, size):
    return [hashlib.sha256(data[i:i + size]).digest() for i in range(0, len(data), size)]


def open_fds():
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()


SIZES = [0, 1, CS - 1, CS, CS + 1, 3 * CS, 3 * CS + 7]


# -- exact answers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_sha256_file(tmp_path, size):
    data = random.Random(size).randbytes(size)
    path = write(tmp_path, data)
    want = hashlib.sha256(data).hexdigest()
    got = sha256_file(path, chunk_size=CS)
    assert got == want, f"sha256_file() of {size} bytes read {CS} at a time should be {want}, got {got!r}"
    assert sha256_file(str(path)) == want, "sha256_file() should take a str path too, and the default chunk size"


@pytest.mark.parametrize("size", SIZES)
def test_chunk_digests_at_the_boundaries(tmp_path, size):
    data = random.Random(size).randbytes(size)
    path = write(tmp_path, data)
    want = pieces(data, CS)
    got = chunk_digests(path, CS)
    assert isinstance(got, list) and got == want, (
        f"a file of {size} bytes in chunks of {CS} should give {len(want)} digests (the last piece shorter"
        f"{', none for an empty file' if not size else ''}), each hashlib.sha256(piece).digest(), in file order; "
        f"got {len(got) if isinstance(got, list) else got!r} "
        + (f"whose first wrong one is #{next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)}"
           if isinstance(got, list) and len(got) == len(want) and got != want else ""))
    assert tree_hash(str(path), CS) == hashlib.sha256(b"".join(want)).hexdigest(), (
        "tree_hash() should be the hex sha256 of the chunk digests joined")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), size=st.integers(1, 700), workers=st.integers(1, 6))
def test_any_file_any_chunk_size(tmp_path, data, size, workers):
    path = write(tmp_path, data, "h.bin")
    got = chunk_digests(path, size, workers=workers)
    assert got == pieces(data, size), f"{len(data)} bytes, chunk_size={size}, workers={workers}: wrong digests"
    assert tree_hash(path, size, workers=workers) == hashlib.sha256(b"".join(got)).hexdigest()


@pytest.mark.parametrize("bad", [0, -4, 1.5, True, "64", None])
def test_bad_sizes(tmp_path, bad):
    path = write(tmp_path, b"abc")
    for call, what in ((lambda: chunk_digests(path, bad), f"chunk_digests(path, {bad!r})"),
                       (lambda: chunk_digests(path, 8, workers=bad), f"chunk_digests(path, 8, workers={bad!r})"),
                       (lambda: sha256_file(path, chunk_size=bad), f"sha256_file(path, chunk_size={bad!r})"),
                       (lambda: tree_hash(path, bad), f"tree_hash(path, {bad!r})")):
        with pytest.raises(ValueError):
            call()
            pytest.fail(f"{what} should raise ValueError", pytrace=False)


def test_missing_file(tmp_path):
    for call in (sha256_file, lambda p: chunk_digests(p, 8), lambda p: tree_hash(p, 8)):
        with pytest.raises(FileNotFoundError):
            call(tmp_path / "nope")


def test_the_descriptor_is_always_closed(tmp_path):
    path = write(tmp_path, os.urandom(10 * CS))
    before = open_fds()
    chunk_digests(path, CS)
    assert open_fds() == before, "chunk_digests() left a file descriptor open: close it in a finally"
    with pytest.raises(OSError):
        chunk_digests(tmp_path, CS)  # a directory: opening works, reading fails
    assert open_fds() == before, "when reading fails, chunk_digests() must still close its descriptor"


# -- real parallel reads ----------------------------------------------------------------------------

class PreadSpy:
    """os.pread that takes a while (a disk's latency) and records who read what, and how many at once."""

    def __init__(self, real):
        self.real, self.lock = real, threading.Lock()
        self.calls, self.threads, self.inflight, self.peak = [], set(), 0, 0

    def __call__(self, fd, n, offset):
        with self.lock:
            self.calls.append((n, offset))
            self.threads.add(threading.get_ident())
            self.inflight += 1
            self.peak = max(self.peak, self.inflight)
        try:
            time.sleep(0.02)
            return self.real(fd, n, offset)
        finally:
            with self.lock:
                self.inflight -= 1


def test_pieces_are_read_with_pread_by_several_threads_at_once(tmp_path, monkeypatch):
    data = os.urandom(24 * CS)
    path = write(tmp_path, data)
    spy = PreadSpy(os.pread)
    monkeypatch.setattr(os, "pread", spy)
    got = chunk_digests(path, CS, workers=4)
    monkeypatch.undo()
    assert got == pieces(data, CS)
    assert spy.calls, "chunk_digests() should read the pieces with os.pread(fd, chunk_size, offset)"
    offsets = sorted(o for _, o in spy.calls)
    assert offsets == [i * CS for i in range(24)] and all(n == CS for n, _ in spy.calls), (
        f"each of the 24 pieces should be read once, os.pread(fd, {CS}, index * {CS}); the reads were "
        f"{sorted(spy.calls, key=lambda c: c[1])[:6]}...")
    assert spy.peak >= 3, (f"with workers=4 and reads that take 20 ms, at most {spy.peak} read(s) ran at once: hash "
                           "the pieces in a pool of worker threads (concurrent.futures.ThreadPoolExecutor)")
    assert spy.peak <= 4, f"with workers=4, {spy.peak} reads ran at once: use exactly `workers` threads"


# -- big files, small memory (last: the slow ones) ---------------------------------------------------

BIG = 256 << 20  # a sparse file: no disk needed, and well past the check's memory limit


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("big")) / "zeros.bin"
    with open(path, "wb") as fh:
        fh.truncate(BIG)
    yield path
    path.unlink()


def test_a_file_bigger_than_memory_is_streamed(big_file):
    digest = hashlib.sha256()
    zeros = bytes(8 << 20)
    for _ in range(BIG // len(zeros)):
        digest.update(zeros)
    got = sha256_file(big_file)
    assert got == digest.hexdigest(), "sha256_file() of a 256 MiB file of zeros is wrong"


def test_chunks_of_a_big_file_hold_little_memory(big_file):
    size = 4 << 20
    want = [hashlib.sha256(bytes(size)).digest()] * (BIG // size)
    got = chunk_digests(big_file, size, workers=4)
    assert got == want, "chunk_digests() of a 256 MiB file of zeros in 4 MiB pieces is wrong"

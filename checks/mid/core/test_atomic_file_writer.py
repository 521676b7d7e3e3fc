import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from atomic_file_writer import AtomicWriter
from pyexercise.checklib import assert_not_used


class Boom(Exception):
    """An error raised inside the with block by the check."""


def listing(directory) -> list[str]:
    return sorted(os.listdir(directory))


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def mode_bits(path) -> str:
    return oct(stat.S_IMODE(os.stat(path).st_mode))


def test_writes_a_new_file(tmp_path):
    """the block's text ends up in the file, and the file object is closed afterwards"""
    path = tmp_path / "notes.txt"
    with AtomicWriter(path) as f:
        assert hasattr(f, "write"), f"__enter__ should return the open temporary file, got {f!r}"
        f.write("hello\n")
        f.write("world\n")
    assert path.read_text(encoding="utf-8") == "hello\nworld\n", \
        f"after the block the file should hold what was written, got {path.read_text()!r}"
    assert f.closed, "after the block the file object should be closed"
    assert listing(tmp_path) == ["notes.txt"], f"only the file should remain, found {listing(tmp_path)}"


def test_replaces_an_existing_file(tmp_path):
    """an existing file is replaced whole; path may be a str or a Path"""
    path = tmp_path / "config.ini"
    path.write_text("old contents, rather long\n" * 10)
    with AtomicWriter(str(path)) as f:
        f.write("new\n")
    assert path.read_text() == "new\n", f"the old file should be replaced whole, got {path.read_text()!r}"
    with AtomicWriter(path) as f:
        f.write("newer\n")
    assert path.read_text() == "newer\n", "a pathlib.Path works as well as a str"
    assert listing(tmp_path) == ["config.ini"], f"no temporary file should remain, found {listing(tmp_path)}"


def test_binary_and_encodings(tmp_path):
    """'wb' writes bytes; text is UTF-8 unless another encoding is given"""
    path = tmp_path / "data.bin"
    with AtomicWriter(path, "wb") as f:
        f.write(b"\x00\xff\x10")
    assert path.read_bytes() == b"\x00\xff\x10", f"mode 'wb' should write the bytes as given, got {path.read_bytes()!r}"
    with AtomicWriter(path) as f:
        f.write("héllo €")
    assert path.read_bytes() == "héllo €".encode("utf-8"), "text should be written as UTF-8 by default"
    with AtomicWriter(path, encoding="utf-16") as f:
        f.write("héllo")
    assert path.read_bytes() == "héllo".encode("utf-16"), "encoding='utf-16' should write UTF-16"


def test_empty_block_empties_the_file(tmp_path):
    """a block that writes nothing leaves an empty file, like open(path, 'w')"""
    path = tmp_path / "log.txt"
    path.write_text("something")
    with AtomicWriter(path):
        pass
    assert path.read_bytes() == b"", f"nothing was written, so the file should be empty, got {path.read_bytes()!r}"


@pytest.mark.parametrize("mode", ["a", "r", "r+", "w+", "x", "ab", "rb"])
def test_rejects_other_modes(tmp_path, mode):
    """only 'w' and 'wb': another mode is a ValueError when the writer is made"""
    with pytest.raises(ValueError):
        AtomicWriter(tmp_path / "f", mode)
        pytest.fail(f"AtomicWriter(path, {mode!r}) should raise ValueError: only 'w' and 'wb' make sense "
                    "for a file that is replaced whole")
    with pytest.raises(ValueError):
        AtomicWriter(tmp_path / "f", "wb", encoding="utf-8")
        pytest.fail("AtomicWriter(path, 'wb', encoding='utf-8') should raise ValueError: bytes have no encoding")
    assert listing(tmp_path) == [], "a rejected writer should create nothing"


def test_target_untouched_while_writing(tmp_path):
    """while the block runs, the target keeps its old content; the temp file is beside it"""
    path = tmp_path / "report.txt"
    path.write_text("old")
    with AtomicWriter(path) as f:
        f.write("new content " * 1000)
        f.flush()
        untouched = path.read_text() == "old"
        assert untouched, ("while the block runs, the file at path must still hold its old content, but it "
                           "already holds new data: write to a temporary file and os.replace it at the end")
        extra = [name for name in listing(tmp_path) if name != "report.txt"]
        assert len(extra) == 1, ("while the block runs there should be one temporary file in the target's own "
                                 f"directory (a rename across filesystems is not atomic); found {extra}")
        assert os.fstat(f.fileno()).st_ino == os.stat(tmp_path / extra[0]).st_ino, \
            f"the file object __enter__ returns should be the temporary file {extra[0]!r}, open for writing"
    assert path.read_text() == "new content " * 1000


@pytest.mark.parametrize("error", [Boom, KeyboardInterrupt])
def test_error_keeps_the_original(tmp_path, error):
    """when the block raises, the original file is untouched and no temp file remains"""
    path = tmp_path / "state.json"
    path.write_text('{"ok": true}')
    before = listing(tmp_path)
    with pytest.raises(error):
        with AtomicWriter(path) as f:
            f.write('{"ok": fal')
            raise error("interrupted half way")
        pytest.fail(f"the {error.__name__} raised in the block did not propagate: __exit__ swallowed it by "
                    "returning a true value; return False")
    assert path.read_text() == '{"ok": true}', (f"a {error.__name__} in the block must leave the original as "
                                                f"it was, but it now holds {path.read_text()!r}")
    assert listing(tmp_path) == before, (f"after a {error.__name__} the temporary file should be deleted; "
                                         f"the directory holds {listing(tmp_path)}")
    assert f.closed, f"after a {error.__name__} the temporary file should be closed"


def test_error_on_a_new_file_creates_nothing(tmp_path):
    """when the block raises and the file did not exist, it still does not"""
    with pytest.raises(Boom):
        with AtomicWriter(tmp_path / "new.txt") as f:
            f.write("partial")
            raise Boom()
        pytest.fail("the exception raised in the block did not propagate: __exit__ must return False")
    assert listing(tmp_path) == [], f"nothing should be left behind, found {listing(tmp_path)}"


def test_error_from_writing_itself(tmp_path):
    """a failing write (str into 'wb') propagates and keeps the original"""
    path = tmp_path / "blob"
    path.write_bytes(b"original")
    with pytest.raises(TypeError):
        with AtomicWriter(path, "wb") as f:
            f.write(b"ok so far")
            f.write("not bytes")
        pytest.fail("the TypeError from writing a str into a 'wb' file did not propagate: __exit__ must return False")
    assert path.read_bytes() == b"original", "the failed write must leave the original as it was"
    assert listing(tmp_path) == ["blob"], f"no temporary file should remain, found {listing(tmp_path)}"


def test_exit_returns_false(tmp_path):
    """__exit__ returns False: it never swallows an exception"""
    path = tmp_path / "f.txt"
    path.write_text("old")
    writer = AtomicWriter(path)
    f = writer.__enter__()
    f.write("new")
    err = Boom("boom")
    got = writer.__exit__(Boom, err, None)
    assert got is False, (f"__exit__ with an exception should return False (the with statement then re-raises "
                          f"it), got {got!r}; a true value would silently swallow the error")
    assert path.read_text() == "old" and listing(tmp_path) == ["f.txt"], \
        "__exit__ with an exception should discard the temporary file and keep the original"
    writer = AtomicWriter(path)
    writer.__enter__().write("committed")
    got = writer.__exit__(None, None, None)
    assert got is False, f"__exit__ after a clean block should return False too, got {got!r}"
    assert path.read_text() == "committed", "__exit__(None, None, None) should commit the new content"


def test_failed_replace_cleans_up(tmp_path):
    """if os.replace fails (the path is a directory), the temp file goes and the error propagates"""
    target = tmp_path / "actually_a_dir"
    target.mkdir()
    (target / "inside").write_text("keep me")
    with pytest.raises(OSError):
        with AtomicWriter(target) as f:
            f.write("data")
        pytest.fail("replacing a directory with a file should raise OSError (os.replace refuses): let it propagate")
    assert listing(tmp_path) == ["actually_a_dir"], \
        f"when the replace fails the temporary file should be deleted; the directory holds {listing(tmp_path)}"
    assert (target / "inside").read_text() == "keep me"


def test_failed_permission_copy_cleans_up(tmp_path, monkeypatch):
    """if copying the permissions fails, the temp file goes and the error propagates"""
    path = tmp_path / "locked.txt"
    path.write_text("old")

    def refuse(*args, **kwargs):
        raise PermissionError("operation not permitted (raised by the check)")

    monkeypatch.setattr(os, "chmod", refuse)
    monkeypatch.setattr(os, "fchmod", refuse)
    with pytest.raises(PermissionError):
        with AtomicWriter(path) as f:
            f.write("new")
        pytest.fail("os.chmod raised PermissionError while copying the permissions: let it propagate")
    monkeypatch.undo()
    left = listing(tmp_path)
    assert left == ["locked.txt"], ("when copying the permissions fails, delete the temporary file before the error "
                                    f"propagates; the directory holds {left}")
    assert path.read_text() == "old"


def test_missing_directory(tmp_path):
    """a path in a directory that does not exist is a FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        with AtomicWriter(tmp_path / "no" / "such" / "file.txt") as f:
            f.write("x")
        pytest.fail("writing into a directory that does not exist should raise FileNotFoundError")
    assert listing(tmp_path) == [], "nothing should be created"


@pytest.mark.parametrize("bits", [0o640, 0o755, 0o600])
def test_keeps_permissions(tmp_path, bits):
    """a replaced file keeps its permission bits"""
    path = tmp_path / "script.sh"
    path.write_text("echo old\n")
    os.chmod(path, bits)
    with AtomicWriter(path) as f:
        f.write("echo new\n")
    assert mode_bits(path) == oct(bits), (f"the file had permissions {oct(bits)} and should keep them, it has "
                                          f"{mode_bits(path)}: copy the old file's mode onto the temporary file")


@pytest.mark.parametrize("umask, want", [(0o022, 0o644), (0o027, 0o640)])
def test_new_file_permissions_follow_umask(tmp_path, umask, want):
    """a new file gets 0o666 minus the umask, like open(path, 'w'), not mkstemp's 0o600"""
    old = os.umask(umask)
    try:
        with AtomicWriter(tmp_path / "fresh.txt") as f:
            f.write("x")
    finally:
        os.umask(old)
    got = mode_bits(tmp_path / "fresh.txt")
    assert got == oct(want), (f"with umask {oct(umask)} a new file should get {oct(want)} (0o666 minus the umask, "
                              f"as open() gives), it got {got}: tempfile.mkstemp makes private 0o600 files")


class Spy:
    """Records os.fsync and os.replace calls (the real ones still run)."""

    def __init__(self, monkeypatch):
        self.events = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd):
            st = os.fstat(fd)
            self.events.append(("fsync", st.st_ino, stat.S_ISDIR(st.st_mode), st.st_size))
            return real_fsync(fd)

        def replace(src, dst, *args, **kwargs):
            self.events.append(("replace", os.fspath(src), os.fspath(dst)))
            return real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)


def test_fsync_then_replace(tmp_path, monkeypatch):
    """the data is flushed and fsynced before os.replace, and the directory is fsynced after"""
    path = tmp_path / "important.txt"
    path.write_text("old")
    spy = Spy(monkeypatch)
    text = "precious data\n" * 200  # smaller than the file's buffer: only flush() hands it to the OS
    with AtomicWriter(path) as f:
        f.write(text)
    replaces = [i for i, e in enumerate(spy.events) if e[0] == "replace"]
    assert len(replaces) == 1, ("finish with one os.replace(temporary, path) (os.rename fails on Windows when the "
                                f"target exists); calls seen: {spy.events}")
    r = replaces[0]
    _, src, dst = spy.events[r]
    assert os.path.abspath(dst) == str(path), f"os.replace should move the temporary file onto {path}, not {dst}"
    assert os.path.dirname(os.path.abspath(src)) == str(tmp_path), \
        f"the temporary file {src} should be in the target's directory"
    ino = os.stat(path).st_ino
    synced = [e for e in spy.events[:r] if e[0] == "fsync" and e[1] == ino]
    assert synced, "with fsync=True, call os.fsync(f.fileno()) on the temporary file before os.replace"
    size = len(text.encode())
    assert synced[-1][3] == size, (f"when os.fsync ran, the temporary file held {synced[-1][3]} of its {size} bytes: "
                                   "call f.flush() first, or the data is still in Python's buffer and fsync "
                                   "syncs nothing")
    dir_ino = os.stat(tmp_path).st_ino
    assert any(e[0] == "fsync" and e[2] and e[1] == dir_ino for e in spy.events[r + 1:]), (
        "after os.replace, fsync the directory too (os.open(directory, os.O_RDONLY), os.fsync, os.close): "
        "the rename is a change to the directory, and a crash could forget it")
    assert path.read_text() == text


def test_fsync_false_skips_fsync(tmp_path, monkeypatch):
    """fsync=False makes no fsync call at all, and still replaces atomically"""
    path = tmp_path / "cache.txt"
    spy = Spy(monkeypatch)
    with AtomicWriter(path, fsync=False) as f:
        f.write("quick")
    assert [e for e in spy.events if e[0] == "fsync"] == [], "fsync=False should skip both fsyncs"
    assert [e[0] for e in spy.events] == ["replace"], "fsync=False still finishes with os.replace"
    assert path.read_text() == "quick"


def test_no_file_descriptor_leaks(tmp_path):
    """no file descriptor stays open, after success or failure"""
    path = tmp_path / "f"
    before = open_fds()
    for _ in range(5):
        with AtomicWriter(path) as f:
            f.write("ok")
        with pytest.raises(Boom):
            with AtomicWriter(path, "wb") as f:
                raise Boom()
        with pytest.raises(Boom):
            with AtomicWriter(tmp_path / "new") as f:
                raise Boom()
    after = open_fds()
    assert after == before, (f"{after - before} file descriptors were left open after 15 writers: close the "
                             "temporary file, and the directory's descriptor after fsyncing it, on every path")


def test_no_contextlib(tmp_path):
    """written with __enter__ and __exit__ yourself: no contextlib"""
    AtomicWriter(tmp_path / "f")
    assert_not_used("contextlib", imports=["contextlib"], names=["contextmanager"], attributes=["contextmanager"])


class WriterModel(RuleBasedStateMachine):
    """Random commits and failed writes: the file always holds the last committed content."""

    @initialize()
    def start(self):
        self.dir = tempfile.mkdtemp(prefix="atomic-")
        self.path = os.path.join(self.dir, "target.dat")
        self.content = None  # nothing committed yet: no file

    @rule(chunks=st.lists(st.binary(max_size=40), max_size=4), fail_after=st.none() | st.integers(0, 4),
          error=st.sampled_from([Boom, KeyboardInterrupt, OSError]))
    def write(self, chunks, fail_after, error):
        try:
            with AtomicWriter(self.path, "wb", fsync=False) as f:
                for i, chunk in enumerate(chunks):
                    if i == fail_after:
                        raise error("fail")
                    f.write(chunk)
                if fail_after is not None and fail_after >= len(chunks):
                    raise error("fail at the end")
        except error:
            assert fail_after is not None, f"a block that raised nothing should not raise {error.__name__} either"
        else:
            assert fail_after is None, ("the block raised, but the with statement did not: __exit__ swallowed "
                                        "the exception (it must return False)")
            self.content = b"".join(chunks)

    @invariant()
    def file_holds_last_commit(self):
        if not hasattr(self, "dir"):
            return
        names = listing(self.dir)
        if self.content is None:
            assert names == [], f"nothing was committed, yet the directory holds {names}"
        else:
            assert names == ["target.dat"], f"only the target should be in the directory, found {names}"
            with open(self.path, "rb") as fh:
                got = fh.read()
            assert got == self.content, (f"the file should hold the last committed content {self.content!r}, "
                                         f"got {got!r}")

    def teardown(self):
        if hasattr(self, "dir"):
            shutil.rmtree(self.dir, ignore_errors=True)


WriterModel.TestCase.settings = settings(max_examples=25, stateful_step_count=6)


class TestWriterModel(WriterModel.TestCase):
    def runTest(self):
        """random sequences of committed and failed writes: the file always holds the last commit"""
        super().runTest()


READER = textwrap.dedent("""
    import hashlib, os, sys
    path, stop = sys.argv[1], sys.argv[2]

    def digest():
        try:
            with open(path, "rb") as f:
                return hashlib.sha256(f.read()).hexdigest()[:16]
        except FileNotFoundError:
            return "missing"

    for line in sys.stdin:
        if line.strip() == "read":
            print(digest(), flush=True)
        elif line.strip() == "loop":
            seen, reads = set(), 0
            print("looping", flush=True)
            while not os.path.exists(stop):
                seen.add(digest())
                reads += 1
            print(reads, *sorted(seen), flush=True)
""")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def test_reader_never_sees_a_partial_file(tmp_path):
    """a reader in another process sees the old file or the new one, never a partial one"""
    path, stop = tmp_path / "shared.dat", tmp_path / "stop"
    old = b"old version\n" * 5000
    path.write_bytes(old)
    reader = subprocess.Popen([sys.executable, "-I", "-S", "-c", READER, str(path), str(stop)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        def seen() -> str:
            reader.stdin.write("read\n")
            reader.stdin.flush()
            return reader.stdout.readline().strip()

        new = b"new version\n" * 5000
        with AtomicWriter(path, "wb") as f:
            assert seen() == digest(old), "once the writer is entered, another process must still read the old file"
            f.write(new[:30000])
            f.flush()
            got = seen()
            assert got == digest(old), ("with half the new data written (and flushed), a reader in another process "
                                        "read something other than the old file: until the block ends, write only "
                                        "to the temporary file")
            f.write(new[30000:])
            f.flush()
            assert seen() == digest(old), "until the block ends, a reader must see the old file"
        assert seen() == digest(new), "once the block ends, a reader must see the new file"

        # and while a reader reads as fast as it can, 20 versions are written in pieces
        versions = [bytes([65 + i]) * 200_000 for i in range(20)]
        reader.stdin.write("loop\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "looping"
        for data in versions:
            with AtomicWriter(path, "wb", fsync=False) as f:
                for start in range(0, len(data), 25_000):
                    f.write(data[start:start + 25_000])
                    f.flush()
        stop.write_text("stop")
        reads, *digests = reader.stdout.readline().split()
        complete = {digest(new)} | {digest(v) for v in versions}
        partial = [d for d in digests if d not in complete]
        assert not partial, (f"in {reads} reads, another process saw {len(partial)} file contents that were no "
                             "complete version (a partial file): replace the file only when it is complete")
        assert path.read_bytes() == versions[-1]
    finally:
        reader.kill()
        reader.wait()
        reader.stdin.close()
        reader.stdout.close()
        stop.unlink(missing_ok=True)

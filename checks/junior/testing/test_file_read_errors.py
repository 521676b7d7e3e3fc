import builtins
import errno
import io
import os
import pickle

import pytest

from file_read_errors import main, try_read
from pyexercise.checklib import assert_not_used, assert_raises


class Boom(Exception):
    """Not a file error: must not be caught."""


def check_pair(got, want, call):
    assert type(got) is tuple and len(got) == 2, f"{call} should return a (content, message) tuple, got {got!r}"
    assert got == want, f"{call} should return {want!r}, got {got!r}"


def open_raises(monkeypatch, error):
    """From now on, open() (builtins.open and io.open) raises ``error(file)``."""
    def failing_open(file, *args, **kwargs):
        raise error(file)
    monkeypatch.setattr(builtins, "open", failing_open)
    monkeypatch.setattr(io, "open", failing_open)


def test_reads_a_file(tmp_path):
    """a readable file gives (content, None)"""
    p = tmp_path / "notes.txt"
    p.write_text("remember the milk\nand the eggs\n", encoding="utf-8")
    check_pair(try_read(str(p)), ("remember the milk\nand the eggs\n", None), "try_read(<a text file>)")


def test_reads_utf8(tmp_path):
    """the file is read as UTF-8 text"""
    p = tmp_path / "unicode.txt"
    p.write_bytes("héllo wörld ✓ 日本\n".encode("utf-8"))
    check_pair(try_read(p), ("héllo wörld ✓ 日本\n", None), "try_read(<a UTF-8 file>) (a Path works too)")


def test_empty_file(tmp_path):
    """an empty file is not an error: its content is ''"""
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    check_pair(try_read(str(p)), ("", None), "try_read(<an empty file>)")


def test_missing_file(tmp_path):
    """a file that does not exist: 'not found'"""
    check_pair(try_read(str(tmp_path / "no-such-file.txt")), (None, "not found"), "try_read(<a missing file>)")


def test_directory(tmp_path):
    """a directory instead of a file: 'is a directory'"""
    check_pair(try_read(str(tmp_path)), (None, "is a directory"), "try_read(<a directory>)")


def test_not_utf8(tmp_path):
    """bytes that are not UTF-8: 'not valid UTF-8 text'"""
    p = tmp_path / "image.bin"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\xfd")
    check_pair(try_read(str(p)), (None, "not valid UTF-8 text"), "try_read(<a binary file>)")


def _run_unprivileged(func, path):
    """Call func(path) in a forked child that has given up root, so file permissions apply.
    Returns ("ok", result), ("raised", exception) or ("no-setuid", None)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(r)
            try:
                os.setgid(65534)
                os.setuid(65534)
            except OSError:
                payload = ("no-setuid", None)
            else:
                try:
                    payload = ("ok", func(path))
                except BaseException as exc:  # noqa: BLE001 - sent to the parent to re-raise
                    payload = ("raised", exc)
            try:
                data = pickle.dumps(payload)
            except Exception:  # noqa: BLE001
                data = pickle.dumps(("raised", AssertionError(f"try_read returned something odd: {payload!r}")))
            os.write(w, data)
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


def test_permission_denied(tmp_path, monkeypatch):
    """a file you may not read: 'permission denied'"""
    p = tmp_path / "secret.txt"
    p.write_text("top secret", encoding="utf-8")
    p.chmod(0)
    if os.geteuid() != 0:
        got = try_read(str(p))
    else:
        # root may read any file, so read it from a child process that is not root
        status, value = _run_unprivileged(try_read, str(p))
        if status == "raised":
            raise value
        if status == "no-setuid":  # cannot drop root here: make open() fail the way the kernel would
            open_raises(monkeypatch, lambda file: PermissionError(errno.EACCES, "Permission denied", os.fspath(file)))
            value = try_read(str(p))
        got = value
    check_pair(got, (None, "permission denied"), "try_read(<a file without read permission>)")


def test_other_os_errors(tmp_path):
    """any other OSError: 'cannot read: ' and the reason"""
    f = tmp_path / "plain.txt"
    f.write_text("x", encoding="utf-8")
    got = try_read(str(f / "inside"))  # a file used as a directory: NotADirectoryError
    check_pair(got, (None, "cannot read: Not a directory"), "try_read('plain.txt/inside')")
    got = try_read(str(tmp_path / ("n" * 300)))  # a name longer than the system allows
    check_pair(got, (None, "cannot read: File name too long"), "try_read(<a 300-character file name>)")


def readable_file(tmp_path):
    """A file try_read can read, read once (so whatever a first call imports is imported before open() is
    replaced); its path as a str."""
    p = tmp_path / "a.txt"
    p.write_text("fine", encoding="utf-8")
    try_read(str(p))
    return str(p)


def test_oserror_without_strerror(monkeypatch, tmp_path):
    """an OSError with no strerror: 'cannot read: ' and str(err)"""
    p = readable_file(tmp_path)
    open_raises(monkeypatch, lambda file: OSError("the disk fell off"))
    check_pair(try_read(p), (None, "cannot read: the disk fell off"),
               "try_read() when open() raises OSError('the disk fell off')")


@pytest.mark.parametrize("error", [Boom("a bug, not an I/O error"), KeyboardInterrupt()], ids=repr)
def test_other_errors_are_not_caught(monkeypatch, tmp_path, error):
    """errors that are not file errors propagate: no bare except or `except Exception`"""
    p = readable_file(tmp_path)
    open_raises(monkeypatch, lambda file: error)
    assert_raises(type(error), lambda: try_read(p),
                  f"when open() raises {error!r}, try_read() must let it propagate: catch only OSError and "
                  "UnicodeDecodeError")


def test_no_look_before_you_leap(tmp_path):
    """the errors are handled with try/except, not by checking the path first"""
    try_read(str(tmp_path / "x"))
    assert_not_used("checking the path before opening it (exists, isfile, isdir, is_file, is_dir, access)",
                    names=["exists", "isfile", "isdir", "access"],
                    attributes=["exists", "isfile", "isdir", "is_file", "is_dir", "access"])


def test_main_prints_files(tmp_path, capsys):
    """main() writes each file's content to stdout exactly and returns 0"""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one\n", encoding="utf-8")
    b.write_text("two\nthree", encoding="utf-8")
    code = main([str(a), str(b)])
    out, err = capsys.readouterr()
    assert out == "one\ntwo\nthree", f"main([a.txt, b.txt]) should write 'one\\ntwo\\nthree' (nothing added), got {out!r}"
    assert err == "" and code == 0, f"with every file readable main() should return 0 and print no errors; got {code!r}, {err!r}"


def test_main_reports_and_continues(tmp_path, capsys):
    """main() reports an unreadable file on stderr, carries on, and returns 1"""
    a = tmp_path / "a.txt"
    a.write_text("one\n", encoding="utf-8")
    missing = str(tmp_path / "gone.txt")
    code = main([missing, str(tmp_path), str(a)])
    out, err = capsys.readouterr()
    assert out == "one\n", f"the readable file should still be printed after the errors; stdout was {out!r}"
    want = f"{missing}: not found\n{tmp_path}: is a directory\n"
    assert err == want, f"stderr should be {want!r}, got {err!r}"
    assert code == 1, f"main() should return 1 when a file could not be read, got {code!r}"


def test_main_reads_sys_argv(tmp_path, capsys, monkeypatch):
    """main() with no argv reads the file names from sys.argv[1:]"""
    a = tmp_path / "a.txt"
    a.write_text("from the command line\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["file_read_errors", str(a)])
    code = main()
    out, err = capsys.readouterr()
    assert (out, err, code) == ("from the command line\n", "", 0), (
        f"with sys.argv = ['file_read_errors', 'a.txt'], main() printed {out!r} / {err!r} and returned {code!r}")


def test_main_usage(capsys, monkeypatch):
    """main() with no files prints a usage line and returns 2; by default it reads sys.argv"""
    code = main([])
    out, err = capsys.readouterr()
    assert code == 2 and err == "usage: file_read_errors FILE...\n" and out == "", (
        f"main([]) should print the usage line to stderr and return 2; got {code!r}, {err!r}")
    monkeypatch.setattr("sys.argv", ["file_read_errors"])
    assert main() == 2, "main() with no arguments on the command line should return 2"

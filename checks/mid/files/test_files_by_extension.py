import os
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from files_by_extension import find_files, format_size, main
from pyexercise.checklib import run_main, time_budget

UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB"]


def reference_size(n: int) -> str:
    """format_size worked out exactly, with fractions and round-half-even."""
    if n < 1024:
        return f"{n} B"
    for k, unit in enumerate(UNITS, start=1):
        tenths = round(Fraction(n, 1024 ** k) * 10)
        if tenths < 10240 or unit == "PiB":
            return f"{tenths // 10}.{tenths % 10} {unit}"


def found(root, *args, **kwargs):
    got = find_files(root, *args, **kwargs)
    assert type(got) is list, f"find_files should return a list, got {type(got).__name__}"
    for item in got:
        assert type(item) is tuple and len(item) == 2 and type(item[0]) is str and type(item[1]) is int, (
            f"each item should be a (path, size) tuple of (str, int), got {item!r}")
    return got


# ---------------------------------------------------------------------------- format_size
@pytest.mark.parametrize("n, want", [
    (0, "0 B"), (1, "1 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1536, "1.5 KiB"), (1177, "1.1 KiB"),
    (10 * 1024 - 1, "10.0 KiB"), (1048524, "1023.9 KiB"), (1048525, "1.0 MiB"), (1048575, "1.0 MiB"),
    (1048576, "1.0 MiB"), (5 * 2**30 + 2**29, "5.5 GiB"), (2**40, "1.0 TiB"), (2**50 - 1, "1.0 PiB"),
    (2**60, "1024.0 PiB"), (3 * 2**60, "3072.0 PiB"),
])
def test_format_size_examples(n, want):
    """byte counts in the largest unit that keeps the rounded number below 1024"""
    got = format_size(n)
    assert got == want, (f"format_size({n}) should be {want!r}, got {got!r}"
                         + (": rounded, it would show 1024.0, so the next unit up is the one" if want.startswith("1.0 ")
                            and n % 1024 else ""))


def test_format_size_negative():
    """a negative size is a ValueError"""
    with pytest.raises(ValueError):
        format_size(-1)


@given(st.integers(0, 2**53))
def test_format_size_property(n):
    """any size from 0 to 2**53 bytes is shown as the exact rule says"""
    assert format_size(n) == reference_size(n), f"format_size({n}) should be {reference_size(n)!r}, got {format_size(n)!r}"


# ---------------------------------------------------------------------------- find_files
def make_tree(root):
    (root / "src" / "pkg").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "docs").mkdir()
    files = {
        "setup.py": b"x" * 10, "README.md": b"# hi\n", "src/app.py": b"p" * 1536, "src/pkg/__init__.py": b"",
        "src/pkg/Tool.PY": b"t" * 7, "src/notes.txt": b"n" * 300, ".hidden/secret.py": b"s" * 3,
        "docs/logs.tar.gz": b"g" * 50, "docs/py": b"no extension", "docs/copy.py.bak": b"b",
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return files


def test_finds_by_extension(tmp_path):
    """every file whose name ends in the extension, at any depth, sorted, with its size"""
    files = make_tree(tmp_path)
    got = found(tmp_path, [".py"])
    want = sorted((name, len(data)) for name, data in files.items() if name.lower().endswith(".py"))
    assert got == want, f"find_files(root, ['.py']) should be {want}, got {got}"


def test_extension_spellings(tmp_path):
    """'py', '.py' and '.PY' mean the same; several extensions; '.gz' and '.tar.gz' both match"""
    make_tree(tmp_path)
    want = found(tmp_path, [".py"])
    for spelling in (["py"], [".PY"], ["Py"]):
        got = found(tmp_path, spelling)
        assert got == want, f"find_files(root, {spelling!r}) should find the same as ['.py'], got {got}"
    got = [p for p, _ in found(tmp_path, ["md", ".txt"])]
    assert got == ["README.md", "src/notes.txt"], f"two extensions find the files of either, got {got}"
    for ext in (".gz", "tar.gz"):
        got = [p for p, _ in found(tmp_path, [ext])]
        assert got == ["docs/logs.tar.gz"], f"{ext!r} should find docs/logs.tar.gz, got {got}"


def test_no_extensions_means_every_file(tmp_path):
    """with no extensions every regular file is listed (a generator of extensions works too)"""
    files = make_tree(tmp_path)
    want = sorted((name, len(data)) for name, data in files.items())
    assert found(tmp_path) == want, f"find_files(root) should list all {len(want)} files, got {found(tmp_path)}"
    assert found(tmp_path, (e for e in ["md"])) == [("README.md", 5)], "extensions may be any iterable"


def test_empty_and_str_root(tmp_path):
    """an empty directory gives []; root may be a str"""
    (tmp_path / "empty").mkdir()
    assert found(tmp_path / "empty", ["py"]) == []
    (tmp_path / "one.py").write_text("1")
    assert found(str(tmp_path), ["py"]) == [("one.py", 1)], "a str root works as well as a Path"


def test_root_errors(tmp_path):
    """a missing root is FileNotFoundError; a file as root is NotADirectoryError"""
    with pytest.raises(FileNotFoundError):
        find_files(tmp_path / "missing", ["py"])
    (tmp_path / "file.py").write_text("x")
    with pytest.raises(NotADirectoryError):
        find_files(tmp_path / "file.py", ["py"])


def test_reads_the_tree_afresh(tmp_path):
    """a file added between two calls is found by the second"""
    (tmp_path / "a.py").write_text("a")
    assert found(tmp_path, ["py"]) == [("a.py", 1)]
    (tmp_path / "b.py").write_text("bb")
    assert found(tmp_path, ["py"]) == [("a.py", 1), ("b.py", 2)], "the second call should see the new file"


def test_links_are_skipped_by_default(tmp_path):
    """without follow_links, links to files and to directories are neither listed nor followed"""
    root, elsewhere = tmp_path / "root", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (elsewhere / "far.py").write_text("far away")
    (root / "real.py").write_text("real")
    (root / "to_file.py").symlink_to(elsewhere / "far.py")
    (root / "to_dir").symlink_to(elsewhere, target_is_directory=True)
    (root / "broken.py").symlink_to(tmp_path / "nothing.py")
    got = found(root, ["py"])
    assert got == [("real.py", 4)], f"links are skipped unless follow_links=True: want [('real.py', 4)], got {got}"


def test_fifo_is_never_opened(tmp_path):
    """a FIFO named like a match is skipped without being opened (opening one would wait forever)"""
    (tmp_path / "a.py").write_text("a")
    os.mkfifo(tmp_path / "pipe.py")
    for follow in (False, True):
        with time_budget(3, "find_files waited on the FIFO pipe.py: it opened it. Use os.stat / DirEntry.stat "
                            "(which never open a file) and list only regular files (stat.S_ISREG)"):
            got = found(tmp_path, ["py"], follow_links=follow)
        assert got == [("a.py", 1)], f"a FIFO is not a regular file: only a.py should be listed, got {got}"


def make_links(tmp_path):
    root, shared = tmp_path / "root", tmp_path / "shared"
    (root / "sub").mkdir(parents=True)
    shared.mkdir()
    (shared / "lib.py").write_text("shared library")
    (root / "main.py").write_text("main")
    (root / "sub" / "mod.py").write_text("module")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)      # a loop back to the root
    (root / "sub" / "here").symlink_to(root / "sub", target_is_directory=True)  # a loop to its own folder
    (root / "one").symlink_to(shared, target_is_directory=True)        # two links to one folder: no loop
    (root / "two").symlink_to(shared, target_is_directory=True)
    (root / "alias.py").symlink_to(root / "main.py")
    (root / "broken.py").symlink_to(tmp_path / "gone.py")
    (root / "self.py").symlink_to(root / "self.py")                    # points to itself
    return root


def test_follow_links(tmp_path):
    """with follow_links: links to files are listed, links to folders walked, loops and broken links skipped"""
    root = make_links(tmp_path)
    with time_budget(3, "find_files(follow_links=True) ran for over 3 s: it is walking a symlink loop; "
                        "don't enter a directory that has the same (st_dev, st_ino) as one of its ancestors"):
        got = found(root, ["py"], follow_links=True)
    want = [("alias.py", 4), ("main.py", 4), ("one/lib.py", 14), ("sub/mod.py", 6), ("two/lib.py", 14)]
    assert got == want, (
        "sub/up leads back to the root and sub/here to sub itself: loops, not to be walked again; one/ and two/ "
        f"are two links to the same folder, both listed; the broken and self-referencing links are skipped. "
        f"Want {want}, got {got}")


def test_follow_links_does_not_change_the_default(tmp_path):
    """the same tree without follow_links lists the real files only"""
    root = make_links(tmp_path)
    got = found(root, ["py"])
    assert got == [("main.py", 4), ("sub/mod.py", 6)], f"without follow_links only the real files, got {got}"


# ---------------------------------------------------------------------------- main
def test_main_report(tmp_path):
    """main prints each file's size and path, then the total, and returns 0"""
    make_tree(tmp_path)
    code, out, err = run_main(main, [str(tmp_path), "-e", "py"])
    want = ("       3 B  .hidden/secret.py\n"
            "      10 B  setup.py\n"
            "   1.5 KiB  src/app.py\n"
            "       7 B  src/pkg/Tool.PY\n"
            "       0 B  src/pkg/__init__.py\n"
            "5 files, 1.5 KiB\n")
    assert (code, out, err) == (0, want, ""), f"main should print\n{want}and return 0; got {code}, {out!r}, {err!r}"


def test_main_sort_by_size_and_options(tmp_path):
    """--sort size puts the largest first (ties by path); -e repeats; -L follows links"""
    make_tree(tmp_path)
    (tmp_path / "b.md").write_bytes(b"x" * 5)
    code, out, err = run_main(main, [str(tmp_path), "--sort", "size", "-e", "md", "--ext", ".txt"])
    want = "     300 B  src/notes.txt\n       5 B  README.md\n       5 B  b.md\n3 files, 310 B\n"
    assert (code, out) == (0, want), f"main --sort size should print {want!r}, got {code}, {out!r}"
    code, out, err = run_main(main, [str(tmp_path), "--sort", "name", "-e", "md", "--ext", ".txt"])
    want = "       5 B  README.md\n       5 B  b.md\n     300 B  src/notes.txt\n3 files, 310 B\n"
    assert (code, out) == (0, want), f"main --sort name (the default) should print {want!r}, got {code}, {out!r}"
    (tmp_path / "link.md").symlink_to(tmp_path / "b.md")
    code, out, err = run_main(main, [str(tmp_path), "-e", "md", "-L"])
    want = "       5 B  README.md\n       5 B  b.md\n       5 B  link.md\n3 files, 15 B\n"
    assert (code, out) == (0, want), f"with -L the link to b.md is listed too: want {want!r}, got {out!r}"


def test_main_one_and_no_files(tmp_path):
    """'1 file' for one, '0 files, 0 B' for none"""
    (tmp_path / "only.py").write_bytes(b"x" * 2048)
    code, out, err = run_main(main, [str(tmp_path), "-e", "py"])
    assert (code, out) == (0, "   2.0 KiB  only.py\n1 file, 2.0 KiB\n"), f"one file: got {code}, {out!r}"
    code, out, err = run_main(main, [str(tmp_path), "-e", "rs"])
    assert (code, out) == (0, "0 files, 0 B\n"), f"nothing found is still a report: '0 files, 0 B', got {out!r}"


def test_main_errors(tmp_path):
    """a missing root or a file as root returns 1 with a message on stderr; bad arguments return 2"""
    (tmp_path / "f.py").write_text("x")
    for root in (tmp_path / "missing", tmp_path / "f.py"):
        code, out, err = run_main(main, [str(root)])
        assert code == 1 and err.strip() and not out, (
            f"main on {root.name} should print an error to stderr and return 1, got {code}, {out!r}, {err!r}")
    for argv in ([], [str(tmp_path), "--sort", "colour"], [str(tmp_path), "--bogus"]):
        code, out, err = run_main(main, argv)
        assert code == 2, f"main({argv}) is a usage error: return 2, got {code}"

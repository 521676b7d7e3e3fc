import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from list_directory_tree import list_entries, main
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def build(root: Path, tree: dict) -> None:
    """tree: {name: None (a file) or {...} (a directory)}"""
    for name, sub in tree.items():
        if sub is None:
            (root / name).write_bytes(name.encode("utf-8"))
        else:
            (root / name).mkdir()
            build(root / name, sub)


TREE = {
    "b.txt": None,
    ".hidden": None,
    "with space.txt": None,
    "café.md": None,
    "sub": {"inner.txt": None, "deeper": {"deep.txt": None}},
    "empty": {},
}
TOP = [".hidden", "b.txt", "café.md", "empty/", "sub/", "with space.txt"]
ALL = [".hidden", "b.txt", "café.md", "empty/", "sub/", "sub/deeper/", "sub/deeper/deep.txt",
       "sub/inner.txt", "with space.txt"]


def project(tmp_path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    build(root, TREE)
    return root


def test_top_level(tmp_path):
    """the entries of the directory itself, sorted, directories marked with '/'"""
    got = list_entries(str(project(tmp_path)))
    assert type(got) is list and all(type(e) is str for e in got), "return a list of str"
    assert got == TOP, f"expected {TOP!r}\ngot      {got!r}"


def test_recursive(tmp_path):
    """recursive=True adds everything below, as paths relative to the directory"""
    got = list_entries(project(tmp_path), recursive=True)
    assert got == ALL, (f"expected {ALL!r}\ngot      {got!r}\n(paths relative to the directory, "
                        "with '/' between parts, every directory ending in '/', sorted)")


def test_not_recursive_by_default(tmp_path):
    """without recursive=True, nothing inside subdirectories is listed"""
    got = list_entries(Path(project(tmp_path)))
    assert not any("/" in e[:-1] for e in got), f"only the top level should be listed, got {got!r}"


def test_empty_directory(tmp_path):
    """an empty directory has no entries"""
    assert list_entries(tmp_path) == []
    assert list_entries(tmp_path, recursive=True) == []


def test_symlinks_are_not_followed(tmp_path):
    """symbolic links are listed like files and never followed (no endless loop)"""
    root = project(tmp_path)
    (root / "link_to_b").symlink_to(root / "b.txt")
    (root / "sub" / "loop").symlink_to(root)  # a link back up: following it never ends
    (root / "broken").symlink_to(root / "does-not-exist")
    top = list_entries(root)
    assert top == sorted(TOP + ["broken", "link_to_b"]), f"got {top!r}"
    got = list_entries(root, recursive=True)
    want = sorted(ALL + ["broken", "link_to_b", "sub/loop"])
    assert got == want, (f"expected {want!r}\ngot      {got!r}\n(a link to a directory is listed without '/' "
                         "and not entered: test with entry.is_dir(follow_symlinks=False) or Path.is_symlink())")


def test_missing_directory(tmp_path):
    """a missing directory raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        list_entries(tmp_path / "nope")
    with pytest.raises(FileNotFoundError):
        list_entries(tmp_path / "nope", recursive=True)


def test_file_is_not_a_directory(tmp_path):
    """a path that is a file raises NotADirectoryError"""
    f = tmp_path / "plain.txt"
    f.write_bytes(b"x")
    with pytest.raises(NotADirectoryError):
        list_entries(f)


names = st.sampled_from(["a", "b", "c.txt", "é", "a b", ".x", "a-b"])
trees = st.recursive(st.none(), lambda children: st.dictionaries(names, children, max_size=3), max_leaves=12)


def expected(tree: dict, prefix="") -> list[str]:
    out = []
    for name, sub in tree.items():
        if sub is None:
            out.append(prefix + name)
        else:
            out.append(f"{prefix}{name}/")
            out += expected(sub, f"{prefix}{name}/")
    return out


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.dictionaries(names, trees, max_size=4))
def test_any_tree(tmp_path, tree):
    """any tree of files and directories is listed completely"""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    build(root, tree)
    assert list_entries(root, recursive=True) == sorted(expected(tree))
    assert list_entries(root) == sorted(n + "/" if s is not None else n for n, s in tree.items())


def test_main_prints_entries(tmp_path, capsys):
    """main prints one entry per line and returns 0; -r lists everything"""
    root = str(project(tmp_path))
    code, out, _ = run_main(main, [root], capsys=capsys)
    assert code == 0, f"main should return 0, got {code!r}"
    assert out.splitlines() == TOP, f"main([DIR]) printed {out!r}"
    code, out, _ = run_main(main, ["-r", root], capsys=capsys)
    assert code == 0 and out.splitlines() == ALL, f"main(['-r', DIR]) printed {out!r}"


def test_main_missing_directory(tmp_path, capsys):
    """main on a missing directory: message on stderr, return 1"""
    code, out, err = run_main(main, [str(tmp_path / "nope")], capsys=capsys)
    assert code == 1, f"main should return 1 for a missing directory, got {code!r}"
    assert err.strip() and out == "", "the error goes to stderr, nothing to stdout"


def test_main_bad_arguments(capsys):
    """main without a directory: status 2"""
    assert run_main(main, [], capsys=capsys).code == 2, "main([]) should end with status 2 (usage error)"

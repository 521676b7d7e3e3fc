import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rename_files_suffix import add_suffix

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def folder(tmp_path, files: dict[str, bytes], name="photos") -> Path:
    d = tmp_path / name
    d.mkdir()
    for n, data in files.items():
        (d / n).write_bytes(data)
    return d


def listing(d: Path) -> dict[str, bytes]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in d.iterdir()}


def test_renames_files(tmp_path):
    """each file gets the suffix before its extension, contents unchanged"""
    d = folder(tmp_path, {"beach.jpg": b"JPG", "notes.txt": b"TXT"})
    got = add_suffix(str(d), "_old")
    want = {"beach.jpg": "beach_old.jpg", "notes.txt": "notes_old.txt"}
    assert isinstance(got, dict), f"add_suffix should return a dict, got {type(got).__name__}"
    assert got == want, f"expected {want!r}, got {got!r}"
    assert listing(d) == {"beach_old.jpg": b"JPG", "notes_old.txt": b"TXT"}, (
        f"the directory should now hold beach_old.jpg and notes_old.txt, it holds {sorted(listing(d))!r}")


def test_extension_rules(tmp_path):
    """no extension, several dots and hidden files follow pathlib's Path.suffix"""
    d = folder(tmp_path, {"README": b"1", "archive.tar.gz": b"2", ".bashrc": b"3", "a.b.c.txt": b"4"})
    got = add_suffix(Path(d), "-v2")
    want = {"README": "README-v2", "archive.tar.gz": "archive.tar-v2.gz", ".bashrc": ".bashrc-v2",
            "a.b.c.txt": "a.b.c-v2.txt"}
    assert got == want, f"expected {want!r}\ngot      {got!r}\n(use Path(name).stem and Path(name).suffix)"
    assert sorted(listing(d)) == sorted(want.values())


def test_unicode_and_spaces(tmp_path):
    """names with spaces and non-ASCII letters work"""
    d = folder(tmp_path, {"café menu.pdf": b"x", "日本.png": b"y"})
    got = add_suffix(d, "_copia")
    assert got == {"café menu.pdf": "café menu_copia.pdf", "日本.png": "日本_copia.png"}, f"got {got!r}"
    assert listing(d) == {"café menu_copia.pdf": b"x", "日本_copia.png": b"y"}


def test_subdirectories_left_alone(tmp_path):
    """subdirectories are not renamed and their files are not touched"""
    d = folder(tmp_path, {"top.txt": b"t"})
    (d / "album").mkdir()
    (d / "album" / "inside.jpg").write_bytes(b"i")
    got = add_suffix(d, "_x")
    assert got == {"top.txt": "top_x.txt"}, f"only files directly in the directory are renamed; got {got!r}"
    assert sorted(p.name for p in d.iterdir()) == ["album", "top_x.txt"]
    assert [p.name for p in (d / "album").iterdir()] == ["inside.jpg"], "don't rename inside subdirectories"


def test_dry_run(tmp_path):
    """dry_run=True returns the plan and renames nothing"""
    d = folder(tmp_path, {"a.txt": b"a", "b": b"b"})
    got = add_suffix(d, "_new", dry_run=True)
    assert got == {"a.txt": "a_new.txt", "b": "b_new"}, f"got {got!r}"
    assert listing(d) == {"a.txt": b"a", "b": b"b"}, "a dry run must not rename anything"


def test_clash_renames_nothing(tmp_path):
    """if a new name is taken, FileExistsError and no file renamed or overwritten"""
    d = folder(tmp_path, {"a.txt": b"first", "a_old.txt": b"second", "b.txt": b"third", "c.txt": b"fourth"})
    before = listing(d)
    with pytest.raises(FileExistsError):
        add_suffix(d, "_old")
    assert listing(d) == before, (
        "the directory changed although add_suffix failed: check every new name before renaming any file")


def test_clash_with_directory(tmp_path):
    """a subdirectory with the new name is a clash too"""
    d = folder(tmp_path, {"data.csv": b"1,2"})
    (d / "data_bak.csv").mkdir()
    with pytest.raises(FileExistsError):
        add_suffix(d, "_bak")
    assert (d / "data.csv").read_bytes() == b"1,2"


def test_empty_directory(tmp_path):
    """an empty directory gives {}"""
    assert add_suffix(folder(tmp_path, {}), "_x") == {}


def test_bad_suffix(tmp_path):
    """an empty suffix or one with '/' is a ValueError, and nothing is renamed"""
    d = folder(tmp_path, {"a.txt": b"a"})
    for bad in ("", "/x", "a/b"):
        with pytest.raises(ValueError):
            add_suffix(d, bad)
    assert listing(d) == {"a.txt": b"a"}


def test_missing_directory(tmp_path):
    """a missing directory raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        add_suffix(tmp_path / "nope", "_x")


def test_twice(tmp_path):
    """running it twice adds the suffix twice"""
    d = folder(tmp_path, {"r.txt": b"r"})
    add_suffix(d, "_1")
    got = add_suffix(d, "_1")
    assert got == {"r_1.txt": "r_1_1.txt"} and listing(d) == {"r_1_1.txt": b"r"}, f"got {got!r}"


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.sets(st.text(st.sampled_from("ab.é "), min_size=1, max_size=6), max_size=6),
       st.sampled_from(["_x", "-old", " (2)", ".bak"]))
def test_any_names(tmp_path, names, suffix):
    """for any file names: either all are renamed by the rule, or FileExistsError and none is"""
    names = {n for n in names if n.strip(". ") and not n.endswith(".")}  # real, unambiguous file names
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    for n in names:
        (d / n).write_bytes(n.encode("utf-8"))
    want = {n: Path(n).stem + suffix + Path(n).suffix for n in names}
    before = listing(d)
    if set(want.values()) & set(names):
        with pytest.raises(FileExistsError):
            add_suffix(d, suffix)
        assert listing(d) == before
    else:
        assert add_suffix(d, suffix) == want
        assert listing(d) == {want[n]: n.encode("utf-8") for n in names}

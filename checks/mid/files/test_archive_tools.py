import gzip
import os
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from archive_tools import UnsafeArchive, gunzip_file, gzip_file, unzip_safe, zip_dir

TEXT = "line one\nzwei: ä ö ü\n三行目\n".encode("utf-8") * 50
BINARY = bytes(range(256)) * 40


def files_under(path: Path) -> dict[str, bytes]:
    """Every regular file under ``path`` (relative name -> bytes)."""
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------- gzip
def test_gzip_round_trip(tmp_path):
    """gzip_file writes a real gzip file beside the original; gunzip_file brings the bytes back"""
    src = tmp_path / "notes.txt"
    src.write_bytes(TEXT)
    got = gzip_file(src)
    assert isinstance(got, Path), f"gzip_file should return a pathlib.Path, got {type(got).__name__}"
    assert got == tmp_path / "notes.txt.gz", f"by default the archive is notes.txt.gz beside it, got {got}"
    assert gzip.decompress(got.read_bytes()) == TEXT, "the .gz file should be gzip data that decompresses to the original"
    assert src.read_bytes() == TEXT, "gzip_file must leave the original as it was"
    src.unlink()
    back = gunzip_file(got)
    assert isinstance(back, Path) and back == src, f"gunzip_file(notes.txt.gz) should write and return notes.txt, got {back!r}"
    assert src.read_bytes() == TEXT, "gunzip_file should bring back the original bytes"


def test_gzip_explicit_paths_and_str(tmp_path):
    """dst may be given; paths may be str; binary data and empty files round-trip"""
    for name, data in [("blob.bin", BINARY), ("empty", b"")]:
        src = tmp_path / name
        src.write_bytes(data)
        packed = gzip_file(str(src), str(tmp_path / f"{name}.packed"))
        assert packed == tmp_path / f"{name}.packed", f"gzip_file should write to the dst you give, got {packed}"
        assert gzip.decompress(packed.read_bytes()) == data, f"{name}: the archive should hold the original bytes"
        out = gunzip_file(str(packed), str(tmp_path / f"{name}.out"))
        assert out == tmp_path / f"{name}.out" and out.read_bytes() == data, f"{name}: gunzip to an explicit dst"


def test_default_names_from_str_paths(tmp_path):
    """with str paths, the default names still work and Paths come back"""
    src = tmp_path / "report.csv"
    src.write_bytes(TEXT)
    packed = gzip_file(str(src))
    assert packed == tmp_path / "report.csv.gz" and isinstance(packed, Path), (
        f"gzip_file('.../report.csv') should write and return Path('.../report.csv.gz'), got {packed!r}")
    src.unlink()
    back = gunzip_file(str(packed))
    assert back == src and isinstance(back, Path), f"gunzip_file('.../report.csv.gz') should return Path('.../report.csv'), got {back!r}"
    assert src.read_bytes() == TEXT


def test_gunzip_needs_a_dst_without_gz(tmp_path):
    """gunzip_file of a name without .gz and no dst is a ValueError"""
    src = tmp_path / "data.bin"
    src.write_bytes(gzip.compress(b"x"))
    with pytest.raises(ValueError):
        gunzip_file(src)


@pytest.mark.parametrize("kind", ["not gzip", "truncated"])
def test_failed_gunzip_leaves_no_trace(tmp_path, kind):
    """a corrupt or truncated .gz raises, and dst is left as it was, with nothing written beside it"""
    whole = gzip.compress(os.urandom(300_000))
    src = tmp_path / "broken.gz"
    src.write_bytes(b"this is not gzip data at all" * 100 if kind == "not gzip" else whole[: len(whole) // 2])
    dst = tmp_path / "broken"
    dst.write_bytes(b"the old contents")
    with pytest.raises((gzip.BadGzipFile, EOFError, OSError)):
        gunzip_file(src)
    assert dst.read_bytes() == b"the old contents", (
        f"a {kind} file made gunzip_file fail, but dst was overwritten anyway: write to a temporary file beside it "
        "and os.replace() it over dst only when all went well")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["broken", "broken.gz"], f"a failed gunzip should leave no partial file behind, found {left}"


# ---------------------------------------------------------------------------- zip_dir
def make_tree(root: Path) -> None:
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "README.md").write_text("# project\n")
    (root / "src" / "app.py").write_text("print('hi')\n")
    (root / "src" / "pkg" / "données.txt").write_bytes(TEXT)
    (root / "data.bin").write_bytes(BINARY)


TREE_NAMES = ["README.md", "data.bin", "empty/", "src/", "src/app.py", "src/pkg/", "src/pkg/données.txt"]


def test_zip_dir(tmp_path):
    """zip_dir stores every file and directory, relative, with '/', deflated, sorted"""
    src = tmp_path / "project"
    make_tree(src)
    got = zip_dir(src, tmp_path / "project.zip")
    assert got == TREE_NAMES, f"zip_dir should return the sorted names {TREE_NAMES}, got {got!r}"
    with zipfile.ZipFile(tmp_path / "project.zip") as zf:
        assert zf.namelist() == TREE_NAMES, (
            f"the archive should hold {TREE_NAMES} in that order (directories as 'name/' entries), got {zf.namelist()}")
        for info in zf.infolist():
            if not info.is_dir():
                assert info.compress_type == zipfile.ZIP_DEFLATED, f"{info.filename} should be ZIP_DEFLATED"
                want = (src / info.filename).read_bytes()
                assert zf.read(info) == want, f"{info.filename} should hold the file's bytes"


def test_zip_dir_skips_links_and_itself(tmp_path):
    """symbolic links are neither followed nor stored, and an archive inside the folder is not in itself"""
    src = tmp_path / "project"
    make_tree(src)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the project")
    (src / "link_to_dir").symlink_to(outside, target_is_directory=True)
    (src / "link_to_file").symlink_to(outside / "secret.txt")
    (src / "dangling").symlink_to(tmp_path / "nowhere")
    got = zip_dir(src, src / "backup.zip")
    assert "backup.zip" not in got, "the archive is being written inside the folder: it must not store itself"
    assert got == TREE_NAMES, f"links are skipped, so the names are still {TREE_NAMES}, got {got!r}"
    with zipfile.ZipFile(src / "backup.zip") as zf:
        assert zf.namelist() == TREE_NAMES, f"the archive should hold just {TREE_NAMES}, got {zf.namelist()}"


def test_zip_then_unzip(tmp_path):
    """what zip_dir stores, unzip_safe brings back, empty directories included"""
    src = tmp_path / "project"
    make_tree(src)
    zip_dir(src, tmp_path / "p.zip")
    got = unzip_safe(tmp_path / "p.zip", tmp_path / "restored" / "here")
    assert got == TREE_NAMES, f"unzip_safe should return the names extracted, in the archive's order, got {got!r}"
    assert files_under(tmp_path / "restored" / "here") == files_under(src), "the extracted files should equal the originals"
    assert (tmp_path / "restored" / "here" / "empty").is_dir(), "the empty directory should come back too"


# ---------------------------------------------------------------------------- unzip_safe
def build_zip(path: Path, entries) -> Path:
    """entries: (name, data) pairs, or ZipInfo objects paired with data."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def declare_size(archive: Path, size: int) -> None:
    """Rewrite the one entry's uncompressed size in both of its headers (the data stays as it is)."""
    data = bytearray(archive.read_bytes())
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, size)
    struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, size)
    archive.write_bytes(bytes(data))


def refused(archive: Path, dest: Path, why: str, **caps) -> None:
    """unzip_safe must raise UnsafeArchive for this archive."""
    try:
        got = unzip_safe(archive, dest, **caps)
    except UnsafeArchive:
        return
    pytest.fail(f"unzip_safe extracted {got!r} without a word, but {why}: raise UnsafeArchive before writing")


def test_names_in_archive_order(tmp_path):
    """unzip_safe returns the names in the archive's order, and makes the folders files need"""
    archive = build_zip(tmp_path / "a.zip", [("z.txt", b"z"), ("deep/er/a.txt", b"a"), ("m/", b"")])
    got = unzip_safe(archive, tmp_path / "out")
    assert got == ["z.txt", "deep/er/a.txt", "m/"], f"names in archive order, got {got!r}"
    assert files_under(tmp_path / "out") == {"z.txt": b"z", "deep/er/a.txt": b"a"}
    assert (tmp_path / "out" / "m").is_dir(), "a 'm/' entry is a directory"


ESCAPES = ["../evil.txt", "docs/../../evil.txt", "docs/..", "C:evil.txt", "..\\evil.txt", "docs\\..\\..\\evil.txt"]


@pytest.mark.parametrize("name", ESCAPES)
def test_rejects_escaping_names(tmp_path, name):
    """a name with '..', a drive or a backslash is refused before anything is written"""
    dest = tmp_path / "dest"
    archive = build_zip(tmp_path / "evil.zip", [("harmless.txt", b"first"), (name, b"pwned")])
    refused(archive, dest, f"the name {name!r} is not a plain relative name")
    assert not any(tmp_path.rglob("*evil*.txt")), f"{name!r} was written: check names before extracting"
    written = files_under(dest) if dest.exists() else {}
    assert written == {}, (f"the archive is refused, so nothing may be extracted, not even the harmless entry "
                           f"before {name!r}: check every entry first; found {sorted(written)}")


def test_rejects_absolute_names(tmp_path):
    """an absolute name is refused, and nothing is written where it points"""
    target = tmp_path / "outside" / "evil.txt"
    target.parent.mkdir()
    archive = build_zip(tmp_path / "abs.zip", [("ok.txt", b"ok"), (str(target), b"pwned")])
    refused(archive, tmp_path / "dest", f"the name {str(target)!r} is absolute")
    assert not target.exists(), f"the absolute name {target} was written to"
    assert not (tmp_path / "dest").exists() or not any((tmp_path / "dest").rglob("*")), "nothing may be extracted"


def test_rejects_symlink_entries(tmp_path):
    """an entry that is a symbolic link is refused"""
    link = zipfile.ZipInfo("innocent")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(tmp_path / "link.zip", "w") as zf:
        zf.writestr("a.txt", b"a")
        zf.writestr(link, "/etc/passwd")
    refused(tmp_path / "link.zip", tmp_path / "dest",
            "the entry 'innocent' is a symbolic link (stat.S_ISLNK(info.external_attr >> 16))")
    assert not (tmp_path / "dest").exists() or not any((tmp_path / "dest").rglob("*")), (
        "a symlink entry makes the whole archive unsafe: nothing may be extracted")


def test_rejects_writing_through_a_link_in_dest(tmp_path):
    """an entry that would go through a symbolic link already in dest to outside it is refused"""
    dest, outside = tmp_path / "dest", tmp_path / "outside"
    dest.mkdir()
    outside.mkdir()
    (dest / "shared").symlink_to(outside, target_is_directory=True)
    archive = build_zip(tmp_path / "via.zip", [("shared/evil.txt", b"pwned")])
    refused(archive, dest, "dest/shared is a link to a folder outside dest, so 'shared/evil.txt' escapes: "
            "resolve the target with os.path.realpath and check it is still under dest")
    assert not (outside / "evil.txt").exists(), (
        "dest/shared is a link to another folder: resolve the target (os.path.realpath) and check it is still in dest")


def test_size_cap_is_checked_before_writing(tmp_path):
    """sizes adding up to more than max_size are refused before anything is written; exactly max_size is fine"""
    entries = [(f"part{i}.bin", bytes(40_000)) for i in range(3)]
    archive = build_zip(tmp_path / "bomb.zip", entries)
    refused(archive, tmp_path / "dest", "its entries add up to 120,000 bytes, over max_size=119,999 "
            "(sum info.file_size first)", max_size=119_999)
    assert not (tmp_path / "dest").exists() or files_under(tmp_path / "dest") == {}, (
        "120,000 bytes in all is over max_size=119,999: refuse before extracting (the first parts fit, yet "
        "nothing may be written)")
    got = unzip_safe(archive, tmp_path / "ok", max_size=120_000)
    assert got == ["part0.bin", "part1.bin", "part2.bin"], "120,000 bytes with max_size=120,000 is allowed"


def test_file_count_cap(tmp_path):
    """more than max_files entries is refused; exactly max_files is fine"""
    archive = build_zip(tmp_path / "many.zip", [(f"f{i}", b"") for i in range(5)])
    refused(archive, tmp_path / "dest", "it has 5 entries and max_files=4", max_files=4)
    assert not (tmp_path / "dest").exists() or files_under(tmp_path / "dest") == {}, "refuse before extracting"
    assert len(unzip_safe(archive, tmp_path / "ok", max_files=5)) == 5, "5 entries with max_files=5 are allowed"


def test_lying_sizes_cannot_get_past_the_cap(tmp_path):
    """an entry whose header claims 1 KB but holds 5 MB fails, and never writes more than max_size"""
    archive = build_zip(tmp_path / "liar.zip", [("zeros.bin", bytes(5 * 1024 * 1024))])
    declare_size(archive, 1000)
    with pytest.raises((UnsafeArchive, zipfile.BadZipFile)):
        unzip_safe(archive, tmp_path / "dest", max_size=1024 * 1024)
    sizes = [p.stat().st_size for p in (tmp_path / "dest").rglob("*") if p.is_file()] if (tmp_path / "dest").exists() else []
    assert sum(sizes) <= 1024 * 1024, (
        f"{sum(sizes)} bytes were written although max_size is 1 MiB: read entries through ZipFile.open, which "
        "stops at the declared size and checks the CRC")


def test_empty_archive_and_existing_dest(tmp_path):
    """dest is created even for an empty archive; extracting again into an existing dest overwrites"""
    empty = build_zip(tmp_path / "empty.zip", [])
    assert unzip_safe(empty, tmp_path / "new" / "dest") == [], "an empty archive has no names"
    assert (tmp_path / "new" / "dest").is_dir(), "unzip_safe should create dest when it is missing"
    archive = build_zip(tmp_path / "a.zip", [("d/x.txt", b"1"), ("d/", b""), ("y.txt", b"2")])
    dest = tmp_path / "new" / "dest"
    for _ in range(2):
        assert unzip_safe(archive, dest) == ["d/x.txt", "d/", "y.txt"], (
            "extracting into a dest (and folders) that already exist should work, and overwrite the files")
    assert files_under(dest) == {"d/x.txt": b"1", "y.txt": b"2"}


def test_default_caps(tmp_path):
    """by default at most 100 MiB uncompressed and 10,000 entries"""
    archive = build_zip(tmp_path / "big.zip", [("claims.bin", b"tiny")])
    declare_size(archive, 100 * 1024 * 1024 + 1)
    refused(archive, tmp_path / "dest", "its entry declares 100 MiB + 1 byte, over the default max_size")
    declare_size(archive, 100 * 1024 * 1024)
    assert unzip_safe(archive, tmp_path / "dest") == ["claims.bin"], "an entry of exactly 100 MiB is allowed by default"
    many = build_zip(tmp_path / "many.zip", [(f"{i}/", b"") for i in range(10_001)])
    refused(many, tmp_path / "dest2", "it has 10,001 entries, over the default max_files")


# ---------------------------------------------------------------------------- big files
BIG_MB = 72


def test_gzip_a_file_bigger_than_the_memory_limit(tmp_path):
    """a 72 MB file is gzipped and gunzipped within a 64 MB memory limit"""
    block = b"2024-05-01 12:00:00 INFO the quick brown fox jumps over a dog\n" * 4096
    copies = BIG_MB * 1024 * 1024 // len(block) + 1
    src = tmp_path / "big.log"
    with open(src, "wb") as f:
        for _ in range(copies):
            f.write(block)
    packed = gzip_file(src)
    with gzip.open(packed, "rb") as f:
        assert f.read(len(block)) == block, "the big archive should start with the big file's first bytes"
    src.rename(tmp_path / "original.log")
    out = gunzip_file(packed)
    assert out.stat().st_size == copies * len(block), (
        f"gunzip_file should bring back all {copies * len(block)} bytes, got {out.stat().st_size}")
    with open(out, "rb") as got, open(tmp_path / "original.log", "rb") as want:
        while chunk := want.read(1024 * 1024):
            assert got.read(len(chunk)) == chunk, "the gunzipped file should equal the original"


def test_unzip_an_entry_bigger_than_the_memory_limit(tmp_path):
    """a 72 MB entry (72 KB zipped) is extracted within a 64 MB memory limit"""
    archive = tmp_path / "zeros.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("zeros.bin", "w") as w:
            chunk = bytes(1024 * 1024)
            for _ in range(BIG_MB):
                w.write(chunk)
    got = unzip_safe(archive, tmp_path / "dest", max_size=100 * 1024 * 1024)
    assert got == ["zeros.bin"]
    out = tmp_path / "dest" / "zeros.bin"
    assert out.stat().st_size == BIG_MB * 1024 * 1024, "all of the entry should be extracted"

"""Compress and extract files with gzip and zipfile: streaming, and safe against hostile archives."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import shutil
import stat
import zipfile
from pathlib import Path

MiB = 1024 * 1024
CHUNK = 256 * 1024  # bytes per copy: memory use stays about this, whatever the size of the file
DRIVE = re.compile(r"[A-Za-z]:")


class UnsafeArchive(ValueError):
    """An archive that unzip_safe refuses to extract."""


def gzip_file(src: str | os.PathLike, dst: str | os.PathLike | None = None) -> Path:
    """Compress ``src`` to ``dst`` (default ``src`` + '.gz'), streaming; return dst's path."""
    src = Path(src)
    dst = src.with_name(src.name + ".gz") if dst is None else Path(dst)
    with open(src, "rb") as fin, gzip.open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout, CHUNK)
    return dst


def gunzip_file(src: str | os.PathLike, dst: str | os.PathLike | None = None) -> Path:
    """Decompress ``src`` to ``dst`` (default ``src`` without '.gz'), streaming; return dst's path."""
    src = Path(src)
    if dst is None:
        if src.suffix != ".gz":
            raise ValueError(f"{src} does not end in .gz: say where to write it")
        dst = src.with_suffix("")
    dst = Path(dst)
    # write beside dst and rename over it only once all went well: a failure leaves dst alone
    part = dst.with_name(f".{dst.name}.part")
    try:
        with gzip.open(src, "rb") as fin, open(part, "wb") as fout:
            shutil.copyfileobj(fin, fout, CHUNK)
        os.replace(part, dst)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(part)
        raise
    return dst


def zip_dir(src_dir: str | os.PathLike, zip_path: str | os.PathLike) -> list[str]:
    """Zip everything under ``src_dir`` (no symlinks, not the archive itself); return the sorted names."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        me = os.stat(zip_path)  # the archive now exists: know it by device and inode, whatever its path
        entries: dict[str, Path] = {}
        # os.walk does not follow links to directories (it lists them among the dirs, though)
        for root, dirs, files in os.walk(src_dir):
            for name in dirs + files:
                path = Path(root, name)
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode) or (info.st_dev, info.st_ino) == (me.st_dev, me.st_ino):
                    continue
                arcname = path.relative_to(src_dir).as_posix()
                if stat.S_ISDIR(info.st_mode):
                    entries[arcname + "/"] = path
                elif stat.S_ISREG(info.st_mode):  # not a FIFO, socket or device
                    entries[arcname] = path
        names = sorted(entries)
        for arcname in names:
            zf.write(entries[arcname], arcname)  # streams the file in; a dir becomes a 'name/' entry
    return names


def check_entry(info: zipfile.ZipInfo, root: str) -> str:
    """The real path ``info`` would be extracted to under ``root``; UnsafeArchive if it is unsafe."""
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeArchive(f"{name!r} is a symbolic link")
    if name.startswith("/") or "\\" in name or DRIVE.match(name) or ".." in name.split("/"):
        raise UnsafeArchive(f"{name!r} is not a plain relative name")
    # realpath resolves the links already on disk, so dest/link/x with link -> /etc is caught too
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise UnsafeArchive(f"{name!r} would be written outside {root}")
    return target


def unzip_safe(zip_path: str | os.PathLike, dest: str | os.PathLike, *, max_size: int = 100 * MiB,
               max_files: int = 10_000) -> list[str]:
    """Check every entry, then extract them all into ``dest``; return their names in archive order."""
    root = os.path.realpath(dest)
    with zipfile.ZipFile(zip_path) as zf:
        infos = zf.infolist()
        # every check comes before the first byte is written
        if len(infos) > max_files:
            raise UnsafeArchive(f"{len(infos)} entries, more than the {max_files} allowed")
        total = sum(info.file_size for info in infos)
        if total > max_size:
            raise UnsafeArchive(f"{total} bytes uncompressed, more than the {max_size} allowed")
        targets = [check_entry(info, root) for info in infos]

        os.makedirs(root, exist_ok=True)
        for info, target in zip(infos, targets):
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            # ZipFile.open stops at the declared size and checks the CRC: a lying header fails here
            with zf.open(info) as fin, open(target, "wb") as fout:
                shutil.copyfileobj(fin, fout, CHUNK)
    return [info.filename for info in infos]

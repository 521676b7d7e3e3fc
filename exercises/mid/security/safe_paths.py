"""Serve files from one directory, and refuse every path that would reach outside it.

A static-file handler turns part of a URL into a file name. If it simply joins the two, a request
for /files/../../etc/passwd (or %2e%2e/%2e%2e/etc/passwd, or a symlink someone left in the
directory) reads a file the server never meant to publish: path traversal, one of the oldest web
vulnerabilities and still in the OWASP top ten.

Write safe_join() and an aiohttp application built on it:

    >>> root = Path("/srv/www")
    >>> safe_join(root, "docs/guide.txt")
    PosixPath('/srv/www/docs/guide.txt')
    >>> safe_join(root, "docs/../index.html")        # stays inside: fine
    PosixPath('/srv/www/index.html')
    >>> safe_join(root, "../secret.txt")
    Traceback (most recent call last):
    UnsafePath: '../secret.txt' is outside /srv/www

safe_join(base, user_path) returns the resolved, absolute path (symlinks followed) and raises
UnsafePath (a ValueError) when user_path
- contains a NUL byte or a backslash (a separator on Windows, and never a legitimate URL part),
- is absolute ("/etc/passwd"),
- or resolves to somewhere that is not base or inside it: through "..", or through a symlink that
  points outside. Compare whole path components, not strings: /srv/www-private is not inside
  /srv/www, although the string starts with "/srv/www". Resolve base too: it may be a symlink.
An empty path or "." is base itself. Names that merely contain dots ("..foo", "notes..txt") are
ordinary files. safe_join() does no URL decoding: "%2e%2e" is a file name like any other.

make_app(root) returns an aiohttp web.Application that answers GET /files/{path}:
- 200 with the file's bytes when safe_join(root, path) is a regular file,
- 403 when safe_join refuses the path (the file it points at must then never be opened),
- 404 when it does not exist or is a directory. Never 500.
aiohttp has already percent-decoded the path once (so %2e%2e arrives as ".."); do not decode
it again, or %252e%252e becomes ".." too. Check every request afresh: files and symlinks in the
directory may change while the server runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from aiohttp import web


class UnsafePath(ValueError):
    """A user-supplied path that would lead outside the base directory."""


def safe_join(base: str | os.PathLike, user_path: str) -> Path:
    """The resolved path of ``user_path`` under ``base``; UnsafePath if it is not inside ``base``."""
    raise NotImplementedError


def make_app(root: str | os.PathLike) -> web.Application:
    """An application serving the files under ``root`` at GET /files/{path}."""
    # TODO: app.router.add_get("/files/{path:.*}", handler), where handler uses safe_join
    raise NotImplementedError

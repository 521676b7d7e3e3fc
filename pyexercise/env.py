"""The I/O seams of one pyex invocation, passed in rather than global so tests can swap them."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from pyexercise.errors import FatalError

INFO_FILE = "info.toml"


def find_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that holds an info.toml."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / INFO_FILE).is_file():
            return directory
    return None


@dataclass
class Environment:
    stdout: Console = field(default_factory=lambda: Console(highlight=False))
    stderr: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
    cwd: Path = field(default_factory=Path.cwd)
    stdin_isatty: bool = field(default_factory=lambda: sys.stdin.isatty())
    stdout_isatty: bool = field(default_factory=lambda: sys.stdout.isatty())
    #: explicit workspace (``--root`` or ``PYEX_ROOT``); otherwise found from ``cwd``
    root_override: Path | None = None

    @property
    def root(self) -> Path:
        if self.root_override is not None:
            root = self.root_override.resolve()
            if not (root / INFO_FILE).is_file():
                raise FatalError(f"{root} has no {INFO_FILE}: point --root at a pyex workspace.")
            return root
        env_root = os.environ.get("PYEX_ROOT")
        if env_root:
            self.root_override = Path(env_root)
            return self.root
        root = find_root(self.cwd)
        if root is None:
            raise FatalError(
                f"No {INFO_FILE} in {self.cwd} or above: run pyex inside the exercises "
                "workspace (the folder you cloned), or pass --root."
            )
        return root

    @property
    def interactive(self) -> bool:
        return self.stdin_isatty and self.stdout_isatty

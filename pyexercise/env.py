"""The I/O seams of one pyex invocation, passed in rather than global so tests can swap them."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from pyexercise.errors import FatalError

INFO_FILE = "info.toml"  # a clone of the repository: the curriculum is right here
CONFIG_FILE = "pyex.toml"  # a workspace `pyex init` made: the curriculum is in the installed package


def find_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that is a pyex workspace."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / INFO_FILE).is_file() or (directory / CONFIG_FILE).is_file():
            return directory
    return None


def _console(stderr: bool) -> Console:
    # pyex's own markup only: learners' and authors' text is passed as Text or with markup=False
    return Console(stderr=stderr, highlight=False, emoji=False)


@dataclass
class Environment:
    stdout: Console = field(default_factory=lambda: _console(False))
    stderr: Console = field(default_factory=lambda: _console(True))
    cwd: Path = field(default_factory=Path.cwd)
    stdin_isatty: bool = field(default_factory=lambda: sys.stdin.isatty())
    stdout_isatty: bool = field(default_factory=lambda: sys.stdout.isatty())
    #: explicit workspace (``--root`` or ``PYEX_ROOT``); otherwise found from ``cwd``
    root_override: Path | None = None

    @property
    def root(self) -> Path:
        if self.root_override is not None:
            root = self.root_override.resolve()
            if not (root / INFO_FILE).is_file() and not (root / CONFIG_FILE).is_file():
                raise FatalError(f"{root} is not a pyex workspace (no {CONFIG_FILE} or {INFO_FILE}): point --root "
                                 "at one, or make one with `pyex init`.")
            return root
        env_root = os.environ.get("PYEX_ROOT")
        if env_root:
            self.root_override = Path(env_root)
            return self.root
        root = find_root(self.cwd)
        if root is None:
            raise FatalError(f"{self.cwd} is not inside a pyex workspace: `pyex init` makes one here "
                             "(pyex-exercises/), or cd into one.")
        return root

    @property
    def interactive(self) -> bool:
        return self.stdin_isatty and self.stdout_isatty

"""What the watch loop reacts to (events) and what it asks the outside world to do (effects).

Producers put events on one queue — saves (watchdog), keys (the terminal), resizes (SIGWINCH),
finished runs (a thread per run) and the clock — and the loop feeds them to the state machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyexercise.runner.result import Result


# -- events ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FileSaved:
    path: Path


@dataclass(frozen=True)
class KeyPressed:
    key: str  # a single character, or "up", "down", "pgup", "pgdown", "enter", "esc", "backspace"


@dataclass(frozen=True)
class Resized:
    pass


@dataclass(frozen=True)
class RunFinished:
    exercise: str
    generation: int
    result: Result


@dataclass(frozen=True)
class RunReady:
    """The learner's code has started: the time limit counts from now."""

    generation: int


@dataclass(frozen=True)
class Tick:
    """Time passes (a debounced save falls due; the elapsed time of a run moves on)."""


@dataclass(frozen=True)
class Quit:
    reason: str = "q"  # "q", "eof" (Ctrl-D), "interrupt" (Ctrl-C)


Event = FileSaved | KeyPressed | Resized | RunFinished | RunReady | Tick | Quit


# -- effects --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartRun:
    exercise: str
    generation: int


@dataclass(frozen=True)
class CancelRun:
    generation: int


@dataclass(frozen=True)
class RecordPass:
    exercise: str


@dataclass(frozen=True)
class RevealHint:
    exercise: str
    number: int  # 1-based


@dataclass(frozen=True)
class ResetStub:
    exercise: str


@dataclass(frozen=True)
class SetCurrent:
    exercise: str


Effect = StartRun | CancelRun | RecordPass | RevealHint | ResetStub | SetCurrent

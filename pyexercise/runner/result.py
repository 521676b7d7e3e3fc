"""What a check run comes back with: a small outcome enum and a result that is truthy only on a pass."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field


class Outcome(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    NOT_STARTED = "not_started"  # the stub is untouched, or still raises NotImplementedError
    ERROR = "error"  # syntax error, import error, exception or exit at import, a missing name
    TIMEOUT = "timeout"
    MEMORY = "memory"
    PROCESSES = "processes"
    OUTPUT = "output"
    CRASHED = "crashed"  # the interpreter died, or came back without a result
    TAMPERED = "tampered"  # the run changed the hidden checks
    UNAVAILABLE = "unavailable"  # something the check needs is missing: a service, a file

    @property
    def is_limit(self) -> bool:
        return self in (Outcome.TIMEOUT, Outcome.MEMORY, Outcome.PROCESSES, Outcome.OUTPUT)


@dataclass
class Frame:
    """One line of the learner's own code in a traceback."""

    lineno: int
    function: str
    line: str


@dataclass
class TestFailure:
    test: str  # the check function's name, e.g. "test_negatives"
    about: str = ""  # the first line of its docstring: what it checks, in words
    exception: str = ""  # e.g. "AssertionError"
    message: str = ""  # the assertion message with pytest's explanation and diff
    frames: list[Frame] = field(default_factory=list)  # the learner's own traceback lines
    check_line: str = ""  # the line of the check that failed
    notes: list[str] = field(default_factory=list)  # e.g. hypothesis' falsifying example
    todo: bool = False  # raised NotImplementedError: not written yet


@dataclass
class Result:
    outcome: Outcome
    exercise: str = ""
    target: str = ""  # the file that was graded
    summary: str = ""  # one line for lists and CI logs
    detail: str = ""  # more words for the outcome (the limit, the error)
    passed: int = 0
    total: int = 0
    failures: list[TestFailure] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)  # for errors at import
    output: str = ""  # what the learner's code printed, capped
    output_dropped: int = 0  # bytes beyond the cap
    duration: float = 0.0  # wall seconds, pyex's start-up included
    learner_time: float = 0.0  # wall seconds from the learner's import to the end: what the limit is on
    peak_memory_mb: float = 0.0
    peak_processes: int = 0
    running_test: str = ""  # the test in progress when a limit was hit
    untouched: bool = False

    def __bool__(self) -> bool:
        return self.outcome is Outcome.PASS

    def to_json(self) -> dict:
        data = asdict(self)
        data["outcome"] = self.outcome.value
        data["status"] = self.outcome.value
        data["name"] = self.exercise
        return data

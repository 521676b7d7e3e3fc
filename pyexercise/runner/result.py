"""What a check run comes back with: a small outcome enum and a result that is truthy only on a pass."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field

from pyexercise.runner.protocol import Failure, Frame, TestRecord


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
    TAMPERED = "tampered"  # the run changed pyex's hidden files, or its report was forged
    UNAVAILABLE = "unavailable"  # something the check needs is missing: a service, a file, a package
    CANCELLED = "cancelled"  # pyex stopped the run itself (a newer save, Ctrl-C): no verdict


LIMITS = (Outcome.TIMEOUT, Outcome.MEMORY, Outcome.PROCESSES, Outcome.OUTPUT)


@dataclass(frozen=True)
class LimitHit:
    """The limit a run breached and what was measured: ``time`` 10 s, 10.02 s."""

    name: str  # time, memory, processes, output
    limit: float
    measured: float
    unit: str  # s, MB, processes, KB


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    exercise: str = ""
    target: str = ""  # the file that was graded
    detail: str = ""  # more words for the outcome (the limit, the error)
    passed: int = 0
    total: int = 0
    failures: tuple[Failure, ...] = ()
    frames: tuple[Frame, ...] = ()  # for errors at import; where a killed run was stuck
    output: str = ""  # what the learner's code printed, capped
    output_dropped: int = 0  # bytes beyond the cap
    duration: float = 0.0  # wall seconds, pyex's start-up included
    learner_time: float = 0.0  # wall seconds from the learner's import to the end: what the limit is on
    cpu_time: float = 0.0  # CPU seconds of the run's processes (user + system)
    queued: float = 0.0  # seconds the run's main process spent waiting for a CPU (a busy machine)
    peak_memory_mb: float = 0.0
    peak_processes: int = 0
    running_test: str = ""  # the test in progress when a limit was hit
    limit: LimitHit | None = None
    untouched: bool = False  # the graded stub is exactly as pyex shipped it
    tests: tuple[TestRecord, ...] = ()  # every test that ran, in order, with how it ended
    started_tests: tuple[str, ...] = field(default=(), repr=False)

    def __bool__(self) -> bool:
        return self.outcome is Outcome.PASS

    @property
    def summary(self) -> str:
        """One line for lists and CI logs."""
        o = self.outcome
        if o is Outcome.PASS:
            return "the one check passes" if self.total == 1 else f"all {self.total} checks pass"
        if o is Outcome.FAIL:
            first = f" (first: {self.failures[0].test})" if self.failures else ""
            return f"{self.passed} of {self.total} checks pass{first}"
        if o is Outcome.NOT_STARTED:
            return "not done yet: the stub still raises NotImplementedError"
        return self.detail.splitlines()[0] if self.detail else o.value

    def to_json(self) -> dict:
        data = asdict(self)
        data["name"] = data.pop("exercise")
        data["outcome"] = self.outcome.value
        data["summary"] = self.summary
        data.pop("started_tests")
        return data

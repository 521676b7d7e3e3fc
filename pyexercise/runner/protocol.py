"""What pyex and its processes say to each other, defined once and used on both sides.

pyex -> check child: a ``RunSpec`` (argv of a fresh child, or inside a ``WorkerRequest``).
check child -> pyex: JSON lines on a pipe of pyex's own, each one of ``Ready``, ``Started`` or
``FinalReport``. pyex -> warm worker: ``WorkerRequest``; worker -> pyex: ``WorkerForked`` and
``WorkerExited``. ``decode_*`` never raises on what a child sends: anything that is not a well-formed
message is ignored, so learner code that writes to a pipe can at worst withhold a verdict.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Union

#: the longest line pyex reads from a child's result pipe; a longer one is dropped unread
MAX_MESSAGE = 1 << 20
#: the most characters of one failure message kept (by characters, not lines)
MAX_TEXT = 8000


@dataclass(frozen=True)
class SandboxSpec:
    """What the child does to itself before the learner's code runs (see runner/sandbox.py)."""

    hide: tuple[str, ...] = ()  # directories replaced by an empty read-only tmpfs
    expose: tuple[str, ...] = ()  # paths the dropped uid must reach (the interpreter's own files)
    uid: int | None = None  # drop to this uid (and its gid) when pyex runs as root
    gid: int | None = None
    user_namespace: bool = False  # unprivileged: a user namespace makes the mount namespace possible


@dataclass(frozen=True)
class RunSpec:
    result_fd: int  # the write end of pyex's result pipe, as numbered in the child
    target: str  # the file under test (pyex's private copy)
    module: str  # the name the check imports it by
    check: str  # pyex's private copy of the check
    ini: str  # an empty pytest.ini: no configuration from the workspace
    cwd: str  # an empty private working directory
    time: float  # seconds (the setrlimit backstop; pyex's watchdog enforces the real limit)
    memory: int  # MB
    file_size: int  # MB
    fail_fast: bool = False
    learner_file: str = ""  # the path the learner knows the file by (for tracebacks)
    stack_file: str = ""  # where the child dumps its stack when pyex is about to kill it
    sandbox: SandboxSpec = SandboxSpec()

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "RunSpec":
        data = json.loads(text)
        box = data.get("sandbox", {})
        data["sandbox"] = SandboxSpec(**{**box, "hide": tuple(box.get("hide", ())),
                                         "expose": tuple(box.get("expose", ()))})
        return cls(**data)


# -- child -> pyex ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Frame:
    """One line of the learner's own code in a traceback."""

    lineno: int
    function: str
    line: str


@dataclass(frozen=True)
class Failure:
    test: str  # the check function's name, e.g. "test_negatives"
    about: str = ""  # the first line of its docstring: what it checks, in words
    exception: str = ""  # e.g. "AssertionError"
    message: str = ""  # the assertion message with pytest's explanation and diff
    frames: tuple[Frame, ...] = ()  # the learner's own traceback lines
    check_line: str = ""  # the line of the check that failed
    notes: tuple[str, ...] = ()  # e.g. hypothesis' falsifying example
    todo: bool = False  # raised NotImplementedError: not written yet


@dataclass(frozen=True)
class TestRecord:
    """One test of a check, as it ended."""

    __test__ = False  # not a test class, whatever pytest makes of the name

    name: str
    outcome: str  # passed, failed, skipped
    duration: float = 0.0  # seconds


@dataclass(frozen=True)
class Ready:
    """The child has started; the learner's time limit starts now."""


@dataclass(frozen=True)
class Started:
    test: str


@dataclass(frozen=True)
class FinalReport:
    outcome: str  # an Outcome value
    detail: str = ""
    passed: int = 0
    total: int = 0
    failures: tuple[Failure, ...] = ()
    frames: tuple[Frame, ...] = ()  # for errors at import
    tests: tuple[TestRecord, ...] = ()  # every test that ran, in order


ChildMessage = Union[Ready, Started, FinalReport]


def encode(message: ChildMessage) -> bytes:
    kind = {Ready: "ready", Started: "start", FinalReport: "final"}[type(message)]
    return (json.dumps({"kind": kind, **asdict(message)}) + "\n").encode("utf-8")


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    return str(value)[:limit] if isinstance(value, (str, int, float)) else ""


def _frames(raw: Any) -> tuple[Frame, ...]:
    if not isinstance(raw, list):
        return ()
    out = []
    for fr in raw[:50]:
        if isinstance(fr, dict) and type(fr.get("lineno")) is int:
            out.append(Frame(fr["lineno"], _text(fr.get("function"), 200), _text(fr.get("line"), 500)))
    return tuple(out)


def _failure(raw: Any) -> Failure | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("test"), str):
        return None
    notes = raw.get("notes") if isinstance(raw.get("notes"), list) else []
    return Failure(test=_text(raw["test"], 300), about=_text(raw.get("about"), 300),
                       exception=_text(raw.get("exception"), 200), message=_text(raw.get("message")),
                       frames=_frames(raw.get("frames")), check_line=_text(raw.get("check_line"), 500),
                       notes=tuple(_text(n, 2000) for n in notes[:10]), todo=raw.get("todo") is True)


def _tests(raw: Any) -> tuple[TestRecord, ...]:
    if not isinstance(raw, list):
        return ()
    out = []
    for t in raw[:2000]:
        if isinstance(t, dict) and isinstance(t.get("name"), str) and t.get("outcome") in ("passed", "failed", "skipped"):
            duration = t.get("duration")
            out.append(TestRecord(_text(t["name"], 300), t["outcome"],
                                  float(duration) if isinstance(duration, (int, float)) and duration >= 0 else 0.0))
    return tuple(out)


def decode(line: bytes) -> ChildMessage | None:
    """One line from a child's result pipe, or None if it is not a well-formed message."""
    if len(line) > MAX_MESSAGE:
        return None
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("kind")
    if kind == "ready":
        return Ready()
    if kind == "start" and isinstance(data.get("test"), str):
        return Started(_text(data["test"], 300))
    if kind == "final" and isinstance(data.get("outcome"), str):
        ints = [data.get(k, 0) for k in ("passed", "total")]
        if not all(type(i) is int and i >= 0 for i in ints):
            return None
        failures = data.get("failures") if isinstance(data.get("failures"), list) else []
        parsed = [f for f in (_failure(f) for f in failures[:200]) if f is not None]
        return FinalReport(outcome=data["outcome"], detail=_text(data.get("detail")), passed=ints[0],
                           total=ints[1], failures=tuple(parsed), frames=_frames(data.get("frames")),
                           tests=_tests(data.get("tests")))
    return None


# -- pyex <-> warm worker --------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkerRequest:
    id: str
    spec: RunSpec
    variables: dict[str, str] = field(default_factory=dict)  # the child's whole environment

    def to_json(self) -> bytes:
        return (json.dumps({"id": self.id, "spec": json.loads(self.spec.to_json()),
                            "variables": self.variables}) + "\n").encode()

    @classmethod
    def from_json(cls, line: bytes) -> "WorkerRequest":
        data = json.loads(line)
        return cls(data["id"], RunSpec.from_json(json.dumps(data["spec"])), data["variables"])


@dataclass(frozen=True)
class WorkerForked:
    id: str
    pid: int


@dataclass(frozen=True)
class WorkerExited:
    id: str
    status: int  # as os.waitstatus_to_exitcode: negative for a signal


def encode_worker(message: WorkerForked | WorkerExited) -> bytes:
    return (json.dumps(asdict(message)) + "\n").encode()


def decode_worker(line: bytes) -> WorkerForked | WorkerExited | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    if type(data.get("pid")) is int:
        return WorkerForked(data["id"], data["pid"])
    if type(data.get("status")) is int:
        return WorkerExited(data["id"], data["status"])
    return None

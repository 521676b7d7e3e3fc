"""The pyex <-> child protocol: typed, defined once, and never trusting what a child sends."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from pyexercise.runner.protocol import (MAX_MESSAGE, MAX_TEXT, Failure, FinalReport, Frame, Ready, RunSpec,
                                        SandboxSpec, Started, WorkerExited, WorkerForked, WorkerRequest, decode,
                                        decode_worker, encode, encode_worker)


def test_messages_round_trip():
    final = FinalReport("fail", detail="d", passed=1, total=2,
                        failures=(Failure("test_x", "about", "AssertionError", "msg", (Frame(3, "f", "x = 1"),),
                                          "assert x", ("note",), False),), frames=(Frame(1, "", "import y"),))
    for message in (Ready(), Started("test_x"), final):
        assert decode(encode(message)) == message


def test_spec_and_worker_messages_round_trip():
    spec = RunSpec(5, "/t.py", "t", "/c.py", "/i", "/w", 2.5, 100, 10, True, "/l.py", "/s",
                   SandboxSpec(hide=("/a",), expose=("/b",), uid=65534, gid=65534))
    assert RunSpec.from_json(spec.to_json()) == spec
    request = WorkerRequest("7", spec, {"A": "1"})
    assert WorkerRequest.from_json(request.to_json()) == request
    for message in (WorkerForked("7", 123), WorkerExited("7", -9)):
        assert decode_worker(encode_worker(message)) == message


@pytest.mark.parametrize("line", [
    b"", b"not json", b"[]", b'{"kind": "final"}', b'{"kind": "final", "outcome": "pass", "passed": -1}',
    b'{"kind": "final", "outcome": "pass", "passed": true}', b'{"final": {"outcome": "pass"}}',
    b'{"kind": "start"}', b'\xff\xfe',
])
def test_malformed_lines_are_ignored(line):
    assert decode(line) is None


def test_an_over_long_line_is_dropped_and_text_is_capped():
    assert decode(b'{"kind": "ready"' + b" " * MAX_MESSAGE + b"}") is None
    huge = json.dumps({"kind": "final", "outcome": "fail", "detail": "x" * (MAX_TEXT * 3),
                       "failures": [{"test": "t", "message": "y" * (MAX_TEXT * 3)}]}).encode()
    report = decode(huge)
    assert len(report.detail) == MAX_TEXT and len(report.failures[0].message) == MAX_TEXT


@given(st.dictionaries(st.text(max_size=8), st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                                                          lambda c: st.lists(c) | st.dictionaries(st.text(), c))))
def test_decode_never_raises(data):
    decode(json.dumps({"kind": "final", **data}).encode())
    decode(json.dumps(data).encode())

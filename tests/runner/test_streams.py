"""Everything read from a child is bounded: its output, and its result pipe."""

from __future__ import annotations

import io
import os
import threading

import psutil

from pyexercise.runner.protocol import FinalReport, Ready, Started, encode
from pyexercise.runner.streams import FLOOD_FACTOR, OutputReader, ResultReader


def test_output_keeps_the_first_bytes_and_counts_a_flood():
    reader = OutputReader(io.BufferedReader(io.BytesIO(b"a" * 5000)), cap=100)
    reader.run()
    assert reader.kept == bytearray(b"a" * 100) and reader.total == 5000 and not reader.flooded
    big = OutputReader(io.BufferedReader(io.BytesIO(b"b" * (100 * FLOOD_FACTOR + 1))), cap=100)
    big.run()
    assert big.flooded


def pipe_with(*chunks: bytes) -> ResultReader:
    r, w = os.pipe()
    reader = ResultReader(r)
    reader.start()

    def feed():
        for chunk in chunks:
            os.write(w, chunk)
        os.close(w)

    threading.Thread(target=feed).start()
    reader.done.wait(30)
    return reader


def test_reports_are_read_in_order_and_the_first_final_counts():
    final = FinalReport("pass", passed=1, total=1)
    reader = pipe_with(encode(Ready()), encode(Started("t")), encode(final), encode(FinalReport("fail")))
    assert reader.ready_at is not None and reader.started == ["t"] and reader.final == final


def test_an_endless_line_costs_a_bounded_buffer():
    rss = psutil.Process().memory_info().rss
    chunk = b"x" * (1 << 20)
    reader = pipe_with(*([chunk] * 300), b"\n", encode(Ready()))  # 300 MB without a newline, then a message
    assert reader.flooded and reader.final is None and reader.ready_at is not None
    assert psutil.Process().memory_info().rss - rss < 50 * (1 << 20)

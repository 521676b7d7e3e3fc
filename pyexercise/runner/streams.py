"""Reading what a check child sends, with a bound on everything: what it prints (shown to the
learner, never parsed) and its reports on pyex's result pipe (parsed, never trusted)."""

from __future__ import annotations

import os
import threading
import time

from pyexercise.runner.protocol import MAX_MESSAGE, FinalReport, Ready, Started, decode

#: printing this many times the kept output is a flood: the run is stopped
FLOOD_FACTOR = 100
#: the most test starts pyex keeps track of (a check has tens; a flood of them is dropped)
MAX_STARTS = 10_000
CHUNK = 65536


class OutputReader(threading.Thread):
    """Reads what the learner prints, keeps the first ``cap`` bytes and counts the rest."""

    def __init__(self, stream, cap: int) -> None:
        super().__init__(daemon=True, name="pyex-output")
        self.stream, self.cap = stream, cap
        self.kept = bytearray()
        self.total = 0

    def run(self) -> None:
        try:
            while chunk := self.stream.read1(CHUNK):
                self.total += len(chunk)
                room = self.cap - len(self.kept)
                if room > 0:
                    self.kept += chunk[:room]
        except (OSError, ValueError):
            pass

    @property
    def flooded(self) -> bool:
        return self.total > self.cap * FLOOD_FACTOR

    def text(self) -> str:
        return self.kept.decode("utf-8", "replace")


class ResultReader(threading.Thread):
    """Reads pyex's own result pipe: ``Ready``, ``Started`` events, then one ``FinalReport``.

    Lines longer than ``MAX_MESSAGE`` are skipped without being kept, so a child writing endless
    newline-free data costs pyex a fixed buffer, not its memory."""

    def __init__(self, fd: int, on_ready=None) -> None:
        super().__init__(daemon=True, name="pyex-results")
        self.fd = fd
        self.on_ready = on_ready  # called once the learner's code starts (the limit's clock starts)
        self.ready_at: float | None = None
        self.started: list[str] = []
        self.final: FinalReport | None = None
        self.flooded = False
        self.done = threading.Event()

    @property
    def running(self) -> str:
        return self.started[-1] if self.started else ""

    def run(self) -> None:
        buf = bytearray()
        skipping = False
        try:
            while chunk := os.read(self.fd, CHUNK):
                buf += chunk
                while True:
                    end = buf.find(b"\n")
                    if end < 0:
                        if len(buf) > MAX_MESSAGE:
                            buf.clear()
                            skipping = self.flooded = True
                        break
                    line = bytes(buf[:end])
                    del buf[:end + 1]
                    if skipping:
                        skipping = False  # the tail of an over-long line
                        continue
                    self._take(line)
        except OSError:
            pass
        finally:
            os.close(self.fd)
            self.done.set()

    def _take(self, line: bytes) -> None:
        message = decode(line)
        if isinstance(message, Ready) and self.ready_at is None:
            self.ready_at = time.monotonic()
            if self.on_ready is not None:
                self.on_ready()
        elif isinstance(message, Started) and len(self.started) < MAX_STARTS:
            self.started.append(message.test)
        elif isinstance(message, FinalReport) and self.final is None:
            self.final = message

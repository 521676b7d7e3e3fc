"""Keys: read from the terminal in cbreak mode, and turned into intents by what the screen shows."""

from __future__ import annotations

import enum
import os
import queue
import select
import threading

from pyexercise.watch.events import KeyPressed, Quit

ESCAPES = {"[A": "up", "[B": "down", "OA": "up", "OB": "down", "[5~": "pgup", "[6~": "pgdown",
           "[H": "home", "[F": "end"}


class Intent(enum.Enum):
    NEXT = "n"
    HINT = "h"
    LIST = "l"
    RERUN = "r"
    RESET = "x"
    SOLUTION = "s"
    TASK = "t"
    HELP = "?"
    QUIT = "q"
    UP = "up"
    DOWN = "down"
    PAGE_UP = "pgup"
    PAGE_DOWN = "pgdown"
    SELECT = "enter"
    BACK = "esc"
    SHOW_DONE = "d"
    SHOW_PENDING = "p"
    SHOW_ALL = "a"
    SEARCH = "/"
    ERASE = "backspace"
    YES = "y"
    NO = "no"
    TYPE = "type"  # a character typed into the search


MAIN = {"n": Intent.NEXT, "h": Intent.HINT, "l": Intent.LIST, "r": Intent.RERUN, "x": Intent.RESET,
        "s": Intent.SOLUTION, "t": Intent.TASK, "?": Intent.HELP, "q": Intent.QUIT, "pgup": Intent.PAGE_UP,
        "pgdown": Intent.PAGE_DOWN, "up": Intent.PAGE_UP, "down": Intent.PAGE_DOWN, "esc": Intent.BACK}
LIST = {"up": Intent.UP, "k": Intent.UP, "down": Intent.DOWN, "j": Intent.DOWN, "pgup": Intent.PAGE_UP,
        "pgdown": Intent.PAGE_DOWN, "enter": Intent.SELECT, "c": Intent.SELECT, "esc": Intent.BACK, "l": Intent.BACK,
        "q": Intent.BACK, "d": Intent.SHOW_DONE, "p": Intent.SHOW_PENDING, "a": Intent.SHOW_ALL, "/": Intent.SEARCH,
        "?": Intent.HELP}
SEARCHING = {"up": Intent.UP, "down": Intent.DOWN, "pgup": Intent.PAGE_UP, "pgdown": Intent.PAGE_DOWN,
             "enter": Intent.SELECT, "esc": Intent.BACK, "backspace": Intent.ERASE}


def intent(key: str, view: str, searching: bool = False) -> tuple[Intent, str] | None:
    """What ``key`` means on the ``view`` shown now: (intent, the character for TYPE)."""
    if view == "confirm_reset":
        return (Intent.YES, "") if key in ("y", "Y") else (Intent.NO, "")
    if view == "list":
        if searching:
            if key in SEARCHING:
                return SEARCHING[key], ""
            return (Intent.TYPE, key) if len(key) == 1 and key.isprintable() else None
        found = LIST.get(key)
        return (found, "") if found else None
    if view in ("help", "task"):
        if key in ("up", "k", "pgup"):
            return Intent.PAGE_UP, ""
        if key in ("down", "j", "pgdown", " "):
            return Intent.PAGE_DOWN, ""
        if key == "q":
            return Intent.QUIT, ""
        return Intent.BACK, ""  # any other key closes it
    found = MAIN.get(key)
    return (found, "") if found else None


class KeyReader(threading.Thread):
    """Turns the terminal's bytes into KeyPressed events (and Ctrl-D into Quit). Reads byte by
    byte from the start, before the first frame, so no keystroke is lost."""

    def __init__(self, fd: int, events: queue.Queue) -> None:
        super().__init__(daemon=True, name="pyex-keys")
        self.fd, self.events = fd, events
        self.stopped = threading.Event()

    def read(self, timeout: float) -> str:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return ""
        data = os.read(self.fd, 1)
        if not data:
            self.stopped.set()
            self.events.put(Quit("eof"))
            return ""
        return data.decode("utf-8", "replace")

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                ch = self.read(0.2)
            except OSError:
                return
            if not ch:
                continue
            if ch == "\x1b":
                seq = ""
                while len(seq) < 3:
                    nxt = self.read(0.03)
                    if not nxt:
                        break
                    seq += nxt
                    if seq in ESCAPES or (len(seq) >= 2 and (seq[-1].isalpha() or seq.endswith("~"))):
                        break
                self.events.put(KeyPressed(ESCAPES.get(seq, "esc")))
            elif ch in ("\r", "\n"):
                self.events.put(KeyPressed("enter"))
            elif ch in ("\x7f", "\x08"):
                self.events.put(KeyPressed("backspace"))
            elif ch == "\x04":
                self.events.put(Quit("eof"))
            elif ch == "\x03":
                self.events.put(Quit("interrupt"))
            else:
                self.events.put(KeyPressed(ch))

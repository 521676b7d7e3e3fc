"""Watch mode as the commands start it: the terminal, the session, the loop, and a clean way out."""


from __future__ import annotations

import contextlib
import queue
import signal
import sys

from rich.console import Console

from pyexercise.curriculum import Exercise
from pyexercise.session import GradingSession
from pyexercise.watch.course import Course, WorkspaceCourse
from pyexercise.watch.events import Quit, Resized
from pyexercise.watch.files import needs_polling, start_observer
from pyexercise.watch.keys import KeyReader
from pyexercise.watch.loop import Loop
from pyexercise.watch.machine import State
from pyexercise.watch.screen import terminal
from pyexercise.workspace import Workspace


def watch(ws: Workspace, console: Console, start: Exercise | None, poll: bool, manual: bool) -> str:
    """Run watch mode until the learner quits; return why it ended ("q", "eof", "interrupt")."""
    ex = start or ws.current(ws.state())
    first_time = not ws.progress.path.exists()
    with ws.progress.update(ws.curriculum) as state:
        state.current = ex.name
    welcome = ws.curriculum.welcome_message.strip() if first_time else ""
    return run(ws, WorkspaceCourse(ws), ex.name, console, poll=poll, manual=manual, welcome=welcome)


def run(ws: Workspace, course: Course, start: str, console: Console, *, poll: bool = False, manual: bool = False,
        welcome: str = "") -> str:
    """The watch loop over ``course`` from exercise ``start``; why it ended ("q", "eof", "interrupt",
    "time", "done")."""
    events: queue.Queue = queue.Queue()
    fd = sys.stdin.fileno()
    keys = KeyReader(fd, events)
    observer = None
    previous_winch = signal.signal(signal.SIGWINCH, lambda *_: events.put(Resized()))
    st = State(exercise=start)
    try:
        with terminal(fd, sys.stdout), GradingSession(ws) as session:
            keys.start()  # before anything slow: no key pressed from now on is lost
            if manual:
                mode = "manual"
            else:
                root = course.curriculum.root
                observer, mode = start_observer(root, events, poll or needs_polling(root))
            loop = Loop(course, session, events, mode, manual=manual, color=console.color_system is not None,
                        root=ws.root)
            if welcome:
                session.warm_up_in_background()
                show_welcome(welcome, events, sys.stdout)
            try:
                st = loop.run(st, sys.stdout)
            except KeyboardInterrupt:
                st = State(exercise=start, quit="interrupt")
    finally:
        keys.stopped.set()
        signal.signal(signal.SIGWINCH, previous_winch)
        if observer is not None:
            with contextlib.suppress(Exception):
                observer.stop()
                observer.join(2)
    return st.quit


def show_welcome(text: str, events: queue.Queue, out) -> None:
    """The curriculum's welcome, until a key is pressed (which is not taken as a command, except q)."""
    from pyexercise.ui import inert

    out.write("\x1b[H\x1b[J" + inert(text).replace("\n", "\r\n") + "\r\n\r\nPress any key to start.")
    out.flush()
    while True:
        event = events.get()
        if isinstance(event, Quit) or getattr(event, "key", None) == "q":
            events.put(Quit(getattr(event, "reason", "q")))
            return
        if getattr(event, "key", None) is not None:
            return

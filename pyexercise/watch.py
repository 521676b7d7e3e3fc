"""`pyex watch`: one event queue and one loop.

Producers put events on the queue — file changes (watchdog, debounced here), key presses (a reader
thread on the terminal in cbreak mode), resizes (SIGWINCH) and finished check runs (a worker
thread) — and the loop in the main thread owns all state and draws the screen.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import select
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from pyexercise import ui
from pyexercise.commands.hint import reveal_next
from pyexercise.curriculum import Exercise
from pyexercise.grading import grade, record
from pyexercise.runner.result import Outcome, Result
from pyexercise.services import Services
from pyexercise.workspace import Workspace

DEBOUNCE = 0.02  # seconds: editors write a file in several steps (within a few ms); run once after the last
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "fuse.sshfs", "vboxsf", "drvfs", "fuse.osxfs",
              "virtiofs", "fuse.grpcfuse", "prl_fs", "vmhgfs", "fuse.vmhgfs-fuse"}


# -- events ---------------------------------------------------------------------------------------
@dataclass
class FileChanged:
    path: Path


@dataclass
class Key:
    key: str  # a single character, or "up", "down", "enter", "esc", "backspace"


@dataclass
class Resized:
    pass


@dataclass
class RunDone:
    exercise: str
    result: Result
    generation: int


@dataclass
class Quit:
    pass


# -- producers ------------------------------------------------------------------------------------
def needs_polling(path: Path) -> bool:
    """True where inotify-style events are known not to arrive: WSL on /mnt, network mounts."""
    try:
        resolved = str(path.resolve())
        if "microsoft" in Path("/proc/version").read_text().lower() and resolved.startswith("/mnt/"):
            return True
        best, fstype = "", ""
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 3 and resolved.startswith(parts[1].rstrip("/") + "/") and len(parts[1]) > len(best):
                best, fstype = parts[1], parts[2]
        return fstype in NETWORK_FS
    except OSError:
        return False


def start_observer(root: Path, events: queue.Queue, poll: bool):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            for attr in ("src_path", "dest_path"):
                value = getattr(event, attr, "")
                if value:
                    events.put(FileChanged(Path(os.fsdecode(value))))

    watched = root / "exercises"
    if not poll:
        try:
            observer = Observer()
            observer.schedule(Handler(), str(watched), recursive=True)
            observer.start()
            return observer, "events"
        except OSError:
            pass  # e.g. the inotify watch limit is reached: polling still works
    observer = PollingObserver(timeout=0.25)
    observer.schedule(Handler(), str(watched), recursive=True)
    observer.start()
    return observer, "polling"


class KeyReader(threading.Thread):
    ESCAPES = {"[A": "up", "[B": "down", "OA": "up", "OB": "down", "[5~": "pgup", "[6~": "pgdown"}

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
                    if seq in self.ESCAPES or (len(seq) >= 2 and seq[-1].isalpha() or seq.endswith("~")):
                        break
                self.events.put(Key(self.ESCAPES.get(seq, "esc")))
            elif ch in ("\r", "\n"):
                self.events.put(Key("enter"))
            elif ch in ("\x7f", "\x08"):
                self.events.put(Key("backspace"))
            elif ch == "\x04":
                self.events.put(Quit())
            else:
                self.events.put(Key(ch))


@contextlib.contextmanager
def terminal_mode(fd: int):
    """cbreak: single keys without Enter, no echo; Ctrl-C still interrupts. Always restored."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)

    def restore(*_):
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        sys.stdout.write("\x1b[?25h")  # cursor back on
        sys.stdout.flush()

    def on_signal(signum, frame):
        restore()
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    tty.setcbreak(fd)
    new = termios.tcgetattr(fd)
    new[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSADRAIN, new)
    try:
        yield
    finally:
        restore()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# -- the loop -------------------------------------------------------------------------------------
@dataclass
class ListView:
    cursor: int = 0
    filter: str = "all"  # all, done, pending
    search: str = ""
    typing: bool = False


@dataclass
class WatchState:
    exercise: Exercise
    result: Result | None = None
    running: bool = False
    rerun: bool = False
    generation: int = 0
    due: float | None = None  # when a debounced file change should trigger a run
    hints_shown: bool = False
    show_solution: bool = False
    confirm_reset: bool = False
    listing: ListView | None = None
    message: str = ""
    finished: bool = False
    quit: bool = False


@dataclass
class Watcher:
    ws: Workspace
    console: Console
    events: queue.Queue = field(default_factory=queue.Queue)
    manual: bool = False
    mode: str = "events"
    #: how a check is run; tests and the warm worker swap this
    grader: Callable[[Exercise], Result] | None = None

    def __post_init__(self) -> None:
        self.services = Services()

    # -- actions ---------------------------------------------------------------------------------
    def start_run(self, st: WatchState) -> None:
        if st.running:
            st.rerun = True  # the newest content is checked once this run ends
            return
        st.running, st.rerun, st.due = True, False, None
        st.generation += 1
        ex, gen = st.exercise, st.generation

        def work() -> None:
            try:
                result = self.grader(ex) if self.grader else grade(self.ws, ex, self.services)
            except Exception as exc:  # noqa: BLE001 - shown to the learner, never a crash of watch
                result = Result(Outcome.CRASHED, exercise=ex.name, detail=f"pyex could not run the check: {exc}",
                                summary="pyex could not run the check")
            self.events.put(RunDone(ex.name, result, gen))

        threading.Thread(target=work, daemon=True, name="pyex-run").start()

    def go_to(self, st: WatchState, ex: Exercise) -> None:
        st.exercise, st.result = ex, None
        st.hints_shown = st.show_solution = st.confirm_reset = False
        st.listing = None
        st.generation += 1  # a run still going for the old exercise is ignored when it ends
        st.running = False
        with self.ws.progress.update() as state:
            state.current = ex.name
        self.start_run(st)

    # -- event handling --------------------------------------------------------------------------
    def handle(self, st: WatchState, event) -> None:
        if isinstance(event, Quit):
            st.quit = True
        elif isinstance(event, FileChanged):
            if not self.manual and _same_file(event.path, st.exercise.stub):
                st.due = time.monotonic() + DEBOUNCE
        elif isinstance(event, RunDone):
            if event.generation != st.generation or event.exercise != st.exercise.name:
                return
            st.running = False
            st.result = event.result
            if event.result:
                record(self.ws, st.exercise, event.result)
                if self.ws.next_pending(st.exercise, self.ws.state()) is None:
                    st.finished = True
            if st.rerun:
                self.start_run(st)
        elif isinstance(event, Key):
            self.key(st, event.key)

    def key(self, st: WatchState, key: str) -> None:
        st.message = ""
        if st.listing is not None:
            return self.list_key(st, key)
        if st.confirm_reset:
            st.confirm_reset = False
            if key in ("y", "Y"):
                self.ws.snapshot()
                try:
                    self.ws.reset(st.exercise)
                except Exception as exc:  # noqa: BLE001 - a FatalError's sentence, on screen
                    st.message = str(exc)
                    return
                with self.ws.progress.update() as state:
                    state.done.discard(st.exercise.name)
                st.message = f"exercises/{st.exercise.path} is back to its original stub."
                self.start_run(st)
            else:
                st.message = "Reset cancelled."
            return
        state = self.ws.state()
        done = st.exercise.name in state.done
        if key == "q":
            st.quit = True
        elif key == "h":
            reveal_next(self.ws, st.exercise.name)
            st.hints_shown = True
        elif key == "r":
            self.start_run(st)
        elif key == "n":
            if done or (st.result and st.result.outcome is Outcome.PASS):
                nxt = self.ws.next_pending(st.exercise, state)
                if nxt is None:
                    st.finished = True
                    st.message = "Every exercise is done!"
                else:
                    self.go_to(st, nxt)
            else:
                st.message = "Pass this exercise first (or press l to pick another)."
        elif key == "s":
            if done:
                st.show_solution = not st.show_solution
            else:
                st.message = "The solution opens once you pass this exercise."
        elif key == "x":
            st.confirm_reset = True
        elif key == "l":
            st.listing = ListView(cursor=st.exercise.index)

    def list_key(self, st: WatchState, key: str) -> None:
        lv = st.listing
        assert lv is not None
        rows = self.list_rows(lv)
        if lv.typing:
            if key == "enter" or key == "esc":
                lv.typing = False
            elif key == "backspace":
                lv.search = lv.search[:-1]
            elif len(key) == 1 and key.isprintable():
                lv.search += key
            lv.cursor = 0
            return
        if key in ("up", "k"):
            lv.cursor = max(0, lv.cursor - 1)
        elif key in ("down", "j"):
            lv.cursor = min(len(rows) - 1, lv.cursor + 1) if rows else 0
        elif key == "pgup":
            lv.cursor = max(0, lv.cursor - 10)
        elif key == "pgdown":
            lv.cursor = min(len(rows) - 1, lv.cursor + 10) if rows else 0
        elif key in ("d", "p", "a"):
            lv.filter = {"d": "done", "p": "pending", "a": "all"}[key]
            lv.cursor = 0
        elif key == "/":
            lv.typing, lv.search = True, ""
        elif key in ("enter", "c"):
            if rows:
                self.go_to(st, rows[min(lv.cursor, len(rows) - 1)])
        elif key in ("esc", "l", "q"):
            st.listing = None

    def list_rows(self, lv: ListView) -> list[Exercise]:
        done = self.ws.state().done
        rows = []
        for ex in self.ws.curriculum:
            if lv.filter == "done" and ex.name not in done or lv.filter == "pending" and ex.name in done:
                continue
            if lv.search and lv.search.lower() not in ex.name.lower():
                continue
            rows.append(ex)
        return rows

    # -- drawing ---------------------------------------------------------------------------------
    def frame(self, st: WatchState) -> Group:
        state = self.ws.state()
        cur = self.ws.curriculum
        parts = [self.progress(state)]
        if st.listing is not None:
            parts.append(self.list_frame(st, state))
            return Group(*parts)
        ex = st.exercise
        head = Text.assemble((f"[{ex.index + 1}/{len(cur)}] ", "dim"), (ex.name, "bold"), "  ",
                             ui.file_link(ex.stub, self.ws.root))
        parts.append(head)
        summary = self.ws.summary(ex)
        if summary:
            parts.append(Text(summary, style="italic"))
        parts.append(Text(""))
        if st.result is None:
            parts.append(Text("⟳ checking…" if st.running else "Press r to check.", style="cyan"))
        else:
            parts.append(ui.verdict(st.result, ex, self.ws.root))
            if st.running:
                parts.append(Text("⟳ checking your latest save…", style="cyan"))
        if st.hints_shown:
            shown = state.hints.get(ex.name, 0)
            for i in range(shown):
                parts.append(Text.assemble((f"Hint {i + 1}/{len(ex.hints)}: ", "bold cyan"), ex.hints[i]))
            if shown == len(ex.hints):
                parts.append(Text("That is the last hint.", style="dim"))
        if st.show_solution and ex.solution.is_file():
            parts.append(Syntax(ex.solution.read_text(encoding="utf-8"), "python", line_numbers=True,
                                word_wrap=True))
        all_done = len(state.done & {e.name for e in cur}) == len(cur)
        if all_done and st.result is not None and st.result.outcome is Outcome.PASS:
            hints = sum(state.hints.get(e.name, 0) for e in cur)
            parts.append(Panel(Group(
                Text(f"Every exercise is done: {len(cur)} of {len(cur)}, with {hints} hint"
                     f"{'' if hints == 1 else 's'} along the way.", style="bold green"),
                Text(self.ws.curriculum.final_message.strip())), border_style="green", width=80))
        if st.confirm_reset:
            parts.append(Text(f"Reset exercises/{ex.path} to the original stub? Your edits are lost. [y/N]",
                              style="bold yellow"))
        if st.message:
            parts.append(Text(st.message, style="yellow"))
        parts.append(self.keys_line(st, ex.name in state.done, all_done))
        return Group(*parts)

    def progress(self, state) -> Group:
        cur = self.ws.curriculum
        done = [e for e in cur if e.name in state.done]
        levels: dict[str, list[int]] = {}
        for e in cur:
            levels.setdefault(e.level, [0, 0])
            levels[e.level][1] += 1
            levels[e.level][0] += e.name in state.done
        width = max(10, min(self.console.width, 100) - 20)
        bar = Table.grid(padding=(0, 1))
        bar.add_row(ProgressBar(total=len(cur), completed=len(done), width=width),
                    Text(f"{len(done)}/{len(cur)} done", style="bold"))
        by_level = "  ".join(f"{lvl} {d}/{t}" for lvl, (d, t) in levels.items())
        watch_mode = "manual (r to check)" if self.manual else f"watching ({self.mode})"
        return Group(bar, Text(f"{by_level}   · {watch_mode}", style="dim"))

    def keys_line(self, st: WatchState, done: bool, all_done: bool = False) -> Text:
        keys = []
        if not all_done and (done or (st.result and st.result.outcome is Outcome.PASS)):
            keys.append(("n", "next"))
        keys += [("h", "hint"), ("l", "list"), ("r", "re-run"), ("x", "reset")]
        if done:
            keys.append(("s", "solution"))
        keys.append(("q", "quit"))
        text = Text()
        for k, what in keys:
            text.append(f" {k} ", style="bold reverse")
            text.append(f" {what}  ")
        return text

    def list_frame(self, st: WatchState, state) -> Group:
        lv = st.listing
        assert lv is not None
        rows = self.list_rows(lv)
        height = max(5, self.console.height - 8)
        lv.cursor = min(lv.cursor, max(0, len(rows) - 1))
        top = max(0, min(lv.cursor - height // 2, len(rows) - height))
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim")
        table.add_column("")
        table.add_column("exercise")
        table.add_column("path", style="dim", overflow="ellipsis", no_wrap=True)
        for i, ex in enumerate(rows[top:top + height], start=top):
            mark = "[green]✓[/]" if ex.name in state.done else "·"
            style = "reverse" if i == lv.cursor else ""
            name = escape(ex.name) + (" [yellow]◀ current[/]" if ex.name == st.exercise.name else "")
            table.add_row(str(ex.index + 1), mark, name, escape(ex.path), style=style)
        search = f"  search: {lv.search}" + ("▏" if lv.typing else "") if lv.search or lv.typing else ""
        title = Text(f"Exercises — showing {lv.filter} ({len(rows)}){search}", style="bold")
        help_line = Text("↑/↓ or j/k move · Enter jump · d done · p pending · a all · / search · Esc back",
                         style="dim")
        if not rows:
            return Group(title, Text("No exercise matches.", style="yellow"), help_line)
        return Group(title, table, help_line)

    def draw(self, st: WatchState, out) -> None:
        width, height = self.console.width, self.console.height
        buf = io.StringIO()
        painter = Console(file=buf, width=width, height=height, force_terminal=True,
                          color_system=self.console.color_system or None, highlight=False,
                          legacy_windows=False)
        painter.print(self.frame(st))
        lines = buf.getvalue().rstrip("\n").split("\n")
        if len(lines) > height - 1:
            cut = len(lines) - (height - 2)
            lines = lines[: height - 2] + [f"\x1b[2m… {cut} more lines: `pyex run {st.exercise.name}` "
                                           "shows everything\x1b[0m"]
        out.write("\x1b[H\x1b[2J\x1b[3J" + "\n".join(lines) + "\n")
        out.flush()

    # -- the loop --------------------------------------------------------------------------------
    def loop(self, st: WatchState, out) -> None:
        if not self.manual:
            self.start_run(st)
        self.draw(st, out)
        while not st.quit:
            timeout = 0.5 if st.due is None else max(0.0, st.due - time.monotonic())
            try:
                event = self.events.get(timeout=timeout)
            except queue.Empty:
                event = None
            redraw = False
            while event is not None and not st.quit:
                # take whatever else is already queued before drawing once
                redraw |= not isinstance(event, FileChanged)
                self.handle(st, event)
                try:
                    event = self.events.get_nowait()
                except queue.Empty:
                    event = None
            if st.due is not None and time.monotonic() >= st.due:
                self.start_run(st)
                redraw = True
            if redraw and not st.quit:
                self.draw(st, out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def watch(ws: Workspace, console: Console, start: Exercise | None, poll: bool, manual: bool) -> None:
    state = ws.state()
    ex = start or ws.current(state)
    with ws.progress.update() as s:
        s.current = ex.name
    events: queue.Queue = queue.Queue()
    observer, mode = (None, "manual") if manual else start_observer(ws.root, events, poll or needs_polling(ws.root))
    watcher = Watcher(ws, console, events=events, manual=manual, mode=mode)
    fd = sys.stdin.fileno()
    previous_winch = signal.signal(signal.SIGWINCH, lambda *_: events.put(Resized()))
    keys = KeyReader(fd, events)
    try:
        with terminal_mode(fd):
            keys.start()
            sys.stdout.write("\x1b[?25l")  # hide the cursor while we own the screen
            watcher.loop(WatchState(exercise=ex), sys.stdout)
    finally:
        keys.stopped.set()
        signal.signal(signal.SIGWINCH, previous_winch)
        if observer is not None:
            observer.stop()
            observer.join(2)
        watcher.services.close()

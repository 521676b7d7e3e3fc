"""Rich rendering: verdicts the way a mentor would put them, lists, hints.

Text that comes from a learner or an author (output, messages, hints, names, docstrings) is only
ever shown: it goes into ``Text`` objects, never through Rich markup, and control characters in it
are made visible (``\\x1b``), so a printed escape sequence cannot clear the screen, retitle the
terminal or forge a "✓ Passed" line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pyexercise.curriculum import Exercise
from pyexercise.runner.protocol import Failure, Frame
from pyexercise.runner.result import Outcome, Result

MAX_MESSAGE_LINES = 24
MAX_OUTPUT_LINES = 12
MAX_CHARS = 4000  # of any one piece of learner text: a 5 MB message is cut by characters, not lines

TITLES = {
    Outcome.PASS: ("green", "✓ Passed"),
    Outcome.FAIL: ("red", "✗ Not yet"),
    Outcome.NOT_STARTED: ("yellow", "… Not done yet"),
    Outcome.ERROR: ("red", "✗ Your file has an error"),
    Outcome.TIMEOUT: ("magenta", "⏱ Too slow"),
    Outcome.MEMORY: ("magenta", "▲ Too much memory"),
    Outcome.PROCESSES: ("magenta", "▲ Too many processes"),
    Outcome.OUTPUT: ("magenta", "▲ Too much output"),
    Outcome.CRASHED: ("red", "☠ Crashed"),
    Outcome.TAMPERED: ("red", "⚠ Tampering detected"),
    Outcome.UNAVAILABLE: ("yellow", "⚠ Can't check yet"),
    Outcome.CANCELLED: ("dim", "· Stopped"),
}

# C0 and C1 control characters other than newline and tab, DEL, and the bidi overrides that can
# make text read differently from what it is
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def inert(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` safe to print: control characters shown as escapes, length capped."""
    if len(text) > limit:
        text = text[:limit] + f"… ({len(text) - limit} more characters)"
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def plain(text: str, style: str = "", limit: int = MAX_CHARS) -> Text:
    """Learner or author text as a Rich ``Text``: never parsed as markup."""
    return Text(inert(text, limit), style=style)


def file_link(path: Path, root: Path) -> Text:
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    return Text(inert(shown), style=f"bold link {path.resolve().as_uri()}")


def _trim(text: str, max_lines: int) -> str:
    lines = text.rstrip().splitlines()
    if len(lines) <= max_lines:
        return "\n".join(lines)
    return "\n".join(lines[:max_lines] + [f"… ({len(lines) - max_lines} more lines)"])


def _frames(frames: tuple[Frame, ...], label: str = "In your code:") -> list[RenderableType]:
    if not frames:
        return []
    out: list[RenderableType] = [Text(label, style="bold")]
    for fr in frames[-4:]:
        where = f"  line {fr.lineno}" + (f", in {fr.function}" if fr.function and fr.function != "<module>" else "")
        out.append(plain(where, "cyan"))
        if fr.line:
            out.append(plain("    " + fr.line))
    return out


def count_line(result: Result) -> str:
    return (f"{result.passed} of {result.total} check{'' if result.total == 1 else 's'} pass"
            if result.total != 1 else ("The check passes" if result.passed else "The check fails"))


def verdict(result: Result, ex: Exercise, root: Path, solution: Path | None = None, task: str = "",
            width: int = 80) -> RenderableType:
    color, title = TITLES[result.outcome]
    parts: list[RenderableType] = []
    o = result.outcome
    if o is Outcome.PASS:
        parts.append(Text(("The check passes." if result.total == 1 else f"All {result.total} checks pass.")
                          + " Well done!", style="green"))
        if solution is not None:
            parts.append(Text.assemble("The reference solution is now open to you: ", file_link(solution, root)))
    elif o is Outcome.NOT_STARTED:
        parts.append(Text.assemble("Open ", file_link(ex.stub, root),
                                   " and replace the NotImplementedError with your code."))
        if task:
            parts.append(plain(task, "dim"))
    elif o is Outcome.FAIL:
        parts.append(Text(count_line(result) + ".", style="bold"))
        if result.failures:
            parts += failure_parts(result.failures[0])
            others = [f.about or f.test for f in result.failures[1:]]
            if others:
                shown = "; ".join(others[:3]) + (f"; and {len(others) - 3} more" if len(others) > 3 else "")
                parts.append(plain(f"Also failing: {shown}", "dim"))
    elif o is Outcome.ERROR:
        parts.append(plain(_trim(result.detail, MAX_MESSAGE_LINES), "red"))
        parts += _frames(result.frames)
    else:
        detail = result.detail[:1].upper() + result.detail[1:]
        parts.append(plain(detail + ("" if detail.endswith(".") else "."), color))
        if result.running_test:
            parts.append(plain(f"It was running the check {result.running_test}.", "dim"))
        if result.failures:
            parts += failure_parts(result.failures[0])
        parts += _frames(result.frames, "Where your code was:" if o is Outcome.TIMEOUT else "In your code:")
    if result.output.strip() and o is not Outcome.PASS:
        parts.append(Text("Your code printed:", style="bold"))
        shown = _trim(result.output, MAX_OUTPUT_LINES)
        if result.output_dropped:
            shown += f"\n… ({result.output_dropped} more bytes not kept)"
        parts.append(plain(shown, "dim"))
    subtitle = Text(f"{inert(ex.name, 200)} · {result.duration:.2f}s")
    return Panel(Group(*parts), title=Text(title, style=f"bold {color}"), title_align="left",
                 subtitle=subtitle, subtitle_align="right", border_style=color, width=min(80, width))


def failure_parts(f: Failure) -> list[RenderableType]:
    parts: list[RenderableType] = []
    head = plain(f.test, "bold yellow", 300)
    if f.about:
        head.append(" — " + inert(f.about, 300), style="yellow")
    parts.append(head)
    if f.todo:
        parts.append(Text("This part still raises NotImplementedError: write it.", style="yellow"))
    else:
        message = f.message.strip()
        if f.exception and f.exception not in ("AssertionError", "Failed"):
            message = f"{f.exception}: {message}" if message else f.exception
        if message:
            parts.append(plain(_trim(message, MAX_MESSAGE_LINES)))
        elif f.check_line:
            parts.append(plain(f"failed: {f.check_line}"))
    for note in f.notes[:3]:
        parts.append(plain(_trim(note, 6), "cyan"))
    parts += _frames(f.frames)
    return parts


def status_table(rows: list[tuple[Exercise, str, bool]]) -> Text:
    """``rows``: (exercise, status mark name, is current), as aligned columns. One Text, drawn
    without wrapping: a rich Table measures every cell and costs ~2 ms a row (20 s at 10,000)."""
    marks = {"done": ("✓", "green"), "current": ("▶", "yellow"), "pending": ("·", "")}
    names = []
    for ex, _status, current in rows:
        name = plain(ex.name, limit=200)
        if current:
            name.append(" (current)", style="yellow")
        names.append(name)
    number_width = max([1, *(len(str(ex.index + 1)) for ex, _, _ in rows)])
    name_width = max([len("exercise"), *(len(n) for n in names)])
    out = Text.assemble(("#".rjust(number_width), "bold"), "     ",  # the mark's column between the gaps
                        ("exercise".ljust(name_width), "bold"), "  ", ("path", "bold"))
    for (ex, status, current), name in zip(rows, names):
        mark, style = marks["current" if current and status != "done" else status]
        out.append("\n")
        out.append(str(ex.index + 1).rjust(number_width), style="dim")
        out.append("  ")
        out.append(mark, style=style)
        out.append("  ")
        out.append_text(name)
        out.append(" " * (name_width - len(name)) + "  ")
        out.append_text(plain(f"exercises/{ex.path}", style="dim", limit=300))
    return out


def hint_line(ex: Exercise, number: int) -> Text:
    return Text.assemble((f"Hint {number}/{len(ex.hints)}", "bold cyan"), (f" ({inert(ex.name, 200)}): ", ""),
                         plain(ex.hints[number - 1]))

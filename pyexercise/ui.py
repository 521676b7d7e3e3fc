"""Rich rendering: verdicts the way a mentor would put them, lists, hints."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pyexercise.curriculum import Exercise
from pyexercise.runner.result import Frame, Outcome, Result

MAX_MESSAGE_LINES = 24
MAX_OUTPUT_LINES = 12

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
}


def file_link(path: Path, root: Path) -> Text:
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    return Text(shown, style=f"bold link file://{path.resolve()}")


def _trim(text: str, max_lines: int) -> str:
    lines = text.rstrip().splitlines()
    if len(lines) <= max_lines:
        return "\n".join(lines)
    return "\n".join(lines[:max_lines] + [f"… ({len(lines) - max_lines} more lines)"])


def _frames(frames: list[Frame], label: str = "In your code:") -> list[RenderableType]:
    if not frames:
        return []
    out: list[RenderableType] = [Text(label, style="bold")]
    for fr in frames[-4:]:
        where = f"  line {fr.lineno}" + (f", in {fr.function}" if fr.function and fr.function != "<module>" else "")
        out.append(Text(where, style="cyan"))
        if fr.line:
            out.append(Text("    " + fr.line))
    return out


def verdict(result: Result, ex: Exercise, root: Path) -> RenderableType:
    color, title = TITLES[result.outcome]
    parts: list[RenderableType] = []
    o = result.outcome
    if o is Outcome.PASS:
        parts.append(Text(("The check passes." if result.total == 1 else f"All {result.total} checks pass.")
                          + " Well done!", style="green"))
        parts.append(Text.assemble("The reference solution is now open to you: ",
                                   file_link(ex.solution, root)))
    elif o is Outcome.NOT_STARTED:
        parts.append(Text.assemble("Open ", file_link(ex.stub, root),
                                   " and replace the NotImplementedError with your code."))
        if ex.summary:
            parts.append(Text(ex.summary, style="dim"))
    elif o in (Outcome.FAIL,):
        failed = result.total - result.passed
        parts.append(Text(f"{result.passed} of {result.total} checks pass; {failed} fail"
                          + (". The first:" if result.failures else "."), style="bold"))
        if result.failures:
            parts += failure_parts(result.failures[0])
            others = [f.about or f.test for f in result.failures[1:]]
            if others:
                shown = "; ".join(others[:3]) + (f"; and {len(others) - 3} more" if len(others) > 3 else "")
                parts.append(Text(f"Also failing: {shown}", style="dim"))
    elif o is Outcome.ERROR:
        parts.append(Text(_trim(result.detail, MAX_MESSAGE_LINES), style="red"))
        parts += _frames(result.frames)
    else:
        parts.append(Text(result.detail[:1].upper() + result.detail[1:] + ".", style=color))
        if result.running_test:
            parts.append(Text(f"It was running the check {result.running_test}.", style="dim"))
        if result.failures:
            parts += failure_parts(result.failures[0])
        parts += _frames(result.frames)
    if result.output.strip() and o is not Outcome.PASS:
        parts.append(Text("Your code printed:", style="bold"))
        shown = _trim(result.output, MAX_OUTPUT_LINES)
        if result.output_dropped:
            shown += f"\n… ({result.output_dropped} more bytes not kept)"
        parts.append(Text(shown, style="dim"))
    subtitle = f"{ex.name} · {result.duration:.2f}s"
    return Panel(Group(*parts), title=f"[bold {color}]{title}[/]", title_align="left",
                 subtitle=subtitle, subtitle_align="right", border_style=color, width=min(100, 80))


def failure_parts(f) -> list[RenderableType]:
    parts: list[RenderableType] = []
    head = Text(f.test, style="bold yellow")
    if f.about:
        head.append(f" — {f.about}", style="yellow")
    parts.append(head)
    if f.todo:
        parts.append(Text("This part still raises NotImplementedError: write it.", style="yellow"))
    else:
        message = f.message.strip()
        if f.exception and f.exception != "AssertionError":
            message = f"{f.exception}: {message}" if message else f.exception
        if message:
            parts.append(Text(_trim(message, MAX_MESSAGE_LINES)))
        elif f.check_line:
            parts.append(Text(f"failed: {f.check_line}"))
    for note in f.notes[:3]:
        parts.append(Text(_trim(note, 6), style="cyan"))
    parts += _frames(f.frames)
    return parts


def status_table(rows: list[tuple[Exercise, bool, bool]]) -> Table:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("#", justify="right", style="dim")
    table.add_column("")
    table.add_column("exercise")
    table.add_column("path", style="dim")
    for ex, done, current in rows:
        mark = "[green]✓[/]" if done else ("[yellow]▶[/]" if current else "·")
        table.add_row(str(ex.index + 1), mark, escape(ex.name) + (" [yellow](current)[/]" if current else ""),
                      escape(f"exercises/{ex.path}"))
    return table

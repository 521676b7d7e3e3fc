"""Drawing a watch frame: the header and the key legend pinned, the middle trimmed to fit.

``frame(...)`` returns the lines to show (ANSI-styled, each at most ``width`` cells), so a frame
at any terminal size is a pure function of the state, the facts and the size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from pyexercise import ui
from pyexercise.curriculum import Exercise
from pyexercise.runner.result import Outcome
from pyexercise.watch.machine import Facts, State, can_move_on, list_rows, was_done_now_failing

KEYS_HELP = [
    ("n", "next exercise (once this one passes)"),
    ("h", "a hint: the one about the failing check first, else the next"),
    ("l", "the list of exercises: ↑/↓ or j/k move, / search, d done, p pending, a all, Enter jump, Esc back"),
    ("r", "check again now"),
    ("x", "reset the exercise to its original stub (asks first)"),
    ("s", "show the reference solution (once you have passed)"),
    ("t", "the whole task, page by page"),
    ("↑/↓", "scroll when the screen is too small"),
    ("?", "this help"),
    ("q", "quit (Ctrl-C and Ctrl-D too): your progress is saved"),
]


@dataclass
class View:
    """What the loop knows besides the state: paths and texts that take I/O to get."""

    root: object  # the workspace root (Path)
    mode: str  # "events", "polling", "manual"
    task: str = ""  # the whole task, from the shipped stub
    summary: str = ""  # its first paragraph
    solution_text: str = ""
    solution_path: object = None
    final_message: str = ""
    extra: str = ""  # what the course adds to the header (a countdown)


def _paint(renderable: RenderableType, width: int, color: bool) -> list[str]:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False, legacy_windows=False, no_color=not color)
    console.print(renderable, crop=True)
    return buf.getvalue().rstrip("\n").split("\n")


def header(st: State, facts: Facts, view: View, width: int) -> Group:
    cur = facts.curriculum
    done = sum(1 for e in cur if e.name in facts.done)
    bar = Table.grid(padding=(0, 1))
    bar.add_row(ProgressBar(total=len(cur), completed=done, width=max(5, min(width, 100) - 14)),
                Text(f"{done}/{len(cur)} done", style="bold"))
    levels: dict[str, list[int]] = {}
    for e in cur:
        counts = levels.setdefault(e.level, [0, 0])
        counts[1] += 1
        counts[0] += e.name in facts.done
    mode = "manual (r to check)" if view.mode == "manual" else f"watching ({view.mode})"
    info = Text("  ".join(f"{lvl} {d}/{t}" for lvl, (d, t) in levels.items()) + f"   · {mode}", style="dim",
                overflow="ellipsis", no_wrap=True)
    parts: list[RenderableType] = [bar, info]
    if view.extra:
        parts.append(ui.plain(view.extra, "bold magenta", 200))
    if st.view != "list":
        ex = cur.get(st.exercise)
        line = Text.assemble((f"[{ex.index + 1}/{len(cur)}] ", "dim"), ui.plain(ex.name, "bold", 200),
                             no_wrap=True, overflow="ellipsis")
        # before the path, which is what the ellipsis may cut on a narrow terminal
        if was_done_now_failing(st, facts):
            line.append("  was done, now failing", style="bold red")
        line.append("  ")
        line.append_text(ui.file_link(ex.stub, view.root))
        parts.append(line)
    return Group(*parts)


def legend(st: State, facts: Facts, width: int) -> list[Text]:
    if st.view == "list":
        keys = [("↑↓", "move"), ("Enter", "jump"), ("/", "search"), ("d/p/a", "filter"), ("Esc", "back")]
    elif st.view in ("help", "task"):
        keys = [("↑↓", "page"), ("any key", "back")]
    elif st.view == "confirm_reset":
        keys = [("y", "reset"), ("any key", "cancel")]
    else:
        keys = []
        if facts.practice:
            keys.append(("n", "next one"))
        elif can_move_on(st, facts) and not st.finished:
            keys.append(("n", "next"))
        keys += [("h", "hint"), ("l", "list"), ("r", "re-run"), ("x", "reset")]
        if can_move_on(st, facts) and not facts.solutions_locked:
            keys.append(("s", "solution"))
        keys += [("t", "task"), ("?", "help"), ("q", "quit")]
    lines: list[Text] = [Text()]
    for k, what in keys:
        item = Text.assemble((f" {k} ", "bold reverse"), f" {what} ")
        if lines[-1].cell_len and lines[-1].cell_len + item.cell_len > width:
            lines.append(Text())
        lines[-1].append_text(item)
    return lines


def running_line(st: State, facts: Facts, now: float) -> Text:
    ex = facts.curriculum.get(st.exercise)
    if st.run_started is None:
        return Text("⟳ checking… (starting)", style="cyan")
    return Text(f"⟳ checking… {now - st.run_started:.1f} s of your code's {ex.limits.time:g} s", style="cyan")


def middle(st: State, facts: Facts, view: View, width: int, now: float) -> list[RenderableType]:
    ex = facts.curriculum.get(st.exercise)
    if st.view == "help":
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for k, what in KEYS_HELP:
            table.add_row(k, what)
        return [Text("Keys (single presses, no Enter):", style="bold"), table]
    if st.view == "task":
        return [Text(f"The task — exercises/{ui.inert(ex.path)}", style="bold"), ui.plain(view.task or view.summary)]
    parts: list[RenderableType] = []
    if view.summary:
        parts.append(ui.plain(view.summary, "italic"))
    parts.append(Text(""))
    if st.result is None or st.result.outcome is Outcome.CANCELLED:
        parts.append(running_line(st, facts, now) if st.running else Text("Press r to check.", style="cyan"))
    else:
        parts.append(ui.verdict(st.result, ex, view.root, solution=view.solution_path,
                                task="" if view.summary else view.task, width=width))
        if st.running:
            parts.append(running_line(st, facts, now).append("  (your latest save)"))
    if st.hints_shown:
        shown = facts.hints.get(ex.name, ())
        for number in sorted(shown):
            line = Text.assemble((f"Hint {number}/{len(ex.hints)}: ", "bold cyan"), ui.plain(ex.hints[number - 1]))
            parts.append(line)
        if st.hint_about:
            parts.append(ui.plain(f"(the last hint is about the failing check {st.hint_about})", "dim"))
        if len(shown) == len(ex.hints):
            parts.append(Text("That is the last hint.", style="dim"))
    if st.show_solution and view.solution_text:
        from rich.syntax import Syntax  # pygments: only when a solution is shown

        parts.append(Syntax(view.solution_text, "python", line_numbers=True, word_wrap=True))
    if st.finished and st.result is not None and st.result.outcome is Outcome.PASS:
        cur = facts.curriculum
        hints = sum(len(facts.hints.get(e.name, ())) for e in cur)
        parts.append(Panel(Group(
            Text(f"Every exercise is done: {len(cur)} of {len(cur)}, with {hints} hint{'' if hints == 1 else 's'} "
                 "along the way.", style="bold green"),
            ui.plain(view.final_message.strip())), border_style="green", width=min(80, width)))
    if st.view == "confirm_reset":
        parts.append(Text(f"Reset exercises/{ui.inert(ex.path)} to the original stub? Your edits are lost. [y/N]",
                          style="bold yellow"))
    if st.message:
        parts.append(ui.plain(st.message, "yellow"))
    return parts


def list_lines(st: State, facts: Facts, width: int, height: int) -> list[RenderableType]:
    lv = st.listing
    rows = list_rows(facts, lv)
    cursor = min(lv.cursor, max(0, len(rows) - 1))
    top = max(0, min(cursor - height // 2, len(rows) - height))
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, width=width)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("", no_wrap=True, width=1)
    table.add_column("exercise", no_wrap=True, overflow="ellipsis", min_width=min(24, width - 8), ratio=2)
    if width >= 70:
        table.add_column("path", style="dim", overflow="ellipsis", no_wrap=True, ratio=3)
    for i, ex in enumerate(rows[top:top + height], start=top):
        mark = Text("✓", style="green") if ex.name in facts.done else Text("·")
        name = ui.plain(ex.name, limit=200)
        if ex.name == st.exercise:
            name.append(" ◀", style="yellow")
        cells = [str(ex.index + 1), mark, name] + ([ui.plain(ex.path, limit=300)] if width >= 70 else [])
        table.add_row(*cells, style="reverse" if i == cursor else "")
    search = ""
    if lv.search or lv.searching:
        search = f"  search: {ui.inert(lv.search, 100)}" + ("▏" if lv.searching else "")
    title = Text(f"Exercises — showing {lv.filter} ({len(rows)}){search}", style="bold", no_wrap=True, overflow="ellipsis")
    if not rows:
        return [title, Text("No exercise matches.", style="yellow")]
    return [title, table]


def frame(st: State, facts: Facts, view: View, width: int, height: int, now: float, color: bool = True,
          scroll: int = 0) -> list[str]:
    """The whole screen: header and legend pinned, the middle cut to fit."""
    width = max(20, width)
    top = _paint(header(st, facts, view, width), width, color)
    bottom = [line for text in legend(st, facts, width) for line in _paint(text, width, color)]
    room = max(1, height - len(top) - len(bottom) - 1)
    if st.view == "list":
        body = _paint(Group(*list_lines(st, facts, width, max(1, room - 2))), width, color)
    else:
        body = _paint(Group(*middle(st, facts, view, width, now)), width, color)
        if st.view in ("help", "task"):
            scroll = st.page * max(1, room - 1)
        elif st.page:
            scroll = st.page * max(1, room - 1)
    if len(body) > room:
        start = min(scroll, max(0, len(body) - room + 1))
        shown = body[start:start + room - 1]
        more = len(body) - start - len(shown)
        note = f"… {more} more lines (↓ scrolls" + (", t shows the task" if st.view == "main" else "") + ")"
        if more <= 0:
            note = "… end (↑ scrolls back)"
        shown.append(_paint(Text(note[:width], style="dim", no_wrap=True, overflow="crop"), width, color)[0])
        body = shown
    return top + body + bottom

"""The command line: Typer options and help only. Each verb lives in pyexercise/commands/."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Callable, List, Optional

import typer
from typer.core import TyperArgument
from rich.text import Text

from pyexercise import __version__
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError

# Typer labels every argument with its Python type in help ("EXERCISE <str>"): the metavar says it all
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    add_completion=True,
    no_args_is_help=False,
    rich_markup_mode=None,  # plain help: quick to start, and no markup in anyone's text
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="pyex: practise Python interview skills. Edit the stubs in exercises/; pyex grades them.",
)
dev_app = typer.Typer(help="Author tools: scaffold, validate and mutation-test exercises.", no_args_is_help=True,
                      rich_markup_mode=None)
app.add_typer(dev_app, name="dev")


class TextOrJson(str, enum.Enum):
    text = "text"
    json = "json"


class CiSystem(str, enum.Enum):
    github = "github"


class ReportFormat(str, enum.Enum):
    text = "text"
    json = "json"
    junit = "junit"
    exercism = "exercism"
    github = "github"


def _env(ctx: typer.Context) -> Environment:
    root = ctx.find_root().obj
    return root if isinstance(root, Environment) else Environment()


def dispatch(fn: Callable[..., ExitCode], ctx: typer.Context, *args, **kwargs) -> None:
    """The one place a FatalError becomes a message and an exit code."""
    from pyexercise.ui import inert

    env = _env(ctx)
    try:
        code = fn(env, *args, **kwargs)
    except FatalError as exc:
        env.stderr.print(Text.assemble(("pyex:", "bold red"), " ", inert(str(exc))), soft_wrap=True)
        raise typer.Exit(int(exc.code)) from None
    except KeyboardInterrupt:
        env.stderr.print(Text("\nInterrupted: your progress is saved."))
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except typer.Exit:
        raise
    except BaseException as exc:
        from pyexercise.session import Terminated

        if isinstance(exc, Terminated):
            raise typer.Exit(128 + exc.signum) from None
        if not isinstance(exc, Exception) or os.environ.get("PYEX_DEBUG"):
            raise
        where = crash_log(exc)
        env.stderr.print(Text.assemble(("pyex:", "bold red"), f" an internal error ({type(exc).__name__}: "
                                       f"{inert(str(exc), 300)}). This is a bug in pyex, not in your code: the details "
                                       f"are in {where}. Your progress is saved."), soft_wrap=True)
        raise typer.Exit(int(ExitCode.INTERNAL)) from None
    raise typer.Exit(int(code))


def crash_log(exc: BaseException) -> str:
    """Keep the traceback of a bug in pyex where a report can quote it, not on the learner's screen."""
    import tempfile
    import time
    import traceback

    text = "".join(traceback.format_exception(exc))
    try:
        fd, path = tempfile.mkstemp(prefix=f"pyex-crash-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".log")
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        return path
    except OSError:
        return "(no log: the temp folder is not writable; run again with PYEX_DEBUG=1 to see them)"


def complete_exercise(incomplete: str) -> list[str]:
    """Shell completion of exercise names, from the workspace around the current directory."""
    try:
        from pyexercise.workspace import Workspace

        return [ex.name for ex in Workspace(Environment()).curriculum if ex.name.startswith(incomplete)]
    except (FatalError, OSError):
        return []


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pyex {__version__}")
        raise typer.Exit()


EXERCISE = "EXERCISE"
NAME_HELP = "The exercise, by name or by the path of its stub (default: the current one)."


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    root_dir: Optional[Path] = typer.Option(None, "--root", metavar="DIR", help="The workspace (default: the nearest "
                                            "folder with a pyex.toml or info.toml, from here up)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    ctx.obj = Environment(root_override=root_dir)
    if ctx.invoked_subcommand is None:
        if ctx.obj.interactive:
            from pyexercise.commands.watch import watch as cmd

            dispatch(cmd, ctx, None)
        typer.echo(ctx.get_help())


@app.command()
def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(Path("pyex-exercises"), metavar="[DIR]",
                                     help="Where to make the workspace (default: ./pyex-exercises)."),
    no_git: bool = typer.Option(False, "--no-git", help="Don't make it a git repository."),
    ci: Optional[CiSystem] = typer.Option(None, "--ci", help="Also write a CI workflow that grades every push."),
) -> None:
    """Make a workspace of exercises to solve: the stubs, a pyex.toml, a .gitignore."""
    from pyexercise.commands.init import init as cmd

    dispatch(cmd, ctx, directory, git=not no_git, ci=ci.value if ci else None)


@app.command()
def update(ctx: typer.Context) -> None:
    """After upgrading pyex: bring in new and changed exercises, keeping your work and progress."""
    from pyexercise.commands.update import update as cmd

    dispatch(cmd, ctx)


@app.command("run")
def run_cmd(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, metavar=EXERCISE, help=NAME_HELP,
                                         autocompletion=complete_exercise),
    solutions: bool = typer.Option(False, "--solution", help="Grade the reference solution instead."),
) -> None:
    """Check one exercise. Exit 0 when it passes; a pass marks it done."""
    from pyexercise.commands.run import run_exercise as cmd

    dispatch(cmd, ctx, name, solutions=solutions)


@app.command("hint")
def hint_cmd(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, metavar=EXERCISE, help=NAME_HELP,
                                         autocompletion=complete_exercise),
    show_all: bool = typer.Option(False, "--all", help="Show the hints revealed so far, without a new one."),
) -> None:
    """Reveal the next hint, from a nudge to nearly the answer."""
    from pyexercise.commands.hint import hint as cmd

    dispatch(cmd, ctx, name, show_all=show_all)


@app.command("list")
def list_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print {\"exercises\": [...]} as JSON."),
) -> None:
    """Every exercise in order, with its status."""
    from pyexercise.commands.list_ import list_exercises as cmd

    dispatch(cmd, ctx, as_json=as_json)


@app.command("verify")
def verify_cmd(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, metavar=EXERCISE,
                                                help="Exercises to check (default: all).",
                                                autocompletion=complete_exercise),
    solutions: bool = typer.Option(False, "--solutions", help="Grade the reference solutions instead."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, metavar="N", help="Checks at once "
                                       "(default: the number of cores)."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", help="What to print: text, or one of the formats "
                                     "CI reads (json: docs/results.md)."),
    outputs: Optional[List[str]] = typer.Option(None, "--output", metavar="[FORMAT:]FILE", help="Also write a "
                                                "format to FILE (repeatable): .xml is junit, .json json, .md a "
                                                "Markdown summary, DIR/ a folder of Exercism results."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0.0, max=1.0, metavar="RATIO",
                                              help="Pass (exit 0) at this share of the points (default: 1, all)."),
) -> None:
    """Check all (or the named) exercises in parallel, headless. Exit 0 iff the score is reached."""
    from pyexercise.commands.verify import verify as cmd

    dispatch(cmd, ctx, names or [], solutions=solutions, jobs=jobs, fmt=fmt.value, outputs=outputs or [],
             min_score=min_score)


@app.command("reset")
def reset_cmd(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, metavar=EXERCISE, help=NAME_HELP,
                                         autocompletion=complete_exercise),
) -> None:
    """Restore an exercise's original stub and mark it pending."""
    from pyexercise.commands.reset import reset as cmd

    dispatch(cmd, ctx, name)


@app.command("watch")
def watch_cmd(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, metavar=EXERCISE, help="Start at this exercise (default: "
                                         "the current one).", autocompletion=complete_exercise),
    poll: bool = typer.Option(False, "--poll", help="Poll for changes (WSL /mnt, network drives, containers)."),
    manual: bool = typer.Option(False, "--manual", help="Check only when you press r."),
) -> None:
    """Re-check the current exercise on every save. Press ? for the keys."""
    from pyexercise.commands.watch import watch as cmd

    dispatch(cmd, ctx, name, poll=poll, manual=manual)


@app.command("interview")
def interview_cmd(
    ctx: typer.Context,
    level: Optional[str] = typer.Option(None, "--level", metavar="LEVEL", help="junior, mid or senior (default: any)."),
    topic: Optional[str] = typer.Option(None, "--topic", metavar="TOPIC", help="core, dsa, files, ... (default: any)."),
    count: int = typer.Option(3, "--count", min=1, metavar="N", help="How many exercises."),
    minutes: float = typer.Option(45, "--minutes", min=0.05, metavar="M", help="The time you have, in minutes."),
    history: bool = typer.Option(False, "--history", help="List the interviews so far, with trends."),
    seed: Optional[int] = typer.Option(None, "--seed", hidden=True),
) -> None:
    """A mock interview: N exercises (ones you have not done first) against the clock, then a report."""
    from pyexercise.commands.interview import interview as cmd

    dispatch(cmd, ctx, level=level, topic=topic, count=count, minutes=minutes, history=history, seed=seed)


@app.command("review")
def review_cmd(
    ctx: typer.Context,
    count: Optional[int] = typer.Option(None, "--count", min=1, metavar="N", help="At most N of the due ones."),
) -> None:
    """Spaced review: re-solve from fresh stubs the done exercises that are due again."""
    from pyexercise.commands.review import review as cmd

    dispatch(cmd, ctx, count=count)


@dev_app.command("new")
def dev_new(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The new exercise's name (a lower_case slug)."),
    level: str = typer.Option("junior", "--level", metavar="LEVEL", help="Folder level: junior, mid, senior, ..."),
    topic: str = typer.Option("core", "--topic", metavar="TOPIC", help="Folder topic: core, dsa, files, ..."),
) -> None:
    """Scaffold a stub, a solution and a check, and append an info.toml entry."""
    from pyexercise.commands.dev_new import new as cmd

    dispatch(cmd, ctx, name, level=level, topic=topic)


@dev_app.command("check")
def dev_check(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, metavar=EXERCISE,
                                                help="Exercises to check (default: all).",
                                                autocompletion=complete_exercise),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, metavar="N", help="Checks at once "
                                       "(default: the number of cores)."),
) -> None:
    """Validate the curriculum: files, orphans, stubs fail as not done, solutions pass 3 times."""
    from pyexercise.commands.dev_check import check as cmd

    dispatch(cmd, ctx, names or [], jobs=jobs)


@dev_app.command("mutants")
def dev_mutants(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, metavar=EXERCISE,
                                                help="Exercises to mutate (default: all).",
                                                autocompletion=complete_exercise),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, metavar="N", help="Checks at once "
                                       "(default: the number of cores)."),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", help="How to report."),
    minimum: float = typer.Option(0.8, "--min", min=0.0, max=1.0, metavar="RATIO",
                                  help="The kill ratio each check must reach."),
    record: bool = typer.Option(False, "--record", help="Write the results to mutation-record.json."),
    check_record: bool = typer.Option(False, "--check-record", help="Use mutation-record.json: re-run only what "
                                      "changed, and fail if the record is stale (what CI runs)."),
    sample: int = typer.Option(0, "--sample", min=0, metavar="N", help="With --check-record: also re-run N "
                               "exercises whose record is fresh, and fail if they disagree with it."),
) -> None:
    """Plant small bugs in each reference solution and report which ones its check misses."""
    from pyexercise.commands.dev_mutants import mutate as cmd

    dispatch(cmd, ctx, names or [], jobs=jobs, fmt=fmt.value, minimum=minimum, record=record,
             check_record=check_record, sample=sample)


def main(argv: list[str] | None = None) -> int:
    try:
        app(args=argv, prog_name="pyex")
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0

"""The command line: Typer options and help only. Each verb lives in pyexercise/commands/."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional

import typer

from pyexercise import __version__
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="pyex: practise Python interview skills. Edit the stubs in exercises/; pyex grades them.",
)
dev_app = typer.Typer(help="Author tools: scaffold, validate and mutation-test exercises.",
                      no_args_is_help=True)
app.add_typer(dev_app, name="dev")


def _env(ctx: typer.Context) -> Environment:
    root = ctx.find_root().obj
    return root if isinstance(root, Environment) else Environment()


def dispatch(fn: Callable[..., ExitCode], ctx: typer.Context, *args, **kwargs) -> None:
    """The one place a FatalError becomes a message and an exit code."""
    env = _env(ctx)
    try:
        code = fn(env, *args, **kwargs)
    except FatalError as exc:
        env.stderr.print(f"[bold red]pyex:[/] {exc}", soft_wrap=True, markup=True, highlight=False)
        raise typer.Exit(int(exc.code)) from None
    except KeyboardInterrupt:
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    raise typer.Exit(int(code))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pyex {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    root_dir: Optional[Path] = typer.Option(None, "--root", help="The workspace (default: the nearest folder "
                                            "with an info.toml, from here up)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    ctx.obj = Environment(root_override=root_dir)
    if ctx.invoked_subcommand is None:
        if ctx.obj.interactive:
            from pyexercise.commands.watch import watch as cmd

            dispatch(cmd, ctx, None)
        typer.echo(ctx.get_help())


@app.command()
def run(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, help="The exercise (default: the current one)."),
    solutions: bool = typer.Option(False, "--solution", help="Grade the reference solution instead."),
) -> None:
    """Check one exercise. Exit 0 when it passes; a pass marks it done."""
    from pyexercise.commands.run import run as cmd

    dispatch(cmd, ctx, name, solutions=solutions)


@app.command()
def hint(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, help="The exercise (default: the current one)."),
    show_all: bool = typer.Option(False, "--all", help="Show the hints revealed so far, without a new one."),
) -> None:
    """Reveal the next hint, from a nudge to nearly the answer."""
    from pyexercise.commands.hint import hint as cmd

    dispatch(cmd, ctx, name, show_all=show_all)


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print {\"exercises\": [...]} as JSON."),
) -> None:
    """Every exercise in order, with its status."""
    from pyexercise.commands.list_ import list_exercises as cmd

    dispatch(cmd, ctx, as_json=as_json)


@app.command()
def verify(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, help="Exercises to check (default: all)."),
    solutions: bool = typer.Option(False, "--solutions", help="Grade the reference solutions instead."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="Checks at once (default: cores)."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Check all (or the named) exercises in parallel, headless. Exit 0 iff all pass."""
    from pyexercise.commands.verify import verify as cmd

    dispatch(cmd, ctx, names or [], solutions=solutions, jobs=jobs, fmt=fmt)


@app.command()
def reset(ctx: typer.Context, name: str = typer.Argument(..., help="The exercise to restore.")) -> None:
    """Restore an exercise's original stub and mark it pending."""
    from pyexercise.commands.reset import reset as cmd

    dispatch(cmd, ctx, name)


@app.command()
def watch(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, help="Start at this exercise (default: the current one)."),
    poll: bool = typer.Option(False, "--poll", help="Poll for changes (WSL /mnt, network drives, containers)."),
    manual: bool = typer.Option(False, "--manual", help="Check only when you press r."),
) -> None:
    """Re-check the current exercise on every save. Keys: n h l r x s q."""
    from pyexercise.commands.watch import watch as cmd

    dispatch(cmd, ctx, name, poll=poll, manual=manual)


@dev_app.command("new")
def dev_new(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The new exercise's name (a lower_case slug)."),
    level: str = typer.Option("junior", "--level", help="Folder level: junior, mid, senior, ..."),
    topic: str = typer.Option("core", "--topic", help="Folder topic: core, dsa, files, ..."),
) -> None:
    """Scaffold a stub, a solution and a check, and append an info.toml entry."""
    from pyexercise.commands.dev import new as cmd

    dispatch(cmd, ctx, name, level=level, topic=topic)


@dev_app.command("check")
def dev_check(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, help="Exercises to check (default: all)."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="Checks at once (default: cores)."),
) -> None:
    """Validate the curriculum: files, orphans, stubs fail as not done, solutions pass 3 times."""
    from pyexercise.commands.dev import check as cmd

    dispatch(cmd, ctx, names or [], jobs=jobs)


@dev_app.command("mutants")
def dev_mutants(
    ctx: typer.Context,
    names: Optional[List[str]] = typer.Argument(None, help="Exercises to mutate (default: all)."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="Checks at once (default: cores)."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
    minimum: float = typer.Option(0.8, "--min", min=0.0, max=1.0, help="The kill ratio each check must reach."),
) -> None:
    """Plant small bugs in each reference solution and report which ones its check misses."""
    from pyexercise.commands.dev import mutate as cmd

    dispatch(cmd, ctx, names or [], jobs=jobs, fmt=fmt, minimum=minimum)


def main(argv: list[str] | None = None) -> int:
    try:
        app(args=argv, prog_name="pyex")
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0



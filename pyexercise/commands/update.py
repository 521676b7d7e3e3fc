"""`pyex update`: after upgrading pyex, bring a workspace up to the curriculum it now carries.

New exercises appear; a stub the learner never touched is refreshed when the curriculum changed it;
a file the learner edited is never overwritten (the new stub is put beside it as ``NAME.py.new``);
an exercise that was renamed keeps its file and its progress (the curriculum's ``aliases``).
"""

from __future__ import annotations

from rich.text import Text

from pyexercise.commands.init import digest, write_config
from pyexercise.env import Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.guard import replace_file
from pyexercise.ui import inert
from pyexercise.workspace import Workspace, read_config


def update(env: Environment) -> ExitCode:
    ws = Workspace(env)
    if not ws.installed:
        raise FatalError("pyex update is for workspaces `pyex init` made; in a clone, `git pull` brings the new "
                         "curriculum.")
    config = read_config(ws.root)
    shipped: dict[str, str] = dict(config.get("stubs", {}))
    cur = ws.curriculum
    by_old_path = {}
    for ex in cur:
        for alias in ex.aliases:
            by_old_path[alias] = ex
    lines: list[str] = []
    stubs: dict[str, str] = {}
    try:
        for ex in cur:
            new = ex.shipped_stub.read_bytes()
            stubs[ex.path] = digest(new)
            if not ex.stub.exists():
                moved = _moved(ws, ex, shipped)
                if moved:
                    lines.append(moved)
                    stubs[ex.path] = shipped.pop(f"renamed:{ex.name}", stubs[ex.path])
                    continue
                ex.stub.parent.mkdir(parents=True, exist_ok=True)
                replace_file(ex.stub, new)
                lines.append(f"new: exercises/{ex.path}")
                continue
            current = ex.stub.read_bytes()
            if digest(current) == stubs[ex.path]:
                continue  # already the shipped stub
            if shipped.get(ex.path) == digest(current):  # untouched since shipped: refresh it
                replace_file(ex.stub, new)
                lines.append(f"updated: exercises/{ex.path} (you had not changed it)")
            else:
                beside = ex.stub.with_name(ex.stub.name + ".new")
                if shipped.get(ex.path) != stubs[ex.path] and (not beside.exists() or beside.read_bytes() != new):
                    replace_file(beside, new)
                    lines.append(f"changed upstream: exercises/{ex.path} keeps your edits; the new stub is beside it "
                                 f"as {beside.name}")
                stubs[ex.path] = shipped.get(ex.path, stubs[ex.path])  # still the learner's, from the old stub
        with ws.progress.update(cur) as state:  # progress under old names now counts for the new ones
            state.rename(cur)
        write_config(ws.root, stubs)
    except OSError as exc:
        raise FatalError(f"Cannot update the workspace: {exc.strerror or exc}. Your files and progress are as they "
                         "were, except what is listed above.") from None
    for line in lines:
        env.stdout.print(Text(inert(line)), soft_wrap=True)
    env.stdout.print(Text(f"{len(lines)} change(s); your progress is kept." if lines else
                          "Already up to date; your progress is kept."), soft_wrap=True)
    return ExitCode.OK


def _moved(ws: Workspace, ex, shipped: dict[str, str]) -> str:
    """An exercise renamed upstream: the learner's file under its old path moves to the new one."""
    for old_path in list(shipped):
        stem = old_path.rsplit("/", 1)[-1].removesuffix(".py")
        if stem in ex.aliases and (ws.root / "exercises" / old_path).is_file() and old_path != ex.path:
            old = ws.root / "exercises" / old_path
            ex.stub.parent.mkdir(parents=True, exist_ok=True)
            old.rename(ex.stub)
            shipped[f"renamed:{ex.name}"] = shipped.pop(old_path)
            return f"renamed: exercises/{old_path} -> exercises/{ex.path} (your file and progress moved with it)"
    return ""

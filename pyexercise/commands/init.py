"""`pyex init [DIR]`: a learner's workspace from the curriculum this pyex carries.

The workspace holds the stubs, a ``pyex.toml`` naming the curriculum and what each stub was when
shipped (so ``pyex update`` can tell the learner's edits from the curriculum's), and a .gitignore
for pyex's own state. Checks and solutions stay inside the installed package; a solution is copied
in once its exercise passes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from rich.text import Text

from pyexercise import __version__
from pyexercise import curriculum as curriculum_mod
from pyexercise.env import CONFIG_FILE, INFO_FILE, Environment
from pyexercise.errors import ExitCode, FatalError
from pyexercise.guard import replace_file
from pyexercise.ui import inert
from pyexercise.workspace import packaged_curriculum

GITIGNORE = "# pyex's own state: progress, hints, interview history; practice/ holds interview runs\n.pyex/\npractice/\n"
WORKFLOW = Path(".github") / "workflows" / "pyex.yml"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_config(root: Path, stubs: dict[str, str]) -> None:
    lines = ["# A pyex workspace: run `pyex watch` here. Made by `pyex init`; after upgrading pyex, `pyex update`.",
             "format_version = 1", f'curriculum = "pyexercise {__version__}"', "",
             "# what each stub was when pyex shipped it: `pyex update` never overwrites a file you changed",
             "[stubs]"]
    lines += [f'"{path}" = "{value}"' for path, value in sorted(stubs.items())]
    replace_file(root / CONFIG_FILE, ("\n".join(lines) + "\n").encode())


def inside_git(path: Path) -> bool:
    try:
        return subprocess.run(["git", "-C", str(path), "rev-parse", "--is-inside-work-tree"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def init(env: Environment, directory: Path, git: bool = True, ci: str | None = None) -> ExitCode:
    root = (env.cwd / directory).resolve() if not directory.is_absolute() else directory
    source = packaged_curriculum()
    if source is None:
        raise FatalError("This pyex carries no curriculum (a build without package data?): reinstall it with "
                         "`pip install pyexercise`.")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        if (root / CONFIG_FILE).is_file() or (root / INFO_FILE).is_file():
            raise FatalError(f"{inert(str(root))} is already a pyex workspace: `cd {inert(str(directory))} && pyex "
                             "watch` to carry on there.")
        raise FatalError(f"{inert(str(root))} is not empty: `pyex init` only fills a new folder (pyex init "
                         "ANOTHER_NAME).")
    cur = curriculum_mod.load(source, workspace=root)
    stubs: dict[str, str] = {}
    try:
        for ex in cur:
            data = ex.shipped_stub.read_bytes()
            ex.stub.parent.mkdir(parents=True, exist_ok=True)
            ex.stub.write_bytes(data)
            stubs[ex.path] = digest(data)
        write_config(root, stubs)
        (root / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        if ci == "github":
            from pyexercise.commands.ci import github_workflow

            (root / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
            (root / WORKFLOW).write_text(github_workflow(), encoding="utf-8")
    except OSError as exc:
        raise FatalError(f"Cannot make the workspace in {inert(str(root))}: {exc.strerror or exc}.") from None
    made_repo = False
    if git and shutil.which("git") and not inside_git(root):
        made_repo = subprocess.run(["git", "init", "-q", str(root)], capture_output=True, timeout=30).returncode == 0
    env.stdout.print(Text(f"Made a pyex workspace in {inert(str(root))}: {len(cur)} exercises"
                          + (", a git repository" if made_repo else "") + "."), soft_wrap=True)
    if ci == "github":
        env.stdout.print(Text(f"CI: {WORKFLOW.as_posix()} runs `pyex verify` on every push."), soft_wrap=True)
    env.stdout.print(Text.assemble("Next: ", (f"cd {inert(str(directory))} && pyex watch", "bold")), soft_wrap=True)
    return ExitCode.OK

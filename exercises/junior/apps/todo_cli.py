"""A command-line to-do list: add, delete and view tasks that are saved in a JSON file.

    $ python todo_cli.py --file todo.json add buy milk
    Added task 1: buy milk
    $ python todo_cli.py --file todo.json add call the bank
    Added task 2: call the bank
    $ python todo_cli.py --file todo.json view
    1: buy milk
    2: call the bank
    $ python todo_cli.py --file todo.json delete 1
    Deleted task 1: buy milk
    $ python todo_cli.py --file todo.json delete 7
    error: no task with id 7                 <- on stderr, exit code 1

The tasks live in a JSON file, so they survive between runs. Without --file it is
`todo.json` in the current directory. The file's format is fixed:

    {"next_id": 3, "tasks": [{"id": 2, "text": "call the bank"}]}

Rules:
- ids start at 1 and are never reused: `next_id` remembers the next one, so after deleting
  the newest task the next task still gets a fresh id.
- A missing file means "no tasks yet"; the first add creates it.
- A file that is not a to-do file (not JSON, or JSON of another shape) is a ValueError, and
  the program must never overwrite it: the user's data is precious.
- Task texts are stripped of surrounding whitespace; an empty text is a ValueError.
- Every function reads the file afresh: no tasks are kept in global variables.

main(argv) prints what it did and returns the exit code: 0 on success; 1 for an error the
program reports itself (no such id, empty text, unreadable file), with a message on stderr
that starts with "error:"; 2 for a usage error (no command, unknown command, an id that is
not a number). argparse's own usage errors (it raises SystemExit(2)) are fine.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_FILE = "todo.json"

Task = dict  # {"id": int, "text": str}


def load_tasks(path: Path) -> list[Task]:
    """Return the tasks saved in ``path``, oldest first ([] if the file does not exist).

    Raise ValueError if the file is not a to-do file.
    """
    # TODO: read and validate the JSON file.
    raise NotImplementedError


def add_task(path: Path, text: str) -> Task:
    """Add a task with the next id, save the file, and return the new task."""
    # TODO
    raise NotImplementedError


def delete_task(path: Path, task_id: int) -> Task:
    """Delete the task with id ``task_id``, save the file, and return the deleted task.

    Raise KeyError if there is no such task (and leave the file as it was).
    """
    # TODO
    raise NotImplementedError


def format_tasks(tasks: list[Task]) -> str:
    """The tasks as lines like ``"2: call the bank"``; ``"No tasks."`` if there are none."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``[--file PATH] add TEXT... | delete ID | view``."""
    # TODO: argparse with sub-commands is a good fit.
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())

"""A command-line to-do list: add, delete and view tasks that are saved in a JSON file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_FILE = "todo.json"

Task = dict  # {"id": int, "text": str}


def _read(path: Path) -> dict:
    """The whole file as {"next_id": int, "tasks": [...]}, validated."""
    path = Path(path)
    if not path.exists():
        return {"next_id": 1, "tasks": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} is not a to-do file: {exc}") from exc
    # Valid JSON is not enough: check the shape before trusting it.
    ok = (
        isinstance(data, dict)
        and type(data.get("next_id")) is int
        and isinstance(data.get("tasks"), list)
        and all(isinstance(t, dict) and type(t.get("id")) is int and isinstance(t.get("text"), str)
                for t in data["tasks"])
    )
    if not ok:
        raise ValueError(f"{path} is not a to-do file")
    return data


def _write(path: Path, data: dict) -> None:
    # Write a sibling file first and rename it over the old one: a crash mid-write
    # then never leaves a half-written to-do list behind.
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def load_tasks(path: Path) -> list[Task]:
    """Return the tasks saved in ``path``, oldest first ([] if the file does not exist)."""
    return _read(path)["tasks"]


def add_task(path: Path, text: str) -> Task:
    """Add a task with the next id, save the file, and return the new task."""
    text = text.strip()
    if not text:
        raise ValueError("a task needs some text")
    data = _read(path)  # raises before we could overwrite a broken file
    task = {"id": data["next_id"], "text": text}
    data["tasks"].append(task)
    data["next_id"] += 1
    _write(path, data)
    return task


def delete_task(path: Path, task_id: int) -> Task:
    """Delete the task with id ``task_id``, save the file, and return the deleted task."""
    data = _read(path)
    for i, task in enumerate(data["tasks"]):
        if task["id"] == task_id:
            del data["tasks"][i]
            _write(path, data)
            return task
    raise KeyError(task_id)


def format_tasks(tasks: list[Task]) -> str:
    """The tasks as lines like ``"2: call the bank"``; ``"No tasks."`` if there are none."""
    if not tasks:
        return "No tasks."
    return "\n".join(f"{t['id']}: {t['text']}" for t in tasks)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="todo", description="A tiny to-do list.")
    parser.add_argument("--file", type=Path, default=Path(DEFAULT_FILE),
                        help=f"where the tasks are kept (default: {DEFAULT_FILE})")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a task")
    add.add_argument("text", nargs="+", help="what to do")
    delete = commands.add_parser("delete", help="delete a task by id")
    delete.add_argument("id", type=int)
    commands.add_parser("view", help="show all tasks")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``[--file PATH] add TEXT... | delete ID | view``."""
    args = build_parser().parse_args(argv)  # usage errors: SystemExit(2)
    try:
        if args.command == "add":
            task = add_task(args.file, " ".join(args.text))
            print(f"Added task {task['id']}: {task['text']}")
        elif args.command == "delete":
            task = delete_task(args.file, args.id)
            print(f"Deleted task {task['id']}: {task['text']}")
        else:
            print(format_tasks(load_tasks(args.file)))
    except KeyError:
        print(f"error: no task with id {args.id}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

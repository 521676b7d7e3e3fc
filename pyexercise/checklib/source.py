"""The file under test: where it is, its source, and the constructs a task forbids."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Iterable


def target_path() -> Path:
    """The file being graded (the learner's stub, or the reference solution with --solutions)."""
    return Path(os.environ["PYEX_TARGET"])


def target_source() -> str:
    return target_path().read_text(encoding="utf-8")


def target_module_name() -> str:
    return os.environ["PYEX_MODULE"]


def forbidden_uses(names: Iterable[str] = (), attributes: Iterable[str] = (),
                   imports: Iterable[str] = (), source: str | None = None) -> list[str]:
    """Where the file under test calls a forbidden built-in (``sorted``), method (``.sort``),
    or imports a forbidden module (``heapq``). Returns readable findings, e.g.
    ``["line 4: sorted()"]``; an empty list means the file is clean."""
    tree = ast.parse(source if source is not None else target_source())
    names, attributes, imports = set(names), set(attributes), set(imports)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            found.append(f"line {node.lineno}: {node.id}()")
        elif isinstance(node, ast.Attribute) and node.attr in attributes:
            found.append(f"line {node.lineno}: .{node.attr}()")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] in imports]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in imports:
            found.append(f"line {node.lineno}: from {node.module} import ...")
    # slicing with a negative step is "reverse" in disguise; callers ask for it by name
    if "[::-1]" in names:
        for node in ast.walk(tree):
            if isinstance(node, ast.Slice) and node.step is not None and _is_negative(node.step):
                found.append(f"line {node.lineno}: a [::-1] slice")
    return sorted(set(found))


def _is_negative(node: ast.AST) -> bool:
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and node.value < 0)


def assert_not_used(what: str, **kwargs) -> None:
    """Fail with a teaching message if the file under test uses something the task forbids."""
    found = forbidden_uses(**kwargs)
    assert not found, f"the task says to do this without {what}, but your code uses: " + ", ".join(found)

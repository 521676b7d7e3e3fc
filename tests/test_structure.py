"""The shape of the code: no import cycles (function-level imports included), no upward imports,
no process-wide mutable state in the runner, small classes in watch, a test module per module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "pyexercise"
#: a module may import only from layers at or below its own (cli on top)
LAYERS = ["cli", "commands", "practice", "watch", "session", "services", "workspace", "runner", "checklib"]


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(REPO).with_suffix("")
        name = ".".join(rel.parts)
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
        found[name] = path
    return found


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """Every pyexercise module ``path`` imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(path, name, known) for name, path in mods.items()}


def test_no_import_cycles():
    g = graph()
    seen, stack, cycles = set(), [], []

    def visit(node):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for nxt in sorted(g.get(node, ())):
            if not (node.startswith(nxt + ".") or nxt == "pyexercise"):  # a package's own modules
                visit(nxt)
        stack.pop()

    for mod in sorted(g):
        visit(mod)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles[:5])


def layer(name: str) -> int | None:
    part = name.split(".")[1] if name.count(".") else ""
    return LAYERS.index(part) if part in LAYERS else None


def test_no_module_imports_upward():
    wrong = []
    for mod, targets in graph().items():
        mine = layer(mod)
        for target in targets:
            theirs = layer(target)
            if mine is not None and theirs is not None and theirs < mine:
                wrong.append(f"{mod} imports {target}")
    assert not wrong, wrong


def test_no_process_wide_mutable_state_in_the_runner():
    found = []
    for path in (PACKAGE / "runner").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{path.name}:{node.lineno}: global {', '.join(node.names)}")
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(
                    node.value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
                found.append(f"{path.name}:{node.lineno}: a module-level mutable container")
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call) and \
                    getattr(node.value.func, "id", "") in ("set", "dict", "list"):
                found.append(f"{path.name}:{node.lineno}: a module-level mutable container")
    assert not found, found


def test_watch_classes_are_small():
    big = []
    for path in (PACKAGE / "watch").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno > 150:
                big.append(f"{path.name}: {node.name} is {node.end_lineno - node.lineno} lines")
    assert not big, big


def test_every_module_has_a_test_module_named_after_it():
    tests = REPO / "tests"
    missing = []
    for name, path in modules().items():
        parts = name.split(".")[1:]
        if not parts or path.name in ("__init__.py", "__main__.py"):
            continue
        expected = tests.joinpath(*parts[:-1], f"test_{parts[-1]}.py")
        if not expected.is_file():
            missing.append(f"{name}: {expected.relative_to(REPO)}")
    assert not missing, missing

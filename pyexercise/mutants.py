"""Mutation testing of checks: small, plausible bugs planted in a reference solution.

A check that passes a mutant has a blind spot. Each mutant is one change made with the standard
``ast`` module (flip a comparison, shift a constant by one, swap an operator, drop a statement,
return early); a check "kills" it when the mutated solution fails.
"""

from __future__ import annotations

import ast
import copy
import difflib
from dataclasses import dataclass
from typing import Callable, Iterator

COMPARE_FLIPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
BINOP_SWAPS = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Add, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd,
    ast.LShift: ast.RShift, ast.RShift: ast.LShift,
}


DOC_KEYWORDS = {"help", "description", "epilog", "usage", "metavar", "prog"}


@dataclass(frozen=True)
class Mutant:
    index: int
    operator: str  # e.g. "compare", "constant", "binop", "drop", "return-none"
    line: int
    description: str  # "line 7: n > best -> n >= best"
    source: str  # the whole mutated module

    def diff(self, original: str) -> str:
        lines = difflib.unified_diff(original.splitlines(), self.source.splitlines(), "solution", "mutant",
                                     n=1, lineterm="")
        return "\n".join(list(lines)[2:])


def _skip_node(node: ast.AST) -> bool:
    # `if __name__ == "__main__":` only runs as a script, never under the check
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__")


def _is_docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def _annotations(tree: ast.AST) -> set[int]:
    """ids of nodes inside type annotations: mutating those changes nothing at run time."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        parts = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.append(node.returns)
            args = node.args
            parts += [a.annotation for a in args.args + args.kwonlyargs + args.posonlyargs]
            parts += [a.annotation for a in (args.vararg, args.kwarg) if a is not None]
        elif isinstance(node, ast.AnnAssign):
            parts.append(node.annotation)
        for part in parts:
            if part is not None:
                ids.update(id(n) for n in ast.walk(part))
    return ids


def _points(tree: ast.Module) -> Iterator[tuple[str, int, Callable[[], str], ast.AST]]:
    """Every place a mutation can go: (operator, line, apply, node). ``apply`` changes the tree in
    place and returns a description; the caller works on a fresh copy for each mutant."""
    skip = _annotations(tree)
    excluded: set[int] = set()
    for node in ast.walk(tree):
        # the main guard never runs under a check; exception messages are for people, and
        # docstrings are documentation
        if _skip_node(node) or isinstance(node, ast.Raise):
            excluded.update(id(n) for n in ast.walk(node))
        for stmt in getattr(node, "body", []) if isinstance(getattr(node, "body", None), list) else []:
            if _is_docstring(stmt):
                excluded.add(id(stmt.value))
        # help texts (argparse's help=, description=, ...) are documentation too
        if isinstance(node, ast.keyword) and node.arg in DOC_KEYWORDS:
            excluded.update(id(n) for n in ast.walk(node.value))
    skip |= excluded

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                flip = COMPARE_FLIPS.get(type(op))
                if flip:
                    def apply(node=node, i=i, flip=flip):
                        before = ast.unparse(node)
                        node.ops[i] = flip()
                        return f"{before} -> {ast.unparse(node)}"
                    yield "compare", line, apply, node
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in BINOP_SWAPS:
            def apply(node=node):
                before = ast.unparse(node)
                node.op = BINOP_SWAPS[type(node.op)]()
                return f"{before} -> {ast.unparse(node)}"
            yield "binop" if isinstance(node, ast.BinOp) else "augassign", line, apply, node
        elif isinstance(node, ast.BoolOp):
            def apply(node=node):
                before = ast.unparse(node)
                node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
                return f"{before} -> {ast.unparse(node)}"
            yield "boolop", line, apply, node
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield "not", line, _replace_in_parent(tree, node, lambda n: n.operand), node
        elif isinstance(node, ast.Constant) and type(node.value) in (int, bool):
            if type(node.value) is bool:
                def apply(node=node):
                    before = repr(node.value)
                    node.value = not node.value
                    return f"{before} -> {node.value!r}"
                yield "constant", line, apply, node
            else:
                for delta in (1, -1):
                    def apply(node=node, delta=delta):
                        before = node.value
                        node.value = node.value + delta
                        return f"{before} -> {node.value}"
                    yield "constant", line, apply, node
        elif isinstance(node, ast.Constant) and type(node.value) is str:
            def apply(node=node):
                before = repr(node.value)
                node.value = "" if node.value else "pyex"
                return f"{before} -> {node.value!r}"
            yield "string", line, apply, node
        elif isinstance(node, (ast.Break, ast.Continue)):
            yield "loop-control", line, _replace_in_parent(
                tree, node, lambda n: ast.Continue() if isinstance(n, ast.Break) else ast.Break()), node
        elif isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            def apply(node=node):
                before = ast.unparse(node)
                node.value = ast.Constant(None)
                return f"{before} -> return None"
            yield "return-none", line, apply, node
        # statements: drop one (replace with pass)
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for index, stmt in enumerate(body):
                if not isinstance(stmt, ast.stmt) or id(stmt) in skip or _is_docstring(stmt):
                    continue
                if isinstance(node, ast.Module) or isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                       ast.ClassDef, ast.Import, ast.ImportFrom,
                                                                       ast.Pass, ast.Global, ast.Nonlocal)):
                    continue
                def apply(body=body, index=index):
                    before = ast.unparse(body[index]).splitlines()[0]
                    body[index] = ast.Pass()
                    return f"deleted: {before}"
                yield "drop", stmt.lineno, apply, stmt


def _replace_in_parent(tree: ast.AST, target: ast.AST, make: Callable[[ast.AST], ast.AST]):
    def apply():
        for parent in ast.walk(tree):
            for field, value in ast.iter_fields(parent):
                if value is target:
                    new = make(target)
                    setattr(parent, field, new)
                    return f"{ast.unparse(target)} -> {ast.unparse(new)}"
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if item is target:
                            new = make(target)
                            value[i] = new
                            return f"{ast.unparse(target)} -> {ast.unparse(new)}"
        return "no change"
    return apply


def mutants(source: str) -> list[Mutant]:
    """Every single-change mutant of ``source`` that still compiles and differs from it."""
    original = ast.parse(source)
    count = sum(1 for _ in _points(original))
    baseline = ast.unparse(original)
    seen = {baseline}
    found = []
    for k in range(count):
        tree = copy.deepcopy(original)
        op, line, apply, _node = next(p for i, p in enumerate(_points(tree)) if i == k)
        description = apply()
        ast.fix_missing_locations(tree)
        try:
            mutated = ast.unparse(tree)
            compile(mutated, "<mutant>", "exec")
        except (SyntaxError, ValueError, RecursionError):
            continue
        if mutated in seen:
            continue
        seen.add(mutated)
        found.append(Mutant(index=len(found), operator=op, line=line,
                            description=f"line {line}: {description}", source=mutated))
    return found


def baseline_source(source: str) -> str:
    """The solution as the mutants are written (ast.unparse), so diffs show only the change."""
    return ast.unparse(ast.parse(source))

"""A safe arithmetic evaluator: an ast whitelist checked up front, then a small tree-walking evaluator."""

from __future__ import annotations

import ast
import math
import operator
from typing import Mapping

MAX_LENGTH = 1000
MAX_NODES = 200
MAX_DEPTH = 32
MAX_INT_BITS = 4096
MAX_STR_LENGTH = 10_000
MAX_NDIGITS = 100

FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round, "sqrt": math.sqrt}

Value = int | float | str | bool

BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
          ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg, ast.Not: operator.not_}
COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
           ast.Eq: operator.eq, ast.NotEq: operator.ne}
TYPES = (int, float, str, bool)  # compared with type(): no subclasses with surprising methods


class UnsafeExpression(ValueError):
    """The expression uses something outside the whitelist, or breaks a limit."""


def _check_tree(root: ast.expr) -> None:
    """Refuse anything off the whitelist, or too big, before a single node is evaluated."""
    count = 0
    stack = [(root, 1, False)]  # (node, depth, is it the name of a called function?)
    while stack:
        node, depth, callee = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise UnsafeExpression(f"more than {MAX_NODES} nodes")
        if depth > MAX_DEPTH:
            raise UnsafeExpression(f"nested more than {MAX_DEPTH} deep")
        kind = type(node).__name__
        if isinstance(node, ast.Constant):
            if type(node.value) not in TYPES:
                raise UnsafeExpression(f"the constant {node.value!r} is not allowed")
        elif isinstance(node, ast.Name):
            if node.id.startswith("_"):
                raise UnsafeExpression(f"the name {node.id!r} is not allowed")
            if (node.id in FUNCTIONS) is not callee:  # a function only as the callee, a callee only a function
                raise UnsafeExpression(f"{node.id} can only be called" if callee is False else
                                       f"only {', '.join(FUNCTIONS)} may be called")
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in BINARY:
                raise UnsafeExpression(f"the operator {type(node.op).__name__} is not allowed")
        elif isinstance(node, ast.UnaryOp):
            if type(node.op) not in UNARY:
                raise UnsafeExpression(f"the operator {type(node.op).__name__} is not allowed")
        elif isinstance(node, ast.Compare):
            if any(type(op) not in COMPARE for op in node.ops):
                raise UnsafeExpression("only < <= > >= == != comparisons are allowed")
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.keywords:
                raise UnsafeExpression(f"only {', '.join(FUNCTIONS)} may be called, with positional arguments")
            stack.append((node.func, depth + 1, True))
            stack.extend((arg, depth + 1, False) for arg in node.args)
            continue
        elif not isinstance(node, (ast.BoolOp, ast.IfExp)):
            raise UnsafeExpression(f"{kind} is not allowed")
        stack.extend((child, depth + 1, False) for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))


def _limited(value: Value) -> Value:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise UnsafeExpression(f"an int wider than {MAX_INT_BITS} bits")
    if isinstance(value, str) and len(value) > MAX_STR_LENGTH:
        raise UnsafeExpression(f"a string longer than {MAX_STR_LENGTH} characters")
    return value


def _binary(op: ast.operator, left: Value, right: Value) -> Value:
    """``left op right``, refusing before computing what would be too big to hold."""
    if isinstance(op, ast.Pow) and type(left) in (int, bool) and type(right) in (int, bool):
        # |left| >= 2 ** (bits - 1), so |left ** right| has at least (bits - 1) * right + 1 bits:
        # when even that is over the limit, do not start. Otherwise the result is at most about
        # twice the limit, cheap to compute and then check exactly. (A negative exponent gives
        # a float, and a base of 0 or +-1 a tiny result: the bound is <= 0 for them.)
        if (abs(left).bit_length() - 1) * right >= MAX_INT_BITS:
            raise UnsafeExpression(f"{left} ** {right} is wider than {MAX_INT_BITS} bits")
    elif isinstance(op, ast.Mult):
        for text, times in ((left, right), (right, left)):
            if isinstance(text, str) and type(times) in (int, bool) and len(text) * times > MAX_STR_LENGTH:
                raise UnsafeExpression(f"a string longer than {MAX_STR_LENGTH} characters")
    elif isinstance(op, ast.Mod) and isinstance(left, str):
        raise UnsafeExpression("% formatting of strings is not allowed")
    return _limited(BINARY[type(op)](left, right))


class _Evaluator:
    def __init__(self, variables: Mapping[str, Value]) -> None:
        self.variables = variables

    def eval(self, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in self.variables:
                raise NameError(f"name {node.id!r} is not defined")
            return self.variables[node.id]
        if isinstance(node, ast.UnaryOp):
            return UNARY[type(node.op)](self.eval(node.operand))
        if isinstance(node, ast.BinOp):
            return _binary(node.op, self.eval(node.left), self.eval(node.right))
        if isinstance(node, ast.BoolOp):
            # Python's semantics: return the first operand that decides, evaluate no further
            want = isinstance(node.op, ast.Or)
            for value_node in node.values[:-1]:
                value = self.eval(value_node)
                if bool(value) is want:
                    return value
            return self.eval(node.values[-1])
        if isinstance(node, ast.Compare):
            left = self.eval(node.left)
            for op, right_node in zip(node.ops, node.comparators):
                right = self.eval(right_node)
                if not COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.IfExp):
            return self.eval(node.body) if self.eval(node.test) else self.eval(node.orelse)
        # what is left is a call of one of FUNCTIONS: _check_tree let nothing else through
        args = [self.eval(arg) for arg in node.args]
        if node.func.id == "round" and len(args) == 2 and isinstance(args[1], int) and abs(args[1]) > MAX_NDIGITS:
            raise UnsafeExpression(f"round() to more than {MAX_NDIGITS} digits")
        return _limited(FUNCTIONS[node.func.id](*args))


def _check_variables(variables: Mapping[str, Value]) -> None:
    for name, value in variables.items():
        if not isinstance(name, str) or not name.isidentifier() or name.startswith("_") or name in FUNCTIONS:
            raise ValueError(f"{name!r} cannot be a variable name")
        if type(value) not in TYPES:
            raise TypeError(f"the variable {name} is a {type(value).__name__}: only int, float, str and bool")


def safe_eval(expression: str, variables: Mapping[str, Value] | None = None) -> Value:
    variables = dict(variables or {})
    _check_variables(variables)
    if len(expression) > MAX_LENGTH:
        raise UnsafeExpression(f"longer than {MAX_LENGTH} characters")
    tree = ast.parse(expression.strip(), mode="eval")  # a SyntaxError is the caller's to see
    _check_tree(tree.body)
    return _Evaluator(variables).eval(tree.body)

"""Matrices as lists of rows: the product, the identity, and powers by repeated squaring."""

from __future__ import annotations

from typing import Any

Matrix = list[list[Any]]


def _width(m: Matrix, name: str) -> int | None:
    """The length shared by all rows of ``m`` (None if it has no rows); ValueError if ragged."""
    widths = {len(row) for row in m}
    if len(widths) > 1:
        raise ValueError(f"{name} is ragged: its rows have {sorted(widths)} numbers")
    return widths.pop() if widths else None


def matmul(a: Matrix, b: Matrix, cols: int | None = None) -> Matrix:
    """The product of ``a`` (n x k) and ``b`` (k x m), an n x m matrix."""
    a_width, b_width = _width(a, "a"), _width(b, "b")
    if b_width is None:
        b_width = cols or 0  # [] on the right: k = 0 rows, and only cols can say how wide it is
    elif cols is not None and cols != b_width:
        raise ValueError(f"cols={cols} but the rows of b have {b_width} numbers")
    if a_width is not None and a_width != len(b):
        raise ValueError(f"can't multiply: a has {a_width} columns but b has {len(b)} rows")
    # Each column of b once, as a list: then every entry is a row of a "times" a column of b.
    # With k = 0 the columns are empty and every entry is sum([]) = 0.
    columns = [[row[j] for row in b] for j in range(b_width)]
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]


def identity(n: int) -> Matrix:
    """The n x n identity matrix."""
    if n < 0:
        raise ValueError(f"identity({n}): the size can't be negative")
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]  # a new list for every row


def matpow(a: Matrix, k: int) -> Matrix:
    """``a`` to the power ``k`` (k >= 0), by repeated squaring.

    Write k in binary: a**13 = a**8 * a**4 * a**1. ``base`` runs through a, a**2, a**4, ...
    (one squaring per bit) and is multiplied into the result for every bit that is set: at
    most 2 * log2(k) + 1 products instead of k - 1.
    """
    n = len(a)
    if _width(a, "a") not in (None, n):
        raise ValueError(f"matpow needs a square matrix, not {n} x {len(a[0])}")
    if k < 0:
        raise ValueError(f"matpow(a, {k}): the power can't be negative")
    result, base = identity(n), a
    while k:
        if k & 1:
            result = matmul(result, base)
        k >>= 1
        if k:  # no need to square once more after the last bit
            base = matmul(base, base)
    return result

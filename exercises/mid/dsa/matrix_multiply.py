"""Multiply matrices stored as lists of rows, build identity matrices, and raise a square
matrix to a power by repeated squaring.

    >>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    [[19, 22], [43, 50]]
    >>> matmul([[1, 2, 3]], [[4], [5], [6]])      # 1x3 times 3x1 is 1x1
    [[32]]
    >>> identity(3)
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    >>> matpow([[1, 1], [1, 0]], 10)              # Fibonacci numbers appear
    [[89, 55], [55, 34]]
    >>> matmul([[], []], [], cols=3)              # 2x0 times 0x3: a 2x3 matrix of zeros
    [[0, 0, 0], [0, 0, 0]]

A matrix is a list of rows, each a list of numbers, all rows of the same length: an n x m
matrix has n rows of m numbers. The numbers can be ints, Fractions, floats or anything with
``+`` and ``*``; the result is computed with their own arithmetic (ints stay ints, Fractions
stay Fractions).

- ``matmul(a, b, cols=None)``: the product of the n x k matrix ``a`` and the k x m matrix
  ``b``: the n x m matrix whose entry (i, j) is ``a[i][0]*b[0][j] + ... + a[i][k-1]*b[k-1][j]``.
  - ValueError if ``a`` or ``b`` is ragged (rows of different lengths), or if the number of
    columns of ``a`` is not the number of rows of ``b``.
  - A matrix without rows, ``[]``, can't show how many columns it has. On the left it fits
    any ``b`` (the product has no rows either: ``[]``). On the right it has k = 0 rows, and
    ``cols`` says how many columns it has (0 if not given): ``a``'s rows must then be empty,
    and each entry of the product is an empty sum, the int 0. If ``b`` has rows, ``cols``
    may be given too and must match them.
  - It returns a new matrix of new lists; ``a`` and ``b`` are left as they were.
- ``identity(n)``: the n x n identity matrix of ints, each row a list of its own;
  ``identity(0) == []``. ValueError for a negative ``n``.
- ``matpow(a, k)``: ``a`` multiplied by itself k times, for a square ``a`` and an int k >= 0
  (``matpow(a, 0)`` is the identity); ValueError for a matrix that is not square or for k < 0.
  By repeated squaring: at most 2 * log2(k) + 2 matrix products, where multiplying k - 1
  times would take 999 products for k = 1000; the check counts the multiplications of
  numbers. It too returns a new matrix, even for k = 1.

No numpy: plain lists and loops.
"""

from __future__ import annotations

from typing import Any

Matrix = list[list[Any]]


def matmul(a: Matrix, b: Matrix, cols: int | None = None) -> Matrix:
    """The product of ``a`` (n x k) and ``b`` (k x m), an n x m matrix."""
    # TODO: check the shapes first; then entry (i, j) is row i of a times column j of b.
    raise NotImplementedError


def identity(n: int) -> Matrix:
    """The n x n identity matrix."""
    raise NotImplementedError


def matpow(a: Matrix, k: int) -> Matrix:
    """``a`` to the power ``k`` (k >= 0), by repeated squaring."""
    raise NotImplementedError

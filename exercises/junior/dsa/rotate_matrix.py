"""Rotate a matrix (a list of rows) by 90 degrees.

    >>> rotate_90([[1, 2, 3],
    ...            [4, 5, 6]])
    [[4, 1], [5, 2], [6, 3]]
    >>> rotate_90([[1, 2, 3],
    ...            [4, 5, 6]], clockwise=False)
    [[3, 6], [2, 5], [1, 4]]

The matrix is a list of rows, each row a list, all rows the same length. It need not be square:
rotating an m x n matrix gives an n x m one. By default the rotation is clockwise (the first
column, read bottom to top, becomes the first row); ``clockwise=False`` turns it the other way.

- Return a new matrix made of new lists; the matrix you were given must not change.
- An empty matrix ``[]`` rotates to ``[]``, and so does one whose rows are empty (``[[], []]``).
- Rows of different lengths are not a matrix: raise ValueError.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def rotate_90(matrix: list[list[T]], clockwise: bool = True) -> list[list[T]]:
    """Return ``matrix`` rotated by 90 degrees, clockwise unless ``clockwise`` is False."""
    # TODO: work out which element of the old matrix lands at row r, column c of the new one.
    raise NotImplementedError

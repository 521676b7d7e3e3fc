"""Rotate a matrix (a list of rows) by 90 degrees."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def rotate_90(matrix: list[list[T]], clockwise: bool = True) -> list[list[T]]:
    """Return ``matrix`` rotated by 90 degrees, clockwise unless ``clockwise`` is False."""
    if any(len(row) != len(matrix[0]) for row in matrix):
        raise ValueError("all rows of a matrix must have the same length")
    if clockwise:
        # Clockwise: new row c is old column c read from the bottom row up.
        return [list(column) for column in zip(*reversed(matrix))]
    # Counter-clockwise: new row c is old column (n - 1 - c) read from the top down.
    return [list(column) for column in reversed(list(zip(*matrix)))]

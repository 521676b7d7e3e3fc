import copy

import pytest
from hypothesis import given, strategies as st

from rotate_matrix import rotate_90


def oracle(matrix, clockwise=True):
    rows, cols = len(matrix), len(matrix[0]) if matrix else 0
    if clockwise:
        return [[matrix[rows - 1 - r][c] for r in range(rows)] for c in range(cols)]
    return [[matrix[r][cols - 1 - c] for r in range(rows)] for c in range(cols)]


def check(matrix, want, clockwise=True):
    before = copy.deepcopy(matrix)
    got = rotate_90(matrix, clockwise=clockwise)
    call = f"rotate_90({before!r}{'' if clockwise else ', clockwise=False'})"
    assert type(got) is list and all(type(row) is list for row in got), (
        f"{call} should return a list of lists, got {got!r}")
    assert got == want, f"{call} should be {want!r}, got {got!r}"
    assert matrix == before, f"{call} changed the matrix it was given to {matrix!r}"
    assert not any(new is old for new in got for old in matrix), (
        f"{call} returned a row that is one of the input's own lists: build new rows")
    return got


def test_square_clockwise():
    """a 3 x 3 matrix turned clockwise"""
    check([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[7, 4, 1], [8, 5, 2], [9, 6, 3]])


def test_square_counterclockwise():
    """a 3 x 3 matrix turned counter-clockwise"""
    check([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[3, 6, 9], [2, 5, 8], [1, 4, 7]], clockwise=False)


def test_rectangular():
    """a 2 x 3 matrix becomes 3 x 2, and a 3 x 2 one becomes 2 x 3"""
    check([[1, 2, 3], [4, 5, 6]], [[4, 1], [5, 2], [6, 3]])
    check([[1, 2, 3], [4, 5, 6]], [[3, 6], [2, 5], [1, 4]], clockwise=False)
    check([[1, 2], [3, 4], [5, 6]], [[5, 3, 1], [6, 4, 2]])


def test_single_row_and_column():
    """a single row becomes a single column, and back"""
    check([[1, 2, 3]], [[1], [2], [3]])
    check([[1], [2], [3]], [[3, 2, 1]])
    check([[1], [2], [3]], [[1, 2, 3]], clockwise=False)
    check([["x"]], [["x"]])


def test_empty():
    """an empty matrix, or one with empty rows, rotates to []"""
    check([], [])
    check([[], []], [])


def test_2x2_both_ways():
    """clockwise and counter-clockwise really differ"""
    check([[1, 2], [3, 4]], [[3, 1], [4, 2]])
    check([[1, 2], [3, 4]], [[2, 4], [1, 3]], clockwise=False)


def test_ragged_raises_value_error():
    """rows of different lengths raise ValueError"""
    for matrix in ([[1, 2], [3]], [[1], [2, 3]], [[1, 2], [], [3, 4]]):
        with pytest.raises(ValueError):
            rotate_90(matrix)


matrices = st.integers(min_value=1, max_value=5).flatmap(
    lambda cols: st.lists(st.lists(st.integers(-99, 99), min_size=cols, max_size=cols), min_size=1, max_size=5))


@given(matrices, st.booleans())
def test_matches_index_formula(matrix, clockwise):
    """agrees with the index formula for any rectangular matrix, both directions"""
    check(matrix, oracle(matrix, clockwise), clockwise=clockwise)


@given(matrices)
def test_four_turns_and_back(matrix):
    """four clockwise turns give the original; a clockwise turn is undone by a counter-clockwise one"""
    once = rotate_90(matrix)
    back = rotate_90(once, clockwise=False)
    assert back == matrix, f"turning {matrix!r} clockwise and then back should give it again, got {back!r}"
    result = matrix
    for _ in range(4):
        result = rotate_90(result)
    assert result == matrix, f"four clockwise turns of {matrix!r} should give it again, got {result!r}"

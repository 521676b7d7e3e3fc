import copy
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from matrix_multiply import identity, matmul, matpow
from pyexercise.checklib import assert_not_used


def naive(a, b, m):
    """The definition: entry (i, j) = sum over t of a[i][t] * b[t][j]."""
    return [[sum((a[i][t] * b[t][j] for t in range(len(b))), 0) for j in range(m)] for i in range(len(a))]


def shape(m, cols=None):
    return f"{len(m)}x{len(m[0]) if m else (cols or 0)}"


def shown(m):
    return repr(m) if len(repr(m)) <= 80 else f"<a {shape(m)} matrix>"


def check_matrix(got, want, call):
    assert type(got) is list and all(type(row) is list for row in got), (
        f"{call} should return a list of lists, got {type(got).__name__}")
    assert got == want, f"{call} should be {want!r}, got {got!r}"
    bad = [(i, j) for i, row in enumerate(got) for j, v in enumerate(row) if type(v) is not type(want[i][j])]
    if bad:
        i, j = bad[0]
        raise AssertionError(f"{call}: entry ({i}, {j}) should be {want[i][j]!r} of type {type(want[i][j]).__name__}, "
                             f"got {got[i][j]!r} of type {type(got[i][j]).__name__}: start each sum "
                             "at the int 0 and let the numbers' own arithmetic decide the type")


def check_mul(a, b, cols=None):
    m = cols if cols is not None else (len(b[0]) if b else 0)
    want = naive(a, b, m)
    before = copy.deepcopy((a, b))
    call = f"matmul({shown(a)}, {shown(b)}{'' if cols is None else f', cols={cols}'})"
    got = matmul(a, b) if cols is None else matmul(a, b, cols=cols)
    check_matrix(got, want, call)
    assert (a, b) == before, f"{call} changed its arguments: build a new matrix"
    rows_of_inputs = {id(r) for r in a} | {id(r) for r in b}
    assert not any(id(r) in rows_of_inputs for r in got), f"{call} returned a row of its input: make new lists"
    assert len({id(r) for r in got}) == len(got), (f"{call} returned the same list object for several rows: "
                                                   "[[0] * m] * n repeats one row n times; build each row anew")


# -- matmul ---------------------------------------------------------------------------------------
def test_docstring_examples():
    """the examples of the docstring"""
    check_mul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    check_mul([[1, 2, 3]], [[4], [5], [6]])
    got = matmul([[], []], [], cols=3)
    check_matrix(got, [[0, 0, 0], [0, 0, 0]], "matmul([[], []], [], cols=3)")


def test_non_square_shapes():
    """2x3 times 3x2, 3x1 times 1x3, 1x1 times 1x4"""
    check_mul([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]])
    check_mul([[1], [2], [3]], [[4, 5, 6]])
    check_mul([[2]], [[1, -1, 0, 5]])
    check_mul([[0, -1], [1, 0]], [[3], [4]])


def test_rows_are_new_lists():
    """the product's rows are new lists, one per row (no [[0] * m] * n)"""
    got = matmul([[1, 0], [0, 1], [2, 2]], [[1, 2], [3, 4]])
    assert got == [[1, 2], [3, 4], [8, 12]], f"matmul([[1, 0], [0, 1], [2, 2]], [[1, 2], [3, 4]]) gave {got!r}"
    got[0][0] = 99
    assert got[1][0] == 3 and got[2][0] == 8, (
        "changing one entry of a product changed another row too: the rows are one shared list; build each row "
        "as a new list")


def test_number_types_are_kept():
    """ints stay ints, Fractions stay Fractions, floats stay floats"""
    check_mul([[1, 2]], [[3], [4]])
    check_mul([[Fraction(1, 2), Fraction(1, 3)]], [[Fraction(3)], [Fraction(3, 2)]])
    check_mul([[0.5, 1.5]], [[2.0], [4.0]])
    check_mul([[1, 2], [3, 4]], [[Fraction(1, 2), 0], [0, Fraction(1, 3)]])


def test_empty_shapes():
    """n x 0 times 0 x m is n x m of zeros; 0 x k times anything is []; n x k times k x 0 is n x 0"""
    check_mul([[], [], []], [], cols=2)
    check_mul([[]], [], cols=1)
    check_mul([[], []], [])  # 2x0 times 0x0: 2x0
    check_mul([], [])
    check_mul([], [[1, 2], [3, 4]])
    check_mul([[1, 2], [3, 4]], [[], []])  # 2x2 times 2x0: 2x0
    check_mul([[5]], [[]])


def test_cols_must_match_b():
    """cols, when given for a b with rows, must match them"""
    check_mul([[1, 2]], [[3, 4], [5, 6]], cols=2)
    with pytest.raises(ValueError):
        matmul([[1, 2]], [[3, 4], [5, 6]], cols=3)
        pytest.fail("matmul([[1, 2]], [[3, 4], [5, 6]], cols=3) should raise ValueError: b has 2 columns, not 3")


@pytest.mark.parametrize("a, b, why", [
    ([[1, 2], [3]], [[1], [2]], "a is ragged"),
    ([[1, 2], [3, 4]], [[1, 2], [3]], "b is ragged"),
    ([[1, 2], [3, 4]], [[1, 2, 3], [4]], "b is ragged (its short row would silently shorten zip(*b))"),
    ([[1, 2, 3]], [[1, 2], [3, 4]], "a has 3 columns, b 2 rows"),
    ([[1, 2]], [[1, 2]], "a has 2 columns, b 1 row"),
    ([[1]], [], "a has 1 column, b no rows"),
    ([[1], [2, 3]], [], "a is ragged"),
])
def test_bad_shapes_raise(a, b, why):
    """ragged matrices and shapes that don't fit raise ValueError"""
    with pytest.raises(ValueError):
        matmul(a, b)
        pytest.fail(f"matmul({a!r}, {b!r}) should raise ValueError: {why}")


FRACTION = st.sampled_from(sorted({Fraction(n, d) for n in range(-5, 6) for d in (1, 2, 3, 5)}))


@given(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4), st.data())
def test_matches_the_definition(n, k, m, data):
    """random shapes (empty ones too) and Fractions: the same as the definition"""
    a = data.draw(st.lists(st.lists(FRACTION, min_size=k, max_size=k), min_size=n, max_size=n), label="a")
    b = data.draw(st.lists(st.lists(FRACTION, min_size=m, max_size=m), min_size=k, max_size=k), label="b")
    check_mul(a, b, cols=m if k == 0 or data.draw(st.booleans(), label="pass cols") else None)


# -- identity -------------------------------------------------------------------------------------
def test_identity():
    """identity(n): ones on the diagonal, ints, a list per row"""
    for n in range(0, 6):
        want = [[int(i == j) for j in range(n)] for i in range(n)]
        got = identity(n)
        check_matrix(got, want, f"identity({n})")
        assert len({id(r) for r in got}) == n, f"identity({n}) reuses one list for several rows: build each anew"
    got = identity(3)
    got[0][1] = 7
    assert got[1] == [0, 1, 0] and got[2] == [0, 0, 1], "changing a row of identity(3) changed another row"


def test_identity_negative():
    """identity of a negative size is a ValueError"""
    with pytest.raises(ValueError):
        identity(-1)


def test_identity_is_neutral():
    """identity times a matrix is that matrix, from either side"""
    a = [[2, 3, 5], [7, 11, 13]]
    check_matrix(matmul(identity(2), a), a, "matmul(identity(2), a)")
    check_matrix(matmul(a, identity(3)), a, "matmul(a, identity(3))")


# -- matpow ---------------------------------------------------------------------------------------
def repeated(a, k):
    result = [[int(i == j) for j in range(len(a))] for i in range(len(a))]
    for _ in range(k):
        result = naive(result, a, len(a))
    return result


def test_matpow_fibonacci():
    """matpow([[1, 1], [1, 0]], k) holds Fibonacci numbers"""
    check_matrix(matpow([[1, 1], [1, 0]], 10), [[89, 55], [55, 34]], "matpow([[1, 1], [1, 0]], 10)")
    for k in range(0, 20):
        check_matrix(matpow([[1, 1], [1, 0]], k), repeated([[1, 1], [1, 0]], k), f"matpow([[1, 1], [1, 0]], {k})")


def test_matpow_zero_and_one():
    """k = 0 gives the identity, k = 1 a new copy of a"""
    a = [[2, 0, 1], [1, 1, 0], [0, 3, 1]]
    check_matrix(matpow(a, 0), identity(3), "matpow(<3x3>, 0)")
    got = matpow(a, 1)
    check_matrix(got, a, "matpow(a, 1)")
    assert got is not a and not any(r1 is r2 for r1, r2 in zip(got, a)), (
        "matpow(a, 1) returned a itself (or its rows): return a new matrix")
    check_matrix(matpow([], 0), [], "matpow([], 0)")
    check_matrix(matpow([], 3), [], "matpow([], 3)")
    check_matrix(matpow([[3]], 4), [[81]], "matpow([[3]], 4)")


def test_matpow_errors():
    """a non-square or ragged matrix, or a negative power, is a ValueError"""
    for a, k, why in (([[1, 2]], 2, "a 1x2 matrix is not square"), ([[1, 2], [3]], 2, "a ragged matrix"),
                      ([[1, 2, 3], [4, 5, 6]], 1, "a 2x3 matrix is not square"), ([[1]], -1, "k is negative")):
        with pytest.raises(ValueError):
            matpow(a, k)
            pytest.fail(f"matpow({a!r}, {k}) should raise ValueError: {why}")


class Counted:
    """A number that counts every multiplication it takes part in."""

    __slots__ = ("v",)
    products = 0

    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        Counted.products += 1
        return Counted(self.v * (other.v if isinstance(other, Counted) else other))

    __rmul__ = __mul__

    def __add__(self, other):
        return Counted(self.v + (other.v if isinstance(other, Counted) else other))

    __radd__ = __add__

    def __eq__(self, other):
        return self.v == (other.v if isinstance(other, Counted) else other)

    __hash__ = None


def test_matpow_by_squaring():
    """matpow makes O(log k) matrix products, counted in multiplications of numbers"""
    fib = [[1, 1], [1, 0]]
    for k in (1, 2, 3, 7, 8, 100, 1000, 1023, 1024, 5000):
        a = [[Counted(v) for v in row] for row in fib]
        Counted.products = 0
        got = matpow(a, k)
        products = Counted.products / 8  # a 2x2 product takes 8 multiplications
        budget = 2 * k.bit_length()
        want = repeated(fib, k) if k <= 100 else None
        if want is not None:
            assert [[x.v if isinstance(x, Counted) else x for x in row] for row in got] == want, (
                f"matpow([[1, 1], [1, 0]], {k}) gave the wrong matrix")
        assert products <= budget, (
            f"matpow(<2x2>, {k}) took {Counted.products} multiplications of numbers, {products:g} matrix products; "
            f"repeated squaring needs at most {budget}: square a for each bit of k, multiply it in where the bit is 1")


@given(st.integers(0, 3), st.integers(0, 12), st.data())
def test_matpow_matches_repeated_products(n, k, data):
    """random square matrices of Fractions: the same as multiplying k times"""
    a = data.draw(st.lists(st.lists(FRACTION, min_size=n, max_size=n), min_size=n, max_size=n), label="a")
    before = copy.deepcopy(a)
    check_matrix(matpow(a, k), repeated(a, k), f"matpow({shown(a)}, {k})")
    assert a == before, f"matpow({shown(before)}, {k}) changed its argument"


def test_no_numpy():
    """plain lists and loops: no numpy"""
    check_mul([[1]], [[2]])
    assert_not_used("numpy", imports=["numpy"])

import math
import random
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings, strategies as st

from pyexercise.checklib import assert_not_used
from shunting_yard import ExpressionError, eval_rpn, evaluate, to_rpn


def rpn(text):
    got = to_rpn(text)
    assert type(got) is list and all(type(t) is str for t in got), \
        f"to_rpn({text!r}) should return a list of str, got {got!r}"
    return got


def value(text):
    got = evaluate(text)
    assert type(got) is float, f"evaluate({text!r}) should return a float, got {type(got).__name__} {got!r}"
    return got


def error_at(text, position, why):
    """to_rpn(text) must raise ExpressionError at ``position``; returns the error"""
    try:
        got = to_rpn(text)
    except ExpressionError as exc:
        assert type(exc.position) is int and exc.position == position, (
            f"to_rpn({text!r}) should fail at position {position} ({why}), the error says position "
            f"{exc.position!r}: {exc}")
        assert str(exc).endswith(f"(at position {position})"), \
            f"the message should end in '(at position {position})', as ExpressionError makes it: {str(exc)!r}"
        return exc
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - shown to the learner
        pytest.fail(f"to_rpn({text!r}) should raise ExpressionError at position {position} ({why}), it raised "
                    f"{type(exc).__name__}: {exc}")
    pytest.fail(f"to_rpn({text!r}) should raise ExpressionError at position {position} ({why}), it returned {got!r}")


# -- exact RPN ------------------------------------------------------------------------------------
def test_docstring_example():
    """3 + (2 * 4) / 2 becomes 3 2 4 * 2 / + and evaluates to 7.0"""
    got = rpn("3 + (2 * 4) / 2")
    want = ["3", "2", "4", "*", "2", "/", "+"]
    assert got == want, f"to_rpn('3 + (2 * 4) / 2') should be {want}, got {got}"
    got = eval_rpn(want)
    assert type(got) is float and got == 7.0, f"eval_rpn({want}) should be 7.0 (a float), got {got!r}"
    assert value("3 + (2 * 4) / 2") == 7.0


@pytest.mark.parametrize("text, want, why", [
    ("42", "42", "a single number"),
    ("1 + 2 * 3", "1 2 3 * +", "* binds tighter than +"),
    ("1 * 2 + 3", "1 2 * 3 +", "* binds tighter than +"),
    ("(1 + 2) * 3", "1 2 + 3 *", "parentheses group first"),
    ("8 - 3 - 2", "8 3 - 2 -", "- is left-associative: (8 - 3) - 2"),
    ("8 / 4 / 2", "8 4 / 2 /", "/ is left-associative: (8 / 4) / 2"),
    ("8 - 3 + 2", "8 3 - 2 +", "+ and - have the same precedence, left to right"),
    ("8 + 3 - 2", "8 3 + 2 -", "+ and - have the same precedence, left to right"),
    ("8 / 4 * 2", "8 4 / 2 *", "* and / have the same precedence, left to right"),
    ("8 * 4 / 2", "8 4 * 2 /", "* and / have the same precedence, left to right"),
    ("2 ^ 3 ^ 2", "2 3 2 ^ ^", "^ is right-associative: 2 ^ (3 ^ 2)"),
    ("2 * 3 ^ 2", "2 3 2 ^ *", "^ binds tighter than *"),
    ("2 ^ 3 * 2", "2 3 ^ 2 *", "^ binds tighter than *"),
    ("-3", "3 neg", "a leading - is unary minus"),
    ("--3", "3 neg neg", "unary minus twice"),
    ("2 - -3", "2 3 neg -", "a - after an operator is unary"),
    ("-3 * 2", "3 neg 2 *", "unary minus binds tighter than *"),
    ("2 * -3", "2 3 neg *", "a - after * is unary"),
    ("-2 ^ 2", "2 2 ^ neg", "^ binds tighter than unary minus: -(2 ^ 2)"),
    ("2 ^ -1", "2 1 neg ^", "unary minus in the exponent"),
    ("2 ^ -1 ^ 2", "2 1 2 ^ neg ^", "as in Python: 2 ** -(1 ** 2)"),
    ("-(1 + 2)", "1 2 + neg", "unary minus of a parenthesised group"),
    ("(-2) ^ 2", "2 neg 2 ^", "parentheses make the minus part of the base"),
    ("1 - 2 * 3 ^ 4 ^ 5 / 6 + 7", "1 2 3 4 5 ^ ^ * 6 / - 7 +", "every level at once"),
    ("((((7))))", "7", "redundant parentheses"),
    ("007 + 2.50", "007 2.50 +", "numbers exactly as written"),
    ("\t1+2 *\t3  ", "1 2 3 * +", "spaces and tabs anywhere, or none"),
])
def test_exact_rpn(text, want, why):
    """to_rpn gives exactly the expected tokens"""
    got = rpn(text)
    assert got == want.split(), f"to_rpn({text!r}) should be {want.split()} ({why}), got {got}"


@pytest.mark.parametrize("text, want", [
    ("2 ^ 3 ^ 2", 512.0), ("-2 ^ 2", -4.0), ("2 ^ -1", 0.5), ("8 - 3 - 2", 3.0), ("8 / 4 / 2", 1.0),
    ("7 / 2", 3.5), ("--3", 3.0), ("2 - -3", 5.0), ("-(1 + 2) * 2", -6.0), ("(-2) ^ 3", -8.0), ("(-8) ^ 2", 64.0),
    ("0.5 + 0.25", 0.75), ("1 - 2 * 3 ^ 2 / 6 + 7", 5.0), ("4 ^ 0.5", 2.0), ("0.25 ^ 0.5", 0.5), ("0 ^ 0.5", 0.0), ("0 ^ 0", 1.0), ("-0", -0.0),
])
def test_evaluate_values(text, want):
    """evaluate gives the right float"""
    got = value(text)
    assert got == want, f"evaluate({text!r}) should be {want!r}, got {got!r}"


# -- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, position, why", [
    ("3 + * 4", 4, "a number was expected where '*' is"),
    ("* 3", 0, "an expression cannot start with a binary operator"),
    ("+3", 0, "there is no unary plus"),
    ("3 +", 3, "the text ends where a number was expected: len(text)"),
    ("3 * -", 5, "unary minus with nothing after it: len(text)"),
    ("", 0, "an empty text ends at once: len('') is 0"),
    ("   ", 3, "only spaces: the text ends at 3 where a number was expected"),
    ("(", 1, "a number was expected at the end"),
    ("()", 1, "empty parentheses: a number was expected where ')' is"),
    ("(1 + 2", 0, "the '(' at 0 is never closed"),
    ("1 + (2 * (3 - 1)", 4, "the '(' at 4 is never closed (the one at 9 is)"),
    ("1 + 2)", 5, "the ')' at 5 has no matching '('"),
    ("(1))", 3, "the second ')' has no matching '('"),
    ("2 3", 2, "two numbers in a row: an operator was expected at 2"),
    ("(1)(2)", 3, "an operator was expected where the second '(' is"),
    ("2 (3)", 2, "an operator was expected before '('"),
    ("2 $ 3", 2, "'$' is not part of the language"),
    ("2 ** 3", 3, "the second '*' is where a number was expected (use ^)"),
    ("2.", 2, "a decimal point needs digits after it: the text ends at 2"),
    ("2.x + 1", 2, "a decimal point needs a digit after it, 'x' is at 2"),
    (".5", 0, "a number starts with a digit, not '.'"),
    ("1e3", 1, "'e' is not part of a number"),
    ("٣ + 1", 0, "'٣' is an Arabic-Indic digit, not one of 0-9 (str.isdigit() says True: don't use it)"),
    ("2²", 1, "'²' is not a digit 0-9"),
    ("x + 1", 0, "names are not part of the language"),
])
def test_malformed_text(text, position, why):
    """malformed text raises ExpressionError (a ValueError) at the position of the problem"""
    exc = error_at(text, position, why)
    assert isinstance(exc, ValueError)


def test_evaluate_passes_syntax_errors_on():
    """evaluate raises the same ExpressionError for malformed text"""
    with pytest.raises(ExpressionError) as info:
        evaluate("1 + (2")
    assert info.value.position == 4, f"evaluate('1 + (2') should fail at 4, the unclosed '(', got {info.value.position}"


@pytest.mark.parametrize("text, error, why", [
    ("1 / 0", ZeroDivisionError, "division by zero"),
    ("1 / (2 - 2)", ZeroDivisionError, "division by zero"),
    ("0 ^ -1", ZeroDivisionError, "0 to a negative power is 1 / 0"),
    ("10 ^ 400", OverflowError, "too big for a float"),
    ("(-8) ^ 0.5", ValueError, "a negative number to a fractional power is not a real number"),
    ("(-0.25) ^ 0.5", ValueError, "a negative number to a fractional power is not a real number"),
    ("(1 - 1.5) ^ 1.5", ValueError, "the base is -0.5: a negative number to a fractional power"),
    ("-(8 ^ 0.5) ^ 0.5", None, "here the base is 8, not negative: -(8 ^ 0.5 ^ 0.5) is fine"),
])
def test_arithmetic_errors(text, error, why):
    """ZeroDivisionError, OverflowError and ValueError where the arithmetic has no float answer"""
    if error is None:
        got = value(text)
        assert math.isclose(got, -(8 ** 0.5) ** 0.5), f"evaluate({text!r}) should be about -1.68 ({why}), got {got!r}"
        return
    try:
        got = evaluate(text)
    except error as exc:
        assert not isinstance(exc, ExpressionError), f"evaluate({text!r}) is well-formed text: {why}, not a syntax error"
        return
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - shown to the learner
        pytest.fail(f"evaluate({text!r}) should raise {error.__name__} ({why}), it raised {type(exc).__name__}: {exc}")
    pytest.fail(f"evaluate({text!r}) should raise {error.__name__} ({why}), it returned {got!r}")


@pytest.mark.parametrize("tokens, why", [
    ([], "nothing at all"),
    (["1", "+"], "+ needs two operands"),
    (["+"], "+ needs two operands"),
    (["1", "2"], "two values left over"),
    (["1", "2", "3", "+"], "two values left over"),
    (["neg"], "neg needs an operand"),
    (["1", "x", "+"], "'x' is not a token"),
    (["1e3"], "'1e3' is not a number of the language"),
    (["inf"], "'inf' is not a number of the language"),
    (["(", "1", ")"], "parentheses never appear in RPN"),
    (["1", "2", "**"], "'**' is not an operator"),
])
def test_eval_rpn_refuses_bad_lists(tokens, why):
    """eval_rpn raises ValueError for a list that is not valid RPN"""
    try:
        got = eval_rpn(list(tokens))
    except ValueError:
        return
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - shown to the learner
        pytest.fail(f"eval_rpn({tokens!r}) should raise ValueError ({why}), it raised {type(exc).__name__}: {exc}")
    pytest.fail(f"eval_rpn({tokens!r}) should raise ValueError ({why}), it returned {got!r}")


def test_eval_rpn_operand_order():
    """eval_rpn pops the right operand first: 8 2 - is 6, 8 2 / is 4, 2 3 ^ is 8"""
    for tokens, want in ((["8", "2", "-"], 6.0), (["8", "2", "/"], 4.0), (["2", "3", "^"], 8.0),
                         (["5", "neg", "2", "-"], -7.0), (["2", "3", "4", "*", "+"], 14.0), (["1.5"], 1.5)):
        got = eval_rpn(tokens)
        assert type(got) is float and got == want, f"eval_rpn({tokens!r}) should be {want!r}, got {got!r}"


def test_no_eval():
    """the parser is yours: no eval(), exec(), compile() or ast"""
    assert value("1 + 1") == 2.0
    assert_not_used("Python's own parser", names=["eval", "exec", "compile", "__import__"], imports=["ast"],
                    attributes=["literal_eval"])


# -- random expressions against an exact oracle ---------------------------------------------------
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "^": 4, "num": 5}

LITERALS = st.one_of(st.integers(0, 12).map(str), st.sampled_from(["0.5", "2.5", "1.25", "0.1", "3.0", "007"]))
NUMBER = LITERALS.map(lambda t: ("num", t))
# exponents stay small, so nothing overflows: a literal 0-3, a negative one, or a short right-associative chain
EXPONENT = st.one_of(
    st.integers(0, 3).map(lambda n: ("num", str(n))),
    st.integers(1, 2).map(lambda n: ("neg", ("num", str(n)))),
    st.tuples(st.integers(1, 2), st.integers(0, 2)).map(lambda p: ("^", ("num", str(p[0])), ("num", str(p[1])))),
)


def extend(children):
    return st.one_of(
        st.tuples(st.sampled_from("+-*/"), children, children),
        st.tuples(st.just("neg"), children),
        st.tuples(st.just("^"), children, EXPONENT),
    )


TREES = st.recursive(NUMBER, extend, max_leaves=10)


def postorder(tree):
    kind = tree[0]
    if kind == "num":
        return [tree[1]]
    return [tok for child in tree[1:] for tok in postorder(child)] + [kind]


def needs_parens(child, parent, side):
    c, p = PREC[child[0]], PREC[parent[0]]
    if parent[0] == "neg":
        return c < p  # -(1 + 2) but -2 ^ 2 and --3
    if parent[0] == "^":
        # the base must be an atom ((-2) ^ 2); the exponent may be a unary minus or another ^
        return c < 5 if side == "left" else c < 3
    if child[0] == "neg":
        return False  # 2 * -3 and -3 * 2 need none
    return c < p if side == "left" else c <= p


def render(tree, rng):
    """minimal parentheses from the precedence rules, some redundant ones, random spacing"""
    def sp():
        return rng.choice(["", "", " ", " ", "  ", "\t"])

    def go(node):
        kind = node[0]
        if kind == "num":
            text = node[1]
        elif kind == "neg":
            inner = go(node[1])
            text = "-" + sp() + (f"({inner})" if needs_parens(node[1], node, "right") else inner)
        else:
            left, right = go(node[1]), go(node[2])
            if needs_parens(node[1], node, "left"):
                left = f"({sp()}{left}{sp()})"
            if needs_parens(node[2], node, "right"):
                right = f"({sp()}{right}{sp()})"
            text = f"{left}{sp()}{kind}{sp()}{right}"
        if rng.random() < 0.15:
            text = f"({sp()}{text}{sp()})"
        return text

    return sp() + go(tree) + sp()


class NoFloatAnswer(Exception):
    pass


def exact(tree, seen):
    """the exact value with Fractions; every intermediate result goes into ``seen``"""
    kind = tree[0]
    if kind == "num":
        v = Fraction(tree[1])
    elif kind == "neg":
        v = -exact(tree[1], seen)
    else:
        a, b = exact(tree[1], seen), exact(tree[2], seen)
        if (kind == "/" and b == 0) or (kind == "^" and a == 0 and b < 0):
            raise NoFloatAnswer  # ZeroDivisionError, tested on its own
        v = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
             "^": lambda: a ** int(b)}[kind]()
    seen.append(v)
    return v


@given(tree=TREES, seed=st.integers(0, 2**32))
@settings(max_examples=100)
def test_random_expressions_against_an_exact_oracle(tree, seed):
    """random expressions: exact RPN from the expression's tree, and the value of an exact Fraction oracle"""
    text = render(tree, random.Random(seed))
    want_rpn = postorder(tree)
    got = rpn(text)
    assert got == want_rpn, (f"to_rpn({text!r}) should be {want_rpn} (precedence: + - < * / < unary minus < ^; "
                             f"^ right-associative, the rest left), got {got}")
    seen = []
    try:
        want = exact(tree, seen)
    except NoFloatAnswer:
        want = None
    # keep to values floats hold well: no division by zero, nothing huge or vanishingly small
    assume(want is not None and all(v == 0 or Fraction(1, 10**6) < abs(v) < 10**9 for v in seen))
    for what, got in ((f"eval_rpn({want_rpn})", eval_rpn(list(want_rpn))), (f"evaluate({text!r})", evaluate(text))):
        assert type(got) is float, f"{what} should return a float, got {type(got).__name__}"
        assert math.isclose(got, float(want), rel_tol=1e-9, abs_tol=1e-9), \
            f"{what} should be {float(want)!r} (exactly {want}), got {got!r}"

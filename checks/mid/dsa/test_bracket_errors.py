import re
from dataclasses import dataclass

import pytest
from hypothesis import given, strategies as st

from bracket_errors import BracketError, find_bracket_error
from pyexercise.checklib import time_budget

CLOSER = {"(": ")", "[": "]", "{": "}"}


def at(src, kind, index):
    """The BracketError for ``kind`` at ``index`` of ``src``, line and column counted here."""
    return BracketError(kind, index, src.count("\n", 0, index) + 1, index - src.rfind("\n", 0, index))


def shown(src):
    return repr(src) if len(src) <= 70 else f"<a text of {len(src):,} characters>"


def check(src, want):
    got = find_bracket_error(src)
    call = f"find_bracket_error({shown(src)})"
    if want is None:
        assert got is None, f"{call} should be None (no error), got {got!r}"
        return
    assert type(got) is BracketError, f"{call} should return a BracketError, got {got!r}"
    if got.kind == want.kind and got.index == want.index:
        assert got == want, (f"{call} should be {want!r}: right error, wrong line/col (lines and columns count "
                             f"from 1, the column in characters from the last newline), got {got!r}")
    assert got == want, f"{call} should be {want!r}, got {got!r}"


def check_at(src, kind, index):
    check(src, at(src, kind, index))


# -- the four kinds -------------------------------------------------------------------------------
def test_docstring_examples():
    """the examples of the docstring"""
    check("f(a[1], {'k': 2})", None)
    check("f(a[1)]", BracketError("mismatched", 5, 1, 6))
    check(r'say("it\"s (")  # :-)', None)
    check('x = "("  # ) is in a comment\ny = (1, 2', BracketError("unclosed", 33, 2, 5))
    check('s = "no end (\nf()', BracketError("unterminated", 4, 1, 5))


def test_balanced_texts():
    """balanced texts, and texts without brackets at all, have no error"""
    for src in ["", "plain words", "()", "[]{}", "{[()()]}", "f(x)[0]{y}", "((((()))))", "\n\n(\n)\n",
                "a = [1, (2, {3: 4})]\n"]:
        check(src, None)


@pytest.mark.parametrize("src, index", [(")", 0), ("a)", 1), ("()]", 2), ("(x)\n}", 4), ("[](){}) (", 6)])
def test_unmatched_closer(src, index):
    """a closing bracket with nothing open is 'unmatched', at the closer"""
    check_at(src, "unmatched", index)


@pytest.mark.parametrize("src, index", [("(]", 1), ("([)]", 2), ("{[()]]", 5), ("f(a, [b)", 7)])
def test_mismatched_closer(src, index):
    """a closer of the wrong kind is 'mismatched', at the closer"""
    check_at(src, "mismatched", index)


@pytest.mark.parametrize("src, index", [("(", 0), ("((", 1), ("([]", 0), ("{ ( [ ] ", 2), ("f(g(x), h(", 9),
                                        ("[()\n{}\n", 0)])
def test_unclosed_opener_is_the_innermost(src, index):
    """brackets left open: 'unclosed', at the one opened last"""
    check_at(src, "unclosed", index)


@pytest.mark.parametrize("src, kind, index", [
    ("(] )", "mismatched", 1), (") (]", "unmatched", 0), ("( 'oops\n)", "unterminated", 2),
    ("((( \"never closed", "unterminated", 4), ("{ ]\n'x", "mismatched", 2),
])
def test_first_error_wins(src, kind, index):
    """the first error reading left to right is the one reported"""
    check_at(src, kind, index)


# -- strings and comments -------------------------------------------------------------------------
# (kind, index) of the error, or None for a text without one
@pytest.mark.parametrize("src, error", [
    ('x = "(["', None), ("x = '}{'", None), ("f('#)', \"#]\")", None), ('"(" )', ("unmatched", 4)),
    ("('[' ]", ("mismatched", 5)),
])
def test_brackets_in_strings_dont_count(src, error):
    """brackets (and #) inside strings of either quote are text"""
    check(src, error and at(src, *error))


@pytest.mark.parametrize("src, error", [
    ("s = \"it's\"", None), ("s = 'say \"hi\"'", None), ("s = 'say \"(\"' )", ("unmatched", 14)),
])
def test_other_quote_inside_a_string(src, error):
    """a string only ends at its own kind of quote"""
    check(src, error and at(src, *error))


@pytest.mark.parametrize("src, error", [
    (r'"a\"b"', None), (r"'it\'s ('", None), (r'"\\"', None), (r'"\\" )', ("unmatched", 5)),
    (r'"\\\" )', ("unterminated", 0)), (r'"\(\[\{"', None), (r'f("\"", ")")]', ("unmatched", 12)),
])
def test_escapes_in_strings(src, error):
    """a backslash escapes the next character: quotes and backslashes"""
    check(src, error and at(src, *error))


@pytest.mark.parametrize("src, index", [
    ('"', 0), ("x = 'abc", 4), ('x = "abc\ny"', 4), ('ok = "fine"\nbad = "no end\n', 18),
    ('"ends in a backslash\\', 0), ('"backslash newline\\\n"', 0),
])
def test_unterminated_strings(src, index):
    """a string that reaches a newline or the end of the text is 'unterminated', at its quote"""
    check_at(src, "unterminated", index)


@pytest.mark.parametrize("src, error", [
    ("f(x)  # ) and ] and '", None), ("# }\n()", None), ("(  # )\n)", None), ("# (\n)", ("unmatched", 4)),
    ("( # )", ("unclosed", 0)), ("x = 1 # \"\n  ]", ("unmatched", 12)),
])
def test_comments(src, error):
    """a comment hides brackets and quotes until the end of its line"""
    check(src, error and at(src, *error))


@pytest.mark.parametrize("src, index", [('s = "#" )', 8), ("s = '#(' ]", 9)])
def test_hash_in_a_string_is_not_a_comment(src, index):
    """# inside a string does not start a comment"""
    check_at(src, "unmatched", index)


def test_lines_and_columns():
    """line and column count from 1; the column counts characters, tabs and accents included"""
    check("a\n\nb\n  ]", BracketError("unmatched", 7, 4, 3))
    check("\té(]", BracketError("mismatched", 3, 1, 4))
    check("ok()\n\tçà [}", BracketError("mismatched", 10, 2, 6))
    check("# é(\n  'π ∑ (\n", BracketError("unterminated", 7, 2, 3))
    check("x\r\n(", BracketError("unclosed", 3, 2, 1))


# -- properties -----------------------------------------------------------------------------------
@dataclass
class Tok:
    text: str
    role: str  # word, nl, string, comment, open, close
    depth: int  # brackets open before this token
    top: str | None  # the innermost open bracket before this token
    partner: int = -1  # for open/close: the index of the matching token
    offset: int = 0


WORD = st.text(alphabet="ab é\t=,+;1", min_size=1, max_size=3)
ESCAPE = st.sampled_from(["\\\\", "\\\"", "\\'", "\\(", "\\#", "\\t"])


def string_literal(quote):
    body_char = st.sampled_from([c for c in "()[]{}#a é'\"" if c != quote])
    return st.lists(st.one_of(body_char, ESCAPE), max_size=4).map(lambda parts: quote + "".join(parts) + quote)


LEAF = st.one_of(
    WORD.map(lambda t: ("word", t)),
    st.just(("nl", "\n")),
    st.one_of(string_literal('"'), string_literal("'")).map(lambda t: ("string", t)),
    st.text(alphabet="()[]{}'\"# a\\", max_size=4).map(lambda t: ("comment", "#" + t)),
)
PROGRAM = st.recursive(
    st.lists(LEAF, max_size=4),
    lambda inner: st.lists(st.one_of(LEAF, st.tuples(st.sampled_from("([{"), inner).map(lambda g: ("group", g))),
                           min_size=1, max_size=5),
    max_leaves=25)


def flatten(items):
    """The program as tokens, each knowing the brackets open before it and its offset."""
    tokens, stack = [], []

    def walk(items):
        for role, content in items:
            top = stack[-1] if stack else None
            if role == "group":
                opener, inner = content
                i = len(tokens)
                tokens.append(Tok(opener, "open", len(stack), top))
                stack.append(opener)
                walk(inner)
                stack.pop()
                tokens.append(Tok(CLOSER[opener], "close", len(stack) + 1, opener, partner=i))
                tokens[i].partner = len(tokens) - 1
            else:
                tokens.append(Tok(content, role, len(stack), top))
                if role == "comment":
                    tokens.append(Tok("\n", "nl", len(stack), top))
    walk(items)
    offset = 0
    for t in tokens:
        t.offset, offset = offset, offset + len(t.text)
    return tokens


def join(tokens):
    return "".join(t.text for t in tokens)


def boundaries(tokens):
    """Places where a character can go in code (not inside a comment): (token index, depth, top)."""
    places = [(i, t.depth, t.top) for i, t in enumerate(tokens) if i == 0 or tokens[i - 1].role != "comment"]
    return places + [(len(tokens), 0, None)]  # the end: a comment's newline token always comes last


@given(PROGRAM, st.data())
def test_one_injected_fault(program, data):
    """a random balanced text with strings and comments, then one fault anywhere: found exactly"""
    tokens = flatten(program)
    src = join(tokens)
    check(src, None)
    closers = [i for i, t in enumerate(tokens) if t.role == "close"]
    tops = [i for i, t in enumerate(tokens) if t.role == "open" and t.depth == 0]
    strings = [i for i, t in enumerate(tokens) if t.role == "string"]
    places = boundaries(tokens)
    faults = ["stray closer", "extra opener at top level", "string left open at the end"]
    faults += ["wrong closer"] * bool(closers) + ["opener dropped", "closer dropped"] * bool(tops)
    faults += ["string broken by a newline"] * bool(strings)
    fault = data.draw(st.sampled_from(faults), label="fault")
    if fault == "wrong closer":
        t = tokens[data.draw(st.sampled_from(closers), label="closer")]
        t.text = data.draw(st.sampled_from([c for c in ")]}" if c != t.text]))
        want = ("mismatched", t.offset)
    elif fault == "stray closer":
        i, depth, top = data.draw(st.sampled_from(places), label="place")
        closer = data.draw(st.sampled_from([c for c in ")]}" if top is None or c != CLOSER[top]]))
        offset = tokens[i].offset if i < len(tokens) else len(src)
        tokens.insert(i, Tok(closer, "close", depth, top))
        want = ("unmatched" if top is None else "mismatched", offset)
    elif fault == "extra opener at top level":
        i, _depth, _top = data.draw(st.sampled_from([p for p in places if p[1] == 0]), label="place")
        offset = tokens[i].offset if i < len(tokens) else len(src)
        tokens.insert(i, Tok(data.draw(st.sampled_from("([{")), "open", 0, None))
        want = ("unclosed", offset)
    elif fault == "opener dropped":
        t = tokens[data.draw(st.sampled_from(tops), label="group")]
        want = ("unmatched", tokens[t.partner].offset - 1)
        t.text = ""
    elif fault == "closer dropped":
        t = tokens[data.draw(st.sampled_from(tops), label="group")]
        want = ("unclosed", t.offset)
        tokens[t.partner].text = ""
    elif fault == "string broken by a newline":
        t = tokens[data.draw(st.sampled_from(strings), label="string")]
        t.text = t.text[:-1] + "\n"
        want = ("unterminated", t.offset)
    else:  # string left open at the end
        quote = data.draw(st.sampled_from("\"'"))
        tail = data.draw(st.text(alphabet="()[]{}# a", max_size=4))
        want = ("unterminated", len(src))  # a comment always ends with its newline: this is code
        tokens.append(Tok(quote + tail, "string", 0, None))
    src = join(tokens)
    check(src, at(src, *want))


# An oracle written another way: a regular expression picks out comments, whole strings, lone
# quotes (strings that never end) and brackets; everything else is skipped.
TOKEN = re.compile(r"""#[^\n]*|"(?:[^"\\\n]|\\[^\n])*"|'(?:[^'\\\n]|\\[^\n])*'|["']|[()\[\]{}]""")


def oracle(src):
    stack = []
    for m in TOKEN.finditer(src):
        t, i = m.group(), m.start()
        if t in ("'", '"'):
            return at(src, "unterminated", i)
        if t in CLOSER:
            stack.append(i)
        elif t in ")]}":
            if not stack:
                return at(src, "unmatched", i)
            if CLOSER[src[stack.pop()]] != t:
                return at(src, "mismatched", i)
    return at(src, "unclosed", stack[-1]) if stack else None


@given(st.text(alphabet="()[]{}\"'#\\\n aé", max_size=40))
def test_any_text_matches_an_oracle(src):
    """any text at all, however odd, gives what a regex-based checker gives"""
    check(src, oracle(src))


# -- big ones -------------------------------------------------------------------------------------
def test_nested_100000_deep():
    """100,000 brackets open at once: no recursion, one pass"""
    depth = 100_000
    with time_budget(3, "find_bracket_error took over 3 s on 200,000 nested brackets: one pass with a stack"):
        try:
            check("(" * depth + ")" * depth, None)
        except RecursionError:
            pytest.fail("find_bracket_error ran out of stack (RecursionError) on 100,000 nested brackets: Python "
                        "stops recursion at about 1000 frames; keep the open brackets on an explicit list instead")
        opens = "([{" * (depth // 3)
        closes = "".join(CLOSER[c] for c in reversed(opens))
        check_at(opens + "]" + closes[1:], "mismatched", len(opens))
        check_at("{" * depth, "unclosed", depth - 1)
        check_at("[" * depth + "]" * depth + ")", "unmatched", 2 * depth)


def test_long_program():
    """a 10,000-line program with strings and comments, error on the last line: linear time"""
    line = 'f(a[i], {"k": "v(]"}, \'#\')  # ok ) ]\n'
    src = line * 10_000 + "g(h[0)\n"
    with time_budget(3, "find_bracket_error took over 3 s on a 10,000-line program: one pass, and count lines "
                        "and columns only for the error you report"):
        check_at(src, "mismatched", len(src) - 2)
        check(src[:-7], None)

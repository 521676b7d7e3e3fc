import os
import tracemalloc
from itertools import chain, repeat
from pathlib import PurePosixPath

import pytest
from hypothesis import given, strategies as st

from longest_prefix import common_path_prefix, longest_common_prefix
from pyexercise.checklib import assert_not_used, time_budget


class OneShot:
    """An iterable that can be iterated only once (like a generator), and that fails loudly if it
    is read past ``stop_after`` items: the function should have stopped there."""

    def __init__(self, items, stop_after=None):
        self.items, self.stop_after, self.used, self.reads = list(items), stop_after, False, 0

    def __iter__(self):
        assert not self.used, ("the strings were iterated a second time: a generator can be read only once, so "
                               "do everything in one pass (no min() then max(), no len() then a loop)")
        self.used = True
        for item in self.items:
            if self.stop_after is not None and self.reads >= self.stop_after:
                raise AssertionError(f"after {self.stop_after} string(s) the prefix was already empty, yet the "
                                     "function read another: stop reading once the prefix is ''")
            self.reads += 1
            yield item


def shown(items):
    items = list(items)
    return repr(items) if len(items) <= 8 and sum(map(len, map(str, items))) < 120 else f"<{len(items):,} strings>"


def check_lcp(strings, want=None):
    want = os.path.commonprefix(list(strings)) if want is None else want
    got = longest_common_prefix(OneShot(strings))
    assert type(got) is str, f"longest_common_prefix({shown(strings)}) should return a str, got {got!r}"
    assert got == want, f"longest_common_prefix({shown(strings)}) should be {want!r}, got {got!r}"


def oracle_path(paths):
    try:
        return os.path.commonpath(list(paths))
    except ValueError:
        return ValueError


def check_path(paths, want=None):
    want = oracle_path(paths) if want is None else want
    call = f"common_path_prefix({shown(paths)})"
    if want is ValueError:
        with pytest.raises(ValueError):
            common_path_prefix(OneShot(paths))
            pytest.fail(f"{call} should raise ValueError, as os.path.commonpath does "
                        + ("(no paths)" if not paths else "(absolute and relative paths mixed)"))
        return
    got = common_path_prefix(OneShot(paths))
    assert type(got) is str, f"{call} should return a str, got {got!r}"
    assert got == want, f"{call} should be {want!r} (what os.path.commonpath gives), got {got!r}"


# -- longest_common_prefix ------------------------------------------------------------------------
def test_docstring_examples():
    """the examples of the docstring"""
    check_lcp(["interview", "internet", "interval"], "inter")
    got = longest_common_prefix(w for w in ["flow", "flower", "flight"])
    assert got == "fl", f"longest_common_prefix(<generator of flow, flower, flight>) should be 'fl', got {got!r}"
    check_lcp([], "")
    check_lcp(["/usr/lib/python3", "/usr/local/lib"], "/usr/l")


def test_edges():
    """one string, empty strings, equal strings, one string a prefix of another"""
    for strings in (["solo"], [""], ["", "abc"], ["abc", ""], ["same", "same", "same"], ["abc", "ab"],
                    ["ab", "abc"], ["abc", "xyz"], ["a", "a", "b"], ["prefix", "prefixes", "pre"]):
        check_lcp(strings)


def test_unicode_is_compared_exactly():
    """characters are compared as they are: no case folding, no normalisation"""
    check_lcp(["ßtraße", "ßtrasse"], "ßtra")
    check_lcp(["é", "e\u0301"], "")
    check_lcp(["Straße", "straße"], "")
    check_lcp(["日本語", "日本人"], "日本")
    check_lcp(["🐍🐍a", "🐍🐍b", "🐍🐍"], "🐍🐍")


def test_reads_a_generator_once():
    """a one-shot iterable is read once, item by item"""
    check_lcp(["carpet", "carpool", "cart", "carbon"], "car")
    gen = iter(["x1", "x2", "x3"])
    got = longest_common_prefix(gen)
    assert got == "x", f"longest_common_prefix(iter(['x1', 'x2', 'x3'])) should be 'x', got {got!r}"


def test_stops_reading_when_prefix_is_empty():
    """once the prefix is '' no more strings are read, even from an endless iterator"""
    for strings, stop in ((["abc", "xyz", "abc", "abd"], 2), (["", "a", "b"], 1), (["ab", "ac", "b", "ab"], 3)):
        got = longest_common_prefix(OneShot(strings, stop_after=stop))
        assert got == "", f"longest_common_prefix({strings!r}) should be '', got {got!r}"
    with time_budget(2, "longest_common_prefix(chain(['abc', 'xyz'], repeat('abc'))) did not return: once the "
                        "prefix is '' stop reading"):
        got = longest_common_prefix(chain(["abc", "xyz"], repeat("abc")))
    assert got == "", f"longest_common_prefix(['abc', 'xyz', 'abc', 'abc', ...endless]) should be '', got {got!r}"


@given(st.lists(st.text(alphabet="aab", max_size=6).map(lambda t: "ab" + t), max_size=8)
       | st.lists(st.text(alphabet="abé", max_size=5), max_size=6))
def test_matches_commonprefix(strings):
    """any list of strings: the same answer as os.path.commonprefix"""
    check_lcp(strings)


def test_long_strings_linear_time():
    """million-character strings that differ early or late: linear time, no char-by-char shrinking"""
    long = "a" * 1_000_000
    with time_budget(2, "longest_common_prefix took over 2 s on million-character strings: find where they "
                        "differ once (a loop up to the first difference), don't shorten the prefix a character "
                        "at a time (each slice copies it)"):
        check_lcp([long, "b"], "")
        check_lcp([long, "a" * 300_000 + "b"], "a" * 300_000)
        check_lcp([long, long[:-1] + "b", long], long[:-1])
        check_lcp([long] * 50, long)


def test_keeps_only_the_prefix_in_memory():
    """streaming 50,000 strings keeps only the prefix: memory does not grow with the input"""
    n = 50_000
    strings = map(str.__add__, repeat("common/prefix/"), map(str, range(n)))
    tracemalloc.start()
    try:
        got = longest_common_prefix(strings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got == "common/prefix/", f"longest_common_prefix(<50,000 strings>) should be 'common/prefix/', got {got!r}"
    assert peak < 20_000, (f"longest_common_prefix(<50,000 strings from a generator>) held {peak:,} bytes at its "
                           "peak: keep only the prefix so far, not a list of the strings")


def test_million_strings():
    """a million strings streamed from a generator, in well under a few seconds"""
    n = 1_000_000
    strings = map(str.__add__, repeat("shared-start-"), map(str, range(10**6, 10**6 + n)))
    with time_budget(3, "longest_common_prefix took over 3 s on a million strings: most strings start with the "
                        "prefix, and str.startswith checks that at C speed"):
        got = longest_common_prefix(strings)
    assert got == "shared-start-1", f"longest_common_prefix(<a million strings>) should be 'shared-start-1', got {got!r}"


# -- common_path_prefix ---------------------------------------------------------------------------
def test_path_docstring_example():
    """components are compared whole: /usr/lib and /usr/local share /usr"""
    check_path(["/usr/lib/python3", "/usr/local/lib"], "/usr")


def test_path_basics():
    """absolute and relative paths, one path, identical paths, nothing shared"""
    for paths, want in ((["/a/b/c"], "/a/b/c"), (["/a/b", "/a/b"], "/a/b"), (["/a/b/c", "/a/b/d", "/a/x"], "/a"),
                        (["/x", "/y"], "/"), (["/"], "/"), (["a/b", "a/c"], "a"), (["a", "b"], ""), (["a/b"], "a/b"),
                        (["projects/api/v1", "projects/api", "projects/api/v2/x"], "projects/api")):
        check_path(paths, want)


def test_path_ignores_empty_and_dot_components():
    """'//', trailing '/' and '.' components say nothing; '..' is a name"""
    for paths, want in ((["/a//b", "/a/b/"], "/a/b"), (["./a/b", "a/./b/c"], "a/b"), (["//a", "/a"], "/a"),
                        (["a/../b", "a/../c"], "a/.."), (["..", "../x"], ".."), ([".", "./"], ""), ([""], ""),
                        (["/./", "/"], "/")):
        check_path(paths, want)


def test_path_errors():
    """ValueError for no paths, and for absolute and relative paths mixed, wherever they mix"""
    check_path([], ValueError)
    for paths in (["/a", "a"], ["a", "/a"], ["/a/b", "/a/c", "/a/d", "a/b"], ["x", "y", "/x"], ["/", ""]):
        check_path(paths, ValueError)


def test_path_objects():
    """path objects work too (os.fspath)"""
    got = common_path_prefix([PurePosixPath("/srv/app/static"), PurePosixPath("/srv/app/media"), "/srv/app"])
    assert got == "/srv/app", f"common_path_prefix of PurePosixPath('/srv/app/static'), ... should be '/srv/app', got {got!r}"


def test_path_generator():
    """paths from a generator are read once"""
    got = common_path_prefix(p for p in ["/var/log/a", "/var/log/b", "/var/lib"])
    assert got == "/var", f"common_path_prefix(<generator>) should be '/var', got {got!r}"


PART = st.sampled_from(["a", "b", "ab", "..", ".", "", "é"])
PATH = st.builds(lambda lead, parts: lead + "/".join(parts), st.sampled_from(["", "/", "//"]),
                 st.lists(PART, max_size=4))


@given(st.lists(PATH, max_size=5) | st.lists(PATH.map(lambda p: "/" + p), max_size=5)
       | st.lists(PATH.map(lambda p: p.lstrip("/")), max_size=5))
def test_path_matches_commonpath(paths):
    """any list of paths: the same answer, or the same ValueError, as os.path.commonpath"""
    check_path(paths)


def test_not_the_library():
    """the prefixes are yours: no os.path.commonprefix or commonpath"""
    assert longest_common_prefix(["ab", "ac"]) == "a" and common_path_prefix(["/a"]) == "/a"
    assert_not_used("os.path.commonprefix or commonpath", names=["commonprefix", "commonpath"],
                    attributes=["commonprefix", "commonpath"], imports=["posixpath", "genericpath"])

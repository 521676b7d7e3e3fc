import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from stream_replace import replace_in_file


def write(tmp_path, text: str, name: str = "file.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def content(path) -> str:
    return path.read_bytes().decode("utf-8")


def whole_word_reference(text: str, old: str, new: str) -> tuple[str, int]:
    return re.subn(rf"(?<!\w){re.escape(old)}(?!\w)", lambda m: new, text)


def replace(path, old, new, **kwargs):
    got = replace_in_file(path, old, new, **kwargs)
    assert type(got) is int, f"replace_in_file should return the count as an int, got {got!r}"
    return got


def test_replaces_every_occurrence(tmp_path):
    """every occurrence is replaced and the count returned"""
    text = "host=db-old.internal\nbackup=db-old.internal:5432\nname=db-old\n"
    path = write(tmp_path, text)
    got = replace(path, "db-old.internal", "db.internal")
    assert got == 2, f"'db-old.internal' occurs twice, got {got}"
    assert content(path) == text.replace("db-old.internal", "db.internal"), "the file should have both replaced"


def test_like_str_replace(tmp_path):
    """left to right without overlapping, across line breaks, with new containing old"""
    cases = [("aaaa", "aa", "b"), ("aaa", "aa", "b"), ("cat cat", "cat", "cats"), ("a\nb a\nb", "a\nb", "X"),
             ("3.5 345 3x5", "3.5", "three"), ("C++ and C", "C++", "Rust"), ("path", "a", r"\1\n"),
             ("Grüße, 東京!", "東京", "Ōsaka"), ("xyz", "xyz", "")]
    for i, (text, old, new) in enumerate(cases):
        path = write(tmp_path, text, f"case{i}.txt")
        got = replace(path, old, new)
        want = text.replace(old, new)
        assert (content(path), got) == (want, text.count(old)), (
            f"replacing {old!r} by {new!r} in {text!r} should give {want!r} and count {text.count(old)}, "
            f"got {content(path)!r} and {got}")


def test_line_endings_kept(tmp_path):
    """'\\r\\n' and a lone '\\r' stay exactly as they are"""
    text = "one\r\ntwo\rthree\nfour\r\n"
    path = write(tmp_path, text)
    replace(path, "t", "T")
    assert path.read_bytes() == text.replace("t", "T").encode(), (
        f"open the file with newline='' (reading and writing) so line endings pass through; got {path.read_bytes()!r}")


def test_whole_word(tmp_path):
    """whole_word=True replaces 'cat' in 'cat.', '(cat)' and "cat's", not in 'cats', 'concat' or 'cat_2'"""
    text = "The cat sat; cats, concat, cat_2, (cat) cat's cat.\ncatalog Cat cat"
    path = write(tmp_path, text)
    got = replace(path, "cat", "dog", whole_word=True)
    want, count = whole_word_reference(text, "cat", "dog")
    assert (content(path), got) == (want, count), f"want {want!r} ({count} replaced), got {content(path)!r} ({got})"


def test_whole_word_special_words(tmp_path):
    """whole words may hold regex characters and non-ASCII letters; the replacement is literal"""
    text = "C++ C++x xC++ 3.5 345 é éa aé naïve"
    for old, new in [("C++", "Rust"), ("3.5", r"\g<0>"), ("é", "e"), ("naïve", "naive")]:
        path = write(tmp_path, text, "special.txt")
        got = replace(path, old, new, whole_word=True)
        want, count = whole_word_reference(text, old, new)
        assert (content(path), got) == (want, count), (
            f"whole word {old!r} -> {new!r} in {text!r}: want {want!r} ({count}), got {content(path)!r} ({got})")


def test_nothing_to_replace_leaves_the_file_alone(tmp_path):
    """with no occurrence the count is 0 and the file is not touched: same inode, same mtime"""
    for name, text, old, whole_word in [("plain.txt", "nothing to see here\n", "absent", False),
                                        ("words.txt", "cats and dogs\n", "cat", True)]:
        path = write(tmp_path, text, name)
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
        before = os.stat(path)
        assert replace(path, old, "x", whole_word=whole_word) == 0, f"{old!r} is not in {text!r} (whole_word={whole_word})"
        after = os.stat(path)
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), (
            "nothing was replaced, yet the file was rewritten: when the count is 0, throw the temporary file away")
        assert content(path) == text
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["plain.txt", "words.txt"], f"no temporary file may be left behind, found {left}"


def test_errors(tmp_path):
    """an empty old or a chunk_size below 1 is a ValueError; a missing file FileNotFoundError"""
    path = write(tmp_path, "abc")
    with pytest.raises(ValueError):
        replace_in_file(path, "", "x")
    for size in (0, -1):
        with pytest.raises(ValueError):
            replace_in_file(path, "a", "x", chunk_size=size)
    with pytest.raises(FileNotFoundError):
        replace_in_file(tmp_path / "missing.txt", "a", "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"], "a failed call should leave no file behind"


def test_occurrences_cut_by_chunk_boundaries(tmp_path):
    """an occurrence that a chunk boundary cuts in two is still found, whatever the chunk size"""
    text = "xx db-old.internal, db-old.internal\ndb-old.internaldb-old.internal db-old.interna"
    want = text.replace("db-old.internal", "db.internal")
    for size in range(1, 40):
        path = write(tmp_path, text)
        got = replace(path, "db-old.internal", "db.internal", chunk_size=size)
        assert (content(path), got) == (want, 4), (
            f"with chunk_size={size}, an occurrence can start in one chunk and end in the next: keep the last "
            f"len(old) - 1 characters back until the next chunk comes. Want {want!r} (4), got {content(path)!r} ({got})")


def test_whole_word_decided_across_chunk_boundaries(tmp_path):
    """in whole-word mode the characters before and after an occurrence may be in other chunks"""
    text = "cat xcat catx cat_ _cat cat\ncat"
    want, count = whole_word_reference(text, "cat", "dog")
    for size in range(1, 12):
        path = write(tmp_path, text)
        got = replace(path, "cat", "dog", whole_word=True, chunk_size=size)
        assert (content(path), got) == (want, count), (
            f"with chunk_size={size}: whether 'cat' is a whole word depends on the character before it (maybe at "
            f"the end of the previous chunk) and after it (maybe in the next chunk). Want {want!r}, got {content(path)!r}")


def test_keeps_permissions(tmp_path):
    """the new file has the original's permission bits"""
    for mode in (0o754, 0o640, 0o601):
        path = write(tmp_path, "a b a", f"m{mode:o}.sh")
        os.chmod(path, mode)
        replace(path, "a", "c")
        got = os.stat(path).st_mode & 0o7777
        assert got == mode, (f"the file was {mode:o} and became {got:o}: a temporary file is made 0600, so copy "
                             "the original's mode to it (os.chmod or shutil.copymode) before os.replace")


def test_an_open_reader_keeps_the_old_text(tmp_path):
    """the file is replaced atomically: a program that had it open still reads the old text"""
    text = "version=1\n" * 1000
    path = write(tmp_path, text)
    with open(path, encoding="utf-8") as reader:
        replace(path, "version=1", "version=2")
        seen = reader.read()
    assert content(path) == text.replace("1", "2"), "the file should now say version=2"
    assert seen == text, ("a reader that opened the file before the call saw it change under it: write the new text "
                          "to a temporary file and os.replace() it over the original, don't rewrite the file in place")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"], "no temporary file may be left behind"


def test_failure_midway_keeps_the_original(tmp_path):
    """an invalid UTF-8 byte deep in the file raises, and the original is left exactly as it was"""
    data = ("db-old " * 50_000).encode() + b"\xff\xfe broken" + (" db-old" * 10).encode()
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    with pytest.raises(UnicodeDecodeError):
        replace_in_file(path, "db-old", "db-new", chunk_size=4096)
    assert path.read_bytes() == data, ("a failure 350 KB into the file must leave the original intact: write to a "
                                       "temporary file and os.replace() only when all went well")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["file.txt"], f"the temporary file should be removed when it fails, found {left}"


text_st = st.text(st.sampled_from("ab _\n\r.é"), max_size=40)
old_st = st.text(st.sampled_from("ab _\n.é"), min_size=1, max_size=4)
new_st = st.text(st.sampled_from("ab\\1"), max_size=4)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=text_st, old=old_st, new=new_st, size=st.integers(1, 6), whole_word=st.booleans())
def test_matches_a_whole_text_reference(tmp_path, text, old, new, size, whole_word):
    """for any text and chunk size, the file ends as str.replace (or the whole-word regex) makes it"""
    path = write(tmp_path, text, "prop.txt")
    if whole_word:
        want, count = whole_word_reference(text, old, new)
    else:
        want, count = text.replace(old, new), text.count(old)
    got = replace(path, old, new, whole_word=whole_word, chunk_size=size)
    assert (content(path), got) == (want, count), (
        f"replace_in_file({text!r}, {old!r}, {new!r}, whole_word={whole_word}, chunk_size={size}) should give "
        f"{want!r} ({count} replaced), got {content(path)!r} ({got})")


# ---------------------------------------------------------------------------- the big file
BIG_MB = 80


def test_a_one_line_file_bigger_than_the_memory_limit(tmp_path):
    """an 80 MB file of one line is rewritten within a 64 MB memory limit"""
    block = ("x=db-old.internal;" + "y" * 300 + ";z=db-old.internal," + "w" * 655 + " db-old.internal ").encode()
    unit = 1000  # blocks per write and per comparison
    rounds = BIG_MB * 1024 * 1024 // (len(block) * unit) + 1
    copies = rounds * unit
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        for _ in range(rounds):
            f.write(block * unit)
    os.chmod(path, 0o640)
    got = replace(path, "db-old.internal", "db.internal")
    assert got == 3 * copies, f"the big file holds {3 * copies} occurrences, got {got}"
    new_block = block.replace(b"db-old.internal", b"db.internal")
    assert os.stat(path).st_size == len(new_block) * copies, "the new file should be as long as the old, minus 4 bytes per occurrence"
    want = new_block * unit
    with open(path, "rb") as f:
        while piece := f.read(len(want)):
            assert piece == want, "the big file's text should be exactly the old with each occurrence replaced"
    assert os.stat(path).st_mode & 0o777 == 0o640

import pytest
from hypothesis import given, strategies as st

from email_extractor import extract_emails, extract_emails_from_file, main
from pyexercise.checklib import run_main


def check(text, want):
    got = extract_emails(text)
    assert type(got) is list and all(type(a) is str for a in got), f"extract_emails should return a list of str, got {got!r}"
    assert got == want, f"extract_emails({text!r}) should be {want!r}, got {got!r}"


def test_simple():
    """plain addresses in a sentence, in order"""
    check("Contact alice@example.com or bob@example.org for help", ["alice@example.com", "bob@example.org"])
    check("no addresses here, just an @ sign and example.com", [])
    check("", [])
    check("a@b.co", ["a@b.co"])


def test_real_world_shapes():
    """dots, plus tags, hyphens, digits, underscores and subdomains"""
    check("ann.lee@example.com", ["ann.lee@example.com"])
    check("jane+newsletter@gmail.com", ["jane+newsletter@gmail.com"])
    check("ops_team-1@mail.eu-west-1.example.co.uk", ["ops_team-1@mail.eu-west-1.example.co.uk"])
    check("x%y@123.example.io", ["x%y@123.example.io"])
    check("O'Neil? No: First.Last@Example.COM", ["First.Last@Example.COM"])
    check("user@xn--bcher-kva.example", ["user@xn--bcher-kva.example"])


def test_surrounding_punctuation():
    """punctuation around an address is not part of it"""
    text = ("Mail bob@example.com. Or (carol@example.org), <dave@example.net>; 'erin@example.io' "
            "\"frank@example.dev\"! [gina@example.ai]? mailto:hank@example.com and ivy@example.com's desk, "
            "https://example.com/unsubscribe?to=jo@example.com&id=3 — kim@example.se…")
    check(text, ["bob@example.com", "carol@example.org", "dave@example.net", "erin@example.io", "frank@example.dev",
                 "gina@example.ai", "hank@example.com", "ivy@example.com", "jo@example.com", "kim@example.se"])
    check("end of sentence: zoe@example.co.uk.", ["zoe@example.co.uk"])
    check("line one max@example.com\nline two", ["max@example.com"])


def test_not_addresses():
    """things that only look like addresses give nothing"""
    for text in ["bob@localhost", "bob@example", "bob@example.c", "bob@example.123", "bob@-example.com",
                 "bob@example-.com", "bob@exa_mple.com", "bob@sub..example.com", "@example.com", "bob@",
                 "bob@@example.com", "bob@.example.com", "bob at example dot com"]:
        check(text, [])


def test_broken_addresses_give_nothing():
    """a broken address gives nothing, not a piece of it"""
    for text in ["john..doe@example.com", ".john@example.com", "john.@example.com",
                 "bob@example.com@evil.com", "bob@example.com-x", "bob@example.com_x", "bob@example.co.u1"]:
        check(text, [])
    check("ok@example.com, bad..one@example.com, fine@example.org",
          ["ok@example.com", "fine@example.org"])


def test_duplicates():
    """each address once, in order of first appearance, case-insensitively, first spelling kept"""
    check("b@example.com a@example.com b@example.com c@example.com a@example.com",
          ["b@example.com", "a@example.com", "c@example.com"])
    check("Bob@Example.ORG, then bob@example.org, then BOB@EXAMPLE.ORG", ["Bob@Example.ORG"])
    check("bob@example.org bob@example.org.uk", ["bob@example.org", "bob@example.org.uk"])


letters_digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
atom = st.text(letters_digits + "_%+-", min_size=1, max_size=6)
local_part = st.lists(atom, min_size=1, max_size=3).map(".".join)
label = st.builds(lambda a, mid, b: a + mid + b, st.sampled_from(letters_digits),
                  st.text(letters_digits + "-", max_size=5), st.sampled_from(letters_digits)) | st.sampled_from(letters_digits)
domain = st.builds(lambda labels, tld: ".".join(labels + [tld]), st.lists(label, min_size=1, max_size=3),
                   st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6))
address = st.builds(lambda l, d: f"{l}@{d}", local_part, domain)
separator = st.sampled_from([" ", ", ", "\n", "; ", " (", ") ", " <", "> ", ". ", "\t", "! ", " — ", ": "])
filler = st.text("abc xyz,;!?()", max_size=8)


@given(st.lists(st.tuples(filler, address), max_size=8), separator)
def test_finds_generated_addresses(pieces, sep):
    """any valid address, in any text around it, is found; duplicates ignore case"""
    text = sep.join(f"{words}{sep}{addr}" for words, addr in pieces) + sep
    want, seen = [], set()
    for _, addr in pieces:
        if addr.lower() not in seen:
            seen.add(addr.lower())
            want.append(addr)
    check(text, want)


def test_from_file(tmp_path):
    """extract_emails_from_file reads UTF-8, across lines, surviving a bad byte"""
    f = tmp_path / "inbox.txt"
    f.write_bytes("Grüße von anna@example.de!\nCc: Bernd <bernd@example.at>\n".encode("utf-8")
                  + b"\xff\xfe junk byte, then carl@example.ch\nanna@example.de again\n")
    got = extract_emails_from_file(f)
    assert got == ["anna@example.de", "bernd@example.at", "carl@example.ch"], (
        f"got {got!r}: read the file as UTF-8 with errors='replace' so a bad byte does not crash it")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert extract_emails_from_file(empty) == []
    with pytest.raises(FileNotFoundError):
        extract_emails_from_file(tmp_path / "missing.txt")


def test_main(tmp_path, capsys):
    """main prints one address per line; exit 0 if found, 1 if none, 2 if the file is missing"""
    f = tmp_path / "list.txt"
    f.write_text("To: a@example.com, b@example.com\nFrom: A@EXAMPLE.COM\n", encoding="utf-8")
    assert run_main(main, [str(f)], capsys=capsys) == (0, "a@example.com\nb@example.com\n", ""), (
        "two addresses, one per line, exit 0")
    f.write_text("nothing to see\n", encoding="utf-8")
    assert run_main(main, [str(f)], capsys=capsys) == (1, "", ""), "no addresses: print nothing and exit 1, like grep"
    code, out, err = run_main(main, [str(tmp_path / "nope.txt")], capsys=capsys)
    assert code == 2 and out == "" and err.startswith("error:"), (
        f"a missing file: 'error: ...' on stderr and exit 2, got {code}, {out!r}, {err!r}")
    assert run_main(main, [], capsys=capsys)[0] == 2, "no FILE argument is a usage error"

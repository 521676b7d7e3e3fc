import ast
import collections
import hashlib
import hmac
import re
import string
import zlib

import pytest
from hypothesis import given, settings, strategies as st

import secure_tokens
from pyexercise.checklib import assert_not_used, target_source
from secure_tokens import check_format, new_api_key, new_session_token, sign, verify

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
SECRET = bytes(range(32))
KEY_SHAPE = re.compile(r"pyex_[0-9A-Za-z]{36}")


def oracle_checksum(random_part: str) -> str:
    """The task's checksum, written independently: CRC32 of the ASCII bytes in 6 base-62 digits."""
    n, digits = zlib.crc32(random_part.encode("ascii")), []
    for _ in range(6):
        n, d = divmod(n, 62)
        digits.append(BASE62[d])
    return "".join(reversed(digits))


def oracle_key(random_part: str, prefix: str = "pyex") -> str:
    return f"{prefix}_{random_part}{oracle_checksum(random_part)}"


random_parts = st.text(alphabet=BASE62, min_size=30, max_size=30)


def test_key_shape():
    """new_api_key() is 'pyex_', 30 random base-62 characters and their CRC32 checksum"""
    key = new_api_key()
    assert type(key) is str, f"new_api_key() should return a str, got {type(key).__name__}"
    assert KEY_SHAPE.fullmatch(key), (f"new_api_key() gave {key!r}: it should be 'pyex_' followed by 36 "
                                      "characters from 0-9A-Za-z (30 random + a 6-character checksum)")
    random_part, checksum = key[5:35], key[35:]
    want = oracle_checksum(random_part)
    assert checksum == want, (f"the key {key!r} ends in {checksum!r}, but zlib.crc32 of its 30 random characters "
                              f"in 6 base-62 digits (0-9, A-Z, a-z; zero-padded with '0') is {want!r}")


def test_random_module_not_used():
    """randomness comes from secrets: the random module is not in the file"""
    new_api_key()
    assert_not_used("the random module (predictable: use secrets)", names=["random"], imports=["random"])
    tree = ast.parse(target_source())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert "secrets" in imported, "the task is to draw the randomness from the secrets module: import secrets"


def test_verify_uses_compare_digest():
    """verify() compares with hmac.compare_digest, not =="""
    verify(b"m", sign(b"m", SECRET), SECRET)
    tree = ast.parse(target_source())
    funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "verify"]
    assert funcs, "verify() should be a plain def in your file"
    calls = {(c.func.attr if isinstance(c.func, ast.Attribute) else getattr(c.func, "id", ""))
             for c in ast.walk(funcs[0]) if isinstance(c, ast.Call)}
    assert "compare_digest" in calls, ("verify() should compare with hmac.compare_digest(expected, signature): "
                                       "== stops at the first wrong character, and that timing leaks the signature")


@pytest.mark.parametrize("prefix", ["ab", "acme", "abcdefghij"])
def test_custom_prefix(prefix):
    """a custom prefix of 2 to 10 lowercase letters leads the key"""
    key = new_api_key(prefix)
    assert type(key) is str and re.fullmatch(rf"{prefix}_[0-9A-Za-z]{{36}}", key), (
        f"new_api_key({prefix!r}) should look like '{prefix}_' + 36 base-62 characters, got {key!r}")
    assert key[-6:] == oracle_checksum(key[-36:-6]), f"the checksum of {key!r} is wrong"
    assert check_format(key, prefix) is True, f"check_format({key!r}, {prefix!r}) should be True"
    assert check_format(key) is False, f"check_format({key!r}) checks for the prefix 'pyex': it should be False"


@pytest.mark.parametrize("prefix", ["", "a", "abcdefghijk", "Acme", "ac_me", "ac-me", "ac me", "acmé", "ac1", "акме"])
def test_bad_prefix(prefix):
    """a prefix that is not 2-10 lowercase ASCII letters is a ValueError"""
    with pytest.raises(ValueError):
        new_api_key(prefix)


@settings(max_examples=60)
@given(random_parts)
def test_accepts_every_well_formed_key(random_part):
    """check_format() accepts any key built to the format, not just the ones you made"""
    key = oracle_key(random_part)
    got = check_format(key)
    assert got is True, f"check_format({key!r}) should be True (its checksum is right), got {got!r}"


def _typos(draw, key):
    body_start = 5
    i = draw(st.integers(body_start, len(key) - 1))
    kind = draw(st.sampled_from(["substitute", "swap", "delete", "insert", "case"]))
    if kind == "substitute":
        c = draw(st.sampled_from(BASE62).filter(lambda c: c != key[i]))
        return key[:i] + c + key[i + 1:], f"character {i} changed to {c!r}"
    if kind == "swap":
        # swap neighbours inside the random part or inside the checksum (not across the two)
        i = draw(st.integers(body_start, len(key) - 2).filter(lambda j: j != 34))
        if key[i] == key[i + 1]:
            return key[:i] + ("0" if key[i] != "0" else "1") + key[i + 1:], f"character {i} changed"
        return key[:i] + key[i + 1] + key[i] + key[i + 2:], f"characters {i} and {i + 1} swapped"
    if kind == "delete":
        return key[:i] + key[i + 1:], f"character {i} left out"
    if kind == "insert":
        c = draw(st.sampled_from(BASE62))
        return key[:i] + c + key[i:], f"{c!r} typed in at {i}"
    c = key[i].swapcase() if key[i].isalpha() else ("A" if key[i] != "A" else "B")
    return key[:i] + c + key[i + 1:], f"the case of character {i} changed"


@given(random_parts, st.data())
def test_typos_are_caught(random_part, data):
    """a key with one typo (changed, swapped, missing or extra character) fails check_format()"""
    key = oracle_key(random_part)
    bad, what = _typos(data.draw, key)
    got = check_format(bad)
    assert got is False, (f"check_format({bad!r}) should be False ({what} in {key!r}): the CRC32 checksum "
                          f"no longer matches, got {got!r}")


@pytest.mark.parametrize("mangle, why", [
    (lambda k: k + "\n", "a trailing newline (re.match(...$) lets it through: use fullmatch)"),
    (lambda k: k + " ", "a trailing space"),
    (lambda k: " " + k, "a leading space"),
    (lambda k: k[:20] + "é" + k[21:], "a non-ASCII letter"),
    (lambda k: k[:20] + "\u0663" + k[21:], "an Arabic-Indic digit (\\d and isdigit() accept it)"),
    (lambda k: k[:20] + "\uff21" + k[21:], "a fullwidth letter (isalnum() accepts it)"),
    (lambda k: k[:20] + "-" + k[21:], "a '-'"),
    (lambda k: k[:20] + "_" + k[21:], "a second '_'"),
    (lambda k: "PYEX" + k[4:], "an upper-case prefix"),
    (lambda k: "pyx" + k[4:], "a wrong prefix"),
    (lambda k: "pyex" + k[5:], "no underscore"),
    (lambda k: "pyex-" + k[5:], "'-' instead of '_'"),
    (lambda k: k[5:], "no prefix at all"),
    (lambda k: k[:-1], "a key one character short"),
    (lambda k: k + "0", "a key one character long"),
    (lambda k: "pyex_", "nothing after the prefix"),
    (lambda k: "", "an empty string"),
])
def test_malformed_keys_rejected(mangle, why):
    """check_format() refuses anything that is not exactly a key"""
    key = oracle_key("aZ09" * 7 + "xy")
    bad = mangle(key)
    got = check_format(bad)
    assert got is False, f"check_format({bad!r}) should be False: {why}; got {got!r}"


@pytest.mark.parametrize("thing", [None, 42, b"pyex_" + b"0" * 36, ["pyex_"], object()])
def test_check_format_never_raises(thing):
    """check_format() of something that is not a str is False, not an exception"""
    got = check_format(thing)
    assert got is False, f"check_format({thing!r}) should be False, got {got!r}"


def test_check_format_with_prefix_mismatch():
    """a key made with one prefix is not valid for another"""
    key = oracle_key("Q" * 30, "acme")
    assert check_format(key, "acme") is True, f"check_format({key!r}, 'acme') should be True"
    assert check_format(key, "acm") is False, f"check_format({key!r}, 'acm') should be False"
    assert check_format("acmex" + key[4:], "acme") is False, "'acmex_...' does not have the prefix 'acme'"


@settings(max_examples=40)
@given(st.binary(max_size=200), st.binary(min_size=32, max_size=80))
def test_sign_is_hmac_sha256(message, secret):
    """sign() is the HMAC-SHA256 hex digest, and verify() accepts it"""
    got = sign(message, secret)
    want = hmac.new(secret, message, hashlib.sha256).hexdigest()
    assert type(got) is str and got == want, (f"sign({message!r}, secret) should be HMAC-SHA256 as 64 lowercase "
                                              f"hex digits, {want!r}, got {got!r}")
    assert verify(message, want, secret) is True, "verify() should accept the right signature"


@settings(max_examples=40)
@given(st.binary(max_size=100), st.data())
def test_verify_rejects_forgeries(message, data):
    """verify() is False for a changed message, a changed signature or another secret"""
    good = hmac.new(SECRET, message, hashlib.sha256).hexdigest()
    i = data.draw(st.integers(0, 63))
    c = data.draw(st.sampled_from("0123456789abcdef").filter(lambda c: c != good[i]))
    forged = good[:i] + c + good[i + 1:]
    assert verify(message, forged, SECRET) is False, f"a signature with hex digit {i} changed must not verify"
    other = message + b"!"
    assert verify(other, good, SECRET) is False, f"the signature of {message!r} must not verify {other!r}"
    assert verify(message, good, SECRET[::-1]) is False, "a signature made with another secret must not verify"


@pytest.mark.parametrize("signature", ["", "0", "abc", "z" * 64, "é" * 64, "0" * 63, "0" * 65, None, b"0" * 64])
def test_verify_malformed_signature(signature):
    """a malformed signature is False, not an exception (compare_digest refuses non-ASCII str)"""
    got = verify(b"hello", signature, SECRET)
    assert got is False, f"verify(b'hello', {signature!r}, SECRET) should be False, got {got!r}"


def test_verify_truncated_or_extended():
    """a prefix of the right signature or the right one plus more is not the signature"""
    good = sign(b"hello", SECRET)
    assert verify(b"hello", good[:32], SECRET) is False, "half a signature must not verify"
    assert verify(b"hello", good + "0", SECRET) is False, "a signature with a character added must not verify"


@pytest.mark.parametrize("secret", [b"", b"short", bytes(31)])
def test_short_secret(secret):
    """an HMAC secret under 32 bytes is a ValueError, in sign() and verify()"""
    with pytest.raises(ValueError):
        sign(b"x", secret)
    with pytest.raises(ValueError):
        verify(b"x", "0" * 64, secret)


def test_secret_of_exactly_32_bytes():
    """a 32-byte secret is long enough"""
    got = sign(b"x", bytes(32))
    assert got == hmac.new(bytes(32), b"x", hashlib.sha256).hexdigest(), "a 32-byte secret should be accepted"


def test_sign_needs_bytes():
    """sign() of a str is a TypeError: encode text first"""
    with pytest.raises(TypeError):
        sign("text", SECRET)


def test_session_tokens():
    """new_session_token() is URL-safe text with at least 256 random bits, fresh every time"""
    tokens = [new_session_token() for _ in range(2000)]
    assert all(type(t) is str for t in tokens), "new_session_token() should return a str"
    bad = next((t for t in tokens if not re.fullmatch(r"[A-Za-z0-9_-]+", t)), None)
    assert bad is None, f"{bad!r} is not URL-safe (only A-Z a-z 0-9 - _)"
    short = min(tokens, key=len)
    assert len(short) >= 43, (f"{short!r} has {len(short)} characters: 256 bits in URL-safe base64 take 43 "
                              "(secrets.token_urlsafe(32))")
    assert len(set(tokens)) == len(tokens), "two session tokens out of 2000 were the same"
    symbols = collections.Counter("".join(tokens))
    assert len(symbols) >= 60, f"2000 tokens use only {len(symbols)} different characters: not random enough"


CHI2_LIMIT = 150  # 61 degrees of freedom: a fair generator exceeds it with probability 2e-9


def _chi2(counts: collections.Counter, total: int) -> float:
    expected = total / 62
    return sum((counts.get(c, 0) - expected) ** 2 / expected for c in BASE62)


def test_keys_unique_and_uniform():
    """50,000 keys are all different, and every position is uniform over the 62 symbols (chi-square)"""
    keys = [new_api_key() for _ in range(50_000)]
    assert len(set(keys)) == len(keys), f"only {len(set(keys))} of 50,000 keys were different"
    parts = [k[5:35] for k in keys]
    columns = [collections.Counter(col) for col in zip(*parts)]
    for position, counts in enumerate(columns):
        missing = "".join(c for c in BASE62 if c not in counts)
        assert not missing, (
            f"random character {position} never took the values {missing!r} in 50,000 keys. A big random number "
            "written in base 62 has a lopsided leading digit unless it is drawn uniformly below exactly 62**30 "
            "(secrets.randbelow(62 ** 30)), or pick each character with secrets.choice")
        chi = _chi2(counts, 50_000)
        ranked = counts.most_common()
        assert chi < CHI2_LIMIT, (
            f"random character {position} is not uniform over 50,000 keys (chi-square {chi:.0f}; a fair generator "
            f"stays under {CHI2_LIMIT}): most often {ranked[:3]}, least often {ranked[-3:]}, against "
            f"{50_000 // 62} expected. byte % 62 does that: 256 is not a multiple of 62, so the first 8 symbols "
            "come 5 times in 256 and the rest 4. Use secrets.choice or secrets.randbelow, which never wrap around")
    overall = sum(columns, collections.Counter())
    chi = _chi2(overall, 50_000 * 30)
    ranked = overall.most_common()
    assert chi < CHI2_LIMIT, (
        f"over all 1,500,000 random characters the symbols are not uniform (chi-square {chi:.0f}; a fair generator "
        f"stays under {CHI2_LIMIT}): most often {ranked[:3]}, least often {ranked[-3:]}, against "
        f"{50_000 * 30 // 62} expected each")

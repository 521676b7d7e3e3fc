import base64
import hashlib
import hmac
import unicodedata

import bcrypt
import pytest
from hypothesis import given, settings, strategies as st

from password_hashing import PasswordHasher
from pyexercise.checklib import target_source

PEPPER = bytes(range(100, 132))
OTHER_PEPPER = bytes(range(1, 33))


def oracle_peppered(password: str, pepper: bytes = PEPPER) -> bytes:
    normalized = unicodedata.normalize("NFKC", password)
    return base64.b64encode(hmac.new(pepper, normalized.encode("utf-8"), hashlib.sha256).digest())


def oracle_hash(password: str, pepper: bytes = PEPPER, cost: int = 4, prefix: bytes = b"2b") -> str:
    """The task's scheme, at a cheap cost: what a real database might hold."""
    return bcrypt.hashpw(oracle_peppered(password, pepper), bcrypt.gensalt(rounds=cost, prefix=prefix)).decode()


def with_cost(stored: str, cost: int) -> str:
    """The same hash text with another cost written in: for needs_rehash, which only reads it."""
    return stored[:4] + f"{cost:02d}" + stored[6:]


# ------------------------------------------------------------------------------ the constructor


@pytest.mark.parametrize("cost", [9, 4, 0, -1, 32, 100])
def test_cost_out_of_range(cost):
    """a cost below 10 (too cheap) or above 31 (bcrypt's maximum) is a ValueError"""
    with pytest.raises(ValueError):
        PasswordHasher(PEPPER, cost=cost)
        pytest.fail(f"PasswordHasher(pepper, cost={cost}) should raise ValueError: the cost must be 10 to 31")


@pytest.mark.parametrize("cost", [10.0, "12", True])
def test_cost_not_an_int(cost):
    """a cost that is not an int (a float, a str, a bool) is refused"""
    with pytest.raises((ValueError, TypeError)):
        PasswordHasher(PEPPER, cost=cost)


@pytest.mark.parametrize("pepper, error", [(b"", ValueError), (b"short", ValueError), (bytes(31), ValueError),
                                           ("x" * 40, TypeError), (None, TypeError)])
def test_bad_pepper(pepper, error):
    """the pepper must be bytes, at least 32 of them"""
    with pytest.raises(error):
        PasswordHasher(pepper)


def test_costs_at_the_edges():
    """costs 10 and 31 are accepted (creating a hasher hashes nothing)"""
    for cost in (10, 31):
        hasher = PasswordHasher(PEPPER, cost=cost)
        stored = "$2b$" + f"{cost:02d}" + oracle_hash("x")[6:]
        assert hasher.needs_rehash(stored) is False, f"a cost-{cost} hash is up to date for a cost-{cost} hasher"
    assert PasswordHasher(bytes(32), cost=10) is not None, "a 32-byte pepper is long enough"


# ------------------------------------------------------------------------------ verify (cheap hashes made here)


def test_verify_the_scheme():
    """verify_password accepts a hash made with the exact scheme, and only the right password"""
    hasher = PasswordHasher(PEPPER)
    stored = oracle_hash("correct horse battery staple")
    got = hasher.verify_password("correct horse battery staple", stored)
    assert got is True, (f"verify_password should accept a hash made by the scheme in the docstring (NFKC, "
                         f"HMAC-SHA256 with the pepper, base64, bcrypt); got {got!r}")
    for wrong in ("Correct horse battery staple", "correct horse battery stapl", "", "correct horse battery staple "):
        assert hasher.verify_password(wrong, stored) is False, f"{wrong!r} is not the password"


def test_pepper_is_used():
    """the pepper matters: another pepper, or no pepper at all, does not verify"""
    stored = oracle_hash("hunter2")
    assert PasswordHasher(OTHER_PEPPER).verify_password("hunter2", stored) is False, (
        "a hasher with another pepper must not verify: the pepper is part of what bcrypt hashed")
    plain = bcrypt.hashpw(b"hunter2", bcrypt.gensalt(rounds=4)).decode()
    assert PasswordHasher(PEPPER).verify_password("hunter2", plain) is False, (
        "a plain bcrypt hash of the password (no pepper) must not verify: always HMAC with the pepper first")


def test_long_passwords_count_to_the_end():
    """every byte counts: the 73rd byte and beyond (bcrypt alone reads 72)"""
    hasher = PasswordHasher(PEPPER)
    for base, tail_a, tail_b in [("a" * 72, "X", "Y"), ("é" * 36, "1", "2"), ("x" * 500, "a", "b")]:
        stored = oracle_hash(base + tail_a)
        assert hasher.verify_password(base + tail_a, stored) is True, f"a {len((base + tail_a).encode())}-byte password should verify"
        assert hasher.verify_password(base + tail_b, stored) is False, (
            f"passwords that differ only after byte {len(base.encode())} must not match: bcrypt alone would "
            "truncate them to 72 bytes, the HMAC in front keeps every byte")
        assert hasher.verify_password(base, stored) is False, "a prefix of the password must not match"


def test_nul_bytes_count():
    """a NUL byte in a password does not cut it short"""
    hasher = PasswordHasher(PEPPER)
    stored = oracle_hash("pass\0word1")
    assert hasher.verify_password("pass\0word1", stored) is True
    assert hasher.verify_password("pass\0word2", stored) is False, "what follows a NUL byte must count"
    assert hasher.verify_password("pass", stored) is False


@pytest.mark.parametrize("stored_as, typed", [
    ("caf\u00e9", "cafe\u0301"),  # é composed, typed decomposed
    ("cafe\u0301", "caf\u00e9"),
    ("\uff21\uff22\uff23", "ABC"),  # fullwidth letters
    ("\ufb01le", "file"),  # the fi ligature
])
def test_unicode_normalized(stored_as, typed):
    """the same password typed in another Unicode form matches (NFKC)"""
    stored = oracle_hash(stored_as)
    got = PasswordHasher(PEPPER).verify_password(typed, stored)
    assert got is True, (f"{typed!r} and {stored_as!r} are the same text in NFKC: normalise with "
                         f"unicodedata.normalize('NFKC', ...) before hashing; got {got!r}")


@pytest.mark.parametrize("stored", ["", "not a hash", "$2b$04$short", "$2b$04$" + "a" * 53, "ünïcode", None, 12,
                                    b"$2b$04$" + b"a" * 53])
def test_malformed_hash_is_false(stored):
    """a malformed stored hash is False, not an exception"""
    got = PasswordHasher(PEPPER).verify_password("x", stored)
    assert got is False, f"verify_password('x', {stored!r}) should be False, got {got!r}"


def test_password_must_be_str():
    """a password that is not a str is a TypeError"""
    hasher = PasswordHasher(PEPPER)
    with pytest.raises(TypeError):
        hasher.verify_password(b"bytes", oracle_hash("bytes"))
    with pytest.raises(TypeError):
        hasher.hash_password(None)


def test_compares_in_constant_time():
    """verification is left to bcrypt.checkpw (or hmac.compare_digest), never =="""
    PasswordHasher(PEPPER).verify_password("x", oracle_hash("x"))
    source = target_source()
    uses = "checkpw" in source or "compare_digest" in source
    assert uses, ("let bcrypt.checkpw(peppered, stored) decide: comparing hashes with == takes longer the more "
                  "leading characters match, and that leaks")


@settings(max_examples=20)
@given(st.text(max_size=100), st.data())
def test_any_password_round_trips(password, data):
    """any password verifies against its hash, and a changed one does not"""
    hasher = PasswordHasher(PEPPER)
    stored = oracle_hash(password)
    assert hasher.verify_password(password, stored) is True, f"{password!r} should verify against its own hash"
    other = password + data.draw(st.characters(), label="extra")
    if unicodedata.normalize("NFKC", other) != unicodedata.normalize("NFKC", password):
        assert hasher.verify_password(other, stored) is False, f"{other!r} is another password than {password!r}"


# ------------------------------------------------------------------------------ needs_rehash


def test_needs_rehash():
    """needs_rehash is False only for a well-formed $2b$ hash of exactly this cost"""
    stored = oracle_hash("x")
    hasher = PasswordHasher(PEPPER, cost=12)
    cases = [
        (with_cost(stored, 12), False, "a $2b$ hash of cost 12, for a cost-12 hasher"),
        (with_cost(stored, 11), True, "cost 11 is weaker than the hasher's 12"),
        (with_cost(stored, 10), True, "cost 10 is weaker than the hasher's 12"),
        (with_cost(stored, 13), True, "cost 13 is not this hasher's cost"),
        (stored, True, "cost 4"),
        (with_cost(oracle_hash("x", prefix=b"2a"), 12), True, "$2a$ is an older bcrypt variant"),
        ("$2y$12$" + stored[7:], True, "$2y$ is PHP's variant"),
        (with_cost(stored, 12)[:-1], True, "a truncated hash"),
        (with_cost(stored, 12) + "x", True, "a hash with something added"),
        ("5f4dcc3b5aa765d61d8327deb882cf99", True, "an unsalted MD5 from a legacy system"),
        ("", True, "an empty string"),
    ]
    for stored_hash, want, why in cases:
        got = hasher.needs_rehash(stored_hash)
        assert got is want, f"needs_rehash({stored_hash!r}) should be {want} ({why}), got {got!r}"


def test_default_cost_is_12():
    """the default cost is 12"""
    hasher = PasswordHasher(PEPPER)
    stored = oracle_hash("x")
    assert hasher.needs_rehash(with_cost(stored, 12)) is False, "PasswordHasher(pepper) should use cost 12"
    assert hasher.needs_rehash(with_cost(stored, 10)) is True


# ------------------------------------------------------------------------------ hashing (real cost: a few only)


@pytest.fixture(scope="module")
def made():
    """Two hashes of one password by a cost-10 hasher (about 0.1 s each)."""
    hasher = PasswordHasher(PEPPER, cost=10)
    return hasher, hasher.hash_password("correct horse"), hasher.hash_password("correct horse")


def test_hash_follows_the_scheme(made):
    """hash_password makes a $2b$ hash at the hasher's cost, of the peppered password"""
    hasher, first, _ = made
    assert type(first) is str, f"hash_password should return a str, got {type(first).__name__}"
    assert first.startswith("$2b$10$") and len(first) == 60, (
        f"a cost-10 bcrypt hash should look like '$2b$10$' + 53 characters, got {first!r}")
    assert bcrypt.checkpw(oracle_peppered("correct horse"), first.encode()), (
        "the hash should be bcrypt of base64(HMAC-SHA256(pepper, NFKC(password))): follow the scheme exactly")
    assert not bcrypt.checkpw(b"correct horse", first.encode()), "the hash must not be of the bare password"
    assert PEPPER.hex() not in first and base64.b64encode(PEPPER).decode() not in first, "the pepper is in the hash!"


def test_salts_differ(made):
    """two hashes of the same password differ: a fresh salt each time"""
    _, first, second = made
    assert first != second and first[7:29] != second[7:29], (
        "two hashes of the same password have the same salt: call bcrypt.gensalt() for every hash")


def test_made_hash_verifies(made):
    """the hasher verifies its own hash, and refuses a wrong password or another pepper"""
    hasher, first, second = made
    assert hasher.verify_password("correct horse", first) is True and hasher.verify_password("correct horse", second)
    assert hasher.verify_password("correct horsE", first) is False
    assert PasswordHasher(OTHER_PEPPER, cost=10).verify_password("correct horse", first) is False
    assert hasher.needs_rehash(first) is False, "a fresh hash is up to date"
    assert PasswordHasher(PEPPER, cost=11).needs_rehash(first) is True, "a cost-11 hasher wants to upgrade it"


def test_long_password_hashes(made):
    """hash_password takes a password of any length (bcrypt alone refuses over 72 bytes)"""
    hasher, _, _ = made
    password = "p" * 72 + "tail"
    stored = hasher.hash_password(password)
    assert bcrypt.checkpw(oracle_peppered(password), stored.encode()), "a long password should be hashed by the scheme"
    assert hasher.verify_password("p" * 72 + "tale", stored) is False, "the 73rd byte and on must count"


def test_verify_and_update(made):
    """a login upgrades an old hash, and leaves an up-to-date one alone"""
    hasher, first, _ = made
    old = oracle_hash("correct horse", cost=4)
    ok, new = hasher.verify_and_update("wrong", old)
    assert (ok, new) == (False, None), f"a wrong password gives (False, None), got {(ok, new)!r}"
    ok, new = hasher.verify_and_update("correct horse", first)
    assert (ok, new) == (True, None), f"an up-to-date hash needs no new one: (True, None), got {(ok, new)!r}"
    ok, new = hasher.verify_and_update("correct horse", old)
    assert ok is True and isinstance(new, str), f"a right password on a cost-4 hash gives (True, new hash), got {(ok, new)!r}"
    assert new.startswith("$2b$10$") and bcrypt.checkpw(oracle_peppered("correct horse"), new.encode()), (
        f"the new hash should be made with the current cost 10, by the scheme; got {new!r}")

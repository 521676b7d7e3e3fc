import contextlib
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings, strategies as st

from encrypted_vault import Actor, DecryptionError, User, UserStore, Vault

K1 = bytes(range(32))
K2 = bytes(range(32, 64))
K3 = bytes(range(64, 96))
INDEX_KEY = bytes(range(96, 128))
ADMIN = Actor(admin=True)


def parse(token: bytes) -> tuple[int, str, bytes, bytes]:
    """(version, key id, nonce, ciphertext+tag), read by the format in the task."""
    n = token[1]
    return token[0], token[2:2 + n].decode("ascii"), token[2 + n:14 + n], token[14 + n:]


def oracle_encrypt(key_id: str, key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    nonce = os.urandom(12)
    kid = key_id.encode()
    return bytes([1, len(kid)]) + kid + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def oracle_decrypt(key: bytes, token: bytes, aad: bytes = b"") -> bytes:
    _, _, nonce, sealed = parse(token)
    return AESGCM(key).decrypt(nonce, sealed, aad)


def flip(token: bytes, i: int) -> bytes:
    return token[:i] + bytes([token[i] ^ 0x01]) + token[i + 1:]


# ------------------------------------------------------------------------------ the vault


def test_token_is_aes_256_gcm():
    """encrypt() makes a token in the task's format that AES-256-GCM decrypts"""
    vault = Vault({"k1": K1}, current="k1")
    token = vault.encrypt(b"078-05-1120", aad=b"users:1:ssn")
    assert type(token) is bytes, f"encrypt() should return bytes, got {type(token).__name__}"
    version, key_id, nonce, sealed = parse(token)
    assert (version, key_id) == (1, "k1"), f"the token should start with version 1 and the key id 'k1', got {token[:8]!r}"
    assert len(sealed) == len(b"078-05-1120") + 16, "after the 12-byte nonce come the ciphertext and the 16-byte tag"
    try:
        got = oracle_decrypt(K1, token, b"users:1:ssn")
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"AESGCM(key).decrypt(nonce, rest, aad) failed on your token ({type(exc).__name__}): follow the "
                    "format: version, key id length, key id, 12-byte nonce, AESGCM(key).encrypt(nonce, plaintext, aad)")
    assert got == b"078-05-1120", f"the token decrypts to {got!r}"


def test_decrypts_tokens_made_to_the_format():
    """decrypt() reads tokens made by anyone following the format"""
    vault = Vault({"k1": K1, "old-key_2": K2}, current="k1")
    for key_id, key in (("k1", K1), ("old-key_2", K2)):
        token = oracle_encrypt(key_id, key, b"secret data", b"ctx")
        got = vault.decrypt(token, aad=b"ctx")
        assert got == b"secret data", f"a token made with key {key_id!r} should decrypt, got {got!r}"
    assert vault.decrypt(oracle_encrypt("k1", K1, b"")) == b"", "an empty plaintext round-trips (default aad b'')"


@settings(max_examples=40)
@given(st.binary(max_size=300), st.binary(max_size=40))
def test_round_trip(plaintext, aad):
    """any bytes come back, for any aad"""
    vault = Vault({"k1": K1}, current="k1")
    token = vault.encrypt(plaintext, aad)
    assert vault.decrypt(token, aad) == plaintext, "decrypt(encrypt(p, aad), aad) should be p"
    assert plaintext not in token[14:] or len(plaintext) < 4, "the plaintext shows in the token: it is not encrypted"


def test_wrong_aad_fails():
    """the aad must match: a token for user 1 does not decrypt as user 2's"""
    vault = Vault({"k1": K1}, current="k1")
    token = vault.encrypt(b"078-05-1120", aad=b"users:1:ssn")
    for aad in (b"users:2:ssn", b"users:1:name", b""):
        with pytest.raises(DecryptionError):
            vault.decrypt(token, aad=aad)
            pytest.fail(f"decrypting with aad={aad!r} instead of b'users:1:ssn' should raise DecryptionError")


def test_every_flipped_byte_fails():
    """a token with any one byte changed is DecryptionError (GCM authenticates all of it)"""
    vault = Vault({"k1": K1, "k2": K2}, current="k1")
    token = vault.encrypt(b"launch code 0000", aad=b"a")
    for i in range(len(token)):
        with pytest.raises(DecryptionError):
            vault.decrypt(flip(token, i), aad=b"a")
            pytest.fail(f"a token with byte {i} of {len(token)} flipped decrypted: every byte must be checked")


@pytest.mark.parametrize("token, why", [
    (b"", "an empty token"),
    (b"\x01", "one byte"),
    (b"\x01\x02k1", "no nonce"),
    (b"\x01\x02k1" + bytes(5), "a 5-byte nonce"),
    (b"\x01\x02k1" + bytes(11), "an 11-byte nonce"),
    (b"\x01\x02k1" + bytes(12), "no tag"),
    (b"\x01\x02k1" + bytes(27), "a tag one byte short"),
    (b"\x02\x02k1" + bytes(40), "another format version"),
    (b"\x01\x05k1" + bytes(40), "a wrong key-id length"),
    (b"\x01\x02\xff\xfe" + bytes(40), "a key id that is not ASCII"),
    (b"\x01\x02zz" + bytes(40), "an unknown key id"),
])
def test_malformed_tokens(token, why):
    """a malformed token is DecryptionError, never another exception"""
    vault = Vault({"k1": K1}, current="k1")
    try:
        vault.decrypt(token)
    except DecryptionError:
        return
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"decrypting {why} should raise DecryptionError, not {type(exc).__name__}: {exc}")
    pytest.fail(f"decrypting {why} should raise DecryptionError, but it returned")


@pytest.mark.parametrize("keys, current, why", [
    ({"k1": bytes(16)}, "k1", "a 16-byte key is AES-128"),
    ({"k1": bytes(24)}, "k1", "a 24-byte key is AES-192"),
    ({"k1": bytes(33)}, "k1", "33 bytes is no AES key"),
    ({"k1": "x" * 32}, "k1", "a str is not a key"),
    ({"k1": K1}, "k2", "the current key is not among the keys"),
    ({"": K1}, "", "an empty key id"),
    ({"k" * 33: K1}, "k" * 33, "a key id of 33 characters"),
    ({"my key": K1}, "my key", "a space in a key id"),
    ({"clé": K1}, "clé", "a non-ASCII key id"),
])
def test_bad_keys(keys, current, why):
    """keys must be 32 bytes under ids of 1-32 safe characters, and current one of them"""
    with pytest.raises(ValueError):
        Vault(keys, current=current)
        pytest.fail(f"Vault({keys!r}, current={current!r}) should raise ValueError: {why}")


def test_nonces_never_repeat():
    """every encryption has a fresh nonce, also across vault instances (a counter would repeat)"""
    first = Vault({"k1": K1}, current="k1")
    second = Vault({"k1": K1}, current="k1")  # the same key after a restart
    tokens = [first.encrypt(b"same") for _ in range(2000)] + [second.encrypt(b"same") for _ in range(2000)]
    nonces = [parse(t)[2] for t in tokens]
    assert len(set(tokens)) == len(tokens), "encrypting the same plaintext twice gave the same token"
    assert len(set(nonces)) == len(nonces), (
        f"{len(nonces) - len(set(nonces))} nonces repeated among 4000 encryptions under one key (two vault "
        "instances): with GCM that reveals the XOR of the plaintexts and lets anyone forge tags. Draw 12 random "
        "bytes (os.urandom) for every encryption")


def test_rotation():
    """rotate() makes a new key current; old tokens still decrypt; reencrypt() moves them over"""
    vault = Vault({"k1": K1}, current="k1")
    old = vault.encrypt(b"old data", aad=b"x")
    vault.rotate("k2", K2)
    assert vault.current_key_id == "k2", f"after rotate('k2', ...) the current key should be k2, got {vault.current_key_id!r}"
    new = vault.encrypt(b"new data")
    assert vault.key_id_of(new) == "k2" and parse(new)[1] == "k2", "new tokens should use the new key"
    assert vault.key_id_of(old) == "k1", "key_id_of() reads the id out of a token"
    assert vault.decrypt(old, aad=b"x") == b"old data", "a token made before the rotation must still decrypt"
    moved = vault.reencrypt(old, aad=b"x")
    assert parse(moved)[1] == "k2" and oracle_decrypt(K2, moved, b"x") == b"old data", (
        "reencrypt() should decrypt with the old key and encrypt with the current one (same aad)")
    assert parse(moved)[2] != parse(old)[2], "a re-encrypted token needs a fresh nonce"
    with pytest.raises(ValueError):
        vault.rotate("k1", K3)
        pytest.fail("rotate('k1', ...) reuses a known key id: ValueError (two keys under one id could not be told apart)")
    assert vault.current_key_id == "k2", "a refused rotate() must not change the current key"


def test_retire():
    """retire() forgets an old key; the current key cannot be retired"""
    vault = Vault({"k1": K1, "k2": K2}, current="k2")
    old = oracle_encrypt("k1", K1, b"under k1")
    with pytest.raises(ValueError):
        vault.retire("k2")
        pytest.fail("retire() of the current key should raise ValueError")
    with pytest.raises(KeyError):
        vault.retire("k9")
    assert vault.decrypt(old) == b"under k1"
    vault.retire("k1")
    with pytest.raises(DecryptionError):
        vault.decrypt(old)
        pytest.fail("after retire('k1') a token under k1 should be DecryptionError")
    assert vault.decrypt(vault.encrypt(b"still works")) == b"still works"


# ------------------------------------------------------------------------------ the user store


@dataclass
class Setup:
    users: UserStore
    vault: Vault
    db: sqlite3.Connection
    path: Path


@pytest.fixture
def store(tmp_path):
    """Your UserStore on a real SQLite file, with the vault and connection it was given."""
    path = tmp_path / "users.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")  # no fsync per commit: the check is not about durability
    vault = Vault({"k1": K1}, current="k1")
    yield Setup(UserStore(db, vault, INDEX_KEY), vault, db, path)
    db.close()


PEOPLE = [("margaret@apollo.example", "Margaret Hamilton", "078-05-1120"),
          ("Grace.Hopper@Navy.example", "Grace Hopper", "219-09-9999"),
          ("ada@engine.example", "Ada Lovelace", "457-55-5462")]


def add_people(store) -> list[int]:
    return [store.users.add_user(*person) for person in PEOPLE]


def raw(store, user_id: int) -> dict:
    row = store.db.execute("SELECT email_index, email, name, ssn FROM users WHERE id = ?", (user_id,)).fetchone()
    return dict(zip(("email_index", "email", "name", "ssn"), row))


def test_add_and_get(store):
    """add_user() returns ids; get_user() as an admin returns the User"""
    ids = add_people(store)
    assert all(type(i) is int for i in ids) and len(set(ids)) == 3, f"add_user() should return distinct int ids, got {ids}"
    for user_id, (email, name, ssn) in zip(ids, PEOPLE):
        got = store.users.get_user(user_id, ADMIN)
        want = User(user_id, email, name, ssn)
        assert got == want and type(got) is User, f"get_user({user_id}, admin) should be {want}, got {got!r}"
    assert store.users.get_user(999, ADMIN) is None, "get_user() of an id that does not exist should be None"


def test_stored_fields_are_bound_to_row_and_column(store):
    """each field is vault.encrypt(value, aad=b'users:<id>:<column>'): AES-256-GCM, decryptable by the format"""
    ids = add_people(store)
    for user_id, person in zip(ids, PEOPLE):
        row = raw(store, user_id)
        for column, value in zip(("email", "name", "ssn"), person):
            try:
                got = oracle_decrypt(K1, row[column], f"users:{user_id}:{column}".encode())
            except Exception:  # noqa: BLE001
                pytest.fail(f"the stored {column} of user {user_id} does not decrypt with aad "
                            f"b'users:{user_id}:{column}': bind every ciphertext to its row and column")
            assert got == value.encode(), f"the stored {column} of user {user_id} decrypts to {got!r}, not {value!r}"


def test_blind_index(store):
    """email_index is HMAC-SHA256(index_key, email.strip().lower()), and lookups ignore case and spaces"""
    ids = add_people(store)
    want = hmac.new(INDEX_KEY, b"grace.hopper@navy.example", hashlib.sha256).digest()
    assert raw(store, ids[1])["email_index"] == want, (
        "email_index should be hmac.new(index_key, email.strip().lower().encode(), 'sha256').digest()")
    for typed in ("grace.hopper@navy.example", "  GRACE.HOPPER@NAVY.EXAMPLE\n", "Grace.Hopper@Navy.example"):
        got = store.users.find_id_by_email(typed)
        assert got == ids[1], f"find_id_by_email({typed!r}) should be {ids[1]}, got {got!r}"
    assert store.users.find_id_by_email("nobody@example.com") is None, "an unknown email should give None"


def test_find_decrypts_nothing(store):
    """find_id_by_email() uses the index: no decryption, a query on email_index"""
    ids = add_people(store)
    calls, statements = [], []
    real = store.vault.decrypt
    with contextlib.suppress(AttributeError):  # a Vault with __slots__: count statements only
        store.vault.decrypt = lambda *a, **k: calls.append(a) or real(*a, **k)
    store.db.set_trace_callback(statements.append)
    try:
        assert store.users.find_id_by_email("ada@engine.example") == ids[2]
    finally:
        store.db.set_trace_callback(None)
        with contextlib.suppress(AttributeError):
            del store.vault.decrypt
    assert not calls, (f"find_id_by_email() decrypted {len(calls)} fields: look the user up by email_index, "
                       "the HMAC of the email, in SQL (WHERE email_index = ?)")
    assert any("email_index" in s for s in statements), (
        f"find_id_by_email() should query on email_index; it ran {statements}")


def test_duplicate_email(store):
    """an email that is already there (in any case) is a ValueError, and no row is added"""
    add_people(store)
    with pytest.raises(ValueError):
        store.users.add_user(" MARGARET@apollo.example", "Impostor", "000-00-0000")
    count = store.db.execute("SELECT count(*) FROM users").fetchone()[0]
    assert count == 3, f"a refused add_user() should leave 3 rows, there are {count}"


def test_no_plaintext_on_disk(store):
    """no email, name or ssn reaches the database, not even for a moment, nor an unkeyed hash of an email"""
    statements = []
    store.db.set_trace_callback(statements.append)  # every statement, with its values filled in
    try:
        add_people(store)
    finally:
        store.db.set_trace_callback(None)
    for email, name, ssn in PEOPLE:
        for secret in (email, name, ssn):
            sent = next((sql for sql in statements if secret in sql or secret.encode().hex() in sql.lower()), None)
            assert sent is None, (f"add_user() sent {secret!r} to SQLite unencrypted ({sent[:120]!r}): even if a "
                                  "later UPDATE replaces it, a journal, a WAL file or a backup may keep it. Encrypt "
                                  "before anything is written")
    store.db.commit()
    data = b"".join(p.read_bytes() for p in store.path.parent.iterdir() if p.name.startswith("users.db"))
    for email, name, ssn in PEOPLE:
        for secret in (email, email.lower(), name, ssn, ssn.replace("-", "")):
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                assert encoded not in data, f"{secret!r} is in the database file as plaintext"
        plain_hash = hashlib.sha256(email.strip().lower().encode()).digest()
        assert plain_hash not in data and plain_hash.hex().encode() not in data, (
            "an unkeyed SHA-256 of an email is in the file: anyone can hash a list of emails and match them. "
            "Use HMAC with index_key")


def test_access_control(store):
    """a user may read their own record, an admin any; anyone else gets PermissionError, before any read"""
    ids = add_people(store)
    own = store.users.get_user(ids[0], Actor(user_id=ids[0]))
    assert own is not None and own.name == "Margaret Hamilton", "a user may read their own record"
    statements = []
    store.db.set_trace_callback(statements.append)
    try:
        for actor in (Actor(user_id=ids[1]), Actor(), Actor(user_id=None, admin=False)):
            with pytest.raises(PermissionError):
                store.users.get_user(ids[0], actor)
                pytest.fail(f"get_user({ids[0]}, {actor}) should raise PermissionError: not that user, not admin")
        with pytest.raises(PermissionError):
            store.users.get_user(999, Actor(user_id=ids[1]))
    finally:
        store.db.set_trace_callback(None)
    assert not statements, f"a refused get_user() must decide before reading anything, but it ran {statements}"


def test_swapped_ciphertexts_fail(store):
    """ciphertexts moved between rows or columns are DecryptionError (the aad binds them)"""
    ids = add_people(store)
    one, two = raw(store, ids[0]), raw(store, ids[1])
    with store.db:
        store.db.execute("UPDATE users SET ssn = ? WHERE id = ?", (two["ssn"], ids[0]))
        store.db.execute("UPDATE users SET ssn = ? WHERE id = ?", (one["ssn"], ids[1]))
    for user_id in ids[:2]:
        with pytest.raises(DecryptionError):
            store.users.get_user(user_id, ADMIN)
            pytest.fail("two users' ssn ciphertexts were swapped in the database and it went unnoticed: use "
                        "aad=f'users:{id}:{column}' so a ciphertext only decrypts where it was written")
    three = raw(store, ids[2])
    with store.db:
        store.db.execute("UPDATE users SET name = ?, ssn = ? WHERE id = ?", (three["ssn"], three["name"], ids[2]))
    with pytest.raises(DecryptionError):
        store.users.get_user(ids[2], ADMIN)
        pytest.fail("a row's name and ssn ciphertexts were swapped and it went unnoticed: put the column in the aad")


def test_tampered_field_fails(store):
    """one flipped byte in a stored field is DecryptionError"""
    ids = add_people(store)
    token = raw(store, ids[0])["ssn"]
    for i in (0, 1, 3, len(token) // 2, len(token) - 1):
        with store.db:
            store.db.execute("UPDATE users SET ssn = ? WHERE id = ?", (flip(token, i), ids[0]))
        with pytest.raises(DecryptionError):
            store.users.get_user(ids[0], ADMIN)
    assert store.users.get_user(ids[1], ADMIN).ssn == PEOPLE[1][2], "the other rows are untouched"


def test_rotate_keys(store):
    """rotate_keys() re-encrypts every row under the new key; the old key can then be retired"""
    ids = add_people(store)
    before = {i: raw(store, i) for i in ids}
    count = store.users.rotate_keys("k2", K2)
    assert count == 3 and type(count) is int, f"rotate_keys() should return the 3 rows it re-encrypted, got {count!r}"
    assert store.vault.current_key_id == "k2", "rotate_keys('k2', ...) should make k2 the vault's current key"
    for user_id in ids:
        after = raw(store, user_id)
        for column in ("email", "name", "ssn"):
            assert parse(after[column])[1] == "k2", f"user {user_id}'s {column} is still under {parse(after[column])[1]!r}"
            assert parse(after[column])[2] != parse(before[user_id][column])[2], "re-encryption needs fresh nonces"
        assert after["email_index"] == before[user_id]["email_index"], "the blind index does not change with the keys"
    store.vault.retire("k1")
    for user_id, (email, name, ssn) in zip(ids, PEOPLE):
        assert store.users.get_user(user_id, ADMIN) == User(user_id, email, name, ssn), "data must survive the rotation"
    assert store.users.find_id_by_email(PEOPLE[2][0]) == ids[2]
    new_id = store.users.add_user("new@example.com", "New Person", "111-22-3333")
    assert parse(raw(store, new_id)["ssn"])[1] == "k2", "new rows use the current key"


def test_rotation_is_all_or_nothing(store):
    """if one row cannot be decrypted, rotate_keys() changes no row at all"""
    ids = add_people(store)
    with store.db:
        bad = flip(raw(store, ids[2])["name"], 20)
        store.db.execute("UPDATE users SET name = ? WHERE id = ?", (bad, ids[2]))
    before = {i: raw(store, i) for i in ids}
    with pytest.raises(DecryptionError):
        store.users.rotate_keys("k2", K2)
    after = {i: raw(store, i) for i in ids}
    assert after == before, ("rotate_keys() changed rows although one row failed to decrypt: do every update in one "
                             "transaction (with db:), so the failure rolls all of them back")
    assert store.users.get_user(ids[0], ADMIN).name == PEOPLE[0][1], "the untouched rows are still readable"


def test_index_key_length(tmp_path):
    """an index key under 32 bytes is a ValueError; 32 bytes are enough"""
    with contextlib.closing(sqlite3.connect(tmp_path / "x.db")) as db:
        for key in (b"short", bytes(31)):
            with pytest.raises(ValueError):
                UserStore(db, Vault({"k1": K1}, current="k1"), key)
                pytest.fail(f"an index key of {len(key)} bytes should be a ValueError (32 at least)")
        UserStore(db, Vault({"k1": K1}, current="k1"), bytes(32))


def test_records_are_values():
    """User and Actor stay the given frozen dataclasses"""
    Vault({"k1": K1}, current="k1")
    user, actor = User(1, "a@b.example", "A", "1"), Actor(user_id=1)
    assert {user: 1}[User(1, "a@b.example", "A", "1")] == 1 and {actor} == {Actor(1)}, "User and Actor are hashable"
    for thing, field in ((user, "name"), (actor, "admin")):
        with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
            setattr(thing, field, "x")

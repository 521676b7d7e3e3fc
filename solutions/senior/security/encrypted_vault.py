"""Encryption at rest: an AES-256-GCM vault with key ids and rotation, and a user store built on it."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
from dataclasses import dataclass
from typing import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email_index BLOB NOT NULL UNIQUE,
    email BLOB NOT NULL,
    name BLOB NOT NULL,
    ssn BLOB NOT NULL
)
"""

VERSION = 1
NONCE_BYTES = 12
KEY_BYTES = 32  # AES-256
_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
FIELDS = ("email", "name", "ssn")


class DecryptionError(Exception):
    """A token that cannot be decrypted: tampered with, for another aad, or under an unknown key."""


class Vault:
    def __init__(self, keys: Mapping[str, bytes], current: str) -> None:
        self._ciphers: dict[str, AESGCM] = {}
        for key_id, key in keys.items():
            self._add(key_id, key)
        if current not in self._ciphers:
            raise ValueError(f"the current key {current!r} is not among the keys")
        self._current = current

    def _add(self, key_id: str, key: bytes) -> None:
        if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
            raise ValueError(f"a key id is 1 to 32 characters of A-Z a-z 0-9 _ -, not {key_id!r}")
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise ValueError(f"AES-256 needs a key of exactly {KEY_BYTES} bytes (key {key_id!r})")
        self._ciphers[key_id] = AESGCM(key)

    @property
    def current_key_id(self) -> str:
        return self._current

    def encrypt(self, plaintext: bytes, aad: bytes = b"") -> bytes:
        key_id = self._current.encode("ascii")
        nonce = os.urandom(NONCE_BYTES)  # random, never a counter: it must not repeat across restarts
        return (bytes([VERSION, len(key_id)]) + key_id + nonce
                + self._ciphers[self._current].encrypt(nonce, plaintext, aad))

    def _parse(self, token: bytes) -> tuple[str, bytes, bytes]:
        """(key id, nonce, ciphertext with tag); DecryptionError for anything malformed."""
        try:
            version, id_length = token[0], token[1]
        except (IndexError, TypeError):  # shorter than two bytes, or not bytes at all
            raise DecryptionError("not a vault token") from None
        if version != VERSION or not isinstance(token, bytes):
            raise DecryptionError("not a vault token")
        end = 2 + id_length
        if len(token) < end + NONCE_BYTES:  # a short ciphertext or tag is AESGCM's InvalidTag
            raise DecryptionError("the token is truncated")
        try:
            key_id = token[2:end].decode("ascii")
        except UnicodeDecodeError:
            raise DecryptionError("the key id is not ASCII") from None
        return key_id, token[end:end + NONCE_BYTES], token[end + NONCE_BYTES:]

    def key_id_of(self, token: bytes) -> str:
        return self._parse(token)[0]

    def decrypt(self, token: bytes, aad: bytes = b"") -> bytes:
        key_id, nonce, sealed = self._parse(token)
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            raise DecryptionError(f"unknown key id {key_id!r}")
        try:
            return cipher.decrypt(nonce, sealed, aad)
        except InvalidTag:  # a changed byte anywhere, or another aad: GCM's tag catches both
            raise DecryptionError("the token was tampered with, or belongs to another aad") from None

    def rotate(self, key_id: str, key: bytes) -> None:
        if key_id in self._ciphers:
            raise ValueError(f"the key id {key_id!r} is already in use")
        self._add(key_id, key)
        self._current = key_id

    def reencrypt(self, token: bytes, aad: bytes = b"") -> bytes:
        return self.encrypt(self.decrypt(token, aad), aad)

    def retire(self, key_id: str) -> None:
        if key_id == self._current:
            raise ValueError("the current key cannot be retired: rotate first")
        del self._ciphers[key_id]  # KeyError for an unknown id


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str
    ssn: str


@dataclass(frozen=True)
class Actor:
    """Who is asking: a user (by id), an admin, or neither."""

    user_id: int | None = None
    admin: bool = False


def _aad(user_id: int, column: str) -> bytes:
    """Binds a ciphertext to its row and column: moved anywhere else, it no longer decrypts."""
    return f"users:{user_id}:{column}".encode()


class UserStore:
    def __init__(self, db: sqlite3.Connection, vault: Vault, index_key: bytes) -> None:
        if len(index_key) < 32:
            raise ValueError("the blind-index key needs at least 32 bytes")
        self._db = db
        self._vault = vault
        self._index_key = index_key
        with db:
            db.execute(SCHEMA)

    def _index(self, email: str) -> bytes:
        return hmac.new(self._index_key, email.strip().lower().encode("utf-8"), hashlib.sha256).digest()

    def add_user(self, email: str, name: str, ssn: str) -> int:
        values = {"email": email, "name": name, "ssn": ssn}
        try:
            with self._db:  # one transaction: the placeholder row never outlives the real one
                # the id is part of the aad, so insert a row of empty blobs first to get it
                user_id = self._db.execute(
                    "INSERT INTO users (email_index, email, name, ssn) VALUES (?, x'', x'', x'')",
                    (self._index(email),)).lastrowid
                sealed = [self._vault.encrypt(values[f].encode("utf-8"), _aad(user_id, f)) for f in FIELDS]
                self._db.execute("UPDATE users SET email = ?, name = ?, ssn = ? WHERE id = ?", (*sealed, user_id))
        except sqlite3.IntegrityError:
            raise ValueError("a user with this email already exists") from None
        return user_id

    def find_id_by_email(self, email: str) -> int | None:
        row = self._db.execute("SELECT id FROM users WHERE email_index = ?", (self._index(email),)).fetchone()
        return row[0] if row else None

    def get_user(self, user_id: int, actor: Actor) -> User | None:
        if not (actor.admin or actor.user_id == user_id):  # decide before touching the data
            raise PermissionError(f"only user {user_id} or an admin may read this record")
        row = self._db.execute("SELECT email, name, ssn FROM users WHERE id = ?", (user_id,)).fetchone()
        if row is None:
            return None
        plain = [self._vault.decrypt(token, _aad(user_id, f)).decode("utf-8") for f, token in zip(FIELDS, row)]
        return User(user_id, *plain)

    def rotate_keys(self, key_id: str, key: bytes) -> int:
        self._vault.rotate(key_id, key)
        rows = self._db.execute("SELECT id, email, name, ssn FROM users").fetchall()
        with self._db:  # all rows or none: a DecryptionError rolls the whole update back
            for user_id, *tokens in rows:
                fresh = [self._vault.reencrypt(t, _aad(user_id, f)) for f, t in zip(FIELDS, tokens)]
                self._db.execute("UPDATE users SET email = ?, name = ?, ssn = ? WHERE id = ?", (*fresh, user_id))
        return len(rows)

"""Keep users' sensitive data encrypted at rest: AES-256-GCM with key ids and rotation, bound to its row.

Two parts. A Vault encrypts and decrypts with AES-256-GCM (cryptography's AESGCM), knows several
keys by id so that keys can be rotated, and refuses anything tampered with. A UserStore keeps
users in SQLite with every sensitive field encrypted, binds each ciphertext to its row and column
(so rows cannot be swapped), finds users by email without decrypting anything (a keyed "blind
index"), and lets only the user or an admin read a record.

    >>> vault = Vault({"k1": secrets.token_bytes(32)}, current="k1")
    >>> token = vault.encrypt(b"078-05-1120", aad=b"users:1:ssn")
    >>> vault.decrypt(token, aad=b"users:1:ssn")
    b'078-05-1120'
    >>> vault.decrypt(token, aad=b"users:2:ssn")
    Traceback (most recent call last):
    DecryptionError: ...

The token format (the check decrypts your tokens with it, and gives you tokens made with it):

    1 byte   format version, 1
    1 byte   length of the key id
    n bytes  the key id, ASCII
    12 bytes the nonce: fresh random bytes for every encryption (os.urandom or secrets); a nonce
             used twice with one key breaks GCM completely
    the rest AESGCM(key).encrypt(nonce, plaintext, aad): the ciphertext and its 16-byte tag

Vault(keys, current):
- keys maps key ids (1 to 32 characters of A-Z a-z 0-9 _ -) to keys of exactly 32 bytes (AES-256);
  current is the id new tokens use. Anything else is a ValueError.
- decrypt() raises DecryptionError for a wrong aad, any changed byte, a truncated or malformed
  token, or a key id it does not know (never cryptography's InvalidTag).
- rotate(key_id, key) adds a new key (ValueError for an id already known) and makes it current;
  old tokens still decrypt. reencrypt(token, aad) decrypts with whichever key made it and
  encrypts with the current one. retire(key_id) forgets a key (ValueError for the current one,
  KeyError for an unknown one). key_id_of(token) reads the id from a token.

UserStore(db, vault, index_key) works on a sqlite3 connection and creates SCHEMA's table:
- every email, name and ssn is stored as vault.encrypt(value.encode("utf-8"), aad) with
  aad = f"users:{user_id}:{column}".encode(): a ciphertext moved to another row or column fails.
- email_index is HMAC-SHA256(index_key, normalized email) where the email is normalized with
  .strip().lower(): lookups need no decryption, and without index_key (at least 32 bytes, kept
  apart from the vault's keys) nobody can test guesses against it, as they could a plain hash.
- add_user(email, name, ssn) returns the new id; an email already there (normalized) is a
  ValueError. No plaintext may ever be written to the database file, not even for a moment.
- find_id_by_email(email) returns the id or None, through email_index, decrypting nothing.
- get_user(user_id, actor) returns the User (None if there is no such row) if actor is an admin
  or is that user, else PermissionError, before anything is read. Tampering is DecryptionError.
- rotate_keys(key_id, key) rotates the vault and re-encrypts every row, in one transaction (if a
  row fails to decrypt, no row changes); it returns how many rows it re-encrypted.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Mapping

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email_index BLOB NOT NULL UNIQUE,
    email BLOB NOT NULL,
    name BLOB NOT NULL,
    ssn BLOB NOT NULL
)
"""


class DecryptionError(Exception):
    """A token that cannot be decrypted: tampered with, for another aad, or under an unknown key."""


class Vault:
    """AES-256-GCM encryption under named keys, with rotation."""

    def __init__(self, keys: Mapping[str, bytes], current: str) -> None:
        raise NotImplementedError

    @property
    def current_key_id(self) -> str:
        raise NotImplementedError

    def encrypt(self, plaintext: bytes, aad: bytes = b"") -> bytes:
        raise NotImplementedError

    def decrypt(self, token: bytes, aad: bytes = b"") -> bytes:
        raise NotImplementedError

    def key_id_of(self, token: bytes) -> str:
        raise NotImplementedError

    def rotate(self, key_id: str, key: bytes) -> None:
        raise NotImplementedError

    def reencrypt(self, token: bytes, aad: bytes = b"") -> bytes:
        raise NotImplementedError

    def retire(self, key_id: str) -> None:
        raise NotImplementedError


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


class UserStore:
    """Users in SQLite with their sensitive fields encrypted, found through a blind index."""

    def __init__(self, db: sqlite3.Connection, vault: Vault, index_key: bytes) -> None:
        raise NotImplementedError

    def add_user(self, email: str, name: str, ssn: str) -> int:
        raise NotImplementedError

    def find_id_by_email(self, email: str) -> int | None:
        raise NotImplementedError

    def get_user(self, user_id: int, actor: Actor) -> User | None:
        raise NotImplementedError

    def rotate_keys(self, key_id: str, key: bytes) -> int:
        raise NotImplementedError

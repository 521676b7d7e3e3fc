"""Generate API keys and session tokens with the `secrets` module, and sign messages with HMAC.

An API key looks like GitHub's: a short prefix that says what it is, an underscore, 30 random
characters and a 6-character checksum, all in base 62 (digits, then A-Z, then a-z):

    pyex_appRMIfanPWQ9rQJ3mSRz4r8QUCQxR3WXUBU
    ^^^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ^^^^^^
    prefix      30 random characters    checksum: zlib.crc32 of the 30 characters (their ASCII
                                        bytes), written in base 62 with exactly 6 digits

The checksum lets a server (or a secret scanner) reject a mistyped or truncated key without a
database lookup: check_format() recomputes it.

    >>> key = new_api_key()
    >>> key.startswith("pyex_") and len(key) == 41
    True
    >>> check_format(key)
    True
    >>> check_format(key[:-1] + ("A" if key[-1] != "A" else "B"))   # one character mistyped
    False
    >>> SECRET = secrets.token_bytes(32)
    >>> signature = sign(b"amount=100&to=alice", SECRET)
    >>> verify(b"amount=100&to=alice", signature, SECRET)
    True
    >>> verify(b"amount=900&to=alice", signature, SECRET)
    False

Requirements:
- Randomness comes from `secrets` only. The `random` module is a predictable Mersenne Twister
  (624 outputs reveal all the rest): it must not appear in this file at all.
- Every one of the 30 random characters is uniform over the 62 symbols, independently. Watch
  out for modulo bias (`byte % 62` makes the first 8 symbols more likely) and for a base
  conversion whose leading digit cannot take every value.
- The prefix is 2 to 10 lowercase ASCII letters; anything else is a ValueError.
- check_format() returns True or False and never raises, whatever it is given. It accepts only
  ASCII base-62 symbols (str.isalnum() and regex \\d also accept "é" and Arabic digits) and
  nothing after the key, not even a newline.
- sign() returns the HMAC-SHA256 of the message as 64 lowercase hex digits. The secret must be
  at least 32 bytes (ValueError otherwise, in verify() too); a str message is a TypeError.
- verify() compares with hmac.compare_digest, never ==: == stops at the first differing
  character, and the time that takes tells an attacker how much of a forged signature is right.
  A malformed signature (wrong length, non-hex, non-ASCII) is simply False.
- new_session_token() returns secrets.token_urlsafe-style text with at least 256 random bits.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
RANDOM_CHARS = 30
CHECKSUM_CHARS = 6


def new_api_key(prefix: str = "pyex") -> str:
    """A fresh key: f"{prefix}_" + 30 uniformly random base-62 characters + 6-character checksum."""
    raise NotImplementedError


def check_format(key: object, prefix: str = "pyex") -> bool:
    """Whether ``key`` is a well-formed key with this prefix and a correct checksum."""
    raise NotImplementedError


def sign(message: bytes, secret: bytes) -> str:
    """HMAC-SHA256 of ``message`` under ``secret``, as 64 lowercase hex digits."""
    raise NotImplementedError


def verify(message: bytes, signature: str, secret: bytes) -> bool:
    """Whether ``signature`` is sign(message, secret), compared in constant time."""
    raise NotImplementedError


def new_session_token() -> str:
    """A URL-safe random token with at least 256 bits of randomness."""
    raise NotImplementedError

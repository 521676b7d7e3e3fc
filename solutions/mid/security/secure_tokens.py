"""API keys with a checksum, session tokens and HMAC signatures, all from the `secrets` module."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
RANDOM_CHARS = 30
CHECKSUM_CHARS = 6
MIN_SECRET_BYTES = 32

_PREFIX = re.compile(r"[a-z]{2,10}")
# [0-9A-Za-z] spelled out: \w and \d would also match non-ASCII letters and digits
_BODY = re.compile(rf"[0-9A-Za-z]{{{RANDOM_CHARS + CHECKSUM_CHARS}}}")


def _base62(number: int, width: int) -> str:
    """``number`` in base 62, zero-padded to exactly ``width`` digits."""
    digits = []
    for _ in range(width):
        number, digit = divmod(number, 62)
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


def _checksum(random_part: str) -> str:
    return _base62(zlib.crc32(random_part.encode("ascii")), CHECKSUM_CHARS)


def _check_prefix(prefix: str) -> None:
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise ValueError(f"the prefix must be 2 to 10 lowercase ASCII letters, not {prefix!r}")


def new_api_key(prefix: str = "pyex") -> str:
    _check_prefix(prefix)
    # One uniform number below 62**30 has 30 independent, uniform base-62 digits: no modulo
    # bias, and no leading digit that is short of values (as with randbits(178)).
    random_part = _base62(secrets.randbelow(62 ** RANDOM_CHARS), RANDOM_CHARS)
    return f"{prefix}_{random_part}{_checksum(random_part)}"


def check_format(key: object, prefix: str = "pyex") -> bool:
    if not isinstance(key, str):
        return False
    head, sep, body = key.partition("_")
    # fullmatch, not match(...$): "$" also matches before a trailing newline
    if head != prefix or not sep or not _BODY.fullmatch(body):
        return False
    random_part, checksum = body[:RANDOM_CHARS], body[RANDOM_CHARS:]
    return _checksum(random_part) == checksum  # a checksum is no secret: == is fine here


def _check_secret(secret: bytes) -> None:
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"an HMAC secret needs at least {MIN_SECRET_BYTES} bytes, got {len(secret)}")


def sign(message: bytes, secret: bytes) -> str:
    _check_secret(secret)
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def verify(message: bytes, signature: str, secret: bytes) -> bool:
    expected = sign(message, secret)
    # compare_digest refuses non-ASCII str; such a signature is simply wrong
    if not isinstance(signature, str) or not signature.isascii():
        return False
    return hmac.compare_digest(expected, signature)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)  # 32 random bytes = 256 bits, 43 URL-safe characters

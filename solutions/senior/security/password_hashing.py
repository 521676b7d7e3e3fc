"""Peppered bcrypt: NFKC-normalise, HMAC-SHA256 with a server-side pepper, base64, then bcrypt."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import unicodedata

import bcrypt

MIN_COST, MAX_COST = 10, 31
MIN_PEPPER_BYTES = 32
# $2b$, a two-digit cost, then 53 characters of bcrypt's base64: 22 of salt, 31 of hash
_BCRYPT = re.compile(r"\$2b\$(\d\d)\$[./A-Za-z0-9]{53}")


class PasswordHasher:
    def __init__(self, pepper: bytes, cost: int = 12) -> None:
        if not isinstance(pepper, bytes):
            raise TypeError("the pepper must be bytes")
        if len(pepper) < MIN_PEPPER_BYTES:
            raise ValueError(f"the pepper needs at least {MIN_PEPPER_BYTES} bytes, got {len(pepper)}")
        if type(cost) is not int or not MIN_COST <= cost <= MAX_COST:
            raise ValueError(f"the bcrypt cost must be an int from {MIN_COST} to {MAX_COST}, not {cost!r}")
        self._pepper = pepper
        self.cost = cost

    def _peppered(self, password: str) -> bytes:
        """44 ASCII bytes whatever the password: every character counts, and no NUL reaches bcrypt."""
        normalized = unicodedata.normalize("NFKC", password)  # a TypeError for anything but a str
        digest = hmac.new(self._pepper, normalized.encode("utf-8"), hashlib.sha256).digest()
        return base64.b64encode(digest)

    def hash_password(self, password: str) -> str:
        return bcrypt.hashpw(self._peppered(password), bcrypt.gensalt(rounds=self.cost)).decode("ascii")

    def verify_password(self, password: str, stored: str) -> bool:
        peppered = self._peppered(password)
        try:
            return bcrypt.checkpw(peppered, stored.encode("ascii"))
        except (AttributeError, UnicodeEncodeError, ValueError):  # not a str, or not a bcrypt hash
            return False

    def needs_rehash(self, stored: str) -> bool:
        match = _BCRYPT.fullmatch(stored) if isinstance(stored, str) else None
        return match is None or int(match.group(1)) != self.cost

    def verify_and_update(self, password: str, stored: str) -> tuple[bool, str | None]:
        if not self.verify_password(password, stored):
            return False, None
        return True, self.hash_password(password) if self.needs_rehash(stored) else None

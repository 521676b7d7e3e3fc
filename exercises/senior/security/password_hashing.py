"""Store passwords the way a breach-conscious service does: a pepper, then bcrypt with a salt and a cost.

bcrypt salts every hash (two users with the same password get different hashes) and is slow on
purpose: its cost factor doubles the work per step, so a stolen table takes years to crack
instead of hours. Two more layers make it better:

- A pepper: a secret key that lives in the server's configuration, never in the database. The
  password is first run through HMAC-SHA256 with it, so a stolen database alone cannot be
  attacked at all.
- bcrypt reads only the first 72 bytes of its input (and some implementations stop at a NUL
  byte). The HMAC turns any password into 32 bytes, and base64 makes those 44 printable ASCII
  characters: every byte of a long password counts, and no NUL ever reaches bcrypt.

The exact scheme (the check verifies your hashes with it):

    normalized = unicodedata.normalize("NFKC", password)   # "é" typed either way is one password
    peppered = base64.b64encode(hmac.new(pepper, normalized.encode("utf-8"), "sha256").digest())
    stored = bcrypt.hashpw(peppered, bcrypt.gensalt(rounds=cost)).decode("ascii")

    >>> hasher = PasswordHasher(pepper=secrets.token_bytes(32), cost=12)
    >>> stored = hasher.hash_password("correct horse battery staple")
    >>> stored[:7]
    '$2b$12$'
    >>> hasher.verify_password("correct horse battery staple", stored)
    True
    >>> hasher.verify_password("Correct horse battery staple", stored)
    False

Requirements:
- PasswordHasher(pepper, cost=12): the pepper is bytes, at least 32 of them; the cost is an int
  from 10 (anything less is too cheap today) to 31 (bcrypt's maximum). Otherwise ValueError
  (TypeError for a pepper that is not bytes).
- hash_password(password) returns the bcrypt hash as str, with a fresh salt each time and
  exactly this hasher's cost. A password that is not a str is a TypeError, here and in verify.
- verify_password(password, stored) is True or False, never an exception for a malformed
  stored hash. Let bcrypt.checkpw compare: it compares in constant time.
- needs_rehash(stored) is True when stored is not a well-formed "$2b$" bcrypt hash made with
  exactly this hasher's cost (so raising the cost, or moving off an old scheme, upgrades every
  user at their next login).
- verify_and_update(password, stored) is what a login calls: (False, None) for a wrong password;
  (True, None) when it is right and stored is up to date; (True, new_hash) when it is right but
  needs a rehash, new_hash made with the current cost.
"""

from __future__ import annotations


class PasswordHasher:
    """Peppered bcrypt password hashes."""

    def __init__(self, pepper: bytes, cost: int = 12) -> None:
        raise NotImplementedError

    def hash_password(self, password: str) -> str:
        """A new salted, peppered bcrypt hash of ``password``."""
        raise NotImplementedError

    def verify_password(self, password: str, stored: str) -> bool:
        """Whether ``password`` matches ``stored``; False for a malformed hash."""
        raise NotImplementedError

    def needs_rehash(self, stored: str) -> bool:
        """Whether ``stored`` should be replaced by a hash with this hasher's settings."""
        raise NotImplementedError

    def verify_and_update(self, password: str, stored: str) -> tuple[bool, str | None]:
        """(matches, a new hash to store or None)."""
        raise NotImplementedError

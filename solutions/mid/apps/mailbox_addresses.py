"""Collect every email address in a mailbox (mbox) file: headers parsed, bodies decoded, obfuscations undone."""

from __future__ import annotations

import argparse
import html
import mailbox
import os
import re
import sys
from email import message_from_binary_file, policy
from email.message import EmailMessage
from typing import Iterator

ADDRESS_HEADERS = {"from", "sender", "reply-to", "to", "cc", "bcc"}

# the practical address rule: ASCII, no dot at either end of the local part and no two dots in a
# row, a domain of two or more labels ending in a top-level domain of two or more letters
ADDRESS = r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
# ...standing on its own: not glued to a letter (of any alphabet: \w), a digit or more address
# characters on either side, so "café@example.com" is not taken for "caf" + "é" + an address
EMAIL_RE = re.compile(rf"(?<![\w.%+@-]){ADDRESS}(?![\w@-]|\.\w)")
ADDRESS_RE = re.compile(ADDRESS)

# "ann [at] example [dot] com" and "ann(at)example(dot)com", any case, spaces or none
AT_RE = re.compile(r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\))\s*", re.IGNORECASE)
DOT_RE = re.compile(r"\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\))\s*", re.IGNORECASE)


def addresses_in_text(text: str) -> list[str]:
    """The addresses written in ``text`` (obfuscations undone), in order, as written."""
    text = DOT_RE.sub(".", AT_RE.sub("@", text))
    return EMAIL_RE.findall(text)


def _text_of(part: EmailMessage) -> str:
    try:
        return part.get_content()  # undoes quoted-printable/base64 and decodes the charset
    except LookupError:  # a charset Python does not know: read it as UTF-8
        return part.get_payload(decode=True).decode("utf-8", "replace")


def addresses_in_message(msg: EmailMessage) -> Iterator[str]:
    """The addresses of one message, in order: its headers, then its text parts."""
    for name, value in msg.items():
        key = name.lower()
        if key in ADDRESS_HEADERS:
            # the header parser copes with quoted display names ("Lee, Ann" <ann@...>) and
            # RFC 2047 encoded words; a display name is not an address, even if it looks like one
            for address in getattr(value, "addresses", ()):
                if ADDRESS_RE.fullmatch(address.addr_spec):
                    yield address.addr_spec
        elif key == "subject":
            yield from addresses_in_text(str(value))  # already decoded from =?utf-8?b?...?=
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            yield from addresses_in_text(_text_of(part))
        elif ctype == "text/html":
            # &#64; and &commat; are '@': decode character references; mailto: links are found as text
            yield from addresses_in_text(html.unescape(_text_of(part)))


def collect_addresses(mbox_path: str | os.PathLike) -> list[str]:
    """Every address in the mbox, lower-cased, once each, in the order first seen."""
    if not os.path.isfile(mbox_path):  # mailbox.mbox() would create a missing file
        raise FileNotFoundError(f"no such mbox file: {mbox_path}")
    box = mailbox.mbox(mbox_path, factory=lambda f: message_from_binary_file(f, policy=policy.default),
                       create=False)
    seen: dict[str, None] = {}  # a dict keeps insertion order: first seen first
    try:
        for msg in box:
            for address in addresses_in_message(msg):
                seen.setdefault(address.lower())
    finally:
        box.close()
    return list(seen)


def main(argv: list[str] | None = None) -> int:
    """Print the addresses in the mbox named on the command line; 0 if any, 1 if none, 2 on error."""
    parser = argparse.ArgumentParser(description="Print every email address in an mbox file.")
    parser.add_argument("mbox")
    args = parser.parse_args(argv)
    try:
        found = collect_addresses(args.mbox)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for address in found:
        print(address)
    return 0 if found else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Collect every email address in a mailbox file (mbox): headers parsed, bodies decoded, obfuscations undone.

    >>> collect_addresses("inbox.mbox")
    ['ann.lee@example.org', 'bob@example.net', 'sales@example.com', 'carl@mail.example.co.uk']

A regular expression over the raw file is not enough: bodies are often quoted-printable (a
soft line break "=\\n" can cut an address in two) or base64 (the address is not in the file as
text at all), a non-ASCII Subject is RFC 2047 encoded (=?utf-8?b?...?=), HTML writes @ as &#64;,
and the file is full of things that look like addresses but are not: Message-IDs, Received
lines, the mbox's own "From sender date" separator lines, display names such as
"bob@example.org" <robert@example.net>. So read it with the stdlib: mailbox.mbox, and the email
package with policy=email.policy.default (which decodes headers and bodies for you).

collect_addresses(mbox_path) returns the addresses, lower-cased, each once, in the order first
seen: the messages in the file's order, and in each message
1. its headers in the order they appear: From, Sender, Reply-To, To, Cc and Bcc give the
   addresses they hold (display names are not addresses); the Subject is text (see 3);
   no other header counts;
2. then every text/plain and text/html part, in msg.walk() order (attached ones too; every
   other type, even text/csv, is skipped), decoded: quoted-printable or base64, then its
   charset (a charset Python does not know is read as UTF-8 with errors="replace"); in HTML,
   character references (&#64;, &commat;, &#46;) are decoded, and mailto: links are found as text;
3. a text is searched after undoing obfuscations: "[at]" or "(at)" becomes "@" and "[dot]"
   or "(dot)" becomes ".", in any case and with any spaces around them, so
   "ann [at] example [dot] com" and "Ann(AT)example(Dot)com" are ann@example.com (but
   "meet at noon" is left alone).

What counts as an address in a text (a practical rule, not all of RFC 5322): the local part is
ASCII letters, digits and . _ % + - , not starting or ending with a dot, no two dots in a row;
the domain is two or more labels of ASCII letters, digits and hyphens (not at a label's start
or end) joined by dots, the last one two or more letters. It stands on its own: the character
before it is not a letter (of any alphabet), digit or one of . _ % + - @, and the one after it
is not a letter, digit, _, - or @, nor a dot followed by a letter or digit. So "(bob@x.org)."
gives bob@x.org, while john..doe@example.com and café@example.com give nothing.
An address from a header must match that rule as a whole ("undisclosed-recipients:;" has none).

A missing file raises FileNotFoundError and is not created (mailbox.mbox() creates a missing
file unless told not to). Every call reads the file afresh.

main(argv) takes one MBOX and prints the addresses, one per line. Like grep it returns 0 if it
found any, 1 if none, and 2 (with "error: ..." on stderr) if the file cannot be read.
"""

from __future__ import annotations

import os


def collect_addresses(mbox_path: str | os.PathLike) -> list[str]:
    """Every address in the mbox, lower-cased, once each, in the order first seen."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the addresses in the mbox named on the command line; 0 if any, 1 if none, 2 on error."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())

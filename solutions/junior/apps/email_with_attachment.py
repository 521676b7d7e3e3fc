"""Send an email with a file attached, using smtplib."""

from __future__ import annotations

import argparse
import mimetypes
import smtplib
import sys
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Sequence


def build_message(sender: str, recipients: Sequence[str], subject: str, body: str, attachment: Path,
                  *, cc: Sequence[str] = ()) -> EmailMessage:
    """The email, with headers, a text body and the attached file."""
    if not recipients:
        raise ValueError("an email needs at least one recipient")
    attachment = Path(attachment)
    data = attachment.read_bytes()  # bytes: binary files must arrive unchanged

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid()
    msg.set_content(body)  # the text/plain part; non-ASCII text is encoded as UTF-8

    ctype, encoding = mimetypes.guess_type(attachment.name)
    if ctype is None or encoding is not None:  # unknown, or compressed (.gz): send as raw bytes
        ctype = "application/octet-stream"
    maintype, subtype = ctype.split("/", 1)
    # add_attachment turns the message into multipart/mixed and base64-encodes the bytes
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=attachment.name)
    return msg


def send_email(host: str, port: int, sender: str, recipients: Sequence[str], subject: str, body: str,
               attachment: Path, *, cc: Sequence[str] = (), bcc: Sequence[str] = (),
               timeout: float = 10.0) -> None:
    """Build the email and send it through the SMTP server at ``host:port``."""
    msg = build_message(sender, recipients, subject, body, attachment, cc=cc)  # fails before connecting
    everyone = [*recipients, *cc, *bcc]  # Bcc: in the envelope, never in a header
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        # With a real provider: smtp.starttls(); smtp.login(user, password)
        smtp.send_message(msg, from_addr=sender, to_addrs=everyone)


def main(argv: list[str] | None = None) -> int:
    """Send the email described on the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="send-mail", description="Send an email with an attachment.")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--from", dest="sender", required=True)
    parser.add_argument("--to", action="append", required=True)
    parser.add_argument("--cc", action="append", default=[])
    parser.add_argument("--bcc", action="append", default=[])
    parser.add_argument("--subject", required=True)
    parser.add_argument("--body", required=True)
    parser.add_argument("--attach", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        send_email(args.host, args.port, args.sender, args.to, args.subject, args.body, args.attach,
                   cc=args.cc, bcc=args.bcc)
    except (OSError, smtplib.SMTPException) as exc:  # FileNotFoundError is an OSError too
        print(f"error: {exc}", file=sys.stderr)
        return 1
    count = len(args.to) + len(args.cc) + len(args.bcc)
    print(f"Sent to {count} recipient(s): {args.subject}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Mail merge: one personalized email per recipient, all sent over a single SMTP connection."""

from __future__ import annotations

import argparse
import csv
import html
import mimetypes
import os
import smtplib
import sys
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from string import Template
from typing import Mapping, Sequence


@dataclass
class Report:
    sent: list[str] = field(default_factory=list)  # delivered, in the order they were delivered
    failed: dict[str, str] = field(default_factory=dict)  # address -> why it was not delivered


def _fill(template: str, recipient: Mapping[str, str], escape: bool = False, **extra: str) -> str:
    values = {key: html.escape(str(value)) if escape else str(value) for key, value in recipient.items()}
    values.update(extra)
    try:
        return Template(template).substitute(values)
    except KeyError as exc:
        raise ValueError(f"missing field {exc.args[0]!r}") from None


def _mime_type(name: str) -> tuple[str, str]:
    ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    maintype, _, subtype = ctype.partition("/")
    return maintype, subtype


def build_message(sender: str, recipient: Mapping[str, str], *, subject: str, text: str, html: str,
                  image: tuple[str, bytes] | None = None,
                  attachments: Sequence[tuple[str, bytes]] = ()) -> EmailMessage:
    """The personalized email for one recipient; ValueError if a field is missing or the address is bad."""
    cid = make_msgid()  # '<...@host>'; the HTML refers to it as cid:... without the brackets
    msg = EmailMessage()
    msg["From"] = sender
    # Address() refuses CR/LF in an address: a crafted row cannot inject a Bcc header
    msg["To"] = Address(display_name=recipient.get("name", ""), addr_spec=recipient["email"])
    msg["Subject"] = _fill(subject, recipient)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid()
    msg.set_content(_fill(text, recipient))
    # values typed by people go into HTML escaped: a name like "Tom & <Jerry>" must not become markup
    msg.add_alternative(_fill(html, recipient, escape=True, image_cid=cid[1:-1]), subtype="html")
    if image is not None:
        # the picture belongs to the HTML: multipart/related wraps the HTML part and the image
        name, data = image
        msg.get_payload()[1].add_related(data, *_mime_type(name), cid=cid, filename=name, disposition="inline")
    for name, data in attachments:
        msg.add_attachment(data, *_mime_type(name), filename=name)
    return msg


def _why(code: int, response: bytes) -> str:
    """'550 5.1.1 No such user here': the server's code and its words."""
    return f"{code} {response.decode('utf-8', 'replace')}"


def send_personalized(host: str, port: int, sender: str, recipients: Sequence[Mapping[str, str]], *,
                      subject: str, text: str, html: str, image: Path | None = None,
                      attachments: Sequence[Path] = (), username: str | None = None,
                      password: str | None = None, timeout: float = 10.0) -> Report:
    """Send each recipient their own email over one SMTP connection; report who got it and who did not."""
    # read the files once, before connecting: a missing file stops the batch before anything is sent
    picture = (image.name, image.read_bytes()) if image is not None else None
    files = [(path.name, path.read_bytes()) for path in attachments]

    report = Report()
    seen: set[str] = set()
    rows = []
    for recipient in recipients:
        key = recipient["email"].lower()
        if key not in seen:  # one email per address, even if the list has it twice
            seen.add(key)
            rows.append(recipient)

    with smtplib.SMTP(host, port, timeout=timeout) as smtp:  # `with` sends QUIT and closes, even on error
        if username is not None:
            smtp.login(username, password)  # once: the connection stays authenticated

        def attempt(recipient: Mapping[str, str]) -> str | None:
            """Try one recipient: None when delivered or failed for good, else the 4xx reason."""
            address = recipient["email"]
            try:
                msg = build_message(sender, recipient, subject=subject, text=text, html=html, image=picture,
                                    attachments=files)
                smtp.send_message(msg, from_addr=sender, to_addrs=[address])
            except ValueError as exc:  # a missing field, or an address that cannot be a header
                report.failed[address] = str(exc)
            except smtplib.SMTPRecipientsRefused as exc:
                code, response = next(iter(exc.recipients.values()))
                if 400 <= code < 500:
                    return _why(code, response)
                report.failed[address] = _why(code, response)
            except smtplib.SMTPResponseException as exc:  # sender refused, data refused...
                if 400 <= exc.smtp_code < 500:
                    return _why(exc.smtp_code, exc.smtp_error)
                report.failed[address] = _why(exc.smtp_code, exc.smtp_error)
            else:
                report.sent.append(address)
            return None

        # a 4xx answer means "not now": come back once, after the rest of the batch
        deferred = [recipient for recipient in rows if attempt(recipient) is not None]
        for recipient in deferred:
            reason = attempt(recipient)
            if reason is not None:
                report.failed[recipient["email"]] = reason
    return report


def main(argv: list[str] | None = None) -> int:
    """Send the mail merge described on the command line; return the exit code."""
    parser = argparse.ArgumentParser(description="Send one personalized email per row of a CSV file.")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", required=True, type=int)
    parser.add_argument("--from", dest="sender", required=True)
    parser.add_argument("--user")
    parser.add_argument("--recipients", required=True, type=Path)
    parser.add_argument("--subject", required=True)
    parser.add_argument("--text", required=True, type=Path)
    parser.add_argument("--html", required=True, type=Path)
    parser.add_argument("--image", type=Path)
    parser.add_argument("--attach", action="append", default=[], type=Path)
    args = parser.parse_args(argv)

    password = None
    if args.user is not None:
        password = os.environ.get("SMTP_PASSWORD")  # never on the command line: `ps` shows it to everyone
        if password is None:
            print("error: --user needs the password in the SMTP_PASSWORD environment variable", file=sys.stderr)
            return 2
    try:
        with open(args.recipients, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        text = args.text.read_text(encoding="utf-8")
        html_template = args.html.read_text(encoding="utf-8")
        report = send_personalized(args.host, args.port, args.sender, rows, subject=args.subject, text=text,
                                   html=html_template, image=args.image, attachments=args.attach,
                                   username=args.user, password=password)
    except (OSError, smtplib.SMTPException) as exc:  # the batch could not run at all
        print(f"error: {exc}", file=sys.stderr)
        return 2
    done: set[str] = set()
    for row in rows:
        address = row["email"]
        if address.lower() in done:
            continue
        done.add(address.lower())
        if address in report.failed:
            print(f"failed {address}: {report.failed[address]}")
        else:
            print(f"sent   {address}")
    print(f"{len(report.sent)} sent, {len(report.failed)} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

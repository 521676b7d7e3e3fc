"""Send an email with a file attached, using smtplib.

    >>> send_email("smtp.example.com", 25, "me@example.com", ["you@example.org"],
    ...            "Monthly report", "Hi,\\n\\nthe report is attached.\\n", Path("report.pdf"))

build_message(sender, recipients, subject, body, attachment, *, cc=()) returns an
email.message.EmailMessage with
- the headers From, To (the recipients joined by ", "), Cc (only if there are any), Subject,
  Date and Message-ID (email.utils has formatdate() and make_msgid());
- `body` as its plain-text part (any language: EmailMessage picks UTF-8 when needed);
- the file as an attachment with its file name (just the name, no folders), a content type
  guessed from the name (mimetypes.guess_type(); "application/octet-stream" if unknown),
  and exactly its bytes: read it in binary mode, or a PDF or a photo arrives broken.
It raises ValueError if `recipients` is empty, FileNotFoundError if the file is missing.

send_email(host, port, sender, recipients, subject, body, attachment, *, cc=(), bcc=(),
timeout=10.0) builds the message and sends it through the SMTP server at host:port,
opened with smtplib.SMTP(host, port, timeout=timeout) and always closed again (`with`).
The mail goes to every address in recipients, cc and bcc, but bcc addresses must appear
in no header: that is what "blind" means. A missing attachment raises before connecting.
(A real provider also wants starttls() and login(user, password); the local test server
needs neither.)

main(argv) takes `--host HOST --port PORT --from ADDR --to ADDR [--to ADDR ...]
[--cc ADDR ...] [--bcc ADDR ...] --subject TEXT --body TEXT --attach FILE`, sends the mail,
prints "Sent to N recipient(s): SUBJECT" (N counts to, cc and bcc) and returns 0. If the
file is missing or the server cannot be reached or refuses the mail (OSError,
smtplib.SMTPException), it prints "error: ..." to stderr and returns 1.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Sequence


def build_message(sender: str, recipients: Sequence[str], subject: str, body: str, attachment: Path,
                  *, cc: Sequence[str] = ()) -> EmailMessage:
    """The email, with headers, a text body and the attached file."""
    # TODO
    raise NotImplementedError


def send_email(host: str, port: int, sender: str, recipients: Sequence[str], subject: str, body: str,
               attachment: Path, *, cc: Sequence[str] = (), bcc: Sequence[str] = (),
               timeout: float = 10.0) -> None:
    """Build the email and send it through the SMTP server at ``host:port``."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Send the email described on the command line; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())

"""Mail merge: send each recipient their own personalized email, all over ONE SMTP connection.

    >>> report = send_personalized(
    ...     "smtp.example.com", 587, "news@example.com",
    ...     [{"email": "ann@example.org", "name": "Ann", "plan": "Pro"},
    ...      {"email": "gone@example.org", "name": "Gone", "plan": "Free"}],
    ...     subject="Your $plan plan", text="Hello $name,\\n...", html="<p>Hello $name</p>...",
    ...     image=Path("logo.png"), attachments=[Path("terms.pdf")],
    ...     username="news", password=os.environ["SMTP_PASSWORD"])
    >>> report
    Report(sent=['ann@example.org'], failed={'gone@example.org': '550 5.1.1 No such user here'})

Templates are string.Template text: $name or ${name} is the recipient's field, $$ a dollar sign.

build_message(sender, recipient, *, subject, text, html, image=None, attachments=()) returns the
email.message.EmailMessage for one recipient (a dict of fields with at least "email"):
- From is sender; To is the recipient alone, with the "name" field (if any) as display name
  (email.headerregistry.Address); Subject is the filled subject; Date and Message-ID are set.
- The text part is the filled `text`. The HTML part is the filled `html` with every field value
  HTML-escaped (html.escape: a name like "Tom & <Jerry>" must not become markup), and
  $image_cid filled with the image's Content-ID without its angle brackets, so the HTML can
  show it with <img src="cid:$image_cid">.
- `image` is (file name, bytes) or None, `attachments` a list of (file name, bytes). The MIME
  tree is exactly this (types from the file name, mimetypes.guess_type(), or
  application/octet-stream):

      multipart/mixed                 <- only when there are attachments
        multipart/alternative
          text/plain
          multipart/related           <- only when there is an image: the HTML and its picture
            text/html
            image/png                 <- inline, with a Content-ID
        application/pdf               <- each attachment, in order, with its file name

- A missing field, or an address no header can hold (a line break in it would let a crafted
  row add a Bcc: header), is a ValueError naming the problem.

send_personalized(host, port, sender, recipients, *, subject, text, html, image=None,
attachments=(), username=None, password=None, timeout=10.0) -> Report sends the batch:
- Read the image and attachment files (Path objects) first: a missing one raises
  FileNotFoundError before any connection is made.
- Open ONE connection, smtplib.SMTP(host, port, timeout=timeout), in a `with` block (it must
  be closed whatever happens), log in once if a username is given (a refused login raises
  smtplib.SMTPAuthenticationError), and send every message through it. Each message goes to
  its recipient only (the envelope too: send_message(msg, from_addr=..., to_addrs=[address])).
  (A real provider also wants starttls() before login; the local test server has no TLS.)
- An address listed twice (compared case-insensitively) gets one email, from its first row.
- One recipient's failure never stops the batch. A bad row (ValueError) is reported and never
  sent. The server may refuse a recipient (at RCPT TO) or a message (after DATA): a permanent
  refusal (any 5xx code, e.g. 550 no such user) is reported as the server's "CODE text" and
  not retried; a temporary one (any 4xx, e.g. 451 try again later) is retried once, after the
  rest of the batch, on the same connection, and if refused again reported as "CODE text".
- Report.sent lists the delivered addresses in the order they were delivered; Report.failed
  maps each other address (as given) to why.

main(argv) takes `--host HOST --port PORT --from ADDR [--user NAME] --recipients CSV
--subject TEMPLATE --text FILE --html FILE [--image FILE] [--attach FILE ...]`. The CSV (UTF-8)
has a header row naming the fields, "email" among them. With --user the password comes from the
SMTP_PASSWORD environment variable (never on the command line, where `ps` shows it to anyone).
It prints one line per address, in the CSV's order (duplicates once), then a summary:

    sent   ann@example.org
    failed gone@example.org: 550 5.1.1 No such user here
    1 sent, 1 failed

and returns 0 if every address was sent, 1 if any failed. If the batch cannot run at all
(no SMTP_PASSWORD, a missing file, no server, a refused login: OSError or smtplib.SMTPException)
it prints "error: ..." on stderr and returns 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Mapping, Sequence


@dataclass
class Report:
    sent: list[str] = field(default_factory=list)  # delivered, in the order they were delivered
    failed: dict[str, str] = field(default_factory=dict)  # address -> why it was not delivered


def build_message(sender: str, recipient: Mapping[str, str], *, subject: str, text: str, html: str,
                  image: tuple[str, bytes] | None = None,
                  attachments: Sequence[tuple[str, bytes]] = ()) -> EmailMessage:
    """The personalized email for one recipient; ValueError if a field is missing or the address is bad."""
    # TODO: EmailMessage: set_content, add_alternative, add_related on the HTML part, add_attachment.
    raise NotImplementedError


def send_personalized(host: str, port: int, sender: str, recipients: Sequence[Mapping[str, str]], *,
                      subject: str, text: str, html: str, image: Path | None = None,
                      attachments: Sequence[Path] = (), username: str | None = None,
                      password: str | None = None, timeout: float = 10.0) -> Report:
    """Send each recipient their own email over one SMTP connection; report who got it and who did not."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Send the mail merge described on the command line; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())

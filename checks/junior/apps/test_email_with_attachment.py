import re
import socket
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from email_with_attachment import build_message, main, send_email
from pyexercise.checklib import assert_raises, free_port, run_main, time_budget

PDF = b"%PDF-1.7\r\n" + bytes(range(256)) * 40 + b"\r\n.\r\n..\r\n%%EOF\x00\xff"
SENDER = "reports@example.com"


def attachment(folder, name="report.pdf", data=PDF):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def only_attachment(msg):
    parts = list(msg.iter_attachments())
    assert len(parts) == 1, f"the email should carry exactly one attachment, it has {len(parts)}"
    return parts[0]


def plain_body(msg):
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None, "the email has no text/plain body"
    return part.get_content().replace("\r\n", "\n")  # mail travels with CRLF line ends


def test_build_message(tmp_path):
    """build_message: headers, a text body and the attachment with name, type and bytes"""
    msg = build_message(SENDER, ["ann@example.org", "bob@example.net"], "Monthly report",
                        "Hi,\n\nthe report is attached.\n", attachment(tmp_path))
    assert isinstance(msg, EmailMessage), f"build_message should return an EmailMessage, got {type(msg).__name__}"
    assert msg["From"] == SENDER and msg["To"] == "ann@example.org, bob@example.net", (
        f"From/To should be {SENDER!r} and 'ann@example.org, bob@example.net', got {msg['From']!r}, {msg['To']!r}")
    assert msg["Subject"] == "Monthly report" and msg["Cc"] is None
    assert msg.get_content_type() == "multipart/mixed", f"a mail with an attachment is multipart/mixed, not {msg.get_content_type()}"
    assert plain_body(msg) == "Hi,\n\nthe report is attached.\n"
    part = only_attachment(msg)
    assert part.get_filename() == "report.pdf", f"the attachment's filename should be 'report.pdf', got {part.get_filename()!r}"
    assert part.get_content_type() == "application/pdf"
    assert part.get_payload(decode=True) == PDF, "the attached bytes differ from the file: read it with read_bytes()"


def test_date_and_message_id(tmp_path):
    """Date and Message-ID headers are set (mail without them looks like spam)"""
    msg = build_message(SENDER, ["ann@example.org"], "x", "y", attachment(tmp_path))
    assert msg["Date"], "set a Date header: email.utils.formatdate(localtime=True)"
    sent = parsedate_to_datetime(str(msg["Date"]))
    assert abs((datetime.now(timezone.utc) - sent).total_seconds()) < 600, f"the Date header {msg['Date']!r} is not now"
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(msg["Message-ID"] or "")), (
        f"set a Message-ID header like '<...@...>' (email.utils.make_msgid()), got {msg['Message-ID']!r}")
    other = build_message(SENDER, ["ann@example.org"], "x", "y", attachment(tmp_path))
    assert other["Message-ID"] != msg["Message-ID"], "every message needs its own Message-ID"


@pytest.mark.parametrize("name, ctype", [("photo.png", "image/png"), ("data.csv", "text/csv"),
                                         ("notes.txt", "text/plain"), ("archive.zip", "application/zip"),
                                         ("mystery.xyz123", "application/octet-stream"),
                                         ("NO_EXTENSION", "application/octet-stream")])
def test_content_types(tmp_path, name, ctype):
    """the content type is guessed from the file name; unknown is application/octet-stream"""
    data = b"caf\xe9 \x00\xff\r\n" * 10  # not valid UTF-8 on purpose: bytes must survive as they are
    msg = build_message(SENDER, ["ann@example.org"], "types", "see attached", attachment(tmp_path, name, data))
    part = only_attachment(msg)
    assert part.get_content_type() == ctype, f"{name} should be attached as {ctype}, got {part.get_content_type()}"
    assert part.get_filename() == name
    assert part.get_payload(decode=True) == data, f"the bytes of {name} changed on the way: attach bytes, not text"


def test_unicode(tmp_path):
    """non-ASCII subject, body and file name survive"""
    subject, body = "Rapport für März ☃", "Grüße, Zoë!\nΚαλημέρα ☕\n"
    path = attachment(tmp_path, "Quartalsbericht – Q3 ü.pdf")
    msg = build_message(SENDER, ["zoë@example.org"], subject, body, path)
    assert msg["Subject"] == subject, f"got subject {msg['Subject']!r}"
    assert plain_body(msg) == body
    assert only_attachment(msg).get_filename() == "Quartalsbericht – Q3 ü.pdf"


def test_bad_input(tmp_path):
    """no recipients is a ValueError; a missing file is a FileNotFoundError"""
    with pytest.raises(ValueError):
        build_message(SENDER, [], "x", "y", attachment(tmp_path))
    with pytest.raises(FileNotFoundError):
        build_message(SENDER, ["ann@example.org"], "x", "y", tmp_path / "missing.pdf")


def test_send(mailbox, tmp_path):
    """send_email delivers the message to a real SMTP server"""
    send_email(mailbox.host, mailbox.port, SENDER, ["ann@example.org"], "Monthly report",
               "Hi,\n\nthe report is attached.\n", attachment(tmp_path / "reports" / "2024"))
    assert len(mailbox.messages) == 1, f"the server should have received 1 message, got {len(mailbox.messages)}"
    assert mailbox.envelopes == [(SENDER, ["ann@example.org"])], f"envelope: {mailbox.envelopes!r}"
    msg = mailbox.messages[0]
    assert (msg["From"], msg["To"], msg["Subject"]) == (SENDER, "ann@example.org", "Monthly report")
    assert plain_body(msg).rstrip("\n") == "Hi,\n\nthe report is attached."
    part = only_attachment(msg)
    assert part.get_filename() == "report.pdf", f"the file name only, no folders: got {part.get_filename()!r}"
    assert part.get_content_type() == "application/pdf"
    assert part.get_payload(decode=True) == PDF, "the attachment arrived changed"


def test_cc_and_bcc(mailbox, tmp_path):
    """cc is a header and a recipient; bcc is a recipient that no header mentions"""
    send_email(mailbox.host, mailbox.port, SENDER, ["ann@example.org", "bob@example.net"], "Team update", "hello",
               attachment(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
               cc=["carol@example.com"], bcc=["boss@example.com", "audit@example.com"])
    assert len(mailbox.messages) == 1, "send ONE message to all recipients"
    assert mailbox.envelopes == [(SENDER, ["ann@example.org", "bob@example.net", "carol@example.com",
                                           "boss@example.com", "audit@example.com"])], (
        f"the envelope should list to + cc + bcc recipients, got {mailbox.envelopes!r}")
    msg = mailbox.messages[0]
    assert msg["To"] == "ann@example.org, bob@example.net" and msg["Cc"] == "carol@example.com", (
        f"To/Cc headers: got {msg['To']!r}, {msg['Cc']!r}")
    raw = msg.as_string()
    assert msg["Bcc"] is None and "boss@example.com" not in raw, "bcc addresses must not appear in the message"


def test_missing_attachment_before_connecting(tmp_path):
    """a missing file raises FileNotFoundError before any connection is tried"""
    with pytest.raises(FileNotFoundError):
        send_email("127.0.0.1", free_port(), SENDER, ["ann@example.org"], "x", "y", tmp_path / "nope.pdf")


def test_timeout(tmp_path):
    """a server that never answers gives an OSError after `timeout` seconds, not a hang"""
    path = attachment(tmp_path)
    with socket.socket() as silent:  # accepts connections but never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with time_budget(2, "with timeout=0.3, send_email was still waiting for the server after 2 s: pass "
                            "timeout= to smtplib.SMTP"):
            assert_raises(OSError, lambda: send_email("127.0.0.1", port, SENDER, ["ann@example.org"], "x", "y", path,
                                                      timeout=0.3),
                          "a server that never answers should end in an OSError (TimeoutError)")


def test_main(mailbox, tmp_path, capsys):
    """main sends the mail described by its options"""
    path = attachment(tmp_path, "data.csv", b"a,b\r\n1,2\r\n")
    argv = ["--host", mailbox.host, "--port", str(mailbox.port), "--from", SENDER, "--to", "ann@example.org",
            "--to", "bob@example.net", "--bcc", "boss@example.com", "--subject", "Numbers", "--body", "Here.",
            "--attach", str(path)]
    code, out, err = run_main(main, argv, capsys=capsys)
    assert (code, out) == (0, "Sent to 3 recipient(s): Numbers\n"), f"got exit code {code}, output {out!r}, errors {err!r}"
    assert mailbox.envelopes == [(SENDER, ["ann@example.org", "bob@example.net", "boss@example.com"])]
    msg = mailbox.messages[0]
    assert msg["Subject"] == "Numbers" and plain_body(msg).rstrip("\n") == "Here."
    assert only_attachment(msg).get_payload(decode=True) == b"a,b\r\n1,2\r\n"


def test_main_errors(mailbox, tmp_path, capsys):
    """main: a missing file or an unreachable server is 'error: ...' and exit code 1"""
    base = ["--from", SENDER, "--to", "ann@example.org", "--subject", "s", "--body", "b"]
    code, out, err = run_main(main, ["--host", mailbox.host, "--port", str(mailbox.port), *base,
                          "--attach", str(tmp_path / "missing.pdf")], capsys=capsys)
    assert code == 1 and out == "" and err.startswith("error:"), f"missing file: got {code}, {out!r}, {err!r}"
    assert mailbox.messages == [], "nothing may be sent without the attachment"
    code, out, err = run_main(main, ["--host", "127.0.0.1", "--port", str(free_port()), *base,
                                     "--attach", str(attachment(tmp_path))], capsys=capsys)
    assert code == 1 and out == "" and err.startswith("error:"), f"no server listening: got {code}, {out!r}, {err!r}"
    assert run_main(main, base, capsys=capsys)[0] == 2, (
        "--host, --port and --attach are required: a usage error, exit code 2")

import contextlib
import csv
import html
import re
import smtplib
import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from string import Template

import psutil
import pytest
from hypothesis import given, settings, strategies as st

from mail_merge_smtp import Report, build_message, main, send_personalized
from pyexercise.checklib import free_port, run_main, smtp_server

SENDER = "news@example.com"
USERS = {"news": "s3cret-pass"}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8 + b"\r\n.\r\n"
PDF = b"%PDF-1.7\r\n" + bytes(reversed(range(256))) * 12 + b"\r\n%%EOF\x00\xff"
CSV_DATA = b"id,amount\r\n1,9.99\r\n"

SUBJECT = "Your $plan plan, $name"
TEXT = "Hello $name,\nyour $plan plan costs $$$price a month.\n-- The team\n"
HTML = ('<html><body><p>Hello <b>$name</b>,</p><p>your <i>$plan</i> plan costs $$$price a month.</p>'
        '<img src="cid:$image_cid" alt="logo"></body></html>')


def person(email, name, plan="Pro", price="9"):
    return {"email": email, "name": name, "plan": plan, "price": price}


def tree(msg, depth=0):
    """The MIME tree as indented content types, e.g. ['multipart/mixed', '  text/plain']."""
    lines = ["  " * depth + msg.get_content_type()]
    if msg.is_multipart():
        for part in msg.get_payload():
            lines += tree(part, depth + 1)
    return lines


FULL_TREE = ["multipart/mixed",
             "  multipart/alternative",
             "    text/plain",
             "    multipart/related",
             "      text/html",
             "      image/png",
             "  application/pdf",
             "  text/csv"]


def text_of(part):
    return part.get_content().replace("\r\n", "\n")  # mail travels with CRLF line ends


def want_text(template, row, escape=False, **extra):
    values = {k: html.escape(v) if escape else v for k, v in row.items()}
    return Template(template).substitute(values, **extra)


def parts(msg):
    """(plain, html, image, attachments) of a message with the full tree."""
    alternative = msg.get_payload()[0] if msg.get_content_type() == "multipart/mixed" else msg
    plain, other = alternative.get_payload()
    if other.get_content_type() == "multipart/related":
        html_part, image = other.get_payload()
    else:
        html_part, image = other, None
    attachments = msg.get_payload()[1:] if alternative is not msg else []
    return plain, html_part, image, attachments


def check_message(msg, row, label):
    """Everything about one received (or built) message for ``row``."""
    assert tree(msg) == FULL_TREE, (
        f"{label}: the MIME tree should be\n" + "\n".join(FULL_TREE) + "\nbut it is\n" + "\n".join(tree(msg))
        + "\n(set_content(text), add_alternative(html, subtype='html'), then add_related(image) on the HTML part, "
        "then add_attachment() for each file)")
    assert msg["From"] == SENDER, f"{label}: From should be {SENDER!r}, got {msg['From']!r}"
    to = msg["To"].addresses
    assert len(to) == 1 and to[0].addr_spec == row["email"] and to[0].display_name == row["name"], (
        f"{label}: To should be {row['name']!r} <{row['email']}> and nobody else, got {str(msg['To'])!r}")
    want_subject = want_text(SUBJECT, row)
    assert msg["Subject"] == want_subject, f"{label}: Subject should be {want_subject!r}, got {msg['Subject']!r}"
    assert msg["Date"] and re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(msg["Message-ID"] or "")), (
        f"{label}: set Date and Message-ID headers (email.utils.formatdate(), make_msgid())")
    plain, html_part, image, attachments = parts(msg)
    want_plain = want_text(TEXT, row)
    assert text_of(plain) == want_plain, f"{label}: the text part should be {want_plain!r}, got {text_of(plain)!r}"
    cid = str(image["Content-ID"] or "")
    assert re.fullmatch(r"<[^<>\s]+>", cid), f"{label}: the image needs a Content-ID like '<...@...>', got {cid!r}"
    want_html = want_text(HTML, row, escape=True, image_cid=cid[1:-1])
    got_html = text_of(html_part)
    assert got_html.rstrip("\n") == want_html, (
        f"{label}: the HTML part should be\n{want_html}\nbut it is\n{got_html}\n"
        "(fill it with the values HTML-escaped, html.escape(), and $image_cid as the image's Content-ID "
        "without its angle brackets)")
    assert image.get_content_disposition() == "inline" and image.get_payload(decode=True) == PNG, (
        f"{label}: the image should be an inline part with exactly the PNG's bytes")
    got_files = [(a.get_content_disposition(), a.get_filename(), a.get_payload(decode=True)) for a in attachments]
    assert got_files == [("attachment", "terms.pdf", PDF), ("attachment", "invoice.csv", CSV_DATA)], (
        f"{label}: the attachments should be terms.pdf and invoice.csv (in that order, their exact bytes, "
        f"disposition attachment), got {[(d, n, len(b or b'')) for d, n, b in got_files]!r}")


@pytest.fixture
def files(tmp_path):
    image = tmp_path / "assets" / "logo.png"
    image.parent.mkdir()
    image.write_bytes(PNG)
    pdf = tmp_path / "terms.pdf"
    pdf.write_bytes(PDF)
    sheet = tmp_path / "invoice.csv"
    sheet.write_bytes(CSV_DATA)
    return image, [pdf, sheet]


def send(box, rows, files, **kwargs):
    image, attachments = files
    options = dict(subject=SUBJECT, text=TEXT, html=HTML, image=image, attachments=attachments,
                   username="news", password=USERS["news"])
    options.update(kwargs)
    report = send_personalized(box.host, box.port, SENDER, rows, **options)
    assert type(report) is Report, f"send_personalized should return a Report, got {type(report).__name__}"
    assert type(report.sent) is list and type(report.failed) is dict, (
        f"Report.sent is a list and Report.failed a dict, got {report!r}")
    return report


def test_build_message_tree():
    """build_message: headers, the personalized text and HTML, the inline image and the attachments"""
    row = person("ann@example.org", "Ann \"AJ\" O'Lee & <Co>", "Gold & Silver", "12")
    msg = build_message(SENDER, row, subject=SUBJECT, text=TEXT, html=HTML, image=("logo.png", PNG),
                        attachments=[("terms.pdf", PDF), ("invoice.csv", CSV_DATA)])
    assert isinstance(msg, EmailMessage), f"build_message should return an EmailMessage, got {type(msg).__name__}"
    check_message(msg, row, "build_message")
    _plain, _html, image, (pdf, sheet) = parts(msg)
    assert image.get_content_type() == "image/png" and image.get_filename() == "logo.png", (
        "the image's type and name come from its file name: image/png, logo.png")
    assert (pdf.get_content_type(), sheet.get_content_type()) == ("application/pdf", "text/csv"), (
        "attachment types are guessed from the file name (mimetypes.guess_type)")


def test_build_message_smaller_trees():
    """without an image there is no multipart/related; without attachments no multipart/mixed"""
    row = {"email": "bob@example.net", "plan": "Free", "price": "0"}
    cases = [
        (None, [], ["multipart/alternative", "  text/plain", "  text/html"]),
        (("logo.png", PNG), [], ["multipart/alternative", "  text/plain", "  multipart/related",
                                 "    text/html", "    image/png"]),
        (None, [("data.bin.xyz123", b"\x00\x01")], ["multipart/mixed", "  multipart/alternative", "    text/plain",
                                                    "    text/html", "  application/octet-stream"]),
    ]
    for image, attachments, want in cases:
        msg = build_message(SENDER, row, subject="Your $plan plan", text="Hi, $plan", html="<p>$plan</p>",
                            image=image, attachments=attachments)
        assert tree(msg) == want, (
            f"with image={'a PNG' if image else None} and {len(attachments)} attachment(s) the tree should be\n"
            + "\n".join(want) + "\nbut it is\n" + "\n".join(tree(msg)))
    assert tree(msg)[-1].strip() == "application/octet-stream", "an unknown file type is application/octet-stream"
    assert msg["To"] == "bob@example.net", f"a row without a name: To is just the address, got {msg['To']!r}"


def test_build_message_refuses_bad_rows():
    """a missing field or an address with a line break is a ValueError (no header injection)"""
    with pytest.raises(ValueError, match="plan"):
        build_message(SENDER, {"email": "ann@example.org", "name": "Ann"}, subject=SUBJECT, text=TEXT, html=HTML)
    with pytest.raises(ValueError):
        build_message(SENDER, person("eve@example.org\r\nBcc: everyone@example.com", "Eve"), subject=SUBJECT,
                      text=TEXT, html=HTML)


def test_one_connection_one_login(files):
    """the whole batch goes over ONE connection (one EHLO) with one login"""
    rows = [person(f"user{i}@example.org", f"User {i}") for i in range(6)]
    with smtp_server(users=USERS) as box:
        report = send(box, rows, files)
    assert box.greetings == 1, (f"6 recipients made {box.greetings} connections (EHLO greetings): open one "
                                "smtplib.SMTP before the loop and send every message through it")
    assert box.logins == ["news"], f"log in once, with the username given; the server saw logins {box.logins!r}"
    assert report.sent == [r["email"] for r in rows] and report.failed == {}, f"all 6 should be sent, got {report!r}"


def test_each_message_is_personal(files):
    """each recipient gets their own message: personalized, addressed to them alone, the full MIME tree"""
    rows = [person("ann@example.org", "Ann Lee", "Gold", "12"), person("bob@example.net", "Bob <The Builder>", "Free", "0"),
            person("zoe@example.org", "Zoë & Co \"quoted\"", "Pro €", "9")]
    with smtp_server(users=USERS) as box:
        send(box, rows, files)
    assert len(box.messages) == 3, f"3 recipients should get 3 messages, the server got {len(box.messages)}"
    for row, msg, (mail_from, rcpts) in zip(rows, box.messages, box.envelopes):
        label = f"the message to {row['email']}"
        assert (mail_from, rcpts) == (SENDER, [row["email"]]), (
            f"{label}: the envelope should be MAIL FROM {SENDER} and RCPT TO {row['email']} only, got "
            f"{mail_from} -> {rcpts}: send_message(msg, from_addr=..., to_addrs=[address])")
        check_message(msg, row, label)
        raw = msg.as_string()
        others = [r["email"] for r in rows if r is not row and r["email"] in raw]
        assert not others, f"{label} mentions other recipients {others}: a mail merge never shows the list"


def test_refused_recipient_is_reported(files):
    """a 550 (no such user) is reported and not retried, and the others still get theirs, wherever it is"""
    rows = [person("gone@example.org", "Gone"), person("ann@example.org", "Ann"), person("lost@example.org", "Lost"),
            person("bob@example.net", "Bob"), person("left@example.org", "Left")]
    refused = {"gone@example.org", "lost@example.org", "left@example.org"}
    with smtp_server(users=USERS, reject=refused) as box:
        report = send(box, rows, files)
    assert report.sent == ["ann@example.org", "bob@example.net"], (
        f"refused recipients first, in the middle and last must not stop the batch: sent should be "
        f"['ann@example.org', 'bob@example.net'], got {report.sent!r}")
    assert set(report.failed) == refused, f"failed should hold exactly {sorted(refused)}, got {report.failed!r}"
    for address in refused:
        assert report.failed[address].startswith("550"), (
            f"failed[{address!r}] should say why, starting with the server's code 550, got {report.failed[address]!r}")
    assert sorted(box.rejected) == sorted(refused), (
        f"a 550 is permanent: asking again is pointless. The server refused {sorted(box.rejected)}")
    assert box.greetings == 1, f"a refused recipient is no reason to reconnect: {box.greetings} connections"


def test_deferred_recipient_is_retried_once_at_the_end(files):
    """a 451 (try again later) is retried once, after the rest of the batch, on the same connection"""
    rows = [person("busy@example.org", "Busy"), person("ann@example.org", "Ann"), person("bob@example.net", "Bob"),
            person("slow@example.org", "Slow")]
    with smtp_server(users=USERS, fail_once={"busy@example.org", "slow@example.org"}) as box:
        report = send(box, rows, files)
    assert sorted(report.sent) == sorted(r["email"] for r in rows) and report.failed == {}, (
        f"451 means 'not now': send it again and it goes through. Got {report!r}")
    assert report.sent == ["ann@example.org", "bob@example.net", "busy@example.org", "slow@example.org"], (
        f"retry deferred recipients after the rest of the batch (a greylisting server wants time to pass), in "
        f"their order: sent should end with busy and slow, got {report.sent!r}")
    got = [rcpts for _f, rcpts in box.envelopes]
    assert got == [["ann@example.org"], ["bob@example.net"], ["busy@example.org"], ["slow@example.org"]], (
        f"each address should be delivered exactly once, the deferred ones last; the server got {got!r}")
    assert box.greetings == 1 and box.logins == ["news"], (
        f"retry on the same connection: {box.greetings} connections and logins {box.logins!r}")


@contextlib.contextmanager
def scripted_server(rcpt=None, data=None):
    """An aiosmtpd server (no AUTH) whose answers to RCPT TO:<address> and to the DATA of a message for
    address are scripted: each attempt takes the next answer of the address's list, then 250.
    Yields (host, port, rcpts seen, addresses delivered). smtp_server's fail_once defers only once,
    and only at RCPT."""
    from aiosmtpd.controller import Controller

    rcpt = {a: list(answers) for a, answers in (rcpt or {}).items()}
    data = {a: list(answers) for a, answers in (data or {}).items()}
    seen, delivered = [], []

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
            seen.append(address)
            if rcpt.get(address):
                return rcpt[address].pop(0)
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            address = envelope.rcpt_tos[0]
            if data.get(address):
                return data[address].pop(0)
            delivered.append(address)
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.hostname, controller.port, seen, delivered
    finally:
        controller.stop()


def send_plain(host, port, rows):
    report = send_personalized(host, port, SENDER, rows, subject=SUBJECT, text=TEXT, html=HTML)
    assert type(report) is Report, f"send_personalized should return a Report, got {type(report).__name__}"
    return report


def test_deferred_twice_is_a_failure():
    """a recipient deferred again on the retry is reported with the 4xx reason, and not tried a third time"""
    rows = [person("busy@example.org", "Busy"), person("ann@example.org", "Ann")]
    later = "451 4.3.0 Try again later"
    with scripted_server(rcpt={"busy@example.org": [later, later, later]}) as (host, port, seen, delivered):
        report = send_plain(host, port, rows)
    assert report.sent == ["ann@example.org"] == delivered, f"ann should be sent, got {report.sent!r}"
    assert report.failed == {"busy@example.org": later}, (
        f"deferred on the retry too: report it as failed with the 451 reason {later!r}, got {report.failed!r}")
    tries = seen.count("busy@example.org")
    assert tries == 2, f"try a deferred recipient twice in all (once more at the end), not {tries} times"


def test_temporary_and_permanent_at_the_edges():
    """every 4xx code (400 to 499) is temporary, every 5xx (500 on) permanent"""
    rows = [person(f"{name}@example.org", name) for name in ("c400", "c499", "c500", "c554", "ok")]
    script = {"c400@example.org": ["400 Try later"], "c499@example.org": ["499 Not now"],
              "c500@example.org": ["500 Syntax error"], "c554@example.org": ["554 Transaction failed"]}
    with scripted_server(rcpt=script) as (host, port, seen, delivered):
        report = send_plain(host, port, rows)
    assert report.sent == ["ok@example.org", "c400@example.org", "c499@example.org"], (
        f"400 and 499 are temporary (retried at the end), 500 and 554 permanent: sent should be "
        f"['ok@example.org', 'c400@example.org', 'c499@example.org'], got {report.sent!r}")
    assert report.failed == {"c500@example.org": "500 Syntax error", "c554@example.org": "554 Transaction failed"}, (
        f"failed should map c500 and c554 to the server's code and text, got {report.failed!r}")
    assert seen.count("c500@example.org") == 1 and seen.count("c554@example.org") == 1, "a 5xx is not retried"


def test_refused_message_data():
    """a message refused after DATA counts the same way: 554 reported, 452 retried at the end"""
    rows = [person(f"{name}@example.org", name) for name in ("spam", "full", "d400", "d499", "d500", "ann")]
    script = {"spam@example.org": ["554 5.7.1 Rejected as spam"], "full@example.org": ["452 4.2.2 Mailbox full"],
              "d400@example.org": ["400 Later"], "d499@example.org": ["499 Later"], "d500@example.org": ["500 No"]}
    with scripted_server(data=script) as (host, port, seen, delivered):
        report = send_plain(host, port, rows)
    assert report.failed == {"spam@example.org": "554 5.7.1 Rejected as spam", "d500@example.org": "500 No"}, (
        f"the server refused the messages to spam@ and d500@ after DATA with 554 and 500 (smtplib.SMTPDataError, "
        f"a kind of SMTPResponseException): report them; got failed={report.failed!r}")
    want = ["ann@example.org", "full@example.org", "d400@example.org", "d499@example.org"]
    assert report.sent == want == delivered, (
        f"452, 400 and 499 after DATA are temporary: retry them after the rest; sent should be {want!r}, "
        f"got {report.sent!r}")


def test_bad_rows_are_reported_not_sent(files):
    """a row missing a field, or with a line break in its address, fails alone; it is never sent"""
    evil = "eve@example.org\r\nBcc: everyone@example.com"
    rows = [{"email": "nofields@example.org", "name": "No Plan"}, person("ann@example.org", "Ann"),
            person(evil, "Eve"), person("bob@example.net", "Bob")]
    with smtp_server(users=USERS) as box:
        report = send(box, rows, files)
    assert report.sent == ["ann@example.org", "bob@example.net"], f"ann and bob should be sent, got {report.sent!r}"
    assert set(report.failed) == {"nofields@example.org", evil}, (
        f"the two bad rows should be in failed, keyed by their email as given, got {list(report.failed)!r}")
    assert "plan" in report.failed["nofields@example.org"], (
        f"a missing field should be named in the reason, got {report.failed['nofields@example.org']!r}")
    assert all(isinstance(r, str) and r for r in report.failed.values()), "every failure needs a reason"
    got = [rcpts for _f, rcpts in box.envelopes]
    assert got == [["ann@example.org"], ["bob@example.net"]], (
        f"bad rows must not reach the server at all; it got envelopes {got!r}")
    assert not any("everyone@example.com" in m.as_string() for m in box.messages), "header injection got through"


def test_duplicates_get_one_email(files):
    """an address listed twice (in any case) gets one email, from its first row"""
    rows = [person("ann@example.org", "Ann"), person("bob@example.net", "Bob"), person("ANN@Example.org", "Annie"),
            person("bob@example.net", "Bobby")]
    with smtp_server(users=USERS) as box:
        report = send(box, rows, files)
    assert report.sent == ["ann@example.org", "bob@example.net"], (
        f"one email per address (compare them case-insensitively), from the first row: got {report.sent!r}")
    assert [m["To"].addresses[0].display_name for m in box.messages] == ["Ann", "Bob"], (
        "the first row of each address is the one used")


def established(port):
    return [c for c in psutil.Process().net_connections(kind="tcp")
            if c.raddr and c.raddr.port == port and c.status == psutil.CONN_ESTABLISHED]


def test_wrong_password(files):
    """a refused login raises SMTPAuthenticationError, sends nothing, and closes the connection"""
    with smtp_server(users=USERS) as box:
        with pytest.raises(smtplib.SMTPAuthenticationError) as info:
            send(box, [person("ann@example.org", "Ann")], files, password="wrong")
        still_open = established(box.port)
        del info
    assert box.messages == [], "nothing may be sent when the login fails"
    assert not still_open, ("the connection was still open after the error: open smtplib.SMTP in a `with` block, "
                            "so it is closed (QUIT) whatever happens")


def test_missing_file_before_connecting(files, tmp_path):
    """a missing image or attachment raises FileNotFoundError before connecting"""
    image, attachments = files
    with smtp_server(users=USERS) as box:
        for kwargs in ({"image": tmp_path / "nope.png"}, {"attachments": [attachments[0], tmp_path / "gone.pdf"]}):
            with pytest.raises(FileNotFoundError):
                send(box, [person("ann@example.org", "Ann")], files, **kwargs)
    assert box.greetings == 0, "read the files before connecting: a missing file should not even open a connection"


def test_timeout(files):
    """a server that never answers gives an OSError after `timeout` seconds, not a hang"""
    outcome = {}

    def attempt(port):
        try:
            send_personalized("127.0.0.1", port, SENDER, [person("ann@example.org", "Ann")], subject=SUBJECT,
                              text=TEXT, html=HTML, timeout=0.3)
        except BaseException as exc:  # noqa: BLE001 - we report whatever happened
            outcome["error"] = exc

    with socket.socket() as silent:  # accepts connections but never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        worker = threading.Thread(target=attempt, args=(silent.getsockname()[1],), daemon=True)
        worker.start()
        worker.join(2)
        assert not worker.is_alive(), (
            "with timeout=0.3, send_personalized was still waiting for the server after 2 s: "
            "pass timeout= to smtplib.SMTP")
    if isinstance(outcome.get("error"), NotImplementedError):
        raise outcome["error"]
    assert isinstance(outcome.get("error"), OSError), (
        f"a server that never answers should end in an OSError (TimeoutError), got {outcome.get('error')!r}")


def write_campaign(folder, rows):
    folder.mkdir(exist_ok=True)
    with open(folder / "list.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["email", "name", "plan", "price"])
        writer.writeheader()
        writer.writerows(rows)
    (folder / "mail.txt").write_text(TEXT, encoding="utf-8")
    (folder / "mail.html").write_text(HTML, encoding="utf-8")
    return ["--recipients", str(folder / "list.csv"), "--subject", SUBJECT, "--text", str(folder / "mail.txt"),
            "--html", str(folder / "mail.html")]


def test_main(files, tmp_path, monkeypatch):
    """main sends the campaign from a CSV file and prints one line per recipient and a summary"""
    image, (pdf, sheet) = files
    rows = [person("ann@example.org", "Ann"), person("bob@example.net", "Bob"), person("ANN@example.org", "Ann 2"),
            person("zoe@example.org", "Zoë", "Gold", "12")]
    campaign = write_campaign(tmp_path / "campaign", rows)
    monkeypatch.setenv("SMTP_PASSWORD", USERS["news"])
    with smtp_server(users=USERS, reject={"bob@example.net"}) as box:
        code, out, err = run_main(main, ["--host", box.host, "--port", str(box.port), "--from", SENDER, "--user",
                                         "news", *campaign, "--image", str(image), "--attach", str(pdf),
                                         "--attach", str(sheet)])
    want = ("sent   ann@example.org\n"
            "failed bob@example.net: 550 5.1.1 No such user here\n"
            "sent   zoe@example.org\n"
            "2 sent, 1 failed\n")
    assert out == want, f"main should print\n{want}but printed\n{out}(errors: {err!r})"
    assert code == 1, f"a recipient failed: exit code 1, got {code}"
    assert box.logins == ["news"] and len(box.messages) == 2, "main logs in with --user and $SMTP_PASSWORD"
    check_message(box.messages[1], rows[3], "main's message to zoe@example.org")


def test_main_all_sent_without_login(tmp_path):
    """without --user there is no login; all sent is exit code 0"""
    campaign = write_campaign(tmp_path / "c", [person("ann@example.org", "Ann")])
    with smtp_server() as box:
        code, out, err = run_main(main, ["--host", box.host, "--port", str(box.port), "--from", SENDER, *campaign])
    assert (code, out) == (0, "sent   ann@example.org\n1 sent, 0 failed\n"), f"got {code}, {out!r}, {err!r}"
    assert tree(box.messages[0]) == ["multipart/alternative", "  text/plain", "  text/html"], (
        "no --image and no --attach: just the two alternatives")


def test_main_errors(files, tmp_path, monkeypatch):
    """main: no password in $SMTP_PASSWORD, a refused login, a missing file: 'error: ...' and exit code 2"""
    campaign = write_campaign(tmp_path / "c", [person("ann@example.org", "Ann")])
    monkeypatch.delenv("SMTP_PASSWORD", raising=False)
    with smtp_server(users=USERS) as box:
        base = ["--host", box.host, "--port", str(box.port), "--from", SENDER]
        code, out, err = run_main(main, [*base, "--user", "news", *campaign])
        assert code == 2 and err.startswith("error:") and "SMTP_PASSWORD" in err, (
            f"--user without $SMTP_PASSWORD: 'error: ...' naming SMTP_PASSWORD and exit code 2, got {code}, {err!r}")
        assert box.greetings == 0, "without a password there is nothing to do: don't even connect"
        monkeypatch.setenv("SMTP_PASSWORD", "wrong")
        code, out, err = run_main(main, [*base, "--user", "news", *campaign])
        assert code == 2 and err.startswith("error:"), f"a refused login: exit code 2 and 'error: ...', got {code}, {err!r}"
        monkeypatch.setenv("SMTP_PASSWORD", USERS["news"])
        code, out, err = run_main(main, [*base, "--user", "news", *campaign, "--attach", str(tmp_path / "gone.pdf")])
        assert code == 2 and err.startswith("error:"), f"a missing attachment: exit code 2, got {code}, {err!r}"
    assert box.messages == [], "none of these may send anything"
    code, out, err = run_main(main, ["--host", "127.0.0.1", "--port", str(free_port()), "--from", SENDER, *campaign])
    assert code == 2 and err.startswith("error:"), f"no server listening: exit code 2, got {code}, {err!r}"
    full = ["--host", "127.0.0.1", "--port", "25", "--from", SENDER, *campaign]
    for option in ("--host", "--port", "--from", "--recipients", "--subject", "--text", "--html"):
        i = full.index(option)
        argv = full[:i] + full[i + 2:]
        code, out, err = run_main(main, argv)
        assert code == 2 and "required" in err, (
            f"{option} is required (argparse's required=True): without it main should exit with argparse's usage "
            f"error (2, 'the following arguments are required'), got {code} and {err!r}")


values_st = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=12)


@settings(max_examples=15)
@given(name=values_st, plan=values_st, price=st.sampled_from(["9", "0.50", "$5", "{x}", "&amp;"]))
def test_any_values_survive_the_wire(name, plan, price):
    """any name and plan (unicode, $, &, <, quotes) survive: HTML-escaped in HTML only, sent as bytes and read back"""
    row = {"email": "zoe@example.org", "name": name, "plan": plan, "price": price}
    msg = build_message(SENDER, row, subject=SUBJECT, text=TEXT, html=HTML, image=("logo.png", PNG),
                        attachments=[("terms.pdf", PDF), ("invoice.csv", CSV_DATA)])
    check_message(message_from_bytes(msg.as_bytes(), policy=policy.default), row, f"for the row {row!r}")

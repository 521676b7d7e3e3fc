import mailbox
import os
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from mailbox_addresses import collect_addresses, main
from pyexercise.checklib import run_main


def make_mbox(path, messages):
    """Write an mbox of ``messages`` (EmailMessage, or (envelope sender, EmailMessage)) with the stdlib."""
    box = mailbox.mbox(path)
    for msg in messages:
        sender = None
        if isinstance(msg, tuple):
            sender, msg = msg
        entry = mailbox.mboxMessage(msg)
        if sender:
            entry.set_from(sender)
        box.add(entry)
    box.flush()
    box.close()
    return path


def message(body="", *, subtype="plain", cte=None, charset="utf-8", **headers):
    msg = EmailMessage()
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    if body is not None:
        msg.set_content(body, subtype=subtype, cte=cte, charset=charset)
    return msg


def collect(path):
    got = collect_addresses(path)
    assert type(got) is list and all(type(a) is str for a in got), (
        f"collect_addresses should return a list of str, got {got!r}")
    return got


def expect(path, want, why):
    got = collect(path)
    assert got == want, f"{why}:\nwant {want!r}\ngot  {got!r}"


def test_address_headers(tmp_path):
    """From, Sender, Reply-To, To, Cc and Bcc give their addresses, in header order; display names are not addresses"""
    msg = message("See the attached numbers.\n",
                  From='"Lee, Ann" <Ann.Lee@Example.ORG>',
                  To='"bob@example.org" <robert@example.net>, =?utf-8?q?Zo=C3=AB_M=C3=BCller?= <zoe@example.org>',
                  Cc="undisclosed-recipients:;",
                  Reply_To="Help Desk <help+ticket-42@support.example.com>",
                  Sender="list-owner@lists.example.net",
                  Bcc="audit@example.org",
                  Subject="Quarterly numbers")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    expect(path, ["ann.lee@example.org", "robert@example.net", "zoe@example.org", "help+ticket-42@support.example.com",
                  "list-owner@lists.example.net", "audit@example.org"],
           "parse the address headers (msg['To'].addresses with policy.default, or email.utils.getaddresses): "
           "a quoted display name may hold a comma or an @, and is not an address")


def test_other_headers_and_envelope_are_not_addresses(tmp_path):
    """Message-ID, Received, References, List-Unsubscribe, Return-Path and the mbox 'From ' line are not collected"""
    msg = message_from_bytes(b"Return-Path: <bounce-77@lists.example.net>\n"
                             b"Received: from mx.example.com by mail.example.org for <ann@example.org>;\n"
                             b" Mon, 1 Jan 2024 10:00:00 +0000\n"
                             b"From: carol@example.com\n"
                             b"To: dan@example.com\n"
                             b"Message-ID: <20240101.123456@mail.example.com>\n"
                             b"References: <older.1@mail.example.com>\n"
                             b"List-Unsubscribe: <mailto:unsubscribe@lists.example.net>\n"
                             b"Subject: hi\n"
                             b"\n"
                             b"Nothing here.\n", policy=policy.default)
    path = make_mbox(tmp_path / "inbox.mbox", [("envelope-sender@bounces.example.net", msg)])
    expect(path, ["carol@example.com", "dan@example.com"],
           "only the six address headers, the Subject and the text parts count: a regex over the raw file also "
           "finds Message-IDs, Received lines and the mbox's own 'From ' separator line")


def test_subject_is_decoded(tmp_path):
    """the Subject is decoded from RFC 2047 (=?utf-8?b?...?=) and searched like text"""
    msg = message("Bitte antworten.\n", From="x@example.com", Subject="Frage für Jürgen: schreib an Info@Beispiel.de ☺")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    raw = path.read_bytes()
    assert b"Info@Beispiel.de" not in raw, "(the test's Subject should be encoded in the file)"
    expect(path, ["x@example.com", "info@beispiel.de"],
           "the Subject holds an address once decoded (with policy.default, msg['Subject'] is already decoded)")


def test_quoted_printable_body(tmp_path):
    """a quoted-printable body is decoded: soft line breaks may cut an address in the file"""
    long_line = "Grüße! " + "wörter " * 8 + "melde dich bei very.long.name+list@subdomain.example.com oder " + "x" * 3
    msg = message(long_line + "\nZweite Zeile: zweite.adresse@example.org.\n", cte="quoted-printable",
                  From="qp@example.com")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    raw = path.read_bytes()
    assert b"very.long.name+list@subdomain.example.com" not in raw and b"=\n" in raw, (
        "(the test's body should be split by a soft line break)")
    expect(path, ["qp@example.com", "very.long.name+list@subdomain.example.com", "zweite.adresse@example.org"],
           "decode the body (part.get_content() undoes quoted-printable and the charset)")


def test_base64_body(tmp_path):
    """a base64 body is decoded"""
    msg = message("Contact: sales@example.com\nBilling: Billing@Example.com\n", cte="base64", From="b64@example.com")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    assert b"sales@example.com" not in path.read_bytes(), "(the test's body should be base64 in the file)"
    expect(path, ["b64@example.com", "sales@example.com", "billing@example.com"], "decode base64 bodies too")


def test_html_part(tmp_path):
    """an HTML part: character references (&#64;, &commat;) are decoded and mailto: links found"""
    msg = message("Plain: plain@example.com\n", From="web@example.com")
    msg.add_alternative('<p>Mail <a href="mailto:Sales@Example.com?subject=Hi%20there">our team</a>, '
                        "or support&#64;example.com, or billing&commat;example&#46;com, or "
                        "jobs&#x40;example.org.</p>", subtype="html", cte="base64")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    expect(path, ["web@example.com", "plain@example.com", "sales@example.com", "support@example.com",
                  "billing@example.com", "jobs@example.org"],
           "decode character references in HTML (html.unescape) before searching it")


@pytest.mark.parametrize("body, want, why", [
    pytest.param("Reach me: ann [at] example [dot] com, or Bob(AT)example(Dot)org.\n"
                 "Old one: carl [ at ] mail [ dot ] example [ dot ] co [ dot ] uk\n"
                 "Or dora.lee[at]example[dot]net; not 'meet at noon', nor 'eve at example dot com'.\n",
                 ["ann@example.com", "bob@example.org", "carl@mail.example.co.uk", "dora.lee@example.net"],
                 "replace [at] or (at) with '@' and [dot] or (dot) with '.', with any spaces around them, before "
                 "searching", id="obfuscated: 'name [at] example [dot] com' and 'name(at)example(dot)com' count"),
    pytest.param("john..doe@example.com .start@example.com end.@example.com x@localhost a@b.c user@-bad.com "
                 "user@bad-.com ok@good.example.com! (paren@example.org) <angle@example.org>; tail@example.com.\n"
                 "glued@example.com@x not@example.c0m café@example.com\n",
                 ["ok@good.example.com", "paren@example.org", "angle@example.org", "tail@example.com"],
                 "use the practical rule of the docstring: punctuation around an address is not part of it, but a "
                 "broken address gives nothing at all", id="broken or partial addresses are not collected"),
])
def test_addresses_in_the_text(tmp_path, body, want, why):
    """addresses in the text follow the practical address rule; obfuscated ones count, in any case"""
    path = make_mbox(tmp_path / "inbox.mbox", [message(body, From="from@example.com")])
    expect(path, ["from@example.com", *want], why)


def test_duplicates_case_and_order(tmp_path):
    """across messages each address comes once, lower-cased, in the order first seen"""
    messages = [message("Hi Carol@Example.com and ann@example.org\n", From="Ann@Example.org", To="bob@example.net"),
                message("Thanks carol@example.COM, and ZED@example.org\n", From="BOB@example.net",
                        To="ann@EXAMPLE.org, dan@example.com"),
                message("zed@example.org again\n", From="dan@example.com")]
    path = make_mbox(tmp_path / "inbox.mbox", messages)
    expect(path, ["ann@example.org", "bob@example.net", "carol@example.com", "dan@example.com", "zed@example.org"],
           "messages in mbox order, headers before the body; lower-case each address and keep its first place")


def test_attachments_and_other_parts(tmp_path):
    """text attachments are searched; images, PDFs and other binary parts are not"""
    msg = message("Body: body@example.com\n", From="att@example.com")
    msg.add_attachment("name,email\nEve,Eve@Example.net\n", subtype="csv", filename="people.csv")
    msg.add_attachment("notes: notes@example.org\n", filename="notes.txt")
    msg.add_attachment(b"%PDF-1.7 pdf@example.com", maintype="application", subtype="pdf", filename="a.pdf")
    msg.add_attachment(b"\x89PNG img@example.com", maintype="image", subtype="png", filename="a.png")
    msg.add_attachment(b"blob@example.com", maintype="application", subtype="octet-stream", filename="a.bin")
    path = make_mbox(tmp_path / "inbox.mbox", [msg])
    expect(path, ["att@example.com", "body@example.com", "notes@example.org"],
           "search every text/plain and text/html part (attached ones too), and nothing else (not even text/csv)")


def test_charsets(tmp_path):
    """bodies in other charsets are decoded; a charset Python does not know is read as UTF-8"""
    latin = message("Réponse à: réponse@example.fr? non: reponse@example.fr\n", charset="iso-8859-1", cte="8bit",
                    From="latin@example.com")
    odd = message_from_bytes(b"From: odd@example.com\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-martian\n"
                             b"Content-Transfer-Encoding: 8bit\n\nWrite to weird@example.com \xc3\xbcnd more\n",
                             policy=policy.default)
    path = make_mbox(tmp_path / "inbox.mbox", [latin, odd])
    expect(path, ["latin@example.com", "reponse@example.fr", "odd@example.com", "weird@example.com"],
           "decode each text part with its charset; if Python does not know the charset (LookupError), use "
           "UTF-8 with errors='replace'")


def test_empty_and_bodiless(tmp_path):
    """an empty mbox gives [], and a message without a body still gives its header addresses"""
    path = make_mbox(tmp_path / "empty.mbox", [])
    expect(path, [], "an empty mbox holds no addresses")
    path = make_mbox(tmp_path / "one.mbox", [message(None, From="nobody@example.com", To="")])
    expect(path, ["nobody@example.com"], "a message with no body and an empty To")


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError and is not created"""
    missing = tmp_path / "nope.mbox"
    with pytest.raises(FileNotFoundError):
        collect_addresses(missing)
    assert not missing.exists(), "mailbox.mbox(path) creates a missing file unless you pass create=False"


def test_reads_the_file_again(tmp_path):
    """a changed file is read again on the next call"""
    path = make_mbox(tmp_path / "inbox.mbox", [message("hi\n", From="first@example.com")])
    expect(path, ["first@example.com"], "one message")
    make_mbox(path, [message("hi again\n", From="second@example.com")])  # adds a message
    expect(path, ["first@example.com", "second@example.com"], "the file gained a message: read it again")


def test_main(tmp_path):
    """main prints one address per line: exit code 0 if any, 1 if none, 2 if the file cannot be read"""
    path = make_mbox(tmp_path / "inbox.mbox", [message("and ann@example.org\n", From="Bob@example.net")])
    assert run_main(main, [str(path)]) == (0, "bob@example.net\nann@example.org\n", ""), "main prints the addresses"
    empty = make_mbox(tmp_path / "empty.mbox", [])
    code, out, err = run_main(main, [str(empty)])
    assert (code, out) == (1, ""), f"no addresses: nothing printed and exit code 1, got {code}, {out!r}"
    for bad in (tmp_path / "missing.mbox", tmp_path):
        code, out, err = run_main(main, [str(bad)])
        assert code == 2 and err.strip() and out == "", (
            f"main({str(bad)!r}) cannot read it: say why on stderr and return 2, got {code}, {out!r}, {err!r}")


# ----------------------------------------------------------------------------- properties
local_st = st.builds(lambda names, tail: "".join(names) + tail,
                     st.lists(st.sampled_from(["ann", "Bob", "c3", "dora", "x"]), min_size=1, max_size=2),
                     st.sampled_from(["", ".lee", "+news", "-ops", "_2", ".a.b", "%x"]))
domain_st = st.builds("{}{}.{}".format, st.sampled_from(["mail", "example", "ex-1", "a"]),
                      st.sampled_from(["", ".sub", ".x9"]), st.sampled_from(["com", "org", "de", "co.uk", "Info"]))
address_st = st.builds(lambda l, d, up: (f"{l}@{d}".upper() if up else f"{l}@{d}"), local_st, domain_st, st.booleans())
FILLER = ["hello", "team", "über", "naïve", "notes", "—", "ok", "10:30", "x=1", "50%", "<b>", "dot", "at"]


@st.composite
def written(draw, address):
    """An address as it may appear in text: plain, in punctuation, or obfuscated."""
    how = draw(st.sampled_from(["plain", "paren", "comma", "brackets", "parens"]))
    local, domain = address.split("@")
    if how == "plain":
        return address
    if how == "paren":
        return f"({address})"
    if how == "comma":
        return f"{address},"
    if how == "brackets":
        return f"{local} [at] {domain.replace('.', ' [dot] ')}"
    return f"{local}(at){domain.replace('.', '(dot)')}"


@st.composite
def text_with(draw, addresses):
    words = []
    for address in addresses:
        words += draw(st.lists(st.sampled_from(FILLER), max_size=6))
        words.append(draw(written(address)))
    words += draw(st.lists(st.sampled_from(FILLER), max_size=6))
    return " ".join(words)


@st.composite
def mailboxes(draw):
    """A list of messages and the addresses they hold, in order."""
    messages, want = [], []
    for _ in range(draw(st.integers(1, 3))):
        sender = draw(address_st)
        recipients = draw(st.lists(address_st, min_size=1, max_size=3))
        in_subject = draw(st.lists(address_st, max_size=1))
        in_body = draw(st.lists(address_st, max_size=4))
        msg = EmailMessage()
        msg["From"] = f'"{draw(st.sampled_from(["Lee, Ann", "Zoë", "x@y.example.com", "Bob"]))}" <{sender}>'
        msg["Subject"] = draw(st.sampled_from(["Grüße ", "Re: ", ""])) + " ".join(in_subject)
        msg["To"] = ", ".join(recipients)
        body = draw(text_with(in_body))
        msg.set_content(body, cte=draw(st.sampled_from(["quoted-printable", "base64", "8bit"])))
        in_html = draw(st.lists(address_st, max_size=2))
        if in_html:
            links = [draw(st.sampled_from([f'<a href="mailto:{a}">mail</a>', a.replace("@", "&#64;"),
                                           a.replace("@", "&commat;").replace(".", "&#46;")])) for a in in_html]
            msg.add_alternative(f"<p>{' | '.join(links)}</p>", subtype="html",
                                cte=draw(st.sampled_from(["quoted-printable", "base64"])))
        messages.append(msg)
        want += [sender, *in_subject, *recipients, *in_body, *in_html]
    seen = {}
    for address in want:
        seen.setdefault(address.lower())
    return messages, list(seen)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(box=mailboxes())
def test_any_mailbox(tmp_path, box):
    """any mbox of messages with addresses in headers, subject and body (encoded any way) gives exactly them"""
    messages, want = box
    path = tmp_path / "prop.mbox"
    path.unlink(missing_ok=True)
    make_mbox(path, messages)
    got = collect(path)
    assert got == want, (f"for messages\n" + "\n---\n".join(m.as_string()[:600] for m in messages)
                         + f"\nwant {want!r}\ngot  {got!r}")

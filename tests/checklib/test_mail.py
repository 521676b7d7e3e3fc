from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from pyexercise.checklib import smtp_server


def message(to: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.com", to, "Hi"
    msg.set_content("hello")
    return msg


def test_plain_server_keeps_messages(mailbox):
    with smtplib.SMTP(mailbox.host, mailbox.port, timeout=5) as smtp:
        smtp.send_message(message("b@example.com"))
    assert mailbox.greetings == 1 and mailbox.envelopes == [("a@example.com", ["b@example.com"])]
    assert mailbox.messages[0]["Subject"] == "Hi"


def test_auth_rejects_and_defers():
    with smtp_server(users={"app": "pw"}, reject={"gone@example.com"}, fail_once={"later@example.com"}) as box:
        with smtplib.SMTP(box.host, box.port, timeout=5) as smtp:
            with pytest.raises(smtplib.SMTPSenderRefused):
                smtp.send_message(message("b@example.com"))  # no AUTH yet
        with smtplib.SMTP(box.host, box.port, timeout=5) as smtp:
            with pytest.raises(smtplib.SMTPAuthenticationError):
                smtp.login("app", "wrong")
            smtp.login("app", "pw")
            refused = smtp.send_message(message("b@example.com, gone@example.com, later@example.com"))
            assert set(refused) == {"gone@example.com", "later@example.com"}
            assert refused["later@example.com"][0] == 451
            assert smtp.send_message(message("later@example.com")) == {}
    assert box.logins == ["app"] and box.rejected == ["gone@example.com", "later@example.com"]
    assert [to for _, to in box.envelopes] == [["b@example.com"], ["later@example.com"]]

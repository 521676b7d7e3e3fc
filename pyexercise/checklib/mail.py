"""A real SMTP server (aiosmtpd) on loopback that keeps every message it accepts.

    with smtp_server(users={"app": "s3cret"}, reject={"nobody@example.com"}) as box:
        send_report(box.host, box.port, ...)
    assert box.logins == ["app"] and len(box.messages) == 1
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Iterable, Iterator

import pytest

from pyexercise.net import LOOPBACK, free_port


@dataclass
class Mailbox:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)  # (MAIL FROM, RCPT TOs) per message
    greetings: int = 0  # EHLO/HELO commands seen: one per connection a well-behaved client opens
    logins: list[str] = field(default_factory=list)  # user names that authenticated
    rejected: list[str] = field(default_factory=list)  # recipients refused (permanently or for now)


@contextlib.contextmanager
def smtp_server(users: dict[str, str] | None = None, reject: Iterable[str] = (),
                fail_once: Iterable[str] = ()) -> Iterator[Mailbox]:
    """Serve SMTP on 127.0.0.1. With ``users`` (name -> password) AUTH PLAIN/LOGIN is required
    before MAIL FROM (over plain TCP: it is loopback). Recipients in ``reject`` get ``550``;
    those in ``fail_once`` get ``451`` the first time and are accepted after that."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    port = free_port()
    box = Mailbox(LOOPBACK, port)
    refused = {a.lower() for a in reject}
    pending = {a.lower() for a in fail_once}
    lock = threading.Lock()

    class Handler:
        async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
            box.greetings += 1
            session.host_name = hostname
            return responses

        async def handle_HELO(self, server, session, envelope, hostname):  # noqa: N802
            box.greetings += 1
            session.host_name = hostname
            return "250 {}".format(server.hostname)

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
            key = address.lower()
            with lock:
                if key in refused:
                    box.rejected.append(address)
                    return "550 5.1.1 No such user here"
                if key in pending:
                    pending.discard(key)
                    box.rejected.append(address)
                    return "451 4.3.0 Try again later"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            box.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            box.messages.append(message_from_bytes(envelope.original_content or envelope.content,
                                                   policy=policy.default))
            return "250 Message accepted for delivery"

    def authenticate(server, session, envelope, mechanism, auth_data):
        login = getattr(auth_data, "login", b"") or b""
        password = getattr(auth_data, "password", b"") or b""
        name = login.decode("utf-8", "replace")
        ok = users is not None and users.get(name) == password.decode("utf-8", "replace")
        if ok:
            box.logins.append(name)
        return AuthResult(success=ok, handled=False)  # aiosmtpd answers 235 or 535

    kwargs = {}
    if users is not None:
        # AUTH over plain TCP is refused by default; on loopback it is what the exercises need
        kwargs = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False)
    controller = Controller(Handler(), hostname=LOOPBACK, port=port, **kwargs)
    # aiosmtpd warns on every connection that AUTH without TLS is unsafe: on loopback it is not
    warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS", UserWarning)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    """An SMTP server with no authentication that accepts every recipient."""
    with smtp_server() as box:
        yield box

"""Helpers for check authors: real local services and source inspection.

Checks import the learner's file by its module name (``from largest_number import largest``);
pyex loads the file under test under that name before the check runs. These helpers cover what
many checks need besides: the path of the file under test, a forbidden-construct finder, an
aiohttp server on loopback, an SMTP server on loopback, and the Redis server pyex provides.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import os
import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Iterable, Iterator

import pytest


def target_path() -> Path:
    """The file being graded (the learner's stub, or the reference solution with --solutions)."""
    return Path(os.environ["PYEX_TARGET"])


def target_source() -> str:
    return target_path().read_text(encoding="utf-8")


def target_module_name() -> str:
    return os.environ["PYEX_MODULE"]


def forbidden_uses(names: Iterable[str] = (), attributes: Iterable[str] = (),
                   imports: Iterable[str] = (), source: str | None = None) -> list[str]:
    """Where the file under test calls a forbidden built-in (``sorted``), method (``.sort``),
    or imports a forbidden module (``heapq``). Returns readable findings, e.g.
    ``["line 4: sorted()"]``; an empty list means the file is clean."""
    tree = ast.parse(source if source is not None else target_source())
    names, attributes, imports = set(names), set(attributes), set(imports)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            found.append(f"line {node.lineno}: {node.id}()")
        elif isinstance(node, ast.Attribute) and node.attr in attributes:
            found.append(f"line {node.lineno}: .{node.attr}()")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] in imports]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in imports:
            found.append(f"line {node.lineno}: from {node.module} import ...")
    # slicing with a negative step is "reverse" in disguise; callers ask for it by name
    if "[::-1]" in names:
        for node in ast.walk(tree):
            if isinstance(node, ast.Slice) and node.step is not None and _is_negative(node.step):
                found.append(f"line {node.lineno}: a [::-1] slice")
    return sorted(set(found))


def _is_negative(node: ast.AST) -> bool:
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and node.value < 0)


def assert_not_used(what: str, **kwargs) -> None:
    """Fail with a teaching message if the file under test uses something the task forbids."""
    found = forbidden_uses(**kwargs)
    assert not found, f"the task says to do this without {what}, but your code uses: " + ", ".join(found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_app(app) -> Iterator[str]:
    """Run an ``aiohttp.web.Application`` on 127.0.0.1 in a background thread; yield its base URL
    (``http://127.0.0.1:PORT``). The server has its own event loop, so the learner's code may use
    ``asyncio.run``, ``requests`` or ``urllib`` against it from the test's thread."""
    from aiohttp import web

    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state: dict = {}

    async def start() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state["runner"] = runner
        state["port"] = runner.addresses[0][1]

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(start())
        except BaseException as exc:  # noqa: BLE001
            state["error"] = exc
            ready.set()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(state["runner"].cleanup())
        loop.close()

    thread = threading.Thread(target=main, daemon=True, name="pyex-http")
    thread.start()
    ready.wait(10)
    if "error" in state:
        raise state["error"]
    try:
        yield f"http://127.0.0.1:{state['port']}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


@dataclass
class Mailbox:
    """A real SMTP server (aiosmtpd) on loopback that keeps every message it receives."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)


@contextlib.contextmanager
def smtp_server() -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller

    port = free_port()
    box = Mailbox("127.0.0.1", port)

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
            box.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            box.messages.append(message_from_bytes(envelope.original_content or envelope.content,
                                                   policy=policy.default))
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with smtp_server() as box:
        yield box


def redis_url() -> str:
    """The Redis server pyex started for this run (``requires = ["redis"]`` in info.toml)."""
    url = os.environ.get("PYEX_REDIS_URL") or os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("this exercise needs a Redis server, and none was given: add requires = [\"redis\"] "
                    "to its info.toml entry (pyex then starts one), or set REDIS_URL", pytrace=False)
    return url


@pytest.fixture
def redis_client():
    """A client for a freshly emptied database on pyex's Redis server."""
    import redis

    client = redis.Redis.from_url(redis_url(), decode_responses=True)
    client.flushdb()
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.flushdb()
        client.close()

"""Implement a TCP server and client that send and receive messages: a small chat.

TCP delivers a *stream* of bytes, not messages: one ``send`` may arrive in several ``recv``s, and
two sends may arrive in one. So messages travel as *frames*: a 4-byte big-endian length, then that
many bytes of payload.

    >>> a, b = socket.socketpair()
    >>> send_frame(a, b"hello"); send_frame(a, b"")
    >>> recv_frame(b), recv_frame(b)
    (b'hello', b'')
    >>> a.close(); recv_frame(b) is None            # closed between frames
    True

    >>> with ChatServer() as server:                # 127.0.0.1, a free port
    ...     ann, bob = ChatClient(*server.address, "ann"), ChatClient(*server.address, "bob")
    ...     ann.receive(2)
    '* bob joined'
    ...     bob.send("hi all")
    ...     ann.receive(2)
    'bob: hi all'

Frames:
- ``send_frame(sock, payload)`` sends ``struct.pack("!I", len(payload)) + payload`` completely
  (``sendall``: ``send`` may send only part). Payloads over ``MAX_FRAME`` (16 MiB) are a ValueError.
- ``recv_frame(sock)`` returns the next frame's payload (``b""`` is a valid, empty frame): keep
  calling ``recv`` until the 4 header bytes, then the whole payload, are there — the check sends
  frames one byte at a time, several frames in one piece, and a 5 MB frame. It returns None when
  the peer closed the connection cleanly *between* frames; a connection that ends inside a frame
  (header or payload) raises ConnectionError; an announced length over MAX_FRAME is a ValueError.

The server, ``ChatServer(host="127.0.0.1", port=0)`` (port 0: the OS picks a free one):
- ``address`` is its ``(host, port)`` as soon as it is made; ``start()`` starts accepting (and
  returns the server); it is a context manager that starts and stops.
- Each connection's first frame is the client's nickname (UTF-8). Every other client then gets
  ``* NICK joined``; each later frame TEXT from it goes to every *other* client as
  ``NICK: TEXT``, in the order that client sent them; when it disconnects the others get
  ``* NICK left``. Serve each connection in a thread of its own (20 clients at once talk to it),
  and guard the shared set of connections with a lock. A client that breaks the protocol (a
  truncated frame, an absurd length) is dropped without disturbing the others.
- ``stop()`` closes the listening socket and every connection and returns within a second, even
  with clients connected and idle (``sock.shutdown(socket.SHUT_RDWR)`` wakes a thread blocked in
  ``recv``); no "left" messages are sent while stopping.

The client, ``ChatClient(host, port, nick)``: connects and sends the nickname; ``send(text)``;
``receive(timeout=None)`` returns the next text from the server, None once the server closed the
connection, and raises TimeoutError (``socket.timeout``) if nothing came within ``timeout``
seconds; ``close()``; it is a context manager too.
"""

from __future__ import annotations

import socket
import struct  # noqa: F401 - you will need these
import threading  # noqa: F401

MAX_FRAME = 16 * 1024 * 1024


def send_frame(sock: socket.socket, payload: bytes) -> None:
    """Send ``payload`` as one frame: its length, then its bytes."""
    raise NotImplementedError


def recv_frame(sock: socket.socket) -> bytes | None:
    """The next frame's payload, or None if the peer closed the connection between frames."""
    raise NotImplementedError


class ChatServer:
    """Relays each client's messages to every other client, one thread per connection."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        raise NotImplementedError

    def start(self) -> "ChatServer":
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "ChatServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class ChatClient:
    def __init__(self, host: str, port: int, nick: str) -> None:
        raise NotImplementedError

    def send(self, text: str) -> None:
        raise NotImplementedError

    def receive(self, timeout: float | None = None) -> str | None:
        """The next text relayed by the server; None once it has closed the connection."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "ChatClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

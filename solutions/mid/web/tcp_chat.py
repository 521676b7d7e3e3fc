"""A TCP chat: length-prefixed frames over a byte stream, a threaded server that relays messages,
and a client."""

from __future__ import annotations

import socket
import struct
import threading

MAX_FRAME = 16 * 1024 * 1024
_HEADER = struct.Struct("!I")  # 4 bytes, big-endian: the payload's length


def send_frame(sock: socket.socket, payload: bytes) -> None:
    """Send ``payload`` as one frame: its length, then its bytes."""
    if len(payload) > MAX_FRAME:
        raise ValueError(f"a frame holds at most {MAX_FRAME} bytes, not {len(payload)}")
    sock.sendall(_HEADER.pack(len(payload)) + payload)  # sendall: send() may take only part


def _recv_exactly(sock: socket.socket, n: int, started: bool) -> bytes | None:
    # TCP is a stream: one recv() may return part of a frame, or the end of one and the start of
    # the next. Ask for what is still missing until it is all there.
    parts, missing = [], n
    while missing:
        chunk = sock.recv(min(missing, 1 << 20))
        if not chunk:
            if not started and missing == n:
                return None  # the peer closed between frames: a clean end
            raise ConnectionError("the connection closed in the middle of a frame")
        parts.append(chunk)
        missing -= len(chunk)
    return b"".join(parts)


def recv_frame(sock: socket.socket) -> bytes | None:
    """The next frame's payload, or None if the peer closed the connection between frames."""
    header = _recv_exactly(sock, _HEADER.size, started=False)
    if header is None:
        return None
    (length,) = _HEADER.unpack(header)
    if length > MAX_FRAME:
        raise ValueError(f"the peer announced a {length}-byte frame; the limit is {MAX_FRAME}")
    return _recv_exactly(sock, length, started=True) if length else b""


class ChatServer:
    """Relays each client's messages to every other client, one thread per connection."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._listener = socket.create_server((host, port))
        self.address = self._listener.getsockname()[:2]
        self._lock = threading.Lock()  # guards what follows: handler threads join, leave and broadcast at once
        self._open: set[socket.socket] = set()  # every accepted connection, named yet or not
        self._clients: dict[socket.socket, str] = {}  # those that sent their nickname
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._acceptor = threading.Thread(target=self._accept, name="chat-accept", daemon=True)

    def start(self) -> "ChatServer":
        self._acceptor.start()
        return self

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # the listener was closed: stop() was called
                return
            t = threading.Thread(target=self._serve, args=(conn,), name="chat-client", daemon=True)
            with self._lock:
                if self._stopping:
                    conn.close()
                    return
                self._open.add(conn)
                self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        nick = None
        try:
            first = recv_frame(conn)
            if first is None:
                return
            nick = first.decode("utf-8", errors="replace")
            with self._lock:
                if self._stopping:
                    return
                self._clients[conn] = nick
            self._broadcast(f"* {nick} joined", conn)
            while (frame := recv_frame(conn)) is not None:
                self._broadcast(f"{nick}: {frame.decode('utf-8', errors='replace')}", conn)
        except (OSError, ValueError):
            pass  # a broken or misbehaving client: drop it
        finally:
            with self._lock:
                known = self._clients.pop(conn, None) is not None
                self._open.discard(conn)
            conn.close()
            if known and not self._stopping:
                self._broadcast(f"* {nick} left", None)

    def _broadcast(self, text: str, sender: socket.socket | None) -> None:
        data = text.encode("utf-8")
        with self._lock:  # one message at a time, so every client sees them in the same order
            for conn in self._clients:
                if conn is not sender:
                    try:
                        send_frame(conn, data)
                    except OSError:
                        pass  # its own thread notices and removes it

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # close() alone does not wake a thread in accept()
        except OSError:
            pass
        self._listener.close()
        self._acceptor.join(1)  # from here on no connection is added
        with self._lock:
            conns, threads = list(self._open), list(self._threads)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)  # wakes its thread from recv()
            except OSError:
                pass
        for t in threads:
            t.join(1)

    def __enter__(self) -> "ChatServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class ChatClient:
    def __init__(self, host: str, port: int, nick: str) -> None:
        self._sock = socket.create_connection((host, port), timeout=10)
        send_frame(self._sock, nick.encode("utf-8"))

    def send(self, text: str) -> None:
        send_frame(self._sock, text.encode("utf-8"))

    def receive(self, timeout: float | None = None) -> str | None:
        """The next line relayed by the server; None once it has closed the connection.
        socket.timeout (TimeoutError) if nothing arrives within ``timeout`` seconds."""
        self._sock.settimeout(timeout)
        frame = recv_frame(self._sock)
        return None if frame is None else frame.decode("utf-8", errors="replace")

    def close(self) -> None:
        self._sock.close()

    def __enter__(self) -> "ChatClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

import os
import socket
import struct
import threading
import time

import pytest

from tcp_chat import MAX_FRAME, ChatClient, ChatServer, recv_frame, send_frame


# The check's own framing, so the server is tested independently of the learner's frame functions.
def raw_send(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def raw_recv(sock, timeout=3.0):
    sock.settimeout(timeout)
    header = b""
    while len(header) < 4:
        chunk = sock.recv(4 - len(header))
        if not chunk:
            return None
        header += chunk
    (n,) = struct.unpack("!I", header)
    body = b""
    while len(body) < n:
        chunk = sock.recv(n - len(body))
        assert chunk, "the server closed the connection in the middle of a frame"
        body += chunk
    return body.decode()


def open_fds():
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()


def pair():
    a, b = socket.socketpair()
    a.settimeout(10)
    b.settimeout(10)
    return a, b


# -- frames ---------------------------------------------------------------------------------------

def test_a_frame_is_length_then_payload():
    a, b = pair()
    with a, b:
        send_frame(a, b"hello")
        send_frame(a, b"")
        a.sendall(b"")  # nothing
        got = b.recv(100)
        assert got == struct.pack("!I", 5) + b"hello" + struct.pack("!I", 0), (
            f"send_frame(sock, b'hello') then b'' should send \\x00\\x00\\x00\\x05hello\\x00\\x00\\x00\\x00 (4-byte "
            f"big-endian length, then the bytes), sent {got!r}")


def test_round_trip_and_clean_end():
    a, b = pair()
    with b:
        for payload in (b"hello", b"", "grüße ☃".encode(), bytes(range(256))):
            send_frame(a, payload)
        a.close()
        got = [recv_frame(b) for _ in range(4)]
        assert got == [b"hello", b"", "grüße ☃".encode(), bytes(range(256))], f"frames read back wrong: {got!r}"
        assert recv_frame(b) is None, "when the peer closes between frames, recv_frame() should return None"


def test_frames_sent_a_byte_at_a_time():
    a, b = pair()
    data = struct.pack("!I", 6) + b"abcdef" + struct.pack("!I", 2) + b"xy"

    def trickle():
        for i in range(len(data)):
            a.send(data[i:i + 1])
            time.sleep(0.005)

    t = threading.Thread(target=trickle, daemon=True)
    t.start()
    with a, b:
        got = [recv_frame(b), recv_frame(b)]
        t.join(5)
    assert got == [b"abcdef", b"xy"], (
        f"frames arriving one byte at a time should still read whole, got {got!r}: one recv() returns whatever has "
        "arrived so far, so call it again until you have all the bytes you need")


def test_several_frames_in_one_piece():
    a, b = pair()
    with a, b:
        a.sendall(b"".join(struct.pack("!I", len(p)) + p for p in (b"one", b"two", b"three")))
        got = [recv_frame(b) for _ in range(3)]
    assert got == [b"one", b"two", b"three"], (
        f"three frames sent in one piece should read as three, got {got!r}: never ask recv() for more than the "
        "bytes that belong to the current frame, or keep the extra for the next call")


def test_a_big_frame():
    a, b = pair()
    payload = os.urandom(5 * 1024 * 1024)
    t = threading.Thread(target=send_frame, args=(a, payload), daemon=True)
    t.start()
    with a, b:
        got = recv_frame(b)
        t.join(10)
    assert got == payload, "a 5 MB frame should arrive whole (it takes many recv() calls)"


@pytest.mark.parametrize("data, what", [(b"\x00\x00", "half a header"), (struct.pack("!I", 10) + b"abc",
                                                                          "3 of 10 payload bytes")])
def test_a_truncated_frame_is_an_error(data, what):
    a, b = pair()
    with b:
        a.sendall(data)
        a.close()
        with pytest.raises(ConnectionError):
            recv_frame(b)
            pytest.fail(f"a connection that ends after {what} should raise ConnectionError (not return None: "
                        "that means a clean end between frames)", pytrace=False)


def test_max_frame_is_the_limit_exactly():
    assert MAX_FRAME == 16 * 1024 * 1024, f"MAX_FRAME should be 16 MiB (16 * 1024 * 1024), got {MAX_FRAME}"
    a, b = pair()
    with a, b:
        a.sendall(struct.pack("!I", MAX_FRAME))  # exactly the limit: allowed, then cut short
        a.shutdown(socket.SHUT_WR)
        with pytest.raises(ConnectionError):
            recv_frame(b)
            pytest.fail("a header announcing exactly MAX_FRAME bytes is allowed (the limit is inclusive); the frame "
                        "then ends early, so ConnectionError", pytrace=False)
    a, b = pair()
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("frame", recv_frame(b)), daemon=True)
    reader.start()
    with a, b:
        send_frame(a, bytes(MAX_FRAME))
        reader.join(20)
    assert len(got.get("frame", b"")) == MAX_FRAME, "send_frame() of exactly MAX_FRAME bytes should be sent whole"


def test_absurd_lengths_are_refused():
    a, b = pair()
    with a, b:
        a.sendall(struct.pack("!I", MAX_FRAME + 1))
        with pytest.raises(ValueError):
            recv_frame(b)
            pytest.fail("a header announcing more than MAX_FRAME bytes should raise ValueError at once (a "
                        "server must not try to read 4 GB because a client said so)", pytrace=False)
        with pytest.raises(ValueError):
            send_frame(a, bytes(MAX_FRAME + 1))


# -- the server -----------------------------------------------------------------------------------

def connect(server, nick):
    s = socket.create_connection(server.address, timeout=5)
    raw_send(s, nick.encode())
    return s


def room(server, nicks):
    """Connect the clients one after another, each once the server has taken the one before in (the
    first is told of each join), so everyone knows the join order."""
    socks = [connect(server, nicks[0])]
    time.sleep(0.2)  # the server takes the first one in
    for nick in nicks[1:]:
        socks.append(connect(server, nick))
        got = raw_recv(socks[0])
        assert got == f"* {nick} joined", f"{nicks[0]} should be told '* {nick} joined', got {got!r}"
    return socks


def drain(sock, count):
    return [raw_recv(sock) for _ in range(count)]


def test_join_relay_and_leave():
    with ChatServer() as server:
        host, port = server.address
        assert isinstance(port, int) and port > 0, f"address should be (host, port) of the bound socket: {server.address}"
        assert host == "127.0.0.1", f"by default the server listens on 127.0.0.1 only (loopback), not {host!r}"
        ann, bob = room(server, ["ann", "bob"])  # when bob connects, the others get '* bob joined'
        raw_send(bob, "hi all".encode())
        assert raw_recv(ann) == "bob: hi all", "bob's message goes to the others as 'bob: hi all'"
        raw_send(ann, "hey bob ☃".encode())
        assert raw_recv(bob) == "ann: hey bob ☃", "and ann's to bob"
        bob.close()
        assert raw_recv(ann) == "* bob left", "when bob disconnects, the others get '* bob left'"
        bob.close()
        ann.close()


def test_a_sender_does_not_get_its_own_messages():
    with ChatServer() as server:
        ann = connect(server, "ann")
        raw_send(ann, b"anyone?")
        ann.settimeout(0.3)
        with pytest.raises(socket.timeout):
            got = raw_recv(ann, timeout=0.3)
            pytest.fail(f"a client alone should not get its own message back, got {got!r}", pytrace=False)
        ann.close()


def test_twenty_clients_at_once():
    with ChatServer() as server:
        socks = room(server, [f"c{i:02d}" for i in range(20)])
        # everyone joined: read away the join notices each client got (one per later client)
        for i, s in enumerate(socks[1:], 1):
            notices = drain(s, 19 - i)
            assert notices == [f"* c{j:02d} joined" for j in range(i + 1, 20)], (
                f"c{i:02d} should be told of each client that joined after it, in order, got {notices[:3]}...")
        for s in socks:
            for k in range(3):
                raw_send(s, f"m{k}".encode())
        for i, s in enumerate(socks):
            got = drain(s, 19 * 3)
            by_sender = {}
            for line in got:
                nick, _, text = line.partition(": ")
                by_sender.setdefault(nick, []).append(text)
            want = {f"c{j:02d}": ["m0", "m1", "m2"] for j in range(20) if j != i}
            assert by_sender == want, (
                f"with 20 clients each sending m0, m1, m2, c{i:02d} should get the other 19 clients' three messages "
                f"each, in the order sent; got {sum(map(len, by_sender.values()))} messages from "
                f"{len(by_sender)} senders")
        for s in socks:
            s.close()


def test_a_broken_client_does_not_disturb_the_others():
    with ChatServer() as server:
        ann, bob, evil = room(server, ["ann", "bob", "evil"])
        assert raw_recv(bob) == "* evil joined"
        evil.sendall(struct.pack("!I", 0xFFFFFFFF))  # an absurd length
        time.sleep(0.2)
        raw_send(bob, b"still here?")
        got = raw_recv(ann)
        while got == "* evil left":
            got = raw_recv(ann)
        assert got == "bob: still here?", f"after one client broke the protocol the others should go on, got {got!r}"
        for s in (ann, bob, evil):
            s.close()


def test_stop_is_prompt_and_closes_everything():
    before, fds = threading.active_count(), open_fds()
    server = ChatServer().start()
    idle = room(server, [f"idle{i}" for i in range(5)])
    silent = socket.create_connection(server.address, timeout=5)  # connected, never sends its name
    time.sleep(0.2)
    started = time.monotonic()
    server.stop()
    took = time.monotonic() - started
    assert took < 1.0, (f"stop() with 5 idle clients took {took:.2f} s: shut their sockets down "
                        "(sock.shutdown(socket.SHUT_RDWR)) so the threads blocked in recv() wake up")
    assert threading.active_count() <= before, (
        "when stop() returns its threads should be finished: join the accept thread and every connection's thread")
    for i, s in enumerate(idle):
        got = raw_recv(s, timeout=2)
        while got is not None and got.endswith("joined"):
            got = raw_recv(s, timeout=2)
        assert got is None, (f"after stop() every client connection should be closed without more messages (no "
                             f"'left' notices while stopping), idle{i} got {got!r}")
        s.close()
    silent.settimeout(2)
    assert silent.recv(10) == b"", "a connection that never sent its name should be closed by stop() too"
    silent.close()
    with pytest.raises(OSError):
        socket.create_connection(server.address, timeout=1).close()
        pytest.fail("after stop() the server should not accept connections", pytrace=False)
    assert open_fds() == fds, "stop() left sockets open: close the listening socket and every connection"


def test_no_server_thread_dies_with_an_exception(monkeypatch):
    crashed = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(args.exc_value))
    with ChatServer() as server:
        ann = connect(server, "ann")
        quitter = socket.create_connection(server.address, timeout=5)
        quitter.close()  # gone before sending a name
        half = socket.create_connection(server.address, timeout=5)
        half.sendall(b"\x00\x00")  # half a header, then gone
        half.close()
        time.sleep(0.3)
        raw_send(ann, b"ok?")
        ann.close()
        time.sleep(0.2)
    assert not crashed, (f"a server thread died with {crashed[0]!r}: a client that leaves before sending its name, "
                         "or in the middle of a frame, is simply dropped")


def test_the_client_closes_its_socket():
    """seen from the server: a client that is closed (or leaves its with block) has hung up"""
    with ChatServer() as server:
        watcher = connect(server, "watcher")
        time.sleep(0.2)  # the server takes the watcher in
        with ChatClient(*server.address, "brief") as kept:
            assert raw_recv(watcher) == "* brief joined"
        assert raw_recv(watcher) == "* brief left", "leaving `with ChatClient(...)` should close its socket"
        other = ChatClient(*server.address, "brief2")
        assert raw_recv(watcher) == "* brief2 joined"
        other.close()
        assert raw_recv(watcher) == "* brief2 left", "close() should close the client's socket"
        assert kept is not None and other is not None  # both still referenced: only close() can have closed them
        watcher.close()


# -- the client -----------------------------------------------------------------------------------

def test_the_client():
    with ChatServer() as server:
        host, port = server.address
        with ChatClient(host, port, "ann") as ann:
            time.sleep(0.2)  # the server takes ann in
            with ChatClient(host, port, "bob") as bob:
                assert ann.receive(2) == "* bob joined"
                bob.send("hi ☃")
                assert ann.receive(2) == "bob: hi ☃"
                with pytest.raises((socket.timeout, TimeoutError)):
                    bob.receive(0.2)
                    pytest.fail("receive(0.2) with nothing to read should raise TimeoutError", pytrace=False)
    with ChatServer() as server:
        watcher = connect(server, "watcher")
        time.sleep(0.2)  # the server takes the watcher in
        c = ChatClient(*server.address, "last")
        assert raw_recv(watcher) == "* last joined"
    watcher.close()
    assert c.receive(2) is None, "once the server has closed the connection, receive() should return None"
    c.close()

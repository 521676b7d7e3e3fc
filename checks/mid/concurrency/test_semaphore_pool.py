import inspect
import socket
import socketserver
import threading
import time

import pytest

from pyexercise.checklib import free_port, hammer, race_amplifier
from semaphore_pool import Account, ConnectionPool, InsufficientFunds, PoolClosed, PoolTimeout, transfer


class LineServer:
    """A TCP server on loopback, one thread per connection, speaking lines: PING -> PONG,
    ECHO text -> text, SLOW ms text -> text after ms milliseconds, BYE -> closes. It counts
    connections accepted, open now and at most at once, and requests being served at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.accepted = self.open = self.max_open = 0
        self.busy = self.max_busy = 0
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                with outer.lock:
                    outer.accepted += 1
                    outer.open += 1
                    outer.max_open = max(outer.max_open, outer.open)
                try:
                    for raw in self.rfile:
                        cmd, _, arg = raw.decode().rstrip("\n").partition(" ")
                        if cmd == "BYE":
                            return
                        with outer.lock:
                            outer.busy += 1
                            outer.max_busy = max(outer.max_busy, outer.busy)
                        try:
                            if cmd == "PING":
                                reply = "PONG"
                            elif cmd == "SLOW":
                                ms, _, reply = arg.partition(" ")
                                time.sleep(int(ms) / 1000)
                            else:
                                reply = arg
                            self.wfile.write(reply.encode() + b"\n")
                        finally:
                            with outer.lock:
                                outer.busy -= 1
                except OSError:
                    pass
                finally:
                    with outer.lock:
                        outer.open -= 1

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.host, self.port = self.server.server_address
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def wait_until_closed(self, leaving: int = 0, timeout: float = 2.0) -> int:
        """How many connections are open once no more than ``leaving`` are (or ``timeout`` s passed)."""
        deadline = time.monotonic() + timeout
        while self.open > leaving and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.02)  # one that should stay open has its moment to close wrongly
        return self.open


@pytest.fixture
def server():
    srv = LineServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.server.shutdown()
        srv.server.server_close()


def ask(conn: socket.socket, line: str) -> str:
    conn.sendall(line.encode() + b"\n")
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(4096)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        data += chunk
    return data.decode().rstrip("\n")


# ---------------------------------------------------------------- the pool, one thread

def test_connects_lazily_and_reuses(server):
    """no connection until one is needed; a released connection is the one handed out next"""
    pool = ConnectionPool(server.host, server.port, size=2)
    time.sleep(0.05)
    assert server.accepted == 0, "creating the pool should open no connection yet: connect when one is needed"
    conn = pool.acquire()
    assert isinstance(conn, socket.socket), f"acquire() should return a socket.socket, got {type(conn).__name__}"
    assert ask(conn, "PING") == "PONG", "the connection should reach the server"
    pool.release(conn)
    again = pool.acquire()
    assert again is conn, "after release, acquire() should hand out the idle connection, not open a new one"
    assert ask(again, "ECHO still here") == "still here"
    pool.release(again)
    assert server.accepted == 1, f"one connection was enough, but the server accepted {server.accepted}"
    pool.close()


def test_context_manager_returns_the_connection(server):
    """`with pool.connection() as conn:` hands one out and puts it back afterwards"""
    pool = ConnectionPool(server.host, server.port, size=1)
    with pool.connection() as conn:
        assert ask(conn, "ECHO hi") == "hi"
    with pool.connection(timeout=0.5) as conn2:  # the only slot must be free again
        assert conn2 is conn, "the connection should go back to the pool when the block ends"
    assert server.accepted == 1
    pool.close()


def test_exhausted_pool_times_out(server):
    """with every connection in use, acquire(timeout) raises PoolTimeout after that long"""
    pool = ConnectionPool(server.host, server.port, size=2, timeout=0.05)
    held = [pool.acquire(), pool.acquire()]
    assert held[0] is not held[1], "two acquires must return two different connections"
    start = time.monotonic()
    with pytest.raises(PoolTimeout):
        pool.acquire(timeout=0.1)
    took = time.monotonic() - start
    assert 0.09 <= took < 1, f"acquire(timeout=0.1) should give up after about 0.1 s, took {took:.3f} s"
    start = time.monotonic()
    with pytest.raises(PoolTimeout):
        pool.acquire()  # the pool's own timeout, 0.05 s
    took = time.monotonic() - start
    assert 0.045 <= took < 1, f"acquire() should wait the pool's timeout (0.05 s), took {took:.3f} s"
    assert server.accepted == 2, f"size=2 allows 2 connections, the server accepted {server.accepted}"
    for c in held:
        pool.release(c)
    pool.close()


def test_release_wakes_a_waiter(server):
    """a thread waiting in acquire() gets the connection another thread releases"""
    pool = ConnectionPool(server.host, server.port, size=1)
    conn = pool.acquire()
    got = []
    waiter = threading.Thread(target=lambda: got.append(pool.acquire(timeout=2)), daemon=True)
    waiter.start()
    time.sleep(0.05)
    assert not got, "acquire() on a pool with no free slot should wait"
    pool.release(conn)
    waiter.join(2)
    assert got and got[0] is conn, "the waiting acquire() should get the released connection"
    pool.release(got[0])
    pool.close()


def test_bad_release_is_refused(server):
    """releasing a connection twice, or one the pool never gave out, is a ValueError"""
    pool = ConnectionPool(server.host, server.port, size=2)
    conn = pool.acquire()
    pool.release(conn)
    with pytest.raises(ValueError):
        pool.release(conn)
        pytest.fail("releasing the same connection twice should raise ValueError")
    stranger = socket.create_connection((server.host, server.port))
    with pytest.raises(ValueError):
        pool.release(stranger)
        pytest.fail("releasing a socket this pool never handed out should raise ValueError")
    stranger.close()
    a, b = pool.acquire(), pool.acquire()  # still exactly two slots: no extra one appeared
    assert a is not b, "after a refused second release, the same connection was handed out twice"
    with pytest.raises(PoolTimeout):
        pool.acquire(timeout=0.05)
        pytest.fail("the refused releases must not have added free slots: size=2 still means 2")
    pool.release(a)
    pool.release(b)
    pool.close()


def test_failed_block_discards_the_connection(server):
    """if the with block raises, the connection is closed, not reused"""
    pool = ConnectionPool(server.host, server.port, size=1)
    with pytest.raises(ZeroDivisionError):
        with pool.connection() as conn:
            conn.sendall(b"ECHO half a conversation")  # no newline: the server is still waiting
            1 / 0
    assert server.wait_until_closed() == 0, "the connection used by a failed block should be closed"
    assert conn.fileno() == -1, "the discarded socket should be closed"
    with pool.connection(timeout=0.5) as fresh:  # the slot is free again
        assert fresh is not conn, "a discarded connection must never be handed out again"
        assert ask(fresh, "PING") == "PONG"
    assert server.accepted == 2
    pool.release(pool.acquire(), discard=True)
    assert server.wait_until_closed() == 0, "release(conn, discard=True) should close the connection"
    pool.close()


def test_connect_failure_frees_the_slot():
    """a connection that can't be opened raises its OSError and gives the slot back"""
    pool = ConnectionPool("127.0.0.1", free_port(), size=1, timeout=0.2)
    for attempt in range(3):
        with pytest.raises(OSError):
            pool.acquire()
            pytest.fail("nothing listens on that port: acquire() should raise ConnectionRefusedError")
        # PoolTimeout is not an OSError, so a leaked slot would fail the next round


def test_close(server):
    """close() closes the idle connections, each busy one when it comes back, and refuses acquires"""
    pool = ConnectionPool(server.host, server.port, size=3)
    conns = [pool.acquire() for _ in range(3)]
    pool.release(conns[0])
    pool.release(conns[1])
    pool.close()
    assert server.wait_until_closed(leaving=1) == 1, (
        f"after close() only the connection still in use should be open; the server sees {server.open}")
    assert ask(conns[2], "ECHO in use") == "in use", "a connection in use keeps working until it is released"
    pool.release(conns[2])
    assert server.wait_until_closed() == 0, "a connection released after close() should be closed"
    with pytest.raises(PoolClosed):
        pool.acquire()


def test_closed_pool_refuses_at_once(server):
    """acquire() on a closed pool raises PoolClosed at once, even with no slot free"""
    pool = ConnectionPool(server.host, server.port, size=1)
    conn = pool.acquire()
    pool.close()
    start = time.monotonic()
    with pytest.raises(PoolClosed):
        pool.acquire(timeout=1)
    assert time.monotonic() - start < 0.5, "a closed pool should refuse at once, not wait for a slot first"
    pool.release(conn)


def test_waiter_sees_the_close(server):
    """a thread waiting for a slot when the pool is closed gets PoolClosed, not a new connection"""
    pool = ConnectionPool(server.host, server.port, size=1)
    conn = pool.acquire()
    outcome = []

    def wait_for_slot():
        try:
            outcome.append(pool.acquire(timeout=2))
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            outcome.append(exc)

    waiter = threading.Thread(target=wait_for_slot, daemon=True)
    waiter.start()
    time.sleep(0.05)
    pool.close()
    pool.release(conn)  # closed, since the pool is; and its slot goes to the waiter
    waiter.join(3)
    assert outcome and isinstance(outcome[0], PoolClosed), (
        f"the waiting acquire() should raise PoolClosed once it gets the slot of a closed pool, got {outcome!r}")
    assert server.wait_until_closed() == 0 and server.accepted == 1, (
        "no new connection should be opened for a closed pool")


def test_defaults(server):
    """size defaults to 4 and timeout to 5 seconds"""
    params = inspect.signature(ConnectionPool).parameters
    assert params["timeout"].default == 5.0, f"timeout should default to 5.0, not {params['timeout'].default!r}"
    pool = ConnectionPool(server.host, server.port)
    held = [pool.acquire() for _ in range(4)]
    with pytest.raises(PoolTimeout):
        pool.acquire(timeout=0.05)
        pytest.fail("the default size is 4: a fifth acquire should time out")
    for c in held:
        pool.release(c)
    pool.close()


def test_bad_size():
    """size below 1 is a ValueError"""
    with pytest.raises(ValueError):
        ConnectionPool("127.0.0.1", 9, size=0)


# ---------------------------------------------------------------- the pool, many threads

def test_many_threads_share_size_connections(server):
    """8 threads x 25 requests through a pool of 3: the server sees 3 connections, never more"""
    pool = ConnectionPool(server.host, server.port, size=3, timeout=10)
    replies = []

    def use(t, i):
        with pool.connection() as conn:
            reply = ask(conn, f"SLOW 5 {t}-{i}")
        replies.append((f"{t}-{i}", reply))

    with race_amplifier():
        run = hammer(use, threads=8, calls=25, args_for=lambda t, i: (t, i), timeout=15)
    assert not run.errors, (f"a thread failed: {run.errors[0]!r}; the pool's lists must only be read and changed "
                            "under its lock")
    crossed = [(want, got) for want, got in replies if want != got]
    assert not crossed, (f"{len(crossed)} requests got another thread's answer (e.g. asked {crossed[0][0]!r}, got "
                         f"{crossed[0][1]!r}): one connection was handed to two threads at once")
    assert server.max_open <= 3, (f"the server had {server.max_open} connections open at once from a pool of size 3: "
                                  "a BoundedSemaphore(size) should bound how many exist")
    assert server.max_open == 3 and server.max_busy == 3, (
        f"8 busy threads should keep all 3 connections in use at once; the server saw at most "
        f"{server.max_open} open and {server.max_busy} in use")
    assert server.accepted == 3, (f"the server accepted {server.accepted} connections for 200 requests: reuse the "
                                  "idle ones instead of opening new ones")
    pool.close()
    assert server.wait_until_closed() == 0, "after close() every connection should be closed"


def test_discarding_under_contention(server):
    """threads that discard connections while others reuse them: no errors, no connection shared"""
    pool = ConnectionPool(server.host, server.port, size=3, timeout=10)
    crossed = []

    class Broken(Exception):
        pass

    def use(t, i):
        try:
            with pool.connection() as conn:
                reply = ask(conn, f"ECHO {t}-{i}")
                if reply != f"{t}-{i}":
                    crossed.append((f"{t}-{i}", reply))
                if (t + i) % 2:
                    raise Broken()  # this connection goes: the next acquire must open a new one
        except Broken:
            return "discarded"
        return "kept"

    with race_amplifier():
        run = hammer(use, threads=8, calls=20, args_for=lambda t, i: (t, i), timeout=15)
    assert not run.errors, (f"a thread failed: {run.errors[0]!r}. With connections being discarded, the idle list "
                            "can hold fewer connections than there are free slots: look at it and take from it "
                            "in one step, under the lock")
    assert not crossed, f"{len(crossed)} requests got another thread's answer: one connection went to two threads"
    discarded = run.results.count("discarded")
    assert server.accepted <= 3 + discarded, (
        f"{discarded} connections were discarded, so at most {3 + discarded} were needed, but the server accepted "
        f"{server.accepted}")
    pool.close()
    assert server.wait_until_closed() == 0, "after close() every connection should be closed"


# ---------------------------------------------------------------- transfers

def test_transfer_moves_money():
    """transfer moves the amount from one account to the other"""
    a, b = Account(100), Account()
    assert a.balance == 100 and b.balance == 0 and type(b.balance) is int
    assert transfer(a, b, 30) is None
    assert (a.balance, b.balance) == (70, 30), f"after moving 30: want (70, 30), got {(a.balance, b.balance)}"
    transfer(b, a, 30)
    assert (a.balance, b.balance) == (100, 0)


def test_insufficient_funds_changes_nothing():
    """moving more than the balance raises InsufficientFunds and changes nothing"""
    a, b = Account(10), Account(5)
    with pytest.raises(InsufficientFunds):
        transfer(a, b, 11)
    assert (a.balance, b.balance) == (10, 5), f"a refused transfer must change nothing, got {(a.balance, b.balance)}"
    transfer(a, b, 10)
    assert (a.balance, b.balance) == (0, 15), "moving the whole balance is allowed"


@pytest.mark.parametrize("amount, error", [(0, ValueError), (-5, ValueError), (1.5, TypeError), ("3", TypeError),
                                           (True, TypeError)])
def test_bad_amounts(amount, error):
    """the amount must be a positive int"""
    a, b = Account(10), Account(10)
    with pytest.raises(error):
        transfer(a, b, amount)
    assert (a.balance, b.balance) == (10, 10)


def test_bad_accounts():
    """an account to itself, or a negative or non-int opening balance, is a ValueError"""
    a = Account(10)
    with pytest.raises(ValueError):
        transfer(a, a, 1)
    for bad in (-1, 2.5, "10"):
        with pytest.raises(ValueError):
            Account(bad)
            pytest.fail(f"Account({bad!r}) should raise ValueError")


def test_concurrent_withdrawals_never_overdraw():
    """8 threads draining one account: exactly its balance moves, never more"""
    a, b = Account(100), Account()

    def pay(t, i):
        try:
            transfer(a, b, 1)
            return True
        except InsufficientFunds:
            return False

    with race_amplifier():
        run = hammer(pay, threads=8, calls=25, args_for=lambda t, i: (t, i), timeout=5)
    assert not run.errors, f"transfer raised {run.errors[0]!r}"
    assert a.balance == 0 and b.balance == 100 and run.results.count(True) == 100, (
        f"100 of the 200 transfers of 1 should succeed, leaving (0, 100); got {run.results.count(True)} successes "
        f"and balances {(a.balance, b.balance)}: check the balance and move the money while holding both locks")


def test_opposing_transfers_do_not_deadlock():
    """transfers a->b and b->a at the same moment (and around a cycle) always finish"""
    a, b, c = Account(1000), Account(1000), Account(1000)
    pairs = [(a, b), (b, a), (b, c), (c, a), (a, c), (c, b)]

    def move(t, i):
        src, dst = pairs[t % len(pairs)]
        transfer(src, dst, 1 + i % 3)

    try:
        with race_amplifier():
            run = hammer(move, threads=6, calls=40, args_for=lambda t, i: (t, i), timeout=3)
    except AssertionError as exc:
        raise AssertionError(
            f"{exc} Transfers in opposite directions deadlocked: transfer(a, b) holds a's lock and waits for b's "
            "while transfer(b, a) holds b's and waits for a's. Take the two locks in one global order (give every "
            "account a number, lock the smaller one first)") from None
    assert not run.errors, f"transfer raised {run.errors[0]!r}"
    total = a.balance + b.balance + c.balance
    assert total == 3000, f"money was created or lost: the three balances add up to {total}, not 3000"

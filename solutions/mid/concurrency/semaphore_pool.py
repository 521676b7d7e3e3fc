"""Synchronising threads over shared resources: a TCP connection pool and bank transfers."""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from typing import Iterator


class PoolTimeout(Exception):
    """No connection became free within the timeout."""


class PoolClosed(Exception):
    """The pool was closed."""


class ConnectionPool:
    """At most ``size`` TCP connections to (host, port), shared by many threads.

    Two tools, two jobs. The BoundedSemaphore counts free slots: acquiring one may wait, and
    that wait is the only blocking the pool does. The Lock guards the bookkeeping (idle
    connections, which ones are out), held only for a few list operations, never while
    connecting or waiting. "Bounded" makes releasing more than was acquired an error instead of
    silently growing the pool.
    """

    def __init__(self, host: str, port: int, *, size: int = 4, timeout: float = 5.0) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.host, self.port, self.size, self.timeout = host, port, size, timeout
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._idle: list[socket.socket] = []  # connected, not in use; the last one is the warmest
        self._out: set[socket.socket] = set()  # handed out, not yet released
        self._closed = False

    def acquire(self, timeout: float | None = None) -> socket.socket:
        """A connection for the caller's use alone; PoolTimeout if none is free in time."""
        if self._closed:
            raise PoolClosed("the pool is closed")
        wait = self.timeout if timeout is None else timeout
        if not self._slots.acquire(timeout=wait):
            raise PoolTimeout(f"no free connection within {wait} s ({self.size} in use)")
        with self._lock:
            if self._closed:  # closed while we waited
                self._slots.release()
                raise PoolClosed("the pool is closed")
            conn = self._idle.pop() if self._idle else None
            if conn is not None:
                self._out.add(conn)
                return conn
        try:  # a new connection: connect outside the lock, so others needn't wait for it
            # (the pool's timeout, not this call's wait: it stays the socket's I/O timeout)
            conn = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except BaseException:
            self._slots.release()  # the slot was never used: give it back
            raise
        with self._lock:
            self._out.add(conn)
        return conn

    def release(self, conn: socket.socket, *, discard: bool = False) -> None:
        """Give a connection back; with discard=True (or after close()) it is closed instead."""
        with self._lock:
            if conn not in self._out:
                raise ValueError("that connection is not checked out from this pool")
            self._out.remove(conn)
            keep = not (discard or self._closed)
            if keep:
                self._idle.append(conn)
        if not keep:
            conn.close()
        self._slots.release()

    @contextlib.contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[socket.socket]:
        """``with pool.connection() as conn:``; a block that raises discards the connection."""
        conn = self.acquire(timeout)
        try:
            yield conn
        except BaseException:
            # it may be broken, or stopped half way through a conversation: never reuse it
            self.release(conn, discard=True)
            raise
        self.release(conn)

    def close(self) -> None:
        """Close the idle connections now, the others as they come back; refuse new acquires."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


class InsufficientFunds(Exception):
    """The source account holds less than the amount."""


_account_ids = itertools.count(1)


class Account:
    """A balance guarded by its own lock. ``number`` gives every account its place in the lock order."""

    def __init__(self, balance: int = 0) -> None:
        if type(balance) is not int or balance < 0:
            raise ValueError(f"balance must be an int >= 0, not {balance!r}")
        self.number = next(_account_ids)
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src: Account, dst: Account, amount: int) -> None:
    """Move ``amount`` from src to dst atomically; InsufficientFunds if src has less."""
    if type(amount) is not int:
        raise TypeError(f"amount must be an int, not {type(amount).__name__}")
    if amount <= 0:
        raise ValueError(f"amount must be positive, not {amount}")
    if src is dst:
        raise ValueError("cannot transfer from an account to itself")
    # Every thread takes the two locks in the same global order (by account number). Without
    # that, transfer(a, b) holding a and waiting for b meets transfer(b, a) holding b and
    # waiting for a: a deadlock.
    first, second = sorted((src, dst), key=lambda account: account.number)
    with first.lock, second.lock:
        if src.balance < amount:
            raise InsufficientFunds(f"balance {src.balance} is less than {amount}")
        src.balance -= amount
        dst.balance += amount

"""Use a Semaphore and Locks to synchronise threads over shared resources: a TCP connection pool, and bank transfers that never deadlock.

Part 1, a Semaphore: a connection pool. Opening a TCP connection costs a round trip or more,
and a server accepts only so many, so threads share a few open connections. A
``threading.BoundedSemaphore(size)`` counts the free slots (a thread waits for one, with a
timeout); a ``threading.Lock`` guards the pool's lists for the moment it takes to update them.

    >>> pool = ConnectionPool("127.0.0.1", 7000, size=2)
    >>> with pool.connection() as conn:          # a connected socket.socket, yours alone
    ...     conn.sendall(b"PING\n")
    ...     conn.recv(100)
    b'PONG\n'
    >>> a, b = pool.acquire(), pool.acquire()    # both slots in use
    >>> pool.acquire(timeout=0.1)
    Traceback (most recent call last):
    PoolTimeout: ...

- ``ConnectionPool(host, port, *, size=4, timeout=5.0)`` opens no connection yet (size < 1 is
  a ValueError). ``acquire(timeout=None)`` returns a connection no other thread holds: an idle
  one if there is one, else a new ``socket.create_connection``, so there are never more than
  ``size`` connections open (the check's server counts them). It waits up to ``timeout``
  seconds (None: the pool's ``timeout``) for a free slot, then raises ``PoolTimeout``. A
  failed connect raises its OSError and frees the slot again.
- ``release(conn, *, discard=False)`` gives it back for reuse, or closes it if ``discard``.
  Releasing a connection that is not checked out from this pool (or releasing it twice) is
  a ValueError.
- ``connection(timeout=None)`` is a context manager around acquire and release; if the block
  raises, the connection is discarded (closed, never reused) and the exception goes on.
- ``close()`` closes the idle connections at once, and each connection still in use when it
  is released; ``acquire`` on a closed pool raises ``PoolClosed``.

Part 2, Locks: money moves between accounts from many threads at once.

- ``Account(balance=0)`` has ``balance`` (an int >= 0, ValueError otherwise) and its own lock.
- ``transfer(src, dst, amount)`` moves ``amount`` atomically, holding both accounts' locks,
  and raises ``InsufficientFunds`` (changing nothing) if ``src`` has less. ``amount`` must be a
  positive int (TypeError / ValueError) and ``src`` not ``dst`` (ValueError).
- ``transfer(a, b, 1)`` and ``transfer(b, a, 1)`` run at the same moment must never deadlock:
  each takes its first lock and waits forever for the other's, unless every thread takes the
  locks in one agreed order.

The check runs both from 8 threads at once while forcing thread switches at the worst moments.
"""

from __future__ import annotations

import contextlib
import itertools  # noqa: F401 - you may need these
import socket
import threading  # noqa: F401
from typing import Iterator


class PoolTimeout(Exception):
    """No connection became free within the timeout."""


class PoolClosed(Exception):
    """The pool was closed."""


class ConnectionPool:
    """At most ``size`` TCP connections to (host, port), shared by many threads."""

    def __init__(self, host: str, port: int, *, size: int = 4, timeout: float = 5.0) -> None:
        # TODO: a BoundedSemaphore(size) for the free slots, a Lock for the lists below
        raise NotImplementedError

    def acquire(self, timeout: float | None = None) -> socket.socket:
        """A connection for the caller's use alone; PoolTimeout if none is free in time."""
        raise NotImplementedError

    def release(self, conn: socket.socket, *, discard: bool = False) -> None:
        """Give a connection back; with discard=True (or after close()) it is closed instead."""
        raise NotImplementedError

    @contextlib.contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[socket.socket]:
        """``with pool.connection() as conn:``; a block that raises discards the connection."""
        raise NotImplementedError
        yield  # noqa - makes this a generator, as contextmanager needs

    def close(self) -> None:
        """Close the idle connections now, the others as they come back; refuse new acquires."""
        raise NotImplementedError


class InsufficientFunds(Exception):
    """The source account holds less than the amount."""


class Account:
    """A balance guarded by its own lock."""

    def __init__(self, balance: int = 0) -> None:
        raise NotImplementedError


def transfer(src: Account, dst: Account, amount: int) -> None:
    """Move ``amount`` from src to dst atomically; InsufficientFunds if src has less."""
    raise NotImplementedError

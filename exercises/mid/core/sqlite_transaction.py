"""Write ``transaction(conn)``: a context manager, built from a generator with contextlib, for sqlite3.

``@contextlib.contextmanager`` turns a generator function into a context manager: the code before
its single ``yield`` runs on entering the ``with``, the yielded value is what ``as`` gets, and
the code after it runs on leaving. If the block raises, the exception is thrown into the
generator at the ``yield``, where you can catch it (``try: yield ... except ...:``), clean up,
and re-raise it (an exception you catch and don't re-raise is swallowed).

    >>> conn = sqlite3.connect("shop.db", isolation_level=None)
    >>> with transaction(conn):
    ...     conn.execute("INSERT INTO orders VALUES (1, 'book')")
    ...     conn.execute("UPDATE stock SET n = n - 1 WHERE item = 'book'")
    >>> # both statements are committed together, or (on any error) neither is

    >>> with transaction(conn):                    # the outer transaction
    ...     conn.execute("INSERT INTO orders VALUES (2, 'pen')")
    ...     try:
    ...         with transaction(conn):            # nested: a SAVEPOINT
    ...             conn.execute("INSERT INTO orders VALUES (3, 'ink')")
    ...             raise ValueError("out of ink")
    ...     except ValueError:
    ...         pass                               # only order 3 is undone
    >>> # order 2 is committed

- ``transaction(conn, *, immediate=False)`` yields ``conn``. When the block succeeds the
  transaction is committed; when it raises anything (KeyboardInterrupt included) it is rolled
  back and the very same exception propagates. Uncommitted rows are invisible to other
  connections: the check looks through a second connection to the same file.
- Start the transaction yourself with ``BEGIN`` (``BEGIN IMMEDIATE`` when ``immediate=True``,
  which takes the write lock at once, so another connection cannot start writing meanwhile).
  It must work whatever the connection's ``isolation_level``: with ``None`` (autocommit) every
  statement commits on its own unless you BEGIN; with the default ``""`` sqlite3 begins a
  transaction implicitly before an INSERT/UPDATE/DELETE, not before a SELECT.
- Nested use: if ``conn.in_transaction`` is already true (an enclosing ``transaction``, or a
  transaction someone else started), don't BEGIN again (SQLite refuses: "cannot start a
  transaction within a transaction"). Use a savepoint: ``SAVEPOINT name``, then ``RELEASE name``
  on success; on failure ``ROLLBACK TO name`` (which undoes the work since the savepoint but
  keeps it open) and then ``RELEASE name``, and re-raise. Only the nested block's work is undone;
  committing is left to the outermost level. Give each savepoint its own name.
- COMMIT itself can fail, for example when a deferred foreign key is violated: then roll back
  (SQLite leaves the transaction open after a failed COMMIT) and let the error propagate, so the
  connection is never left stuck inside a transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


# TODO: decorate with @contextlib.contextmanager and make this a generator that yields conn.
def transaction(conn: sqlite3.Connection, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
    """Run the block in a transaction: commit if it succeeds, roll back and re-raise if it fails.

    Inside another transaction, the block is a savepoint: its failure undoes only the block."""
    raise NotImplementedError

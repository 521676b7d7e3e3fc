"""A transaction context manager for sqlite3, written as a generator with contextlib, nesting via SAVEPOINT."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator

# Savepoint names only need to be unique among the savepoints open at once; a process-wide
# counter makes them unique outright (next() on a count is atomic in CPython).
_savepoint_ids = itertools.count(1)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
    """Run the block in a transaction: commit if it succeeds, roll back and re-raise if it fails.

    Inside another transaction, the block is a savepoint: its failure undoes only the block."""
    if conn.in_transaction:
        # Nested (in our own block, or in a transaction someone else opened): a savepoint can be
        # undone on its own, and ending the outer transaction is left to whoever opened it.
        name = f"pyex_savepoint_{next(_savepoint_ids)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:  # KeyboardInterrupt too: never leave the block's work half-kept
            conn.execute(f"ROLLBACK TO {name}")  # undo the block; the savepoint stays open...
            conn.execute(f"RELEASE {name}")      # ...until released
            raise  # contextlib throws the block's exception in here: re-raise it, or it is swallowed
        conn.execute(f"RELEASE {name}")  # keeps the block's work as part of the outer transaction
        return

    # Outermost. BEGIN explicitly: with isolation_level=None (autocommit) sqlite3 would otherwise
    # commit every statement on its own, and with the legacy implicit mode it would open the
    # transaction only at the first INSERT/UPDATE/DELETE (not at a SELECT).
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    try:
        conn.commit()
    except BaseException:
        # COMMIT can fail (a deferred foreign key, a full disk) and then leaves the transaction
        # open: roll it back so the connection is usable, and report the failure.
        conn.rollback()
        raise

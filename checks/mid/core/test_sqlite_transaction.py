import inspect
import itertools
import re
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from sqlite_transaction import transaction

# None is autocommit; "" (the default), "DEFERRED", "IMMEDIATE" and "EXCLUSIVE" are sqlite3's
# legacy implicit-transaction mode, which BEGINs by itself before INSERT/UPDATE/DELETE
ISOLATIONS = [None, "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"]
MODE_IDS = ["autocommit", "default", "deferred", "immediate", "exclusive"]


class Boom(Exception):
    """raised by the check's blocks"""


class Interrupt(BaseException):
    """like KeyboardInterrupt: not an Exception"""


@pytest.fixture
def db(tmp_path):
    """connect(isolation_level) -> a connection to one fresh database; rows() -> what another connection sees"""
    path = tmp_path / "shop.db"
    opened = []

    def connect(isolation_level="", **kwargs):
        conn = sqlite3.connect(path, isolation_level=isolation_level, **kwargs)
        conn.execute("PRAGMA synchronous = OFF")  # speed: the check never pulls the plug
        opened.append(conn)
        return conn

    setup = connect(None)
    setup.execute("CREATE TABLE items (name TEXT UNIQUE)")
    reader = connect(None, timeout=0)

    def rows():
        """the committed rows, as a second connection sees them"""
        return [name for (name,) in reader.execute("SELECT name FROM items ORDER BY rowid")]

    class DB:
        pass

    handle = DB()
    handle.path, handle.connect, handle.rows = path, connect, rows
    yield handle
    for conn in opened:
        conn.close()


def insert(conn, *names):
    for name in names:
        conn.execute("INSERT INTO items VALUES (?)", (name,))


def own_rows(conn):
    return [name for (name,) in conn.execute("SELECT name FROM items ORDER BY rowid")]


def test_is_a_generator_context_manager(db):
    """transaction is a generator function turned into a context manager by @contextlib.contextmanager"""
    conn = db.connect(None)
    manager = transaction(conn)
    assert type(manager).__name__ == "_GeneratorContextManager", (
        f"transaction(conn) should return the context manager that @contextlib.contextmanager makes, got "
        f"{type(manager).__name__}: decorate a generator function with it")
    assert inspect.isgeneratorfunction(inspect.unwrap(transaction)), "the function under the decorator should yield"
    with manager as got:
        assert got is conn, f"`with transaction(conn) as c` should give the connection itself, got {got!r}"


@pytest.mark.parametrize("isolation", ISOLATIONS, ids=MODE_IDS)
def test_commits_on_success(db, isolation):
    """a block that succeeds is committed; until then, other connections see none of it"""
    conn = db.connect(isolation)
    with transaction(conn):
        insert(conn, "book", "pen")
        seen = db.rows()
        assert seen == [], (f"inside the block, another connection should see no uncommitted rows, but saw {seen}: "
                            f"{'with isolation_level=None every statement commits on its own unless you BEGIN' if isolation is None else 'commit only when the block ends'}")
        assert own_rows(conn) == ["book", "pen"], "inside the block, the connection itself sees its own rows"
        assert conn.in_transaction, "inside the block, the connection should be in a transaction (BEGIN it yourself)"
    assert db.rows() == ["book", "pen"], f"after the block the rows should be committed, another connection sees {db.rows()}"
    assert not conn.in_transaction, "after the block, no transaction should be left open"


@pytest.mark.parametrize("isolation", ISOLATIONS, ids=MODE_IDS)
def test_rolls_back_and_reraises(db, isolation):
    """a block that raises is rolled back, and the same exception propagates"""
    conn = db.connect(isolation)
    error = Boom("payment declined")
    with pytest.raises(Boom) as info:
        with transaction(conn):
            insert(conn, "book", "pen")
            raise error
        pytest.fail("the block's exception should propagate out of the with statement: re-raise it "
                    "(a generator that catches it and does not raise again swallows it)")
    assert info.value is error, "the very same exception object should propagate (a bare `raise`)"
    assert db.rows() == [] and own_rows(conn) == [], (
        f"a failed block should leave nothing behind, but the table has {own_rows(conn)}"
        + (": with isolation_level=None, rollback() undoes nothing unless you began a transaction" if isolation is None
           else ""))
    assert not conn.in_transaction, "after a failed block, no transaction should be left open"


@pytest.mark.parametrize("isolation", [None, ""], ids=["autocommit", "default"])
def test_database_errors_roll_back_too(db, isolation):
    """an sqlite3 error in the block (a UNIQUE violation) undoes the block's earlier statements"""
    conn = db.connect(isolation)
    with transaction(conn):
        insert(conn, "book")
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(conn):
            insert(conn, "pen", "ink")
            insert(conn, "book")  # already there
    assert db.rows() == ["book"], f"the failed block's 'pen' and 'ink' should be undone, another connection sees {db.rows()}"
    assert not conn.in_transaction


@pytest.mark.parametrize("isolation", [None, ""], ids=["autocommit", "default"])
def test_base_exceptions_roll_back(db, isolation):
    """KeyboardInterrupt-like exceptions (BaseException, not Exception) roll back too"""
    conn = db.connect(isolation)
    with pytest.raises(Interrupt):
        with transaction(conn):
            insert(conn, "book")
            raise Interrupt()
    assert not conn.in_transaction, ("a KeyboardInterrupt is a BaseException, not an Exception: `except Exception` "
                                     "misses it and leaves the transaction open; catch BaseException (or use finally)")
    assert own_rows(conn) == [] and db.rows() == []


def test_connection_is_reusable(db):
    """transactions run one after another on the same connection, failures included"""
    conn = db.connect(None)
    for i in range(4):
        try:
            with transaction(conn):
                insert(conn, f"item{i}")
                if i % 2:
                    raise Boom(i)
        except Boom:
            pass
    assert db.rows() == ["item0", "item2"], f"items 1 and 3 failed; another connection sees {db.rows()}"


@pytest.mark.parametrize("isolation", ISOLATIONS, ids=MODE_IDS)
def test_nested_failure_undoes_only_the_inner_block(db, isolation):
    """an inner block that fails is undone alone; the outer block goes on and commits"""
    conn = db.connect(isolation)
    try:
        with transaction(conn):
            insert(conn, "outer-1")
            with pytest.raises(Boom):
                with transaction(conn):
                    insert(conn, "inner")
                    raise Boom("inner fails")
            assert own_rows(conn) == ["outer-1"], (
                f"after the inner block failed, only its own row should be undone; the connection sees {own_rows(conn)}")
            assert conn.in_transaction, "the outer transaction should still be open after the inner block failed"
            insert(conn, "outer-2")
    except sqlite3.OperationalError as exc:
        pytest.fail(f"nesting failed with OperationalError: {exc}. Inside a transaction, use SAVEPOINT name / "
                    "RELEASE name / ROLLBACK TO name instead of BEGIN, COMMIT and ROLLBACK")
    assert db.rows() == ["outer-1", "outer-2"], f"the outer block should commit its two rows, another connection sees {db.rows()}"
    assert not conn.in_transaction


@pytest.mark.parametrize("isolation", [None, ""], ids=["autocommit", "default"])
def test_nested_success_commits_with_the_outer_block(db, isolation):
    """a nested block that succeeds is committed only when the outermost block ends"""
    conn = db.connect(isolation)
    with transaction(conn):
        with transaction(conn, immediate=True):  # immediate means nothing for a nested block
            insert(conn, "inner")
        assert db.rows() == [], ("a nested block that succeeds must not commit: only the outermost level commits, "
                                 f"but another connection already sees {db.rows()}")
        assert conn.in_transaction, "the outer transaction should still be open after a nested block"
        insert(conn, "outer")
    assert db.rows() == ["inner", "outer"]


SAVEPOINT = re.compile(r'\s*SAVEPOINT\s+(["`\[]?)(\w+)', re.IGNORECASE)
RELEASE = re.compile(r'\s*RELEASE\s+(?:SAVEPOINT\s+)?(["`\[]?)(\w+)', re.IGNORECASE)


def test_every_savepoint_is_released(db):
    """each SAVEPOINT is RELEASEd, after success and after ROLLBACK TO alike"""
    conn = db.connect(None)
    statements = []
    conn.set_trace_callback(statements.append)  # sqlite3 reports every statement it runs
    with transaction(conn):
        with transaction(conn):
            insert(conn, "kept")
        for _ in range(2):
            try:
                with transaction(conn):
                    insert(conn, "undone")
                    raise Boom()
            except Boom:
                pass
    conn.set_trace_callback(None)
    opened = [m.group(2) for m in map(SAVEPOINT.match, statements) if m]
    released = [m.group(2) for m in map(RELEASE.match, statements) if m]
    assert len(opened) == 3, (f"three nested blocks should open three savepoints (SAVEPOINT name), the connection ran "
                              f"{statements}")
    assert len(set(opened)) == 3, f"give each savepoint its own name, got {opened}"
    missing = [name for name in opened if name not in released]
    assert not missing, (f"savepoint {missing[0]} was never released: ROLLBACK TO undoes the work but leaves the "
                         f"savepoint open on SQLite's stack; RELEASE it too, after success and after a rollback "
                         f"(statements run: {statements})")
    assert db.rows() == ["kept"]


def test_outer_failure_undoes_inner_work(db):
    """when the outer block fails, the nested blocks' work is undone with it"""
    conn = db.connect(None)
    with pytest.raises(Boom):
        with transaction(conn):
            with transaction(conn):
                insert(conn, "inner")
            insert(conn, "outer")
            raise Boom("outer fails")
    assert db.rows() == [] and own_rows(conn) == [], f"everything should be undone, the table has {own_rows(conn)}"
    assert not conn.in_transaction


def test_three_levels(db):
    """three levels deep, with failures caught at different levels"""
    conn = db.connect("")
    with transaction(conn):
        insert(conn, "a")
        with transaction(conn):
            insert(conn, "b")
            try:
                with transaction(conn):
                    insert(conn, "c")
                    raise Boom("c")
            except Boom:
                pass
            insert(conn, "d")
        try:
            with transaction(conn):
                insert(conn, "e")
                with transaction(conn):
                    insert(conn, "f")
                raise Boom("e")
        except Boom:
            pass
        with pytest.raises(sqlite3.IntegrityError):
            with transaction(conn):
                insert(conn, "g", "a")
        insert(conn, "h")
    assert db.rows() == ["a", "b", "d", "h"], (
        f"c failed, e failed (taking its nested f with it), g failed on a duplicate: a, b, d, h should be committed, "
        f"another connection sees {db.rows()}")


def test_inside_a_transaction_someone_else_began(db):
    """in a transaction the caller began, the block is a savepoint and the caller keeps the commit"""
    conn = db.connect("")
    insert(conn, "theirs")  # sqlite3's implicit BEGIN: conn is now in a transaction
    assert conn.in_transaction
    with pytest.raises(Boom):
        with transaction(conn):
            insert(conn, "mine")
            raise Boom()
    assert own_rows(conn) == ["theirs"], (f"a failed block inside the caller's transaction should undo only its own "
                                          f"row; the connection sees {own_rows(conn)}")
    assert conn.in_transaction, ("the transaction was the caller's: a failed block must not roll all of it back "
                                 "(ROLLBACK TO a savepoint, not ROLLBACK)")
    with transaction(conn):
        insert(conn, "mine too")
    assert conn.in_transaction and db.rows() == [], \
        "the block did not begin the transaction, so it must not commit it either: the caller commits"
    conn.commit()
    assert db.rows() == ["theirs", "mine too"]


def test_failed_commit_rolls_back(db):
    """when COMMIT fails (a deferred foreign key), the transaction is rolled back and the error propagates"""
    conn = db.connect(None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE lines (order_id INTEGER REFERENCES orders(id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(conn):
            insert(conn, "book")
            conn.execute("INSERT INTO lines VALUES (42)")  # no order 42: checked only at COMMIT
        pytest.fail("COMMIT fails on the dangling foreign key: that IntegrityError should propagate")
    assert not conn.in_transaction, ("after a failed COMMIT SQLite keeps the transaction open: roll it back, or the "
                                     "connection stays stuck inside it")
    assert own_rows(conn) == [] and db.rows() == []
    with transaction(conn):
        insert(conn, "pen")
    assert db.rows() == ["pen"], "after a failed commit, the next transaction should work normally"


def test_immediate_takes_the_write_lock(db):
    """immediate=True begins with BEGIN IMMEDIATE; the default is a deferred BEGIN"""
    conn = db.connect(None)
    other = db.connect(None, timeout=0)
    with transaction(conn, immediate=True):
        with pytest.raises(sqlite3.OperationalError):
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            pytest.fail("with immediate=True the block should hold the write lock from the start (BEGIN IMMEDIATE), "
                        "but another connection could begin writing")
        assert db.rows() == [], "BEGIN IMMEDIATE still lets others read"
    with transaction(conn):
        try:
            other.execute("BEGIN IMMEDIATE")  # a deferred BEGIN takes no lock until the first write
        except sqlite3.OperationalError:
            pytest.fail("by default the transaction should be deferred (plain BEGIN): it takes no lock until it "
                        "writes, but another connection could not begin writing")
        other.rollback()
        assert db.rows() == []


class Block:
    def __init__(self, ops, fails):
        self.ops, self.fails = ops, fails

    def __repr__(self):
        return f"Block({self.ops!r}, fails={self.fails})"


blocks = st.deferred(lambda: st.builds(Block, st.lists(st.just("insert") | blocks, max_size=3), st.booleans()))


def run_block(conn, block, numbers):
    with transaction(conn):
        for op in block.ops:
            if op == "insert":
                insert(conn, str(next(numbers)))
            else:
                try:
                    run_block(conn, op, numbers)
                except Boom:
                    pass
        if block.fails:
            raise Boom()


def kept(block, numbers):
    """the rows a block leaves committed, numbered in the order they are inserted"""
    out = []
    for op in block.ops:
        out += [str(next(numbers))] if op == "insert" else kept(op, numbers)
    return [] if block.fails else out


@settings(max_examples=40)
@given(root=blocks, isolation=st.sampled_from([None, ""]))
def test_nesting_property(tmp_path_factory, root, isolation):
    """random trees of nested blocks, some failing: what is committed matches a model"""
    path = tmp_path_factory.mktemp("nest") / "shop.db"
    conn = sqlite3.connect(path, isolation_level=isolation)
    reader = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("CREATE TABLE items (name TEXT UNIQUE)")
        conn.commit()
        try:
            run_block(conn, root, itertools.count())
        except Boom:
            pass
        want = kept(root, itertools.count())
        got = [name for (name,) in reader.execute("SELECT name FROM items ORDER BY rowid")]
        assert got == want, (f"for the nested blocks {root!r} (each 'insert' adds the next number; a block that fails "
                             f"raises at its end and its parent catches it), the committed rows should be {want}, "
                             f"got {got}")
        assert not conn.in_transaction, "after the outermost block, no transaction should be left open"
    finally:
        conn.close()
        reader.close()

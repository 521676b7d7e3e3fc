import collections
import contextlib
import multiprocessing
import os
import sys
import tracemalloc
from multiprocessing.connection import Connection

import pytest
from hypothesis import given, strategies as st

import parallel_file_stats as module
from parallel_file_stats import LogStats, combine, file_stats, parallel_stats, parse_line
from pyexercise.checklib import forbidden_uses

GOOD = [
    ('127.0.0.1 - frank [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326', ("/index.html", 200, 2326)),
    ('10.1.2.3 - - [10/Oct/2024:13:55:37 +0000] "POST /api/v1/items?x=1 HTTP/2" 201 17', ("/api/v1/items?x=1", 201, 17)),
    ('::1 - - [11/Oct/2024:00:00:00 +0200] "GET /favicon.ico HTTP/1.1" 404 -', ("/favicon.ico", 404, 0)),
    ('host.example ident bob [x] "HEAD / HTTP/1.0" 304 0', ("/", 304, 0)),
    ('1.1.1.1 - - [10/Oct/2024:13:55:36 +0000] "GET /caf\u00e9 HTTP/1.1" 500 99999999999', ("/caf\u00e9", 500, 99999999999)),
]
BAD = [
    "garbage",
    '127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html" 200 2326',  # no protocol
    '127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 2000 12',  # 4-digit status
    '127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 12kb',  # size not a number
    '127.0.0.1 - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200 1',  # user missing
    '127.0.0.1 - - 10/Oct/2024:13:55:36 "GET / HTTP/1.1" 200 1',  # no [ ]
    '127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200 1 extra',  # something after the size
    '127.0.0.1  - - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200 1',  # two spaces
    '127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200',  # no size
]


def write_log(path, lines, newline="\n"):
    path.write_bytes("".join(line + newline for line in lines).encode("utf-8"))
    return path


def stats_of(lines) -> LogStats:
    """What the check expects for these lines: built from the known answers above."""
    want = LogStats()
    for line in lines:
        if not line.strip():
            continue
        fields = dict(GOOD).get(line)
        if fields is None:
            want.bad_lines += 1
        else:
            want.requests += 1
            want.bytes_sent += fields[2]
            want.statuses[fields[1]] += 1
    return want


def same(got, want, what):
    assert type(got) is LogStats, f"{what} should be a LogStats, got {type(got).__name__}"
    assert got == want, f"{what} should be\n  {want}\ngot\n  {got}"
    assert all(type(k) is int for k in got.statuses), f"{what}: the statuses should be counted by int, got {got.statuses}"


# ---------------------------------------------------------------- one line, one file

@pytest.mark.parametrize("line, want", GOOD)
def test_parse_good_line(line, want):
    """a well-formed line gives (path, status, size) with ints"""
    for text in (line, line + "\n", line + "\r\n"):
        got = parse_line(text)
        assert got == want, f"parse_line({text!r}) should be {want!r}, got {got!r}"
        assert type(got) is tuple and type(got[1]) is int and type(got[2]) is int, (
            f"parse_line should return a tuple (str, int, int), got {got!r}")


@pytest.mark.parametrize("line", BAD)
def test_parse_bad_line(line):
    """anything that is not exactly the log format gives None"""
    got = parse_line(line)
    assert got is None, f"parse_line({line!r}) should be None (not a well-formed line), got {got!r}"


PART = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_characters='"[]',
                                 exclude_categories=("Cc", "Zs")), min_size=1, max_size=12)


@given(host=PART, user=PART, time_=st.text(st.characters(min_codepoint=32, max_codepoint=126, exclude_characters="]"),
                                           max_size=30),
       method=PART, path=PART, status=st.integers(100, 999), size=st.one_of(st.none(), st.integers(0, 10**12)))
def test_parse_any_well_formed_line(host, user, time_, method, path, status, size):
    """any line in the format parses to its own path, status and size"""
    line = f'{host} - {user} [{time_}] "{method} {path} HTTP/1.1" {status} {"-" if size is None else size}'
    got = parse_line(line)
    assert got == (path, status, size or 0), f"parse_line({line!r}) should be {(path, status, size or 0)!r}, got {got!r}"


def test_adding_stats():
    """LogStats + LogStats adds every field; combine adds many"""
    a = LogStats(3, 1, 100, collections.Counter({200: 2, 404: 1}))
    b = LogStats(2, 0, 50, collections.Counter({200: 1, 500: 1}))
    same(a + b, LogStats(5, 1, 150, collections.Counter({200: 3, 404: 1, 500: 1})), "a + b")
    assert a == LogStats(3, 1, 100, collections.Counter({200: 2, 404: 1})), "a + b must not change a"
    same(combine([a, b, a]), LogStats(8, 2, 250, collections.Counter({200: 5, 404: 2, 500: 1})), "combine([a, b, a])")
    same(combine([]), LogStats(), "combine([])")
    same(combine(iter([b])), b, "combine(iter([b]))")
    with pytest.raises(TypeError):
        a + 1
        pytest.fail("LogStats + 1 should raise TypeError: return NotImplemented from __add__ for other types")


def test_file_stats_counts_one_file(tmp_path):
    """file_stats counts requests, bad lines, bytes and statuses; blank lines are skipped"""
    lines = [GOOD[0][0], BAD[0], "", GOOD[2][0], "   ", GOOD[0][0], BAD[1], GOOD[4][0]]
    path = write_log(tmp_path / "access.log", lines)
    same(file_stats(path), stats_of(lines), "file_stats(access.log)")
    same(file_stats(str(path)), stats_of(lines), "file_stats(a str path)")
    crlf = write_log(tmp_path / "windows.log", lines, newline="\r\n")
    same(file_stats(crlf), stats_of(lines), "file_stats of a file with \\r\\n line ends")


def test_empty_file_and_bad_bytes(tmp_path):
    """an empty file gives all zeros; undecodable bytes do not stop the count"""
    same(file_stats(write_log(tmp_path / "empty.log", [])), LogStats(), "file_stats(an empty file)")
    raw = tmp_path / "raw.log"
    raw.write_bytes(GOOD[0][0].encode() + b"\n\xff\xfe broken\n" + GOOD[1][0].encode())  # no final newline
    same(file_stats(raw), LogStats(2, 1, 2343, collections.Counter({200: 1, 201: 1})),
         "file_stats of a file with invalid UTF-8 bytes and no final newline")


def test_file_stats_streams(tmp_path):
    """file_stats reads a line at a time: a 20 MB file needs well under 1 MB"""
    line = '10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /' + "p" * 20_000 + ' HTTP/1.1" 200 5'
    path = write_log(tmp_path / "big.log", [line] * 1000)
    tracemalloc.start()
    try:
        got = file_stats(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    same(got, LogStats(1000, 0, 5000, collections.Counter({200: 1000})), "file_stats(big.log)")
    assert peak < 1_000_000, (f"file_stats used {peak / 2**20:.1f} MB for a 20 MB file: read it line by line "
                              "(for line in fh), not with read() or readlines()")


def test_missing_file(tmp_path):
    """a missing file is a FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        file_stats(tmp_path / "nope.log")


# ---------------------------------------------------------------- the pool

NEVER_CALLED = ("file_stats was never called: each worker should call file_stats(path) for its path (the check "
                "watches which process calls it)")


@contextlib.contextmanager
def watching_file_stats(tmp_path):
    """Puts a recorder in front of the module's file_stats: every call appends "pid<TAB>path" to
    a file (worker processes inherit the recorder when the pool forks them)."""
    record = tmp_path / "calls.tsv"
    record.write_text("")
    real = module.file_stats

    def recorder(path):
        with open(record, "a") as fh:
            fh.write(f"{os.getpid()}\t{os.fspath(path)}\n")
        return real(path)

    recorder.__module__, recorder.__qualname__, recorder.__name__ = module.__name__, "file_stats", "file_stats"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, "file_stats", recorder)
        calls: list[tuple[int, str]] = []
        try:
            yield calls
        finally:
            for row in record.read_text().splitlines():
                pid, path = row.split("\t")
                calls.append((int(pid), path))


def test_parallel_equals_sequential(tmp_path):
    """parallel_stats gives every file's stats, keyed by path in input order"""
    files = []
    for i in range(6):
        lines = [GOOD[i % len(GOOD)][0], BAD[i % len(BAD)]] * (i + 1) + [GOOD[0][0]] * i
        files.append((write_log(tmp_path / f"f{i}.log", lines), lines))
    paths = [str(p) for p, _ in files]
    with watching_file_stats(tmp_path) as calls:
        got = parallel_stats(paths, processes=2)
    assert type(got) is dict, f"parallel_stats should return a dict, got {type(got).__name__}"
    assert list(got) == paths, f"the keys should be the paths as str, in the order given:\n{paths}\ngot\n{list(got)}"
    for (path, lines) in files:
        same(got[str(path)], stats_of(lines), f"parallel_stats(...)[{path.name!r}]")
    assert calls, NEVER_CALLED
    assert sorted(p for _, p in calls) == sorted(paths), (
        f"each path should go through file_stats exactly once, in a worker; the calls were {[p for _, p in calls]}")
    parent = os.getpid()
    assert all(pid != parent for pid, _ in calls), "file_stats ran in the parent process: let the pool's workers run it"
    assert multiprocessing.active_children() == [], "the pool's worker processes are still running: close the pool"


def test_path_objects_and_default_processes(tmp_path):
    """Path objects are fine (keys are their str), and processes=None means one worker per core"""
    a = write_log(tmp_path / "a.log", [GOOD[0][0]])
    b = write_log(tmp_path / "b.log", [GOOD[1][0], BAD[0]])
    got = parallel_stats(iter([a, b]))
    assert list(got) == [str(a), str(b)], f"keys should be str(path) in input order, got {list(got)}"
    same(got[str(b)], stats_of([GOOD[1][0], BAD[0]]), "parallel_stats(...)['b.log']")


class Forks:
    """Counts the processes this process forks while on (os.register_at_fork stays for good)."""

    def __init__(self) -> None:
        self.on, self.count = False, 0
        os.register_at_fork(before=self._before)

    def _before(self) -> None:
        if self.on:
            self.count += 1


def test_no_paths():
    """no paths: an empty dict, and no process started for nothing"""
    forks = Forks()
    forks.on = True
    try:
        got = parallel_stats([])
    finally:
        forks.on = False
    assert got == {} and type(got) is dict, f"parallel_stats([]) should be {{}}, got {got!r}"
    assert forks.count == 0, f"parallel_stats([]) started {forks.count} processes: with no paths, start no pool"


@pytest.mark.parametrize("processes", [0, -2])
def test_bad_processes(processes, tmp_path):
    """processes below 1 is a ValueError, even with nothing to do"""
    with pytest.raises(ValueError):
        parallel_stats([write_log(tmp_path / "a.log", [])], processes=processes)
    with pytest.raises(ValueError):
        parallel_stats([], processes=processes)
        pytest.fail(f"parallel_stats([], processes={processes}) should raise ValueError: check the arguments first")


def test_one_process(tmp_path):
    """processes=1 is one worker process"""
    paths = [write_log(tmp_path / f"{i}.log", [GOOD[i][0]] * (i + 1)) for i in range(3)]
    with watching_file_stats(tmp_path) as calls:
        got = parallel_stats(paths, processes=1)
    for i, path in enumerate(paths):
        same(got[str(path)], stats_of([GOOD[i][0]] * (i + 1)), f"parallel_stats(processes=1)[{path.name!r}]")
    assert len({pid for pid, _ in calls}) == 1 and os.getpid() not in {pid for pid, _ in calls}, (
        "with processes=1 a single worker process should count every file")


def test_missing_file_in_a_worker(tmp_path):
    """a missing file raises FileNotFoundError in the caller, and no worker is left running"""
    paths = [write_log(tmp_path / f"ok{i}.log", [GOOD[0][0]]) for i in range(3)] + [tmp_path / "missing.log"]
    with pytest.raises(FileNotFoundError):
        parallel_stats(paths, processes=2)
    assert multiprocessing.active_children() == [], "after the error the pool's workers should be gone"


def test_uses_pool_imap_unordered(tmp_path):
    """the work is spread with multiprocessing.Pool and imap_unordered"""
    parallel_stats([write_log(tmp_path / "a.log", [GOOD[0][0]])], processes=1)
    assert forbidden_uses(attributes=["imap_unordered"]), (
        "use pool.imap_unordered(...): it hands each worker one path at a time and gives you each result as soon "
        "as it is ready, whatever the order")
    assert forbidden_uses(names=["Pool"], attributes=["Pool"]), "use multiprocessing.Pool"


# ---------------------------------------------------------------- a big data set, watched

FILES, BLOCKS = 16, 80
BLOCK = [g for g, _ in GOOD] * 18 + BAD[:5] + [""]  # 96 lines, ~90 bytes each


class PipeBytes:
    """Counts the bytes this process (not the workers) sends to and receives from the pool's
    pipes: multiprocessing pickles every task and result through a Connection."""

    def __init__(self, mp: pytest.MonkeyPatch) -> None:
        self.sent = self.received = 0
        pid = os.getpid()
        real_send, real_recv = Connection._send_bytes, Connection._recv_bytes

        def send_bytes(conn, buf):
            if os.getpid() == pid:
                self.sent += memoryview(buf).nbytes
            return real_send(conn, buf)

        def recv_bytes(conn, maxsize=None):
            data = real_recv(conn, maxsize)
            if os.getpid() == pid:
                self.received += data.getbuffer().nbytes
            return data

        mp.setattr(Connection, "_send_bytes", send_bytes)
        mp.setattr(Connection, "_recv_bytes", recv_bytes)


class OpenedByParent:
    """An audit hook that records the files this process (not its forked workers) opens while on.
    Audit hooks stay for the life of the interpreter, so this one is installed once and switched."""

    def __init__(self) -> None:
        self.on = False
        self.pid = os.getpid()
        self.paths: list[str] = []
        sys.addaudithook(self.hook)

    def hook(self, event, args) -> None:
        if self.on and event == "open" and os.getpid() == self.pid and isinstance(args[0], (str, bytes, os.PathLike)):
            self.paths.append(os.fsdecode(args[0]))


@pytest.fixture(scope="module")
def big_run(tmp_path_factory):
    """16 log files of ~7,700 lines (about 11 MB in all), counted with processes=2 while the
    check watches who calls file_stats, the CPU time of parent and workers, the bytes the parent
    reads, and the parent's memory."""
    tmp = tmp_path_factory.mktemp("logs")
    files, want = [], {}
    block = stats_of(BLOCK)
    for i in range(FILES):
        # file i: the block 80 times, then i more requests for /api (201, 17 bytes) and i % 3 bad lines
        lines = BLOCK * BLOCKS + [GOOD[1][0]] * i + [BAD[-1]] * (i % 3)
        path = write_log(tmp / f"access-{i:02}.log", lines)
        files.append(str(path))
        want[str(path)] = LogStats(block.requests * BLOCKS + i, block.bad_lines * BLOCKS + i % 3,
                                   block.bytes_sent * BLOCKS + 17 * i,
                                   collections.Counter({k: v * BLOCKS for k, v in block.statuses.items()})
                                   + collections.Counter({201: i}))
    size = sum(os.path.getsize(p) for p in files)
    opened = OpenedByParent()
    with watching_file_stats(tmp) as calls, pytest.MonkeyPatch.context() as mp:
        pipes = PipeBytes(mp)
        before = os.times()
        opened.on = True
        try:
            got = parallel_stats(files, processes=2)
        finally:
            opened.on = False
        after = os.times()
    return dict(files=files, want=want, got=got, calls=calls, opened=opened.paths, size=size,
                sent=pipes.sent, received=pipes.received,
                parent_cpu=(after.user - before.user) + (after.system - before.system),
                children_cpu=(after.children_user - before.children_user)
                + (after.children_system - before.children_system))


def test_big_run_is_correct(big_run):
    """16 files counted in parallel give the same totals as counting them one by one"""
    got, want = big_run["got"], big_run["want"]
    assert list(got) == big_run["files"], "the keys should be the 16 paths in the order given"
    for path in big_run["files"]:
        same(got[path], want[path], f"parallel_stats(...)[{os.path.basename(path)!r}]")


def test_work_is_done_in_worker_processes(big_run):
    """file_stats runs in the pool's worker processes, each path once, on both workers"""
    calls = big_run["calls"]
    assert calls, NEVER_CALLED
    assert sorted(p for _, p in calls) == sorted(big_run["files"]), (
        "each of the 16 paths should go through file_stats exactly once")
    pids = {pid for pid, _ in calls}
    assert os.getpid() not in pids, "file_stats ran in the parent process: the pool's workers should run it"
    assert len(pids) <= 2, (f"file_stats ran in {len(pids)} different processes with processes=2: make one Pool "
                            "and send it all the paths, not a Pool (or Process) per file")
    assert len(pids) == 2, ("all 16 files were counted by one worker process: hand out one path at a time "
                            "(imap_unordered with the default chunksize=1) so both workers get some")


def test_parent_does_not_parse(big_run):
    """the parent's CPU time is a small part of the workers'"""
    parent, children = big_run["parent_cpu"], big_run["children_cpu"]
    assert children > 0.05, (f"the worker processes used only {children:.2f} s of CPU for 11 MB of logs: is the "
                             "parsing done in the parent? (and close the pool with `with`, so its workers are reaped)")
    assert parent < children / 3, (f"the parent used {parent:.2f} s of CPU and the workers {children:.2f} s: "
                                   "the parent should only hand out paths and add up small results")


def test_parent_reads_no_file(big_run):
    """the parent never reads the log files: only paths go to the workers"""
    logs = set(big_run["files"])
    opened = sorted({os.path.basename(p) for p in big_run["opened"] if os.path.realpath(p) in logs or p in logs})
    assert not opened, (f"the parent process opened {len(opened)} of the log files ({', '.join(opened[:3])}...): "
                        "send each worker just the path and let the worker open and read the file")


def test_only_small_results_travel(big_run):
    """what goes through the pool's pipes is paths and totals, never file contents or lines"""
    sent, received, size = big_run["sent"], big_run["received"], big_run["size"]
    assert sent < size / 50, (f"the parent sent {sent / 2**20:.1f} MB to the workers for {size / 2**20:.1f} MB of "
                              "logs: send each worker just a path")
    assert received < size / 50, (f"the workers sent {received / 2**20:.1f} MB back for {size / 2**20:.1f} MB of "
                                  "logs: return only a LogStats per file, not its lines or its text")

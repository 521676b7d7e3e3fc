import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import psutil
import pytest

from pyexercise.checklib import hammer, race_amplifier, target_module_name, target_path
from process_singleton import ProcessSingleton

# Each worker is a separate Python process that loads the file under test and obeys commands
# sent as JSON lines on its stdin. Replies come back on a pipe of the check's own, so whatever
# the learner's code prints cannot be mistaken for one.
DRIVER = r"""
import importlib.util, json, os, sys, threading
target, module, directory, fd = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
out = os.fdopen(fd, "w", buffering=1)
def reply(**kw):
    out.write(json.dumps(kw) + "\n")
try:
    spec = importlib.util.spec_from_file_location(module, target)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[module] = mod
    spec.loader.exec_module(mod)
except BaseException as exc:
    reply(error=f"{type(exc).__name__}: {exc}", kind=type(exc).__name__)
    raise SystemExit(1)

def in_threads(n, fn):
    results, errors, start = [], [], threading.Barrier(n)
    def work():
        try:
            start.wait()
            results.append(fn())
        except BaseException as exc:
            errors.append(exc)
    threads = [threading.Thread(target=work) for _ in range(n)]
    for t in threads: t.start()
    for t in threads: t.join()
    if errors:
        raise errors[0]
    return results

reply(ready=os.getpid())
single, closed = None, False
for line in sys.stdin:
    cmd = json.loads(line)
    op = cmd["op"]
    try:
        if single is None and op != "join":
            single = mod.ProcessSingleton.instance(directory)
        if op == "join":
            got = in_threads(8, lambda: mod.ProcessSingleton.instance(directory))
            single = got[0]
            reply(same=all(g is single for g in got), owner=single.is_owner())
        elif op == "add":
            got = in_threads(cmd["threads"], lambda: [single.add(1) for _ in range(cmd["times"])])
            reply(totals=[t for part in got for t in part])
        elif op == "total":
            reply(value=single.total())
        elif op == "owner_pid":
            reply(value=single.owner_pid(), owner=single.is_owner())
        elif op == "is_owner":
            reply(value=single.is_owner())
        elif op == "close":
            single.close()
            closed = True
            reply(closed=True)
        elif op == "exit":
            if not closed:
                single.close()
            reply(closed=True)
            break
    except BaseException as exc:
        reply(error=f"{type(exc).__name__}: {exc}", kind=type(exc).__name__)
"""


class Worker:
    """One worker process and its reply pipe."""

    def __init__(self, directory):
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(target_path()), target_module_name(), str(directory), str(write_fd)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_fd,),
            text=True)
        os.close(write_fd)
        self.pid = self.proc.pid
        self.replies: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(read_fd,), daemon=True).start()

    def _read(self, fd):
        with os.fdopen(fd) as pipe:
            for line in pipe:
                self.replies.put(json.loads(line))
        self.replies.put(None)

    def send(self, **cmd):
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()

    def reply(self, timeout=10.0, what="a reply"):
        try:
            got = self.replies.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"worker process {self.pid} gave no answer within {timeout:g} s to {what}: "
                        "is a call blocked forever (waiting for an owner that never comes)?", pytrace=False)
        if got is None:
            pytest.fail(f"worker process {self.pid} died while doing {what}", pytrace=False)
        if "error" in got:
            if got["kind"] == "NotImplementedError":
                raise NotImplementedError(got["error"])
            pytest.fail(f"in worker process {self.pid}, {what} raised {got['error']}", pytrace=False)
        return got

    def call(self, what, **cmd):
        self.send(**cmd)
        return self.reply(what=what)

    def family(self):
        """This process and everything it started."""
        try:
            me = psutil.Process(self.pid)
            return [me, *me.children(recursive=True)]
        except psutil.Error:
            return []

    def kill(self):
        with_children = self.family()
        self.proc.kill()
        self.proc.wait(5)
        return with_children


def raise_first(run, what):
    """Report the first exception the hammer's threads met, as a lesson."""
    if not run.errors:
        return
    exc = run.errors[0]
    if isinstance(exc, NotImplementedError):
        raise exc
    pytest.fail(f"{what} from 8 threads at once raised {type(exc).__name__}: {exc}. Is some state (the total, "
                "the saved file, the instance table) changed by several threads without a lock?", pytrace=False)


def alive(procs):
    found = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                found.append(p)
        except psutil.Error:
            pass
    return found


# ------------------------------------------------------------------------ in one process


def test_one_instance_per_process(tmp_path):
    """instance() from 8 threads at once gives every thread the very same object"""
    with race_amplifier():
        run = hammer(lambda: ProcessSingleton.instance(tmp_path), threads=8, calls=3)
    raise_first(run, "ProcessSingleton.instance(dir)")
    first = run.results[0]
    try:
        assert type(first) is ProcessSingleton, f"instance() should return a ProcessSingleton, got {first!r}"
        others = {id(r) for r in run.results}
        assert len(others) == 1, (f"8 threads calling instance() got {len(others)} different objects: "
                                  "check-then-create races; guard the creation with a lock")
        assert ProcessSingleton.instance(str(tmp_path)) is first, (
            "instance() of the same directory (as a str or a Path) must give the same object")
        assert first.is_owner() is True, "the only process using the directory must be its owner"
        got = first.owner_pid()
        assert got == os.getpid() and type(got) is int, f"owner_pid() should be this process's pid {os.getpid()}, got {got!r}"
        assert first.total() == 0, "a new singleton's total starts at 0"
        got = first.add(5)
        assert got == 5 and type(got) is int, f"add(5) should return the new total, the int 5; got {got!r}"
        assert first.add(-2) == 3, "add(-2) after add(5) should return 3"
        other_dir = tmp_path / "other"
        other_dir.mkdir()
        other = ProcessSingleton.instance(other_dir)
        try:
            assert other is not first, "a different directory is a different singleton"
            assert other.total() == 0, "another directory's singleton has its own total"
        finally:
            other.close()
    finally:
        first.close()


def test_add_rejects_non_ints(tmp_path):
    """add() takes an int: '3' and 2.5 are a TypeError and change nothing"""
    single = ProcessSingleton.instance(tmp_path)
    try:
        for bad in ("3", 2.5, None):
            with pytest.raises(TypeError):
                single.add(bad)
        assert single.total() == 0, "a rejected add() must not change the total"
    finally:
        single.close()


def test_state_survives_close(tmp_path):
    """the total is saved: after close(), the next owner starts where the last one stopped"""
    single = ProcessSingleton.instance(tmp_path)
    single.add(7)
    single.add(4)
    single.close()
    assert (tmp_path / "state.json").exists(), "the owner should save the state to DIR/state.json"
    again = ProcessSingleton.instance(tmp_path)
    try:
        assert again is not single, "after close(), instance() makes a new instance"
        got = again.total()
        assert got == 11, f"the next owner should load the saved total 11 from state.json, got {got!r}"
    finally:
        again.close()


def test_closed_instance_refuses_calls(tmp_path):
    """a closed instance raises RuntimeError, and is no longer the owner"""
    single = ProcessSingleton.instance(tmp_path)
    single.add(1)
    single.close()
    assert single.is_owner() is False, "after close() is_owner() should be False"
    for call in (lambda: single.add(1), single.total, single.owner_pid):
        with pytest.raises(RuntimeError):
            call()


def test_waits_politely_for_an_owner(tmp_path):
    """while another process holds the lock, instance() waits (without spinning) and wins it once free"""
    import fcntl

    holder = open(tmp_path / "owner.lock", "a+")  # an owner that is still starting up
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    got = {}

    def wait():
        try:
            got["single"] = ProcessSingleton.instance(tmp_path)
        except BaseException as exc:  # noqa: BLE001 - reported below
            got["error"] = exc

    waiter = threading.Thread(target=wait, daemon=True)
    cpu = time.process_time()
    waiter.start()
    time.sleep(0.6)
    spent = time.process_time() - cpu
    if "error" in got:
        raise got["error"]
    assert waiter.is_alive() and not got, (
        "instance() returned while another process held DIR/owner.lock and had published no owner.json: "
        "it should keep waiting for the owner (or for the lock)")
    holder.close()  # the "owner" dies before publishing: the lock is free
    waiter.join(2)
    if "error" in got:
        raise got["error"]
    assert "single" in got, "once the lock was free, instance() should have taken it within 2 s"
    single = got["single"]
    try:
        assert single.is_owner() is True, "the waiting process should become the owner once the lock is free"
        assert spent < 0.15, (f"waiting 0.6 s for an owner used {spent:.2f} s of CPU: sleep a little (20 ms) "
                             "between tries instead of spinning")
    finally:
        single.close()


def test_gives_up_when_no_owner_answers(tmp_path, monkeypatch):
    """a lock held by an owner that never publishes: TimeoutError after election_timeout seconds"""
    import fcntl

    assert ProcessSingleton.election_timeout == 10.0, "the class attribute election_timeout should be 10.0 (seconds)"
    monkeypatch.setattr(ProcessSingleton, "election_timeout", 0.4)
    holder = open(tmp_path / "owner.lock", "a+")
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    started = time.monotonic()
    try:
        with pytest.raises(TimeoutError):
            ProcessSingleton.instance(tmp_path)
    finally:
        holder.close()
    took = time.monotonic() - started
    assert 0.3 <= took <= 1.5, (f"with election_timeout = 0.4, instance() should give up after about 0.4 s, it took "
                                f"{took:.2f} s")


def test_threads_lose_no_updates(tmp_path):
    """8 threads adding at once: the total is exact and each add() returns a distinct new total"""
    single = ProcessSingleton.instance(tmp_path)
    try:
        with race_amplifier():
            run = hammer(lambda: single.add(1), threads=8, calls=40)
        raise_first(run, "add(1)")
        assert single.total() == 320, (f"8 threads x 40 add(1) should total 320, got {single.total()}: "
                                        "updates were lost; lock the read-add-save in the shared object")
        assert sorted(run.results) == list(range(1, 321)), (
            "each add() should return the total it produced, so 320 adds return 1 .. 320 once each; "
            "add and read the total under one lock")
    finally:
        single.close()


# --------------------------------------------------------------- six processes, one owner


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    directory = tmp_path_factory.mktemp("singleton")
    workers = [Worker(directory) for _ in range(6)]
    state = {"dir": directory, "workers": workers, "all": list(workers), "killed": []}
    try:
        for w in workers:
            w.reply(timeout=20, what="starting up")
        yield state
    finally:
        for w in state["all"]:
            if w.proc.poll() is None:
                w.proc.kill()
            w.proc.wait(5)
            with __import__("contextlib").suppress(OSError):
                w.proc.stdin.close()


def everyone(workers, what, **cmd):
    for w in workers:
        w.send(**cmd)
    return [w.reply(what=what) for w in workers]


def test_six_processes_elect_one_owner(cluster):
    """6 processes start at once: exactly one is the owner, and all agree which"""
    workers = cluster["workers"]
    joined = everyone(workers, "ProcessSingleton.instance(dir) from 8 threads", op="join")
    assert all(j["same"] for j in joined), "within each process, every thread must get the same instance"
    owners = [w.pid for w, j in zip(workers, joined) if j["owner"]]
    assert len(owners) == 1, (f"of 6 processes that started at once, {len(owners)} think they are the owner "
                              f"(pids {owners}): take an exclusive fcntl.flock(LOCK_EX | LOCK_NB); only one wins")
    said = everyone(workers, "owner_pid()", op="owner_pid")
    pids = {s["value"] for s in said}
    assert pids == set(owners), (f"every process should report the owner's pid {owners[0]} from owner_pid(), "
                                 f"they said {sorted(pids)}")
    try:
        published = json.loads((cluster["dir"] / "owner.json").read_text())
    except (OSError, ValueError) as exc:
        pytest.fail(f"the owner should publish its address as JSON in DIR/owner.json ({exc})", pytrace=False)
    assert published.get("pid") == owners[0], (
        f"owner.json should name the owner's pid {owners[0]} under \"pid\", it holds {published!r}")
    listening = [c.laddr for c in psutil.Process(owners[0]).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening, "the owner process should be listening for the other processes (its manager server)"
    assert all(addr.ip == "127.0.0.1" for addr in listening), (
        f"the owner's manager listens on {[f'{a.ip}:{a.port}' for a in listening]}: bind it to 127.0.0.1 "
        "only; other machines have no business calling it")
    assert published.get("port") in {a.port for a in listening}, (
        f"owner.json's \"port\" {published.get('port')!r} should be the port the owner listens on")


def the_owner(workers):
    """Ask every worker for owner_pid(): the one that says it is the owner (there must be one)."""
    said = everyone(workers, "owner_pid()", op="owner_pid")
    owner = next((w for w, s in zip(workers, said) if s["owner"]), None)
    assert owner is not None, f"one of the {len(workers)} processes should be the owner"
    return owner


def test_exact_total_across_processes(cluster):
    """6 processes x 3 threads adding at once: one shared total, exact, no update lost"""
    workers = cluster["workers"]
    results = everyone(workers, "add(1) from 3 threads, 25 times each", op="add", threads=3, times=25)
    totals = sorted(t for r in results for t in r["totals"])
    seen = everyone(workers, "total()", op="total")
    assert {s["value"] for s in seen} == {450}, (
        f"6 processes x 3 threads x 25 add(1) should give every process the total 450, they see "
        f"{sorted({s['value'] for s in seen})}: all processes must share one object, owned by one of them")
    assert totals == list(range(1, 451)), (
        "the 450 add() calls should have returned each total 1 .. 450 exactly once: adds from different "
        "processes raced (lock inside the shared object, which the manager serves from many threads)")


def test_owner_killed_another_takes_over(cluster):
    """the owner is SIGKILLed: another process owns the singleton within 1 s, with the total intact"""
    workers = cluster["workers"]
    owner = the_owner(workers)
    killed = owner.kill()
    cluster["killed"] = killed
    survivors = [w for w in workers if w is not owner]
    cluster["workers"] = survivors
    started = time.monotonic()
    for w in survivors:
        w.send(op="owner_pid")
    first = survivors[0].reply(what="owner_pid() after the owner was killed")
    took = time.monotonic() - started
    said = [first] + [w.reply(what="owner_pid() after the owner was killed") for w in survivors[1:]]
    assert took < 1.0, (f"a new owner took {took:.2f} s to answer after the old one died; it should take "
                        "under 1 s: a failed call means the owner is gone, so try the lock again at once")
    new_pids = {s["value"] for s in said}
    owners = [w.pid for w, s in zip(survivors, said) if s["owner"]]
    assert len(owners) == 1, f"after the takeover exactly one survivor should be the owner, {len(owners)} are"
    assert new_pids == set(owners), (f"every survivor should report the new owner {owners[0]}, they said "
                                     f"{sorted(new_pids)}")
    assert owner.pid not in new_pids, "the dead owner cannot still be the owner"
    seen = everyone(survivors, "total()", op="total")
    assert {s["value"] for s in seen} == {450}, (
        f"the new owner should start from the saved total 450, survivors see {sorted({s['value'] for s in seen})}: "
        "save the state on every change, and load it when you become the owner")
    time.sleep(0.2)
    left = alive(killed)
    assert not left, (f"the dead owner left {len(left)} process(es) running ({[p.pid for p in left]}): serve "
                      "the shared object from a thread of the owner process, so it dies with its owner")


def test_survivors_keep_counting(cluster):
    """after the takeover all survivors add to the same total again"""
    survivors = cluster["workers"]
    results = everyone(survivors, "add(1) from 2 threads, 20 times each", op="add", threads=2, times=20)
    totals = sorted(t for r in results for t in r["totals"])
    assert totals == list(range(451, 651)), (
        "5 survivors x 2 threads x 20 add(1) after the takeover should return 451 .. 650 once each")


def test_close_hands_over(cluster):
    """a closed non-owner changes nothing; a closed owner (still running) hands over to another process"""
    workers = cluster["workers"]
    owner = the_owner(workers)
    bystander = next(w for w in workers if w is not owner)
    bystander.call("close() in a process that is not the owner", op="close")
    rest = [w for w in workers if w is not bystander]
    said = everyone(rest, "owner_pid() after a non-owner closed", op="owner_pid")
    assert {s["value"] for s in said} == {owner.pid}, (
        f"closing a process that is not the owner must not change the owner {owner.pid}; the others now "
        f"report {sorted({s['value'] for s in said})}")
    assert everyone([owner], "add(1)", op="add", threads=1, times=1)[0]["totals"] == [651], (
        "after a non-owner's close() the owner should keep serving: add(1) should make the total 651")

    owner.call("close() in the owner", op="close")
    got = owner.call("is_owner() after close()", op="is_owner")["value"]
    assert got is False, "after close() the process is no longer the owner: is_owner() should be False"
    others = [w for w in rest if w is not owner]
    # each of the others meets the closed owner with a different first call
    first = others[0].call("total() after the owner closed", op="total")["value"]
    assert first == 651, f"after the owner's close() total() should still be 651 (from the new owner), got {first}"
    added = others[1].call("add(1) after the owner closed", op="add", threads=1, times=1)["totals"]
    assert added == [652], (f"add(1) after the owner's close() should reach the new owner and return 652, got "
                            f"{added}: a closed owner must refuse every call, so callers move on to the new one")
    third = others[2].call("total() after the owner closed", op="total")["value"]
    assert third == 652, (f"total() should be 652 for every process after the handover, got {third}: a closed "
                          "owner must refuse every call, so callers move on to the new one")
    said = everyone(others, "owner_pid() after the owner closed", op="owner_pid")
    owners = [w.pid for w, s in zip(others, said) if s["owner"]]
    reported = sorted({s["value"] for s in said})
    assert owner.pid not in reported, (
        f"the closed owner {owner.pid} is still running but has closed: calls must not be answered by it any "
        "more (a closed owner should refuse calls, so connected clients look for the next owner)")
    assert len(owners) == 1 and reported == owners, (
        f"after the owner's close() exactly one of the 3 others should own the singleton, and all should say so; "
        f"owners: {owners}, reported: {reported}")
    seen = everyone(others, "total()", op="total")
    assert {s["value"] for s in seen} == {652}, (
        f"the total should be 652 after the handover, processes see {sorted({s['value'] for s in seen})}")


def test_nothing_left_running(cluster):
    """every process exits normally, and leaves no process behind"""
    workers = [w for w in cluster["all"] if w.proc.poll() is None]
    family = [p for w in workers for p in w.family()]
    everyone(workers, "close() before the process exits", op="exit")
    for w in workers:
        try:
            w.proc.wait(5)
        except subprocess.TimeoutExpired:
            pytest.fail(f"worker {w.pid} did not exit within 5 s of the end of its main code: is a non-daemon "
                        "thread (the manager's server?) still running?", pytrace=False)
    time.sleep(0.1)
    left = alive(family + cluster["killed"])
    assert not left, f"{len(left)} process(es) were left running after every worker closed: {[p.pid for p in left]}"

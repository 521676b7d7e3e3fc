"""One shared object for every process on the machine: a singleton that survives its owner."""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import threading
import time
from multiprocessing.managers import BaseManager
from pathlib import Path

#: the errors a proxy raises when the process at the other end is gone
OWNER_GONE = (EOFError, ConnectionError, OSError)


class Tally:
    """The shared object itself. Only the owner process holds one; everyone else holds a proxy.

    The manager serves every client connection from a thread of its own, so the lock is what
    keeps concurrent ``add`` calls (from any process) from losing updates.
    """

    def __init__(self, state_file: Path) -> None:
        self._lock = threading.Lock()
        self._state_file = state_file
        self._retired = False
        try:
            self._total = json.loads(state_file.read_text())["total"]
        except FileNotFoundError:
            self._total = 0

    def add(self, amount: int) -> int:
        with self._lock:
            self._check_serving()
            self._total += amount
            self._save()
            return self._total

    def total(self) -> int:
        with self._lock:
            self._check_serving()
            return self._total

    def owner_pid(self) -> int:
        with self._lock:
            self._check_serving()
            return os.getpid()

    def retire(self) -> None:
        """Refuse every later call: clients still connected must move to the next owner."""
        with self._lock:
            self._retired = True

    def _check_serving(self) -> None:
        if self._retired:
            # a ConnectionError travels back through the proxy: the client re-elects, as if we died
            raise ConnectionAbortedError("this owner has resigned")

    def _save(self) -> None:
        # write-then-rename: a crash mid-write leaves the previous state, never half a file
        tmp = self._state_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"total": self._total}))
        os.replace(tmp, self._state_file)


class _Client(BaseManager):
    """Connects to the owner's manager; ``get_tally()`` returns a proxy of the one Tally."""


_Client.register("get_tally")


class ProcessSingleton:
    """Per directory, one instance in each process, and one Tally behind all of them."""

    #: seconds to wait for an owner (the lock's holder publishing owner.json) before giving up
    election_timeout = 10.0

    _instances: dict[str, ProcessSingleton] = {}
    _instances_lock = threading.Lock()

    @classmethod
    def instance(cls, directory: str | os.PathLike) -> ProcessSingleton:
        key = os.path.realpath(directory)
        # one lock around check-and-create: two threads can never both build an instance
        with cls._instances_lock:
            found = cls._instances.get(key)
            if found is None:
                found = cls._instances[key] = cls(Path(key))
            return found

    def __init__(self, directory: Path) -> None:
        self._dir = directory
        self._lock = threading.Lock()  # one election at a time within this process
        self._lock_file = open(directory / "owner.lock", "a+")  # noqa: SIM115 - held for life
        self._owner = False
        # self._tally: the object itself (owner) or a proxy of it (everyone else), set by _elect
        with self._lock:
            self._elect()

    # -- the election ---------------------------------------------------------------------------

    def _elect(self) -> None:
        """Become the owner if the lock is free, else connect to whoever holds it."""
        deadline = time.monotonic() + self.election_timeout
        while True:
            try:
                # the kernel drops a flock when its holder dies, however it dies: that is the
                # whole failure detector
                fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self._connect():
                    return
            else:
                self._become_owner()
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"no owner of {self._dir} answered within {self.election_timeout:g} s")
            time.sleep(0.02)

    def _become_owner(self) -> None:
        tally = Tally(self._dir / "state.json")  # starts from the last saved state

        class Server(BaseManager):
            pass

        Server.register("get_tally", callable=lambda: tally)
        authkey = secrets.token_bytes()
        server = Server(address=("127.0.0.1", 0), authkey=authkey).get_server()
        # served from a thread of this process, so the object dies with its owner
        threading.Thread(target=server.serve_forever, daemon=True).start()
        address = {"pid": os.getpid(), "port": server.address[1], "authkey": authkey.hex()}
        tmp = self._dir / f"owner.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(address))
        os.replace(tmp, self._dir / "owner.json")  # published only once it is listening
        self._tally, self._owner = tally, True

    def _connect(self) -> bool:
        """Connect to the owner named in owner.json; False if it is not there (yet, or any more)."""
        try:
            address = json.loads((self._dir / "owner.json").read_text())
            client = _Client(address=("127.0.0.1", address["port"]), authkey=bytes.fromhex(address["authkey"]))
            client.connect()
            self._tally = client.get_tally()
            return True
        except (FileNotFoundError, ValueError, KeyError, *OWNER_GONE):
            return False  # no owner yet, a stale file, or an owner that just died

    def _call(self, method: str, *args):
        """Call the Tally; if its owner has gone, re-elect (maybe becoming the owner) and retry."""
        while True:
            tally = self._tally
            if tally is None:
                raise RuntimeError("this ProcessSingleton is closed")
            try:
                return getattr(tally, method)(*args)
            except OWNER_GONE:
                if self._owner:
                    raise  # the owner calls the object itself: an OSError there is a real error
                with self._lock:
                    if self._tally is tally:  # no other thread has re-elected meanwhile
                        self._elect()  # raises TimeoutError if no owner turns up

    # -- the public API -------------------------------------------------------------------------

    def add(self, amount: int) -> int:
        if type(amount) is not int:
            raise TypeError(f"amount must be an int, not {type(amount).__name__}")
        return self._call("add", amount)

    def total(self) -> int:
        return self._call("total")

    def owner_pid(self) -> int:
        return self._call("owner_pid")

    def is_owner(self) -> bool:
        return self._owner

    def close(self) -> None:
        with self._lock:
            if self._owner:
                # the state is saved already; from now on every call (on a connection open now or
                # later) is refused, which sends the caller on to the next owner. The server thread
                # itself is a daemon and ends with the process.
                self._tally.retire()
            self._owner = False
            self._tally = None
            self._lock_file.close()  # closing the file releases the flock: the next owner can go
        with ProcessSingleton._instances_lock:
            ProcessSingleton._instances.pop(str(self._dir), None)

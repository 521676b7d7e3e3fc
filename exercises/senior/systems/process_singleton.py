"""One shared object for every process on the machine: a singleton that survives its owner.

A classic singleton (one instance per class) only works inside one process. Here every process
that calls ``ProcessSingleton.instance(directory)`` must end up using the same running total,
whichever process it is and whenever it started:

    # in process A                                  # in process B, at the same time
    >>> s = ProcessSingleton.instance("/tmp/tally")  >>> s = ProcessSingleton.instance("/tmp/tally")
    >>> s.is_owner(), s.add(5)                       >>> s.is_owner(), s.add(2)
    (True, 5)                                        (False, 7)
    >>> s.owner_pid() == os.getpid()                 >>> s.owner_pid()      # A's pid
    True                                             4242

How (the design this task asks for):
- Owner election by the operating system: every process opens ``DIR/owner.lock`` and tries
  ``fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)``. Exactly one succeeds: the owner. The kernel
  releases the lock when its holder dies, however it dies (even SIGKILL), so a crashed owner's lock
  is free for the next one at once.
- The owner holds the one real object and serves it with a ``multiprocessing.managers.BaseManager``
  server listening on 127.0.0.1 (port 0: any free port) in a *thread* of its own process, so the
  object dies with its owner and leaves no process behind. It then publishes how to reach it
  (pid, port, authkey) in ``DIR/owner.json``, written to a temporary file and ``os.replace``d.
- Every other process connects to that manager and calls the object through a proxy.
- When a call fails because the owner has gone (EOFError, ConnectionError, OSError), the caller
  runs the election again: it becomes the owner or connects to the new one, then retries the
  call. A new owner is found and answering within 1 s of the old one's death.
- A process that cannot win the lock waits for the owner politely (try again every 20 ms or so,
  not in a busy loop), and gives up with ``TimeoutError`` after ``election_timeout`` seconds (a
  class attribute, 10.0) if no owner answers.

The rules:
- ``instance(directory)`` returns the same object to every thread of a process (for the same
  directory, given as a str or a Path); many threads calling it at once still get just one.
  Different directories are different singletons.
- ``add(amount)`` adds an int (TypeError for anything else, changing nothing) and returns the new
  total; ``total()`` reads it. Every process and thread may call them at once: no update is
  lost, and each ``add`` returns the total it produced (add and read under one lock — the
  manager serves each connection from its own thread, so the shared object needs one).
- The shared state survives its owner: the owner saves it to ``DIR/state.json`` on every change
  (write a temporary file, then ``os.replace``), and a new owner starts from that file. A total
  starts at 0.
- ``is_owner()`` is True in the owner process only; ``owner_pid()`` is the pid of the process
  that holds the object, as every process sees it.
- ``close()`` (called when a process is done with it) releases ownership: a closed owner stops
  serving, and the next call from another process finds a new owner. ``instance()`` after
  ``close()`` makes a new instance.
"""

from __future__ import annotations

import os
from pathlib import Path


class ProcessSingleton:
    """Per directory: one instance in each process, and one shared total behind all of them."""

    #: seconds to wait for an owner (the lock's holder publishing owner.json) before giving up
    election_timeout = 10.0

    @classmethod
    def instance(cls, directory: str | os.PathLike) -> "ProcessSingleton":
        """This process's one instance for ``directory`` (created, and elected or connected, on first use)."""
        raise NotImplementedError

    def add(self, amount: int) -> int:
        """Add ``amount`` to the shared total and return the new total."""
        raise NotImplementedError

    def total(self) -> int:
        """The shared total."""
        raise NotImplementedError

    def owner_pid(self) -> int:
        """The pid of the process that holds the shared object."""
        raise NotImplementedError

    def is_owner(self) -> bool:
        """True if this process holds the lock and the object."""
        raise NotImplementedError

    def close(self) -> None:
        """Stop using the singleton; an owner stops serving and releases the lock."""
        raise NotImplementedError

"""Isolation a check child applies to itself before the learner's code runs (Linux).

Learner code runs in the same interpreter as pytest, so what it must not reach is taken out of its
world rather than guarded in-process:

- a private mount namespace in which the workspace's ``solutions/``, ``checks/``, ``exercises/``
  and ``.pyex/``, the package's curriculum data and the other runs' directories are empty
  read-only tmpfs mounts (root: a plain mount namespace; otherwise: inside an unprivileged user
  namespace);
- when pyex runs as root, an unprivileged uid, so the child can neither write the workspace, nor
  signal, trace or read pyex and its worker;
- ``PR_SET_NO_NEW_PRIVS``, so nothing it executes gains privileges.

pyex itself is made non-dumpable (``make_untraceable``), so a same-uid child cannot ptrace it or
read its memory, file descriptors or mount namespace through ``/proc``. Which of these a machine
allows is probed once per session (``probe``); a run never silently gets less than the probe said.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass

from pyexercise.runner.protocol import SandboxSpec

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38
NOBODY = 65534


class SandboxError(OSError):
    pass


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise SandboxError(err, f"{what}: {os.strerror(err)}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


def make_untraceable() -> bool:
    """pyex's own processes: no ptrace, no /proc/PID/{mem,fd,root,environ} for same-uid processes."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(sig: int = 9) -> None:
    """The kernel sends ``sig`` when the parent goes away (cleared by a uid change: call after)."""
    if sys.platform.startswith("linux"):
        try:
            _libc().prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def parent_death_preexec(sig: int):
    """A ``preexec_fn`` that makes a started program (redis-server, pyex's keeper) get ``sig`` when
    the thread that started it ends (Linux); the libc function is resolved before any fork."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = _libc().prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)


def enter(spec: SandboxSpec, keep: str) -> None:
    """Isolate this (single-threaded) process as ``spec`` says; ``keep`` is this run's own directory,
    which stays visible even where a hidden directory contains it. Raises SandboxError."""
    if not sys.platform.startswith("linux"):
        return
    libc = _libc()
    if spec.hide:
        uid, gid = os.getuid(), os.getgid()
        if spec.user_namespace:
            _check(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare(user, mount)")
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
        else:
            _check(libc.unshare(CLONE_NEWNS), "unshare(mount)")
        _check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-rprivate /")
        keep_fd = os.open(keep, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for directory in spec.hide:
                _hide(libc, directory, keep, keep_fd)
        finally:
            os.close(keep_fd)
    if spec.uid is not None:
        if spec.expose:
            if not spec.hide:  # exposing needs a mount namespace of our own too
                _check(libc.unshare(CLONE_NEWNS), "unshare(mount)")
                _check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-rprivate /")
            _expose(libc, spec.expose)
        gid = spec.gid if spec.gid is not None else spec.uid
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(spec.uid, spec.uid, spec.uid)  # also makes us non-dumpable: other checks can't trace us
    else:
        # same uid as pyex: stay readable (pyex measures private memory through /proc/PID/smaps);
        # a sibling check could then trace this one, which only a separate uid (root) prevents
        libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")


def _closed(directory: str) -> bool:
    """Others may not pass through ``directory`` (no o+x): a dropped uid could not reach below it."""
    try:
        return not os.stat(directory).st_mode & 0o001
    except OSError:
        return False


def _expose(libc, paths: tuple[str, ...]) -> None:
    """Make each of ``paths`` reachable by any uid without opening up anything else: a directory
    others may not pass through (``/root``, mode 700, holding pyenv's Python) is covered, in this
    mount namespace only, by an empty tmpfs that others may pass through, into which just the needed
    entries are bound back. Outer directories first, so each step sees the result of the last."""
    wanted: dict[str, set[str]] = {}
    for path in paths:
        parts = os.path.realpath(path).split("/")[1:]
        for depth in range(len(parts)):
            directory = "/" + "/".join(parts[:depth])
            wanted.setdefault(directory, set()).add(parts[depth])
    for directory in sorted(wanted, key=lambda d: d.count("/") if d != "/" else 0):
        if directory == "/" or not _closed(directory):
            continue
        entries = sorted(e for e in wanted[directory] if os.path.lexists(os.path.join(directory, e)))
        fds = {e: os.open(os.path.join(directory, e), os.O_PATH) for e in entries}
        try:
            _check(libc.mount(b"tmpfs", directory.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=64k,mode=0755"),
                   f"mount tmpfs on {directory}")
            for entry, fd in fds.items():
                target = os.path.join(directory, entry)
                if os.path.isdir(f"/proc/self/fd/{fd}"):
                    os.mkdir(target)
                else:
                    open(target, "w").close()
                _check(libc.mount(f"/proc/self/fd/{fd}".encode(), target.encode(), None, MS_BIND | MS_REC, None),
                       f"bind {target}")
            _check(libc.mount(b"none", directory.encode(), None, MS_REMOUNT | MS_BIND | MS_RDONLY, None),
                   f"remount {directory} read-only")
        finally:
            for fd in fds.values():
                os.close(fd)


def _hide(libc, directory: str, keep: str, keep_fd: int) -> None:
    if not os.path.isdir(directory):
        return
    inside = keep.startswith(directory.rstrip("/") + "/")
    flags = MS_NOSUID | MS_NODEV | MS_NOEXEC | (0 if inside else MS_RDONLY)
    _check(libc.mount(b"tmpfs", directory.encode(), b"tmpfs", flags, b"size=64k,mode=0755"),
           f"mount tmpfs on {directory}")
    if inside:  # bring our own run directory back, at the same path, from the fd opened before
        os.makedirs(keep, exist_ok=True)
        _check(libc.mount(f"/proc/self/fd/{keep_fd}".encode(), keep.encode(), None, MS_BIND | MS_REC, None),
               f"bind {keep}")


@dataclass(frozen=True)
class Capabilities:
    """What this machine lets pyex do to isolate a check (probed once)."""

    namespaces: bool = False
    user_namespace: bool = False  # the namespaces need one (pyex is not root)
    uid: int | None = None  # the uid checks drop to (pyex is root)
    untraceable: bool = False
    reason: str = ""  # why something is missing

    def describe(self) -> str:
        parts = []
        if self.namespaces:
            parts.append("hidden solutions and checks (private mount namespace"
                         + (" in a user namespace)" if self.user_namespace else ")"))
        if self.uid is not None:
            parts.append(f"checks run as uid {self.uid}")
        if self.untraceable:
            parts.append("pyex not traceable by checks")
        if not parts:
            return "in-process guards only" + (f" ({self.reason})" if self.reason else "")
        return ", ".join(parts) + (f"; not available: {self.reason}" if self.reason else "")


def probe(readable: list[str]) -> Capabilities:
    """Fork children that try each layer for real (a directory hidden, one inside it kept, the uid
    dropped); ``readable`` are paths a check must still be able to read as the dropped uid (the
    interpreter's own files)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return Capabilities(reason="not Linux")
    if os.environ.get("PYEX_SANDBOX") == "0":
        return Capabilities(untraceable=True, reason="turned off by PYEX_SANDBOX=0")
    import shutil
    import tempfile

    root = os.geteuid() == 0
    base = tempfile.mkdtemp(prefix="pyex-probe-")
    keep = os.path.join(base, "keep")
    os.mkdir(keep)
    os.chmod(base, 0o755)
    try:
        ns = _try(SandboxSpec(hide=(base,), user_namespace=not root), keep, [])
        uid = _try(SandboxSpec(hide=(base,) if not ns else (), uid=NOBODY, expose=tuple(readable)), keep,
                   readable) if root else "not root"
    finally:
        shutil.rmtree(base, ignore_errors=True)
    reasons = [f"namespaces: {ns}"] if ns else []
    if root and uid:
        reasons.append(f"a separate uid: {uid}")
    return Capabilities(namespaces=not ns, user_namespace=not ns and not root,
                        uid=NOBODY if root and not uid else None, untraceable=True, reason="; ".join(reasons))


def _try(spec: SandboxSpec, keep: str, readable: list[str]) -> str:
    """"" if ``spec`` works here, else why not."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked probe
        os.close(r)
        message = b""
        try:
            enter(spec, keep)
            if spec.hide and (not os.path.isdir(keep) or len(os.listdir(os.path.dirname(keep))) != 1):
                message = b"the hidden directory is still visible"
            for path in readable:
                if not os.access(path, os.R_OK):
                    message = f"{path} is not readable by uid {os.getuid()}".encode()
                    break
        except (OSError, ValueError) as exc:
            message = str(exc).encode() or b"failed"
        os.write(w, message[:500])
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as pipe:
        out = pipe.read()
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")

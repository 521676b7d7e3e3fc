"""Saves in the exercises folder, as watchdog reports them (inotify, or polling where events never
arrive: WSL on /mnt, network mounts, some containers)."""

from __future__ import annotations

import os
import queue
from pathlib import Path

from pyexercise.watch.events import FileSaved

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "fuse.sshfs", "vboxsf", "drvfs", "fuse.osxfs",
              "virtiofs", "fuse.grpcfuse", "prl_fs", "vmhgfs", "fuse.vmhgfs-fuse"}


def needs_polling(path: Path) -> bool:
    """True where inotify-style events are known not to arrive: WSL on /mnt, network mounts."""
    try:
        resolved = str(path.resolve())
        if "microsoft" in Path("/proc/version").read_text().lower() and resolved.startswith("/mnt/"):
            return True
        best, fstype = "", ""
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 3 and resolved.startswith(parts[1].rstrip("/") + "/") and len(parts[1]) > len(best):
                best, fstype = parts[1], parts[2]
        return fstype in NETWORK_FS
    except OSError:
        return False


def start_observer(root: Path, events: queue.Queue, poll: bool):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            for attr in ("src_path", "dest_path"):
                value = getattr(event, attr, "")
                if value:
                    events.put(FileSaved(Path(os.fsdecode(value))))

    watched = root / "exercises"
    if not poll:
        try:
            observer = Observer()
            observer.schedule(Handler(), str(watched), recursive=True)
            observer.start()
            return observer, "events"
        except OSError:
            pass  # e.g. the inotify watch limit is reached: polling still works
    observer = PollingObserver(timeout=0.25)
    observer.schedule(Handler(), str(watched), recursive=True)
    observer.start()
    return observer, "polling"

"""Temporary files beside their target, named after the process that writes them.

A file is written under a temporary name and renamed when complete, so a
reader never sees half of it. A process killed with SIGKILL cannot remove its
temporary file; because the name carries the writer's process id, the next
run can tell a leftover (its process is gone) from a file another running
process is still writing, and remove only the leftover. The names are hidden
(a leading dot), so a folder ingest never takes one for a report.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# .<target name>.<pid>-<random>.tmp, as made by open_temporary
_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]+\.tmp$")


def open_temporary(target: Path) -> tuple[int, Path]:
    """(file descriptor, path) of a new temporary file beside ``target``, readable as a plain
    file would be (the umask's mode, not mkstemp's 0600: it becomes the user's export)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    return fd, Path(name)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (one of another user counts too)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path, *, target: str | None = None) -> list[Path]:
    """Remove the temporary files in ``folder`` left by processes that no longer run.

    ``target`` limits it to the temporaries of one file name. Returns what was
    removed; a folder that cannot be listed, or a file that cannot be removed,
    is left alone (the caller's own write will say what is wrong).
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY.match(name)
        if match is None or (target is not None and match["target"] != target):
            continue
        if process_alive(int(match["pid"])):
            continue
        path = folder / name
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed

"""Captures of bytes already at hand: files, directories, standard input, attachments."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from io import BufferedReader
from pathlib import Path
from typing import Unpack

from factfinder.capture.checks import Limits, readable_error
from factfinder.capture.common import Capture, HttpFields, display_name, failed, make_capture
from factfinder.values.mapped import MAP_MIN_BYTES, as_bytes, map_file
from factfinder.capture.sniff import IMAGE_TYPES, PDF, magic_type, sniff


def capture_bytes(data: bytes, *, origin: str, name: str | None = None, parent: str | None = None,
                  declared: str | None = None, limits: Limits = Limits(), **http: Unpack[HttpFields]) -> Capture:
    """Sniff the media type of ``data`` and check it can be read; never raises.

    ``name`` is the file name or URL used as a hint and in messages;
    ``declared`` is an HTTP Content-Type; ``http`` passes the HTTP fields
    (http_status, http_headers, request_headers) through to the Source.
    """
    name = name or display_name(origin)
    media_type, label = sniff(data, name=name, declared=declared)
    error = readable_error(data, media_type=media_type, label=label, name=display_name(name), limits=limits)
    return make_capture(data, origin=origin, media_type=media_type, error=error, parent=parent, **http)


def capture_path(path: Path, *, parent: str | None = None, limits: Limits = Limits()) -> Capture:
    """One local file; a missing, unreadable, special or oversized file becomes an error capture."""
    origin = str(path.absolute())
    name = path.name or str(path)
    try:
        info = os.stat(path)  # before opening: opening a named pipe blocks until someone writes to it
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # a pipe would block for ever, /dev/zero would fill the memory
            return failed(origin, f"cannot read {path}: it is a {_kind(info.st_mode)}, not a file; copy "
                          "what it holds into a file and ingest that", parent=parent)
        if info.st_size > limits.file_max_bytes:
            return failed(origin, f"cannot read {path}: it is {info.st_size / 1_000_000:.1f} MB, more than "
                          f"the file_max_bytes setting ({limits.file_max_bytes / 1_000_000:.1f} MB); "
                          "split it, or raise file_max_bytes", parent=parent)
        with path.open("rb") as fh:
            data = _mapped_scan(fh, info.st_size) or fh.read(limits.file_max_bytes + 1)  # a file that grew
        if len(data) > limits.file_max_bytes:  # since: read no more than allowed
            return failed(origin, f"cannot read {path}: it grew past the file_max_bytes setting while being "
                          "read; ingest it again once it is complete", parent=parent)
    except FileNotFoundError:
        return failed(origin, f"cannot read {path}: no such file or directory; check the path and "
                      "ingest again", parent=parent)
    except PermissionError:
        return failed(origin, f"cannot read {path}: permission denied; make it readable (chmod) and "
                      "ingest again", parent=parent)
    except IsADirectoryError:
        return failed(origin, f"cannot read {path}: it is a directory", parent=parent)
    except OSError as exc:
        return failed(origin, f"cannot read {path}: {exc.strerror or exc}; check the file and "
                      "ingest again", parent=parent)
    return capture_bytes(data, origin=origin, name=name, parent=parent, limits=limits)


def _mapped_scan(fh: BufferedReader, size: int) -> bytes | None:
    """A large PDF or image mapped instead of read (values/mapped.py), else None: the file is read.

    A long scan is read page by page by OCR for minutes; mapped, its bytes are not
    held in memory meanwhile. Other large files (a text dump, an e-mail with
    attachments) are read as bytes, as their readers expect.
    """
    if size < MAP_MIN_BYTES:
        return None
    found = magic_type(fh.peek(1024)[:1024])
    if found is None or (found[0] != PDF and found[0] not in IMAGE_TYPES):
        return None
    try:
        return as_bytes(map_file(fh, size))
    except (OSError, ValueError):  # cut short since it was looked at: read what there is
        return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def walk_files(directory: Path, *, errors: list[OSError] | None = None) -> Iterator[Path]:
    """Every file under ``directory``, recursively, in sorted order, hidden ones skipped.

    Sorted so that two runs over the same folder ingest in the same order;
    hidden files (.DS_Store, .git) are never reports. Linked folders are
    followed (a shared drive mounted by a link), each real folder once: a link
    back to a folder already being read is a loop, reported with ELOOP instead
    of walked for ever. Folders that cannot be listed, and loops, are appended
    to ``errors`` so the caller can report them.
    """
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(directory, onerror=errors.append if errors is not None else None,
                                     followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            if errors is not None:
                errors.append(OSError(errno.ELOOP, "it links back to a folder already being read", root))
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def capture_stdin(data: bytes) -> Capture:
    return capture_bytes(data, origin="<stdin>", name="standard input")

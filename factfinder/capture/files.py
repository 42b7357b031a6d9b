"""Captures of bytes already at hand: files, directories, standard input, attachments."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from factfinder.capture.checks import readable_error
from factfinder.capture.common import Capture, display_name, failed, make_capture
from factfinder.capture.sniff import sniff


def capture_bytes(data: bytes, *, origin: str, name: str | None = None, parent: str | None = None,
                  declared: str | None = None, **http: object) -> Capture:
    """Sniff the media type of ``data`` and check it can be read; never raises.

    ``name`` is the file name or URL used as a hint and in messages;
    ``declared`` is an HTTP Content-Type; ``http`` passes the HTTP fields
    (http_status, http_headers, request_headers) through to the Source.
    """
    name = name or display_name(origin)
    media_type, label = sniff(data, name=name, declared=declared)
    error = readable_error(data, media_type=media_type, label=label, name=display_name(name))
    return make_capture(data, origin=origin, media_type=media_type, error=error, parent=parent,
                        **http)  # type: ignore[arg-type]


def capture_path(path: Path, *, parent: str | None = None) -> Capture:
    """One local file; a missing or unreadable file becomes an error capture."""
    origin = str(path.absolute())
    name = path.name or str(path)
    try:
        data = path.read_bytes()
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
    return capture_bytes(data, origin=origin, name=name, parent=parent)


def walk_files(directory: Path, *, errors: list[OSError] | None = None) -> Iterator[Path]:
    """Every file under ``directory``, recursively, in sorted order, hidden ones skipped.

    Sorted so that two runs over the same folder ingest in the same order;
    hidden files (.DS_Store, .git) are never reports. Folders that cannot be
    listed are appended to ``errors`` so the caller can report them.
    """
    for root, dirs, files in os.walk(directory, onerror=errors.append if errors is not None else None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def capture_stdin(data: bytes) -> Capture:
    return capture_bytes(data, origin="<stdin>", name="standard input")

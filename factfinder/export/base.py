"""What every exporter shares: streaming writes, atomic files, redaction.

An exporter receives consolidated incidents one at a time (``write``) and
closes its format (``finalize``), so a million incidents never need a million
in memory. ``atomic_output`` writes to a temporary file beside the target and
renames it only when the export finished: an interrupted export never leaves a
truncated file under the final name, and the temporary file of an export
killed outright is removed by the next export into that folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from factfinder.errors import UsageError
from factfinder.model import ConsolidatedIncident, Source
from factfinder.tempfiles import open_temporary, remove_stale_temporaries

# Reads a preserved original by sha256: (source metadata, bytes), for exporters
# that ship originals (WARC) or cite sources (ACLED "source").
SourceReader = Callable[[str], tuple[Source, bytes] | None]


class Exporter:
    """Base class: subclasses set ``name``, ``suffix``, ``binary`` and implement ``write``."""

    name = ""
    suffix = ""
    binary = False

    def __init__(self, stream: IO[Any], *, redactor: "Redactor | None" = None,
                 sources: SourceReader | None = None) -> None:
        self.stream = stream
        self.redactor = redactor
        self.sources = sources
        self.written = 0
        self.start()

    def start(self) -> None:
        """Open the format (a CSV header, a JSON array's bracket): called once, before any ``write``.

        A hook rather than an ``__init__`` to override, so the constructor's typed
        signature is written once, here.
        """

    def redact(self, text: str | None) -> str | None:
        if text is None or self.redactor is None:
            return text
        return self.redactor.redact(text)

    def write(self, incident: ConsolidatedIncident) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        """Close the format (a JSON array, a feature collection); the stream stays open."""


class Redactor:
    """Replaces person names with a placeholder; see export/redact.py for the real one."""

    placeholder = "[person]"

    def redact(self, text: str) -> str:
        raise NotImplementedError


@contextlib.contextmanager
def atomic_output(path: str | Path, *, force: bool = False, binary: bool = False) -> Iterator[IO[Any]]:
    target = Path(path)
    if target.exists() and not force:
        raise UsageError(f"{target} exists; pass --force to overwrite it or choose another --output")
    if not target.parent.exists():
        raise UsageError(f"cannot write {target}: folder {target.parent} does not exist; create it first")
    # temporaries of exports killed before they finished (kill -9 leaves them behind)
    remove_stale_temporaries(target.parent)
    fd, tmp = open_temporary(target)
    try:
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise

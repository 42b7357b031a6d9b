"""Large originals held memory-mapped from their file, not read into memory.

A 300-page scan is some 115 MB: read as bytes, it stays in the process for as
long as its pages are being OCR'd, and a batch of such files adds up. Mapped,
the bytes stay in the file (the kernel's page cache), and ``release`` lets go of
the pages read so far, so the process's resident memory does not grow with the
file. A ``MappedFile`` is an ``mmap`` (a buffer: hashing, slicing and writing
take it as they take bytes) with the few bytes methods the capture checks use.

The file must not be cut short while it is mapped (reading past its new end
would kill the process with SIGBUS): originals in the store never change; a file
being ingested is copied into place before, not while, it is ingested.
"""

from __future__ import annotations

import io
import mmap
import os
from pathlib import Path
from typing import Any, cast

MAP_MIN_BYTES = 2_000_000  # smaller files are simply read (a 10-page scan is some 4 MB)


class MappedFile(mmap.mmap):
    """A read-only mapping of a whole file that answers like ``bytes`` where the checks need it.

    It keeps its own descriptor of the file (``fd``): the PDF readers read through
    it (``BufferStream``), not through the mapping, because a fault on a mapping
    maps a whole folio of the file (megabytes on ext4 with large folios), and a
    PDF reader touching each page's object would make the whole file resident.
    """

    fd: int = -1

    def __del__(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def startswith(self, prefix: bytes) -> bool:
        return self[:len(prefix)] == prefix

    def __contains__(self, needle: object) -> bool:  # mmap's own ``in`` looks for one byte, not a string
        if isinstance(needle, int):
            return self.find(bytes((needle,))) != -1
        return self.find(needle) != -1  # type: ignore[arg-type]

    def release(self, start: int = 0, end: int | None = None) -> None:
        """Drop the pages of [start, end) from this process (read again from the page cache if needed)."""
        first = start - start % mmap.PAGESIZE
        last = len(self) if end is None else min(end, len(self))
        if last > first:
            self.madvise(mmap.MADV_DONTNEED, first, last - first)


def map_file(fh: io.BufferedReader, size: int) -> MappedFile:
    """``size`` bytes of an open file, mapped read-only (the file may be closed afterwards)."""
    mapped = MappedFile(fh.fileno(), size, access=mmap.ACCESS_READ)
    mapped.fd = os.dup(fh.fileno())
    return mapped


def as_bytes(mapped: MappedFile) -> bytes:
    """A mapped file typed as the bytes it answers for (readers take ``bytes``; it reads like them)."""
    return cast(bytes, mapped)


def map_path(path: Path) -> bytes:
    """The bytes of a stored original: mapped when it is large, else read."""
    with path.open("rb") as fh:
        size = fh.seek(0, io.SEEK_END)
        if size < MAP_MIN_BYTES:
            fh.seek(0)
            return fh.read()
        return as_bytes(map_file(fh, size))


def release(data: Any, start: int = 0, end: int | None = None) -> None:
    """Let go of the pages of a mapped original read so far; nothing to do for bytes."""
    if isinstance(data, MappedFile):
        data.release(start, end)


class BufferStream(io.RawIOBase):
    """A seekable read-only stream over bytes or a mapped file, sharing it (no copy).

    pypdf and pdfium read a PDF through it: ``io.BytesIO`` would copy a mapped
    file (it shares only ``bytes``), and so, once asked for its buffer, bytes too.
    """

    def __init__(self, data: bytes | MappedFile) -> None:
        super().__init__()
        self._data = data  # its descriptor is closed with it: kept for as long as a reader reads
        self._fd = data.fd if isinstance(data, MappedFile) else -1
        self._view = memoryview(data if self._fd < 0 else b"")
        self._size = len(data)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        with memoryview(buffer).cast("B") as target:
            want = max(min(len(target), self._size - self._pos), 0)
            if self._fd >= 0:  # from the file, into the reader's buffer: no page of the mapping touched
                n = os.preadv(self._fd, [target[:want]], self._pos) if want else 0
            else:
                target[:want] = self._view[self._pos:self._pos + want]
                n = want
        self._pos += n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(base + offset, 0)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        if not self.closed:
            self._view.release()  # a mapping with a view open cannot be closed
        super().close()

"""The content-addressed folder of originals beside the database.

Layout: ``<db>.originals/ab/cd/<sha256>`` holds the bytes exactly as received;
``<db>.originals/warc/ab/<sha256>-<origin hash>.warc.gz`` holds the WARC record
of one URL capture (one file per capture, so a crash can never leave a torn
record inside a shared archive). Every write goes to a temporary file in the
same folder, is fsynced, then renamed: a file under its final name is always
complete.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from factfinder.errors import StoreError
from factfinder.values.digests import in_chunks
from factfinder.values.digests import sha256_hex as sha256_hex  # the store names originals by it


def _intact(target: Path, size: int) -> bool:
    """A regular file of the expected size is already there: one stat call, not two."""
    try:
        info = os.stat(target)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == size


class Originals:
    """Reads and writes originals and WARC records under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._dirs: set[Path] = set()  # folders known to exist: skips a mkdir syscall per write
        self._pool: ThreadPoolExecutor | None = None
        self._background: ThreadPoolExecutor | None = None  # runs whole put_many calls, one at a time

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def warc_relpath(self, sha256: str, origin: str) -> str:
        tag = sha256_hex(origin.encode("utf-8"))[:16]
        return f"warc/{sha256[:2]}/{sha256}-{tag}.warc.gz"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError as exc:
            raise StoreError(f"original {sha256} is missing from {self.root}; "
                             "run `factfinder verify` and restore it from a backup") from exc

    def map(self, sha256: str) -> bytes:
        """An original to read again (OCR, a page image): a large one memory-mapped, not read.

        Stored originals never change, so the mapping stays valid (values/mapped.py).
        """
        from factfinder.values.mapped import map_path

        try:
            return map_path(self.path(sha256))
        except FileNotFoundError as exc:
            raise StoreError(f"original {sha256} is missing from {self.root}; "
                             "run `factfinder verify` and restore it from a backup") from exc

    def put(self, sha256: str, data: bytes) -> bool:
        """Store ``data`` under its hash; False when an intact copy is already there."""
        return bool(self.put_many([(sha256, data)]))

    def put_many(self, items: list[tuple[str, bytes]]) -> list[str]:
        """Store several originals at once; returns the hashes that were written.

        Same guarantee as one by one (temporary file, fsync, rename), but the
        writes run in parallel threads: mkdir, open and fsync wait on the disk
        without holding the GIL, and the file system commits concurrent fsyncs
        together, several times faster than in sequence (bench/ingest.py).
        """
        todo: dict[str, bytes] = {}
        for sha256, data in items:
            target = self.path(sha256)
            if sha256 not in todo and not _intact(target, len(data)):
                todo[sha256] = data
        if len(todo) <= 1:
            for sha256, data in todo.items():
                self._write_atomic(self.path(sha256), data)
            return list(todo)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="factfinder-originals")
        # list() waits for every write and re-raises the first error (a StoreError)
        list(self._pool.map(lambda item: self._write_atomic(self.path(item[0]), item[1]), todo.items()))
        return list(todo)

    def put_many_soon(self, items: list[tuple[str, bytes]]) -> Future[list[str]]:
        """``put_many`` in a background thread; the caller waits on the future before
        committing rows that name these originals.

        The writes wait on the disk, not on the CPU, so they overlap with the
        text extraction of the next batch (bench/ingest.py).
        """
        if self._background is None:
            self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factfinder-batch")
        return self._background.submit(self.put_many, items)

    def close(self) -> None:
        """Wait for writes under way: each file is then complete under its name, or absent."""
        for pool in (self._background, self._pool):
            if pool is not None:
                pool.shutdown(wait=True)
        self._background = self._pool = None

    def put_warc(self, relpath: str, data: bytes) -> None:
        target = self.root / relpath
        if _intact(target, len(data)):
            return
        self._write_atomic(target, data)

    def hash_file(self, path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def _write_atomic(self, target: Path, data: bytes) -> None:
        try:
            if target.parent not in self._dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._dirs.add(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    for part in in_chunks(data):  # a mapped original is not made resident (values/digests)
                        fh.write(part)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"cannot write {target}: {exc.strerror or exc}; "
                             "check free space and permissions of the originals folder") from exc

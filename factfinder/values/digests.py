"""Content digests: an original is named by the SHA-256 of its bytes, in lower-case hex.

The same digest names a capture, its stored file and its document (``doc``),
and the ledger and ``factfinder verify`` recompute it, so it is written one way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

CHUNK = 8 << 20


def in_chunks(data: bytes, size: int = CHUNK) -> Iterator[memoryview]:
    """``data`` in parts of ``size`` bytes, shared, not copied.

    A large original memory-mapped from its file (values/mapped.py) lets go of
    each part's pages once the caller is done with it (its ``release``), so
    hashing or storing a 100 MB scan does not make it resident in this process.
    """
    release = getattr(data, "release", None)
    with memoryview(data) as view:
        for start in range(0, len(view), size):
            with view[start:start + size] as part:
                yield part
            if release is not None:
                release(start, start + size)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lower-case hex digits (a mapped original part by part)."""
    if not hasattr(data, "release"):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    for part in in_chunks(data):
        digest.update(part)
    return digest.hexdigest()

"""Content digests: an original is named by the SHA-256 of its bytes, in lower-case hex.

The same digest names a capture, its stored file and its document (``doc``),
and the ledger and ``factfinder verify`` recompute it, so it is written one way.
"""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()

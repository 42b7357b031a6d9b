"""The Capture value and the few helpers every capture path shares.

A capture is one original as received: its ``Source`` (sha256, media type,
origin, error) plus the bytes themselves. The bytes travel beside the Source,
not inside it, because the store keeps them in a content-addressed folder.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict

from factfinder.model import Source
from factfinder.values.digests import sha256_hex as sha256_hex  # captures are named by it
from factfinder.values.isodate import utc_now


@dataclass(frozen=True)
class Capture:
    """One original and its bytes.

    ``data`` is None only when no byte arrived (a missing file, an unreachable
    host); then ``source.sha256`` is "" and ``source.size`` 0, and
    ``source.error`` says what went wrong. Bytes that did arrive are kept even
    when ``source.error`` is set (an HTTP 404 page, a truncated download, an
    encrypted PDF), so the caller can store them as evidence of what was seen.
    """

    source: Source
    data: bytes | None
    truncated: bool = False  # the download stopped at http_max_bytes; data is a prefix
    request_headers: tuple[tuple[str, str], ...] = ()  # what a URL capture sent, for WARC

    @property
    def ok(self) -> bool:
        """True when the original could be read and text extraction may be tried."""
        return self.source.error is None and self.data is not None


class HttpFields(TypedDict, total=False):
    """What a URL capture adds to its bytes; passed through ``capture_bytes`` to ``make_capture``."""

    http_status: int | None
    http_headers: tuple[tuple[str, str], ...]
    truncated: bool
    request_headers: tuple[tuple[str, str], ...]


def make_capture(data: bytes | None, *, origin: str, media_type: str, error: str | None = None,
                 parent: str | None = None, http_status: int | None = None,
                 http_headers: tuple[tuple[str, str], ...] = (), truncated: bool = False,
                 request_headers: tuple[tuple[str, str], ...] = ()) -> Capture:
    """Build a Capture with its Source; the sha256 is of ``data`` exactly as given."""
    extra = {"http_status": http_status} if http_status is not None else {}
    source = Source(
        sha256=sha256_hex(data) if data is not None else "",
        size=len(data) if data is not None else 0,
        media_type=media_type,
        origin=origin,
        captured_at=utc_now(),
        http_headers=http_headers,
        parent=parent,
        error=error,
        **extra,
    )
    return Capture(source=source, data=data, truncated=truncated, request_headers=request_headers)


def failed(origin: str, error: str, *, parent: str | None = None,
           media_type: str = "application/octet-stream") -> Capture:
    """A capture where no byte arrived."""
    return make_capture(None, origin=origin, media_type=media_type, error=error, parent=parent)


def with_error(capture: Capture, error: str) -> Capture:
    """The same capture, marked unreadable; its bytes stay."""
    return replace(capture, source=replace(capture.source, error=error))


def with_parent(capture: Capture, parent: str | None) -> Capture:
    return replace(capture, source=replace(capture.source, parent=parent))


def display_name(origin: str) -> str:
    """The short name used in messages: a file's name, or the URL as given."""
    if "://" in origin:
        return origin
    return origin.rsplit("/", 1)[-1] or origin

"""capture_inputs: everything a user can point factfinder at, one Capture per original."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from factfinder.capture.common import Capture, failed
from factfinder.capture.feeds import expand_feed
from factfinder.capture.files import capture_path, capture_stdin, walk_files
from factfinder.capture.sniff import EMAIL, FEED_TYPES
from factfinder.settings import Settings

if TYPE_CHECKING:
    import httpx


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def is_container(capture: Capture) -> bool:
    """True for a feed: its entries are captured on their own, so it has no document of its own."""
    return capture.source.media_type in FEED_TYPES


class _Fetcher:
    """Captures one file path or URL; owns an HTTP client only if one is needed and none was given."""

    def __init__(self, settings: Settings, client: httpx.Client | None) -> None:
        self.settings = settings
        self._client = client
        self._own: "httpx.Client | None" = None

    @property
    def client(self) -> "httpx.Client":
        if self._client is None:
            from factfinder.capture.http import make_client

            self._own = self._client = make_client(self.settings)
        return self._client

    def __call__(self, target: str, parent: str | None = None) -> Capture:
        if is_url(target):
            from factfinder.capture.http import fetch_url

            return fetch_url(target, client=self.client, settings=self.settings, parent=parent)
        if target.lower().startswith("file://"):
            target = unquote(urlparse(target).path)
        return capture_path(Path(target), parent=parent)

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None


def _with_children(capture: Capture, fetch: _Fetcher) -> Iterator[Capture]:
    """The capture, then what it contains: a feed's entries, an e-mail's attachments."""
    yield capture
    if not capture.ok:
        return
    if capture.source.media_type in FEED_TYPES:
        yield from expand_feed(capture, fetch=fetch)
    elif capture.source.media_type == EMAIL:
        from factfinder.capture.mail import email_attachments

        try:
            attachments = list(email_attachments(capture))
        except (ValueError, LookupError, TypeError, AttributeError) as exc:
            yield failed(f"{capture.source.origin}#attachments", "cannot read the attachments of "
                         f"{capture.source.origin}: {type(exc).__name__}; open the e-mail and save them as "
                         "files", parent=capture.source.sha256)
            return
        for attachment in attachments:  # a forwarded e-mail or an attached feed opens in turn
            yield from _with_children(attachment, fetch)


def capture_inputs(inputs: Iterable[str], *, settings: Settings | Mapping[str, Any] | None = None,
                   client: httpx.Client | None = None) -> Iterator[Capture]:
    """One Capture per original behind ``inputs``; never raises for one bad input.

    Each input is a file path, a directory (recursive, sorted, hidden files
    skipped), an http(s) URL, ``-`` for standard input, or an RSS/Atom feed
    (file or URL, recognised by content). A feed is yielded, then each entry's
    linked page (parent = the feed's sha256); an e-mail is yielded, then each
    attachment (parent = the e-mail's sha256). A capture whose original could
    not be read carries the reason in ``source.error`` (bytes kept when any
    arrived; ``data`` None and ``sha256`` "" when none did).

    ``client`` is an injected httpx.Client (its own timeouts and redirect
    limit apply); without one, a client is built from ``settings``
    (http_timeout, http_max_redirects, user_agent) on the first URL and closed
    at the end. ``http_max_bytes`` always applies. A plain mapping of settings
    is read over the declared defaults (``Settings.coerce``).
    """
    fetch = _Fetcher(Settings.coerce(settings), client)
    try:
        for item in inputs:
            if not item.strip():  # Path("") is the current folder: never ingest that by accident
                yield failed("", "an empty input was given; pass a file, folder, URL or - for standard input")
                continue
            if item == "-":
                yield from _with_children(capture_stdin(sys.stdin.buffer.read()), fetch)
                continue
            path = Path(unquote(urlparse(item).path)) if item.lower().startswith("file://") else Path(item)
            if not is_url(item) and path.is_dir():
                unlisted: list[OSError] = []
                for file in walk_files(path, errors=unlisted):
                    yield from _with_children(capture_path(file), fetch)
                for exc in unlisted:
                    where = exc.filename or str(path)
                    yield failed(str(where), f"cannot list folder {where}: {exc.strerror or exc}; make it "
                                 "readable and ingest again")
                continue
            yield from _with_children(fetch(item), fetch)
    finally:
        fetch.close()

"""RSS/Atom feeds: the feed is captured, then every entry's link, each with parent = the feed.

An entry whose link is missing or cannot be fetched still told something: its
own title and summary are kept as a small HTML capture of their own (origin
``<feed origin>#entry-<n>``, n counted from 1) so nothing reported is lost. One
broken entry never stops the others.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

from factfinder.capture.common import Capture, display_name, failed, make_capture
from factfinder.capture.sniff import HTML

Fetch = Callable[[str, str], Capture]  # (url or path, parent sha) -> Capture


def _entry_date(entry: Any) -> str | None:
    """YYYY-MM-DD of the entry, or None when the feed's date is missing or malformed."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_body(entry: Any) -> str:
    """The entry's own content as HTML (full content preferred to the summary)."""
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail")
    value = (parts[0].get("value") if parts else entry.get("summary")) or ""
    if detail is not None and detail.get("type") == "text/plain":
        return "".join(f"<p>{html.escape(p)}</p>" for p in value.split("\n\n") if p.strip())
    return value


def entry_html(entry: Any) -> bytes | None:
    """A small standalone HTML page of one entry, or None when it has neither title nor text."""
    title = (entry.get("title") or "").strip()
    body = _entry_body(entry).strip()
    if not title and not body:
        return None
    date = _entry_date(entry)
    meta = f'<meta name="date" content="{date}">' if date else ""
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>{meta}'
            f"</head><body><article><h1>{html.escape(title)}</h1>\n{body}\n</article></body></html>")
    return page.encode("utf-8")


def resolve_link(link: str, *, feed_origin: str) -> str:
    """An absolute URL or path for ``link``: relative links of a local feed resolve
    against the feed's folder, so an offline example feed can point at sibling files."""
    parsed = urlparse(link)
    if parsed.scheme in ("http", "https"):
        return link
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if feed_origin.startswith(("http://", "https://")):
        return urljoin(feed_origin, link)
    base = Path(feed_origin).parent
    return str((base / unquote(parsed.path)).absolute()) if parsed.path else str(base)


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return str(link).strip() or None
    for item in entry.get("links") or []:
        if item.get("href") and item.get("rel", "alternate") == "alternate":
            return str(item["href"]).strip()
    return None


def expand_feed(feed: Capture, *, fetch: Fetch) -> Iterator[Capture]:
    """The captures of every entry of ``feed`` (the feed itself is not yielded again)."""
    import feedparser

    assert feed.data is not None
    parsed = feedparser.parse(feed.data, sanitize_html=True, resolve_relative_uris=False)
    origin = feed.source.origin
    for n, entry in enumerate(parsed.entries, start=1):
        link = _entry_link(entry)
        label = f"entry {n} of feed {display_name(origin)}"
        if link is None:
            yield failed(f"{origin}#entry-{n}.link", f"{label} has no link; its own title and summary "
                         f"are kept as {origin}#entry-{n}", parent=feed.source.sha256)
            linked = None
        else:
            linked = fetch(resolve_link(link, feed_origin=origin), feed.source.sha256)
            yield linked
        if linked is None or linked.source.error is not None:
            page = entry_html(entry)
            if page is not None:
                yield make_capture(page, origin=f"{origin}#entry-{n}", media_type=HTML,
                                   parent=feed.source.sha256)

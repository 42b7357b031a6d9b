"""Title, publication date, author and canonical URL of an HTML page, read cheaply.

trafilatura's own metadata pass (site name, categories, tags, author
heuristics) doubles the cost of an extraction (measured on bench/ingest.py's
pages: 0.9 s vs 1.8 s for 150 pages), and we keep only four fields. They come
from the declared metadata (Open Graph, article:*, <link rel=canonical>) with
htmldate for the date, which reads the same meta tags, JSON-LD, the URL and
byline elements, without scanning free text (``extensive_search=False``: a date
in the story is an event date, not the publication date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factfinder.values.isodate import is_day

# lxml.html.HtmlElement: lxml ships no type information, so its trees are Any at this seam.
HtmlElement = Any
_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+")


@dataclass(frozen=True)
class HtmlMeta:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _meta_table(tree: HtmlElement) -> dict[str, str]:
    """Every <meta> by its property, name or itemprop (lower case); the first one wins."""
    table: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                table.setdefault(key, content)
    return table


def _meta(table: dict[str, str], *names: str) -> str | None:
    for name in names:
        if name in table:
            return table[name]
    return None


def _title(tree: HtmlElement, table: dict[str, str]) -> str | None:
    declared = _meta(table, "og:title", "twitter:title", "title", "headline")
    if declared:
        return declared
    title = _clean(tree.findtext(".//title"))
    headings = [h for h in (_clean(el.text_content()) for el in tree.xpath("//h1")) if h]
    if title and len(headings) == 1 and headings[0] in title:
        return headings[0]  # "Story headline | Site name" -> the headline
    if title:
        parts = _SEPARATORS.split(title)
        return max(parts, key=len) if len(parts) > 1 and max(len(p) for p in parts) > 20 else title
    return headings[0] if headings else None


def _date(tree: HtmlElement, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError, AttributeError):
        return None
    return found if isinstance(found, str) and is_day(found) else None


def html_metadata(tree: HtmlElement, *, url: str | None = None) -> HtmlMeta:
    """The four metadata fields factfinder keeps; read from ``tree`` without changing it."""
    table = _meta_table(tree)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    page_url = _clean(canonical[0]) if canonical else _meta(table, "og:url")
    if page_url and not page_url.lower().startswith(("http://", "https://")):
        page_url = None
    author = _meta(table, "author", "article:author", "byl", "dc.creator", "sailthru.author")
    if author and author.lower().startswith(("http://", "https://")):
        author = None  # a profile link, not a byline
    return HtmlMeta(title=_title(tree, table), published=_date(tree, page_url or url), author=author,
                    url=page_url or url)

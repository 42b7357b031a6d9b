"""HTML: the article text by trafilatura, with a block-text fallback for digest pages.

trafilatura is tuned for one article per page; on a digest (a dozen short
items, each under its own heading) it often keeps one item and drops the
rest. When it keeps less than half of the page's block text on such a page,
or nothing at all, the page's own block text is used instead: every
paragraph, heading and list item in order, minus scripts, navigation, headers,
footers and forms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from factfinder.errors import ExtractionError
from factfinder.text.htmlmeta import HtmlElement, html_metadata
from factfinder.text.plain import decode_bytes, normalise_text

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside", "form",
         "iframe", "button", "select", "option", "head", "title", "meta", "link", "object", "canvas"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
          "article", "blockquote", "pre", "br", "dd", "dt", "dl", "figcaption", "main", "address",
          "hr", "td", "th", "caption", "body", "summary", "details"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


def decode_html(data: bytes, *, name: str, charset: str | None = None) -> str:
    """HTML bytes to str in the HTML standard's order: a byte-order mark, the
    transport's charset (HTTP Content-Type), a <meta charset>, then detection."""
    match = _META_CHARSET.search(data[:4096])
    meta = match.group(1).decode("ascii") if match else None
    return decode_bytes(data, name=name, declared=charset or meta)


def _parse(markup: str) -> HtmlElement | None:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(markup)
    except ValueError:
        # an XHTML page whose XML declaration names an encoding: lxml takes it only as bytes
        try:
            return lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"))
        except (lxml.etree.ParserError, ValueError):
            return None
    except lxml.etree.ParserError:
        return None


def _parse_once(markup: str) -> tuple[HtmlElement | None, HtmlElement | None]:
    """(the tree trafilatura reads, the tree our readers walk), parsed once when possible.

    Parsing costs as much as a tenth of an extraction, so a whole document is
    parsed once, by trafilatura's own loader (the tree it would build from the
    string: trafilatura copies a tree it is given and leaves it unchanged), and
    the metadata, heading and block-text readers walk the same tree. A fragment
    (no <html> root) gets a document parse of its own, as the readers expect
    one; None for trafilatura means it would find no HTML in the markup.
    """
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is not None and tree.getparent() is None and tree.tag == "html":
        return tree, tree
    return tree, _parse(markup)


@functools.lru_cache(maxsize=32)
def _extractor(url: str | None) -> Any:  # trafilatura.settings.Extractor
    """trafilatura's options for ``bare_extraction(url=url, include_comments=False, include_tables=True)``,
    built once: building them reads the config file's values anew on every call, which costs
    a few percent of an extraction. bare_extraction only reads them (it copies them to change them)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False, tables=True, url=url)


def block_text(tree: HtmlElement) -> str:
    """Every visible block of the page, one per line, whitespace inside a block collapsed."""
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _SKIP or not isinstance(el.tag, str):
            parts.append(el.tail or "")
            return
        block = tag.lower() in _BLOCK
        if block:
            parts.append("\n")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        parts.append(el.tail or "")

    walk(tree)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _headings(tree: HtmlElement) -> list[str]:
    return [" ".join(h.text_content().split()) for h in tree.xpath("//h2|//h3|//h4")]


def _dropped_items(tree: HtmlElement, article: str, blocks: str, headings: list[str]) -> bool:
    """On a digest-like page (several headings or <article>s), trafilatura kept
    less than half of the block text, or less than half of the item headings."""
    if len(blocks) > 2 * len(article):
        return True
    kept = sum(1 for h in headings if h in article)
    return bool(headings) and kept * 2 < len(headings)


def _digest_like(tree: HtmlElement, headings: list[str]) -> bool:
    return len(headings) >= 3 or len(tree.xpath("//article")) >= 3


def extract_html(data: bytes | str, *, name: str, url: str | None = None,
                 charset: str | None = None) -> HtmlText:
    """The text and metadata of an HTML page (bytes, or str already decoded, as from an
    e-mail part whose charset the MIME header gave); ExtractionError when it has no text."""
    import trafilatura

    markup = data if isinstance(data, str) else decode_html(data, name=name, charset=charset)
    loaded, tree = _parse_once(markup)
    if tree is None:
        raise ExtractionError(f"cannot read {name}: it is not parseable HTML; open it in a browser, save "
                              "the article text and ingest again")
    result = None
    if loaded is not None:  # None: trafilatura would reject the markup and return nothing
        result = trafilatura.bare_extraction(loaded, options=_extractor(url))
    article = (getattr(result, "text", None) or "").strip() if result is not None else ""
    headings = [h for h in _headings(tree) if h]
    text = article
    stub = len(article.split(None, 5)) < 5  # fewer than five words; no need to split all of them
    if stub or _digest_like(tree, headings):
        blocks = block_text(tree)
        if not blocks and stub:
            text = ""  # only navigation or a "loading" stub: the page holds no report
        elif not article or _dropped_items(tree, article, blocks, headings):
            text = blocks
    text = normalise_text(text)
    if not text.strip():
        raise ExtractionError(f"cannot read {name}: the page has no text (empty, or built by scripts); "
                              "open it in a browser, save the article text and ingest again")
    meta = html_metadata(tree, url=url)
    return HtmlText(text=text, title=meta.title, published=meta.published, author=meta.author,
                    url=meta.url)

"""Hard-wrapped text read as the paragraphs it was, with a map back to the original offsets.

OCR output, PDF text layers and plain-text e-mail come in lines of fixed width,
with words hyphenated across line ends and page numbers or running headers
between pages. Read as they are, a wrapped line end splits a sentence ("reported
on November" / "16 that civilians were killed") and the extraction takes the
wrong number or loses an event. ``reflow`` builds the *reading text*: wrapped
lines joined, end-of-line hyphenation undone, page furniture dropped. Every edit
either replaces characters one for one (a line break becomes a space) or deletes
them, so each offset of the reading text maps to one offset of the original and
every evidence span can be given back exactly in the document's own text
(``Reflowed.span``). The document text itself is never changed: the output
contract's offsets point into it.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar, cast

from factfinder.model import Document, Span
from factfinder.values.reading import Reflowed

__all__ = ["Reflowed", "identity", "reflow", "reading_of", "reading_document", "restore_spans"]

T = TypeVar("T")

# A document is read as hard-wrapped when most of its lines fill the width.
_MIN_LINES = 6  # fewer lines cannot tell a wrap width from chance
_FULL_LINE = 0.7  # a line at least this share of the width was wrapped, not ended
_WRAPPED_SHARE = 0.5  # share of multi-line paragraphs' lines that must be full
_MAX_WIDTH = 160  # longer "lines" are paragraphs already
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
                          re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_SENTENCE_END = ".!?:\"'”’"
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def identity(text: str) -> Reflowed:
    return Reflowed(text, text, (0,), (0,))


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its newline) for every line."""
    return [(m.start(), m.group().rstrip("\n")) for m in _LINE.finditer(text)]


def _width(lines: list[tuple[int, str]]) -> int | None:
    """The wrap width when the text is hard-wrapped, else None."""
    lengths = [len(line.rstrip()) for _, line in lines]
    body = [n for n in lengths if n > 0]
    if len(body) < _MIN_LINES:
        return None
    typical = sorted(body)[int(0.9 * (len(body) - 1))]
    if typical > _MAX_WIDTH or typical < 30:
        return None
    # The wrap width is the longest line, but for a stray longer one (a title, a URL).
    width = max(n for n in body if n <= 1.15 * typical)
    # Lines followed by another non-blank line: in wrapped text most of them are full.
    inner = [n for n, nxt in zip(lengths, lengths[1:]) if n > 0 and nxt > 0]
    if len(inner) < _MIN_LINES // 2 + 1 or sum(0.9 * width <= n <= width for n in body) < 3:
        return None
    full = sum(n >= _FULL_LINE * width for n in inner)
    return width if full >= _WRAPPED_SHARE * len(inner) else None


def _furniture(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes of page numbers and running headers or footers (short lines repeated on 3+ pages)."""
    drop = {i for i, (_, line) in enumerate(lines) if line.strip() and _PAGE_NUMBER.match(line)
            and (i == 0 or not lines[i - 1][1].strip() or "\f" in lines[i - 1][1]
                 or i + 1 == len(lines) or not lines[i + 1][1].strip())}
    shapes: dict[str, list[int]] = {}
    for i, (_, line) in enumerate(lines):
        stripped = line.strip().strip("\f")
        if 0 < len(stripped) <= 80:
            shapes.setdefault(re.sub(r"\d+", "#", stripped.lower()), []).append(i)
    for indexes in shapes.values():
        # A running header stands alone between blank lines or page breaks, on several pages.
        alone = [i for i in indexes if (i == 0 or not lines[i - 1][1].strip())
                 or (i + 1 == len(lines) or not lines[i + 1][1].strip())]
        if len(alone) >= 3 and len(alone) == len(indexes):
            drop.update(alone)
    return drop


def _heading_after_sentence(body: str, nxt: str, width: int) -> bool:
    """A sentence ends the line and a short line with no sentence end follows: a heading, not a wrap."""
    return (body[-1] in _SENTENCE_END and nxt[:1].isupper() and len(nxt) < _FULL_LINE * width
            and nxt[-1] not in _SENTENCE_END + ",;)")


def reflow(text: str) -> Reflowed:
    """The reading text of ``text``: unchanged unless it is hard-wrapped or carries page furniture."""
    lines = _lines(text)
    width = _width(lines)
    drop = _furniture(lines) if width is not None or "\f" in text else set()
    if width is None and not drop:
        return identity(text)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement of equal length or empty)
    for i, (offset, line) in enumerate(lines):
        end_of_line = offset + len(line)
        if i in drop:
            edits.append((offset, min(end_of_line + 1, len(text)), ""))
            continue
        if width is None or i + 1 >= len(lines) or end_of_line >= len(text):
            continue
        nxt = lines[i + 1][1]
        body = line.rstrip()
        if not body or not nxt.strip() or (i + 1) in drop or not _FULL_LINE * width <= len(body) <= width:
            continue
        if _BULLET.match(nxt):
            continue
        hyphenated = body.endswith("-") and len(body) > 1 and body[-2].isalpha() and nxt.lstrip()[:1].islower()
        if not hyphenated and len(body) + 1 + len(nxt.split()[0]) <= width:
            # The next line's first word would have fitted here: the line was ended, not wrapped.
            continue
        if _heading_after_sentence(body, nxt.strip(), width):
            continue
        if hyphenated:
            # "vio-" / "lence": the hyphen, trailing blanks and the line break go.
            edits.append((offset + len(body) - 1, end_of_line + 1, ""))
        else:
            edits.append((end_of_line, end_of_line + 1, " "))
    return _apply(text, edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> Reflowed:
    pieces: list[str] = []
    view_starts: list[int] = []
    orig_starts: list[int] = []
    view = cursor = 0
    for start, end, replacement in sorted(edits):
        if start < cursor:
            continue
        if start > cursor:
            view_starts.append(view)
            orig_starts.append(cursor)
            pieces.append(text[cursor:start])
            view += start - cursor
        if replacement:
            view_starts.append(view)
            orig_starts.append(start)
            pieces.append(replacement)
            view += len(replacement)
        cursor = end
    if cursor < len(text) or not view_starts:
        view_starts.append(view)
        orig_starts.append(cursor)
        pieces.append(text[cursor:])
    return Reflowed("".join(pieces), text, tuple(view_starts), tuple(orig_starts))


def reading_document(document: Document) -> tuple[Document, Reflowed]:
    """The document as extraction should read it, and the map back to the original.

    Stories keep their order and titles, with their bounds moved into the reading text.
    """
    reflowed = reading_of(document)
    if not reflowed.changed:
        return document, reflowed
    stories = tuple(replace(s, start=reflowed.from_original(s.start), end=reflowed.from_original(s.end))
                    for s in document.stories)
    return replace(document, text=reflowed.text, stories=stories, reading=None), reflowed


def reading_of(document: Document) -> Reflowed:
    """The document's reading text: the one the text stage made with it, else made now.

    Reflowing a long report is not free, and the text stage already did it to find
    the stories; a reading made of other text (the document was changed) is not used.
    """
    known = document.reading
    if known is not None and (known.original is document.text or known.original == document.text):
        return known
    return reflow(document.text)


def restore_spans(value: T, reflowed: Reflowed) -> T:
    """``value`` (a model dataclass or a tuple of them) with every span moved to the original text.

    An incident's ``summary`` is the text of one of its evidence spans: it follows that span.
    """
    if not reflowed.changed:
        return value
    # _restore rebuilds each dataclass as its own class by reflection (fields, replace),
    # which mypy cannot follow: the value it gives back has the type it was given.
    return cast(T, _restore(value, reflowed))


def _restore(value: object, reflowed: Reflowed) -> object:
    if isinstance(value, Span):
        return reflowed.span(value)
    if isinstance(value, tuple):
        return tuple(_restore(v, reflowed) for v in value)
    if not is_dataclass(value) or isinstance(value, (type, Document)):
        return value
    changes = {f.name: _restore(getattr(value, f.name), reflowed) for f in fields(value)
               if f.name != "summary"}
    summary = getattr(value, "summary", None)
    evidence, moved = getattr(value, "evidence", None), changes.get("evidence")
    if isinstance(summary, str) and isinstance(evidence, tuple) and isinstance(moved, tuple):
        for old, new in zip(evidence, moved):
            if isinstance(old, Span) and isinstance(new, Span) and old.text == summary:
                changes["summary"] = new.text
                break
    return replace(value, **changes)

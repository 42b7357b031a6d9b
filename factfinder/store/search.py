"""Search over every stored story, in any script: hits with a snippet that marks what matched.

The index (``stories_fts``, schema step 8) holds search keys cut by
values/search_keys.py, so a word is found inside unspaced Burmese or Chinese,
in another inflection of Russian or Arabic, or in Burmese digits. It covers
every document, whether or not it gave incidents (a document in a language the
extraction does not read is searchable too). The snippet is cut from the
story's stored text with the same keys, so its marks are exactly the matched
characters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from factfinder.store.writer import index_stories
from factfinder.values.search_keys import find_terms, index_keys, query_terms

SNIPPET_BEFORE = 60  # characters of context before the first match
SNIPPET_LENGTH = 240


@dataclass(frozen=True)
class SearchHit:
    """One story that holds every word of a query."""

    doc: str                      # the document (sha256 of its original)
    story: int                    # the story's index in its document
    title: str | None             # the document's title
    story_title: str | None
    language: str | None          # the story's language, else its document's
    published: str | None
    source: str | None            # sha256 of the kept original, for the link to it
    origin: str | None            # where the original came from (URL or path)
    start: int                    # the snippet's offsets in the document text
    end: int
    snippet: str
    marks: tuple[tuple[int, int], ...]  # matched spans, offsets into ``snippet``

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each match between ``before`` and ``after`` (plain-text output)."""
        out, position = [], 0
        for start, end in self.marks:
            out += [self.snippet[position:start], before, self.snippet[start:end], after]
            position = end
        out.append(self.snippet[position:])
        return "".join(out)


def _catch_up(conn: sqlite3.Connection) -> None:
    """Index the stories the index lacks (a store upgraded to step 8 is indexed again on its first search)."""
    lagging = conn.execute("SELECT (SELECT coalesce(max(id), 0) FROM stories)"
                           " > (SELECT coalesce(max(id), 0) FROM stories_fts_docsize)").fetchone()[0]
    if lagging:
        started = not conn.in_transaction
        if started:
            conn.execute("BEGIN IMMEDIATE")
        try:
            index_stories(conn)
        except BaseException:
            if started:
                conn.execute("ROLLBACK")
            raise
        if started:
            conn.execute("COMMIT")


def search_text(conn: sqlite3.Connection, query: str, *, language: str | None = None,
                limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """The stories holding every word of ``query`` (best first), optionally only in ``language``.

    ``query`` is plain words: quotes, ``AND``, ``*`` or brackets are words to
    find, never FTS5 syntax. A query with no word gives no hit.
    """
    terms = query_terms(query)
    if not terms:
        return []
    _catch_up(conn)
    match = " ".join(term.fts() for term in terms)
    where, args = "", [match]
    if language:
        where = " AND coalesce(s.language, d.language) = ?"
        args.append(language)
    rows = conn.execute(
        'SELECT d.doc, s.idx, d.title, s.title, coalesce(s.language, d.language), d.published, d.source,'
        ' (SELECT origin FROM sources WHERE sha256 = d.source), s.start, s."end", d.text, d.url'
        " FROM stories_fts f JOIN stories s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id"
        f" WHERE stories_fts MATCH ?{where} ORDER BY f.rank LIMIT ? OFFSET ?",
        (*args, limit, offset)).fetchall()
    hits = []
    for doc, idx, title, story_title, lang, published, source, origin, start, end, text, url in rows:
        story_text = text[start:end]
        spans = find_terms(index_keys(story_text), terms)
        first = spans[0][0] if spans else 0
        lo = max(0, first - SNIPPET_BEFORE)
        while lo > 0 and not story_text[lo - 1].isspace() and first - lo < SNIPPET_BEFORE + 20:
            lo -= 1  # start at a word boundary where there is one nearby
        hi = min(len(story_text), lo + SNIPPET_LENGTH)
        marks = tuple((a - lo, b - lo) for a, b in spans if a >= lo and b <= hi)
        hits.append(SearchHit(doc, idx, title, story_title, lang, published, source, origin or url,
                              start + lo, start + hi, story_text[lo:hi], marks))
    return hits


@dataclass(frozen=True)
class UnreadDocument:
    """A stored document in a language the extraction does not read: kept, searchable, for a person to read."""

    doc: str
    title: str | None
    language: str | None
    published: str | None
    source: str | None
    origin: str | None
    length: int              # characters of text
    opening: str             # its first characters, to recognise it by


def _unread_where(readable: Collection[str]) -> tuple[str, list[str]]:
    # an undetermined language counts as English, as the extraction components read it (registry.py)
    marks = ", ".join("?" for _ in readable)
    return f"coalesce(d.language, 'en') NOT IN ({marks})", list(readable)


def count_unread(conn: sqlite3.Connection, *, readable: Collection[str] | None) -> list[tuple[str, int]]:
    """(language, documents) not extracted because the extraction does not read their language, most first.

    ``readable``: the languages the extraction reads (components.extraction_languages; None: all).
    """
    if readable is None:
        return []
    where, args = _unread_where(readable)
    rows = conn.execute(f"SELECT coalesce(d.language, 'und'), count(*) FROM documents d WHERE {where}"
                        " GROUP BY 1 ORDER BY 2 DESC, 1", args).fetchall()
    return [(str(lang), int(n)) for lang, n in rows]


def unread_documents(conn: sqlite3.Connection, *, readable: Collection[str] | None, language: str | None = None,
                     limit: int = 50, offset: int = 0) -> list[UnreadDocument]:
    """The documents "to read" (newest first): stored, searchable, never run through an English model."""
    if readable is None:
        return []
    where, args = _unread_where(readable)
    if language:
        where += " AND d.language = ?"
        args.append(language)
    rows = conn.execute(
        "SELECT d.doc, d.title, d.language, d.published, d.source,"
        " coalesce((SELECT origin FROM sources WHERE sha256 = d.source), d.url), length(d.text), substr(d.text, 1, 200)"
        f" FROM documents d WHERE {where} ORDER BY d.id DESC LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
    return [UnreadDocument(*row) for row in rows]


def document_languages(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(language, documents) over the store, most first: the web app's language filter."""
    rows = conn.execute("SELECT coalesce(language, 'und'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")
    return [(str(lang), int(n)) for lang, n in rows]

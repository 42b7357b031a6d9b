"""HTML metadata: title, publication date, author and canonical URL from declared metadata."""

from __future__ import annotations

import lxml.html

from factfinder.text.htmlmeta import html_metadata


def meta_of(head: str, body: str = "<p>Body.</p>", url: str | None = None):
    return html_metadata(lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>"),
                         url=url)


def test_open_graph_title_and_canonical_url():
    meta = meta_of('<title>Ignored | Site</title><meta property="og:title" content="Dam breach floods villages">'
                   '<link rel="canonical" href="https://news.example.org/dam">')
    assert meta.title == "Dam breach floods villages"
    assert meta.url == "https://news.example.org/dam"


def test_headline_taken_from_title_with_site_suffix():
    meta = meta_of("<title>Dam breach floods villages | Example News</title>",
                   "<h1>Dam breach floods villages</h1><p>Text.</p>")
    assert meta.title == "Dam breach floods villages"


def test_json_ld_date_without_free_text_search():
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2022-06-03T07:00:00Z"}'
    meta = meta_of(f'<script type="application/ld+json">{ld}</script>',
                   "<p>The attack happened on 14 May 2019, residents recalled.</p>")
    assert meta.published == "2022-06-03"


def test_no_declared_date_means_none():
    assert meta_of("<title>x</title>", "<p>Fighting resumed on 3 March 2021, witnesses said.</p>").published is None


def test_author_links_are_not_bylines_and_url_falls_back():
    meta = meta_of('<meta property="article:author" content="https://social.example/profile">',
                   url="https://news.example.org/a")
    assert meta.author is None
    assert meta.url == "https://news.example.org/a"

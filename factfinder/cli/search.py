"""`factfinder search`: every stored story that holds the query's words, in any script."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from factfinder.cli import DB_HELP, main, open_store, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.argument("query")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--lang", "language", metavar="CODE", default=None,
              help="Only stories in this language (ISO 639-1, e.g. my, zh, ar).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, with the matched spans.")
@with_settings
def search(query: str, db: str | None, language: str | None, limit: int, as_json: bool,
           settings: Settings) -> None:
    """Find QUERY in every stored document and story, in any script (docs/search.md).

    Finds a word inside unspaced Burmese or Chinese, other inflections of
    Russian and Arabic words, and digits in any script; a Burmese query typed in
    Zawgyi is read as Unicode. Exits 1 when nothing matches.
    """
    from factfinder.store.search import search_text
    from factfinder.text.zawgyi import to_unicode

    settings = settings.with_options(db=db)
    query, _ = to_unicode(query)
    with open_store(settings, must_exist=True) as store:
        hits = search_text(store.conn, query, language=language, limit=limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(asdict(hit), ensure_ascii=False))
            continue
        title = hit.story_title or hit.title or "(untitled)"
        click.echo(f"{hit.doc[:12]}  story {hit.story}  [{hit.language or 'und'}]  {title}")
        click.echo(f"  {hit.marked().replace(chr(10), ' ')}")
        click.echo(f"  original: {hit.origin or '-'}")
    if not hits:
        click.echo(f"no story holds {query!r}" + (f" in language {language}" if language else ""), err=True)
        raise SystemExit(1)

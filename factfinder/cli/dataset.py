"""`factfinder reprocess`, `consolidate` and `export`: from stored extractions to a dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from factfinder.cli import DB_HELP, lang_flag, main, ocr_flags, open_store, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@ocr_flags
@lang_flag
@with_settings
def reprocess(db: str | None, ocr: str | None, ocr_languages: str | None, language: str | None,
              settings: Settings) -> None:
    """Extract every stored document again (after a model or rule change) and consolidate.

    Machine output is replaced; an analyst's reviewed incidents and event pins are kept.
    With --ocr, --ocr-lang or --lang, stored PDFs and images are first read again from
    their kept originals (e.g. a Burmese scan first read as English).
    """
    from factfinder.pipeline import Pipeline
    from factfinder.reprocess import reprocess_store, reread_scans

    reread = any(v is not None for v in (ocr, ocr_languages, language))
    settings = settings.with_options(db=db, ocr=ocr, ocr_languages=ocr_languages, language=language)
    with open_store(settings, must_exist=True) as store:
        if reread:
            def told(doc: str, problem: str | None) -> None:
                click.echo(f"{doc[:12]}  read again" if problem is None else f"{doc[:12]}  left as it was: {problem}")
            changed = reread_scans(store, settings, on_document=told)
            click.echo(f"{changed} scans and PDFs read again")
        pipeline = Pipeline(settings=settings)
        documents, events = reprocess_store(
            store, pipeline, on_document=lambda doc, i, s: click.echo(f"{doc[:12]}  {i} incidents, {s} statistics"))
    click.echo(f"{documents} documents reprocessed; {events} events after consolidation")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def consolidate(db: str | None, settings: Settings) -> None:
    """Merge the stored incidents that describe the same event (ingest does this too)."""
    from factfinder.consolidate.stored import rebuild_events

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        events = rebuild_events(store)
        corroborated = store.count_events(_filter(verification="corroborated"))
    click.echo(f"{events} events ({corroborated} corroborated by independent sources)")


def _filter(**values: Any) -> Any:
    from factfinder.store.events import EventFilter

    return EventFilter(**values)


@main.command()
@click.option("--format", "fmt", required=True, metavar="FORMAT",
              help="acled-csv, csv, jsonl, geojson, ftm or warc (see docs/export.md).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--type", "types", multiple=True, help="Incident type; repeat for several.")
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. MM.")
@click.option("--admin1", help="Province, state or region name.")
@click.option("--since", "date_from", help="YYYY-MM-DD: events ending on or after.")
@click.option("--until", "date_to", help="YYYY-MM-DD: events starting on or before.")
@click.option("--verification", help="reported, unconfirmed, alleged, disputed, corroborated, verified, rejected.")
@click.option("--actor", help="A perpetrator or affected group, by canonical name.")
@click.option("--source", help="An outlet (host name), e.g. rfa.org.")
@click.option("--query", "q", help="Full-text query over the evidence.")
@click.option("--redact-persons", is_flag=True, help="Replace person names in evidence and summaries.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@with_settings
def export(fmt: str, output: str, db: str | None, types: tuple[str, ...], country: str | None,
           admin1: str | None, date_from: str | None, date_to: str | None, verification: str | None,
           actor: str | None, source: str | None, q: str | None, redact_persons: bool, force: bool,
           settings: Settings) -> None:
    """Write the store's consolidated incidents in one of the field's formats."""
    from factfinder.consolidate.stored import update_events
    from factfinder.export import export_incidents, exporter_class
    from factfinder.store.events import validate_filter

    exporter_class(fmt)  # an unknown format fails before any work
    where = validate_filter(types=types, country=country, admin1=admin1, date_from=date_from, date_to=date_to,
                            verification=verification, actor=actor, source=source, q=q)
    settings = settings.with_options(db=db)
    with open_store(settings, must_exist=True) as store:
        update_events(store)  # incidents stored since the last consolidation (none: nothing to do)
        redactor = None
        if redact_persons:
            from factfinder.export.redact import PersonRedactor
            from factfinder.extract.nlp import load_nlp

            redactor = PersonRedactor(load_nlp(settings.spacy_model))

        def sources(sha: str) -> Any:
            found = store.get_source(sha)
            return None if found is None else (found, store.read_original(sha))

        exporter = export_incidents(store.iter_events(where, reviewed=True), output, format=fmt, force=force,
                                    redactor=redactor, sources=sources)
    skipped = getattr(exporter, "skipped", 0)
    click.echo(f"{exporter.written} incidents written to {output} ({fmt})"
               + (f"; {skipped} without coordinates left out" if skipped else ""))


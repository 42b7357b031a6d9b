"""`factfinder ingest`, `status` and `verify`: thin commands over factfinder.store."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click

from factfinder.cli import DB_HELP, lang_flag, main, ocr_flags, open_store, with_settings
from factfinder.values.numbers import format_number

if TYPE_CHECKING:
    from factfinder.settings import Settings

_SHOWN_INCIDENTS = 20


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|DIR|URL|FEED...")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--no-extract", is_flag=True, help="Only capture and store originals, text and stories.")
@ocr_flags
@lang_flag
@with_settings
def ingest(inputs: tuple[str, ...], db: str | None, no_extract: bool, ocr: str | None,
           ocr_languages: str | None, language: str | None, settings: Settings) -> None:
    """Capture files, folders, URLs and feeds into the store, then extract their incidents.

    Prints one line per input and exits 1 if any input failed. Re-ingesting
    the same bytes changes nothing.
    """
    from factfinder.ingest import ingest_inputs
    from factfinder.pipeline import Pipeline

    settings = settings.with_options(db=db, ocr=ocr, ocr_languages=ocr_languages, language=language)
    store = open_store(settings)
    with store:
        pipeline = None if no_extract else Pipeline(settings=settings)

        def show(outcome: Any) -> None:
            label = {"stored": "stored ", "present": "present", "failed": "FAILED "}[outcome.status]
            line = f"{label}  {outcome.origin}"
            if outcome.incidents or outcome.statistics:
                line += f"  ({outcome.incidents} incidents, {outcome.statistics} statistics)"
            if outcome.message:
                line += f": {outcome.message}"
            click.echo(line)  # failures too, so the lines keep the order of the inputs

        report = ingest_inputs(inputs, store=store, settings=settings, pipeline=pipeline, on_event=show)
    click.echo(f"{len(report.outcomes)} inputs: {report.count('stored')} stored, "
               f"{report.count('present')} already present, {report.count('failed')} failed "
               f"({settings.db})")
    if report.events is not None:
        click.echo(f"consolidated: {report.events} events")
    if report.failed:
        raise SystemExit(1)


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def status(db: str | None, settings: Settings) -> None:
    """Summarise what the store holds, and list its incidents.

    Also removes, beside the database, the temporary files of exports that
    were killed before they finished.
    """
    from pathlib import Path

    from factfinder.components import extraction_languages
    from factfinder.store.events import EventFilter
    from factfinder.store.search import count_unread
    from factfinder.tempfiles import remove_stale_temporaries

    settings = settings.with_options(db=db)
    store = open_store(settings, must_exist=True)
    for leftover in remove_stale_temporaries(Path(settings.db).absolute().parent):
        click.echo(f"removed {leftover.name}: the temporary file of an export that was killed", err=True)
    with store:
        st = store.status()
        incidents = list(store.iter_incidents(limit=_SHOWN_INCIDENTS))
        events = store.count_events()
        corroborated = store.count_events(EventFilter(verification="corroborated"))
        unread = count_unread(store.conn, readable=extraction_languages())
    click.echo(f"{st.path}  (schema {st.schema_version}, {_size(st.db_size)})")
    click.echo(f"  sources     {st.sources} stored, {st.failed_sources} failed inputs, {st.origins} origins")
    click.echo(f"  documents   {st.documents}, {st.stories} stories ({st.duplicate_stories} duplicates)")
    if unread:
        by_language = ", ".join(f"{lang} {n}" for lang, n in unread)
        click.echo(f"  to read     {sum(n for _, n in unread)} not extracted: language {by_language}")
    by_type = ", ".join(f"{t} {n}" for t, n in st.incidents_by_type)
    click.echo(f"  incidents   {st.incidents}" + (f": {by_type}" if by_type else ""))
    click.echo(f"  statistics  {st.statistics}")
    click.echo(f"  events      {events} after consolidation ({corroborated} corroborated)")
    head = f", head {st.ledger_head[:16]}" if st.ledger_head else ""
    click.echo(f"  ledger      {st.ledger_length} entries{head}")
    if incidents:
        click.echo("")
        rows = [("type", "date", "place", "counts")]
        for inc in incidents:
            date = inc.date.start if inc.date and inc.date.precision == "day" else (
                f"{inc.date.start}..{inc.date.end}" if inc.date else "-")
            place = (inc.location.name or inc.location.span.text) if inc.location else "-"
            counts = ", ".join(f"{c.category} {format_number(c.value)}" for c in inc.counts) or "-"
            rows.append((inc.type, date, place, counts))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        for row in rows:
            click.echo("  " + "  ".join(v.ljust(w) for v, w in zip(row, widths)) + "  " + row[3])
        if st.incidents > len(incidents):
            click.echo(f"  ... and {st.incidents - len(incidents)} more")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--checkpoint", "checkpoints", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A checkpoint from `factfinder ledger checkpoint`; repeat for several.")
@click.option("--public-key", type=click.Path(exists=True, dir_okay=False),
              help="Pin the key the checkpoints must be signed with (KEYFILE.pub).")
@click.option("--tsa-cert", type=click.Path(exists=True, dir_okay=False),
              help="Pin the time-stamping authority's certificate (PEM or DER).")
@with_settings
def verify(db: str | None, checkpoints: tuple[str, ...], public_key: str | None, tsa_cert: str | None,
           settings: Settings) -> None:
    """Re-hash every original, check the ledger chain and any checkpoints; exit 1 naming every problem."""
    from factfinder.cli.ledger import checkpoint_lines

    settings = settings.with_options(db=db)
    path = settings.db
    with open_store(settings, must_exist=True) as store:
        report = store.verify()
        notes, problems = checkpoint_lines(store, checkpoints, public_key=public_key, tsa_cert=tsa_cert)
    report = replace(report, problems=report.problems + tuple(problems))
    if report.ok:
        click.echo(f"ok: {report.originals} originals, {report.ledger_entries} ledger entries verified")
        click.echo("\n".join(notes))
        return
    for note in notes:
        click.echo(note)
    for problem in report.problems:
        click.echo(f"problem: {problem}")
    click.echo(f"{len(report.problems)} problems in {path} "
               f"({report.originals} originals, {report.ledger_entries} ledger entries checked)", err=True)
    raise SystemExit(1)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"

"""`factfinder report`: a period's incidents as a publishable HTML or PDF document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from factfinder.cli import DB_HELP, main, open_store, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.option("--from", "date_from", required=True, metavar="YYYY-MM-DD", help="First day of the period.")
@click.option("--to", "date_to", required=True, metavar="YYYY-MM-DD", help="Last day of the period.")
@click.option("--country", metavar="CC", help="Only incidents in this country (ISO 3166-1 alpha-2).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), help="html or pdf (default: by -o's extension).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--title", help="The report's title (default: the period and country).")
@click.option("--no-redact", is_flag=True, help="Keep person names in the quoted evidence (redacted by default).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def report(date_from: str, date_to: str, country: str | None, fmt: str | None, output: str, title: str | None,
           no_redact: bool, force: bool, db: str | None, settings: Settings) -> None:
    """Write the period's tallies, map, timeline, incidents with their sources, statistics and methods."""
    from factfinder.report import ReportOptions, build_report, write_report

    options = ReportOptions(date_from=date_from, date_to=date_to, country=country, redact=not no_redact, title=title)
    settings = settings.with_options(db=db)
    redactor = None
    if options.redact:
        from factfinder.export.redact import PersonRedactor
        from factfinder.extract.nlp import load_nlp

        redactor = PersonRedactor(load_nlp(settings.spacy_model))
    with open_store(settings, must_exist=True) as store:
        html = build_report(store, options, redactor=redactor)
    write_report(html, Path(output), fmt=fmt, force=force)
    click.echo(f"report written to {output}")

"""`factfinder batch` and `load`: a corpus through the pipeline into Parquet (here or on Ray), then into the store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from factfinder.cli import main, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output folder: documents/, incidents/, statistics/, errors/ as Parquet, and manifest.json.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: processes of this machine; ray: Ray Data (local mode, or a cluster with --address).")
@click.option("--address", metavar="ray://HOST:PORT|auto",
              help="A running Ray cluster to use (token authentication required; docs/scale.md).")
@click.option("--workers", type=int, default=None, help="Worker processes or Ray actors (default: the `workers` setting, 2).")
@with_settings
def batch(inputs: tuple[str, ...], out: str, engine: str, address: str | None, workers: int | None,
          settings: Settings) -> None:
    """Extract a whole corpus into Parquet: JSON lines, folders of files, WARC files or Parquet tables.

    Each document is keyed by its SHA-256: run the same command again after a
    crash and it goes on where it stopped, every document's records written once.
    """
    from factfinder.scale import run_batch

    settings = settings.with_options(workers=workers)
    summary = run_batch(list(inputs), out=Path(out), engine=engine, address=address, settings=settings)
    counts = summary.counts
    click.echo(f"{summary.total} documents: {summary.processed} processed, {summary.skipped} done before; "
               f"{out} holds {counts.get('documents', 0)} documents, {counts.get('incidents', 0)} incidents, "
               f"{counts.get('statistics', 0)} statistics, {counts.get('errors', 0)} errors "
               f"({summary.seconds:.1f} s)")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option("--db", type=click.Path(dir_okay=False),
              help="SQLite database (default: the `db` setting, factfinder.db); created when missing.")
@with_settings
def load(out: str, db: str | None, settings: Settings) -> None:
    """Load a `factfinder batch` output into the store and consolidate, for the web app and exports.

    Sources are recorded with their SHA-256; originals are kept where the input
    still has them. Loading the same output twice adds nothing.
    """
    from factfinder.scale.load import load_batch
    from factfinder.store import Store

    settings = settings.with_options(db=db)
    with Store.open(settings.db) as store:
        summary = load_batch(Path(out), store=store)
    click.echo(f"{summary.documents} documents loaded ({summary.incidents} incidents, {summary.statistics} "
               f"statistics), {summary.present} already present, {summary.without_original} without their "
               f"original bytes ({settings.db})")
    if summary.events is not None:
        click.echo(f"consolidated: {summary.events} events")

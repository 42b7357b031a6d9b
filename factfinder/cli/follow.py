"""`factfinder follow`: feeds and pages fetched on a schedule, new items ingested."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from factfinder.cli import DB_HELP, main, open_store, with_settings
from factfinder.errors import UsageError

if TYPE_CHECKING:
    from factfinder.settings import Settings

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> int:
    """"6h", "30m", "1d", "90s" as seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", text.lower())
    if not match or float(match.group(1)) <= 0:
        raise UsageError(f"--every {text!r} is not a period; write e.g. 30m, 6h or 1d")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


@main.group()
def follow() -> None:
    """Follow feeds and pages: fetch them on a schedule and ingest what is new."""


@follow.command("add")
@click.argument("url")
@click.option("--every", default="6h", show_default=True, help="How often to fetch it: 30m, 6h, 1d...")
@click.option("--name", help="A short name for it (shown in lists; usable instead of the URL).")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def add(url: str, every: str, name: str | None, db: str | None, settings: Settings) -> None:
    """Follow a feed or page URL (first fetched by the next `follow run`)."""
    from datetime import datetime, timezone

    from factfinder.store.follows import add_followed

    seconds = parse_every(every)
    with open_store(settings.with_options(db=db)) as store, store.transaction():
        source = add_followed(store.conn, url, every_seconds=seconds, name=name, now=datetime.now(timezone.utc))
    click.echo(f"following {source.url} every {every}" + (f" as {name}" if name else ""))


@follow.command("list")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def list_(db: str | None, settings: Settings) -> None:
    """Every followed source: when it last worked, its last error, new items a day."""
    from datetime import datetime, timezone

    from factfinder.store.follows import list_followed

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        sources = list_followed(store.conn, now=datetime.now(timezone.utc))
    if not sources:
        click.echo("no followed sources; add one with `factfinder follow add URL`")
    for s in sources:
        error = f"  last error {s.last_error_at}: {s.last_error}" if s.last_error else ""
        click.echo(f"{s.name or '-':<16} {s.url}  every {s.every_seconds // 60} min  last success "
                   f"{s.last_success or 'never'}  next {s.next_due}  {s.items_per_day}/day{error}")


@follow.command("remove")
@click.argument("url_or_name")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def remove(url_or_name: str, db: str | None, settings: Settings) -> None:
    """Stop following a source (what it brought stays in the store)."""
    from factfinder.store.follows import remove_followed

    with open_store(settings.with_options(db=db), must_exist=True) as store, store.transaction():
        if not remove_followed(store.conn, url_or_name):
            raise UsageError(f"{url_or_name} is not followed; `factfinder follow list` shows what is")
    click.echo(f"no longer following {url_or_name}")


@follow.command("run")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--all", "every_source", is_flag=True, help="Fetch every followed source now, due or not.")
@click.option("--no-extract", is_flag=True, help="Only capture and store what is new.")
@with_settings
def run(db: str | None, every_source: bool, no_extract: bool, settings: Settings) -> None:
    """One pass: fetch every due source (conditional GET), ingest new items; failures are recorded."""
    from factfinder.follow import follow_pass
    from factfinder.pipeline import Pipeline

    settings = settings.with_options(db=db)
    with open_store(settings, must_exist=True) as store:
        pipeline = None if no_extract else Pipeline(settings=settings)
        results = follow_pass(store, settings, pipeline=pipeline, every_source=every_source)
    for r in results:
        click.echo(f"{r.status:<12} {r.url}  {r.new_items} new" + (f": {r.message}" if r.message else ""))
    skipped = sum(r.status == "skipped" for r in results)
    click.echo(f"{len(results) - skipped} sources fetched, {sum(r.new_items for r in results)} new items, "
               f"{sum(r.status == 'failed' for r in results)} failed"
               + (f", {skipped} left for the next pass (follow_pass_limit)" if skipped else ""))

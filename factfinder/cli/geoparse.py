"""`factfinder geoparse` (place records of the output contract) and `factfinder geo` (gazetteer tools)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from factfinder.cli import main, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.argument("inputs", nargs=-1, metavar="[PATH ...|-]")
@click.option("--jsonl", "jsonl", metavar="FILE|-",
              help='Batch input: one {"id", "text", "published"} object per line; every record carries the id.')
@click.option("--gazetteer", "gazetteer_path", metavar="FILE",
              help="Gazetteer SQLite file (default: the `gazetteer` setting, else the user cache).")
@with_settings
def geoparse(inputs: tuple[str, ...], jsonl: str | None, gazetteer_path: str | None, settings: Settings) -> None:
    """Find and resolve every place mention of text, HTML or PDF files (or standard input).

    Prints a `document` record per input, then one `place` record per mention,
    resolved or not (lat/lon null). Exits 1 when an input could not be read.
    """
    import json

    from factfinder.batch import geoparse_inputs, geoparse_jsonl
    from factfinder.errors import UsageError
    from factfinder.geo import Gazetteer
    from factfinder.pipeline import Pipeline

    settings = settings.with_options(gazetteer=gazetteer_path)
    if jsonl is not None and inputs:
        raise UsageError("give either PATH arguments or --jsonl FILE, not both")
    # Opened first, so a missing gazetteer file fails before any input is read.
    pipeline = Pipeline(settings=settings, gazetteer=Gazetteer.open(settings.gazetteer_path))
    if jsonl is not None:
        try:
            stream = sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8", errors="replace")
        except OSError as exc:
            raise UsageError(f"cannot open {jsonl}: {exc.strerror}; check the --jsonl path") from exc
        records = geoparse_jsonl(stream, pipeline=pipeline)
    else:
        records = geoparse_inputs(inputs or ("-",), settings=settings, pipeline=pipeline)
    failed = False
    for record in records:
        if record["record"] == "error":
            failed = failed or jsonl is None
            click.echo(f"error: {record['message']}", err=True)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        raise SystemExit(1)


@main.group()
def geo() -> None:
    """Gazetteer tools: build it, look a name up, reverse-geocode a coordinate."""


@geo.command("build")
@click.option("--output", metavar="FILE",
              help="Where to write the gazetteer (default: the `gazetteer` setting, else the user cache).")
@click.option("--geonames", metavar="allCountries.txt", help="Build from a GeoNames dump instead of packaged data.")
@click.option("--admin1", metavar="admin1CodesASCII.txt", help="GeoNames admin1 names (needed with --geonames).")
@click.option("--postal", metavar="allCountries.txt",
              help="Take the postal-code localities from this whole GeoNames postal-code dump instead of the "
                   "packaged tier (docs/geo.md).")
@click.option("--points", metavar="allCountries.txt",
              help="Move admin1 units and countries to the points of their GeoNames features (the ADM1 and PCLI "
                   "rows of this GeoNames dump, a country file or those rows alone; docs/geo.md).")
@with_settings
def geo_build(output: str | None, geonames: str | None, admin1: str | None, postal: str | None,
              points: str | None, settings: Settings) -> None:
    """Build the gazetteer SQLite file (once; about 30 s from packaged data)."""
    import time
    from pathlib import Path

    from factfinder.errors import UsageError
    from factfinder.geo.build import build_gazetteer
    from factfinder.geo.geonames_dump import build_from_geonames
    from factfinder.geo.gazetteer import default_path

    target = settings.with_options(gazetteer=output).gazetteer_path or default_path()
    started = time.perf_counter()
    if geonames or admin1:
        if not (geonames and admin1):
            raise UsageError("--geonames and --admin1 go together: pass allCountries.txt and admin1CodesASCII.txt")
        if points:
            raise UsageError("--points is for the packaged build: a --geonames build takes the points of its dump")
        build_from_geonames(target, Path(geonames), Path(admin1), Path(postal) if postal else None)
    else:
        build_gazetteer(target, Path(postal) if postal else None, Path(points) if points else None)
    click.echo(f"gazetteer written to {target} in {time.perf_counter() - started:.1f} s")
    if target == default_path():
        from factfinder.geo.build import SCHEMA_VERSION
        from factfinder.geo.cache_files import remove_older_schemas

        freed = remove_older_schemas(target.parent, SCHEMA_VERSION)
        if freed:
            click.echo(f"removed older gazetteer versions from {target.parent} ({freed / 1e6:.0f} MB)")


@geo.command("lookup")
@click.argument("name")
@with_settings
def geo_lookup(name: str, settings: Settings) -> None:
    """Print the gazetteer entries a name can refer to, most populous first."""
    from factfinder.geo import Gazetteer

    gazetteer = Gazetteer.open(settings.gazetteer_path)
    for c in gazetteer.lookup(name)[:20]:
        click.echo(f"{c.name}\t{c.kind}\t{c.country or ''}\t{c.admin1 or ''}\t{c.lat}\t{c.lon}\t{c.population}")


@geo.command("reverse")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@with_settings
def geo_reverse(lat: float, lon: float, settings: Settings) -> None:
    """Print the country and admin1 of a coordinate (decimal degrees)."""
    import json

    from factfinder.geo import Gazetteer

    region = Gazetteer.open(settings.gazetteer_path).reverse(lat, lon)
    click.echo(json.dumps({"lat": lat, "lon": lon, "country": region.country, "admin1": region.admin1,
                           "nearest": region.nearest, "distance_km": region.distance_km}))

"""`factfinder extract`: the output contract of DESIGN.md on standard output, no database."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

import click

from factfinder.cli import lang_flag, main, ocr_flags, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command()
@click.argument("inputs", nargs=-1, metavar="[PATH ...|-]")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date of the inputs, for resolving 'yesterday' or 'November 16th'.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per line.")
@click.option("--jsonl", "jsonl", metavar="FILE|-",
              help='Batch input: one {"id", "text", "published", "url"} object per line; '
                   "every output record carries the line's id.")
@click.option("--workers", type=int, default=None,
              help="Processes for a --jsonl batch (default: the `workers` setting, 2).")
@ocr_flags
@lang_flag
@with_settings
def extract(inputs: tuple[str, ...], published: str | None, fmt: str, jsonl: str | None,
            workers: int | None, ocr: str | None, ocr_languages: str | None, language: str | None,
            settings: Settings) -> None:
    """Extract incidents and statistics from text, HTML, PDF or scanned files (or standard input).

    Prints a `document` record per input, then its `incident` and `statistic`
    records. Exits 1 when an input could not be read (its `error` record says why).
    """
    import json

    from factfinder.errors import UsageError
    from factfinder.batch import check_published, extract_inputs, extract_jsonl

    settings = settings.with_options(workers=workers, ocr=ocr, ocr_languages=ocr_languages, language=language)
    published = check_published(published)
    if jsonl is not None and inputs:
        raise UsageError("give either PATH arguments or --jsonl FILE, not both")
    if jsonl is not None:
        if published is not None:
            raise UsageError("--published applies to PATH inputs; in --jsonl mode put \"published\" on each line")
        stream = sys.stdin if jsonl == "-" else _open_text(jsonl)
        records = extract_jsonl(stream, settings=settings)
    else:
        from factfinder.pipeline import Pipeline

        pipeline = Pipeline(settings=settings)
        records = extract_inputs(inputs or ("-",), published=published, settings=settings, pipeline=pipeline)
    failed = False
    out = sys.stdout
    for record in records:
        failed = failed or (record["record"] == "error" and jsonl is None)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if record["record"] == "error":
            click.echo(f"error: {record['message']}", err=True)
    out.flush()
    if failed:
        raise SystemExit(1)


def _open_text(path: str) -> TextIO:
    from factfinder.errors import UsageError

    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot open {path}: {exc.strerror}; check the --jsonl path") from exc

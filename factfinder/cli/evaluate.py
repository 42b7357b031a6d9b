"""`factfinder eval`: score the pipeline against gold files or the shared dev sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factfinder.cli import main, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


@main.command(name="eval")
@click.argument("gold", nargs=-1, type=click.Path(path_type=Path))
@click.option("--devset", "devsets", multiple=True, type=click.Path(path_type=Path),
              help="A ../shared/devsets file (gwn, tr_news, isaf); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per report instead of tables.")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the seed reports named by gold `seed` fields (default: ../shared/seeds).")
@click.option("--limit", type=int, default=None, help="Score only the first N documents of each file.")
@click.option("--floors", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A floors.json to check; exit 1 when a score falls below its floor.")
@with_settings
def eval_command(gold: tuple[Path, ...], devsets: tuple[Path, ...], as_json: bool, seeds: Path | None,
                 limit: int | None, floors: Path | None, settings: Settings) -> None:
    """Score extraction and geoparsing: precision, recall and F1 per field.

    GOLD is one or more gold .jsonl files or folders of them (docs/gold-format.md);
    the kind of each file (extraction or geo) is read from its records.
    """
    from factfinder.errors import UsageError
    from factfinder.evaluate import check_floors, evaluate_devset, evaluate_paths, format_report
    from factfinder.evaluate.floors import load_floors
    from factfinder.pipeline import Pipeline

    if not gold and not devsets:
        raise UsageError("give gold .jsonl files (or a folder) or --devset PATH; see docs/eval.md")
    pipeline = Pipeline(settings=settings)
    reports = evaluate_paths(gold, pipeline=pipeline, seeds_dir=seeds, limit=limit) if gold else []
    reports += [evaluate_devset(path, pipeline=pipeline, limit=limit) for path in devsets]
    for report in reports:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False) if as_json else format_report(report) + "\n")
    if not any(r.scored for r in reports):
        raise UsageError("nothing could be scored: " + "; ".join(n for r in reports for n in r.notes))
    if floors is not None:
        failures, _ = check_floors(reports, load_floors(floors))
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            raise SystemExit(1)

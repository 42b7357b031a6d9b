"""Driving a batch: read items, skip what is done, map the work with an engine, commit chunks.

Engines: ``local`` (in this process for one worker, else a process pool, like
`extract --jsonl`) and ``ray`` (Ray Data ``map_batches`` over an actor pool of
``Worker``s; local mode on a laptop, ``--address`` for a cluster). Either way the
driver writes the output (output.ChunkWriter), so exactly-once never depends on
the engine's writer, and a worker the engine retries changes nothing.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, TextIO, TypeVar

from factfinder.errors import UsageError
from factfinder.scale.inputs import Item, read_items
from factfinder.scale.output import ChunkWriter
from factfinder.scale.work import Worker
from factfinder.settings import Settings
from factfinder.values.isodate import utc_now

ENGINES = ("local", "ray")
CHUNK_DOCUMENTS = 64  # documents per committed chunk: a killed run redoes at most this many per worker
BATCH_DOCUMENTS = 8  # documents per engine task
RAY_WINDOW = 20_000  # items held by the driver per Ray dataset (bounds its memory on huge corpora)
LOCAL_WINDOW = 2_000  # items handed to the process pool at a time (its feeder would otherwise queue them all)


@dataclass
class BatchSummary:
    """What a run did; also written to OUT/manifest.json."""

    inputs: list[str]
    engine: str
    workers: int
    total: int = 0
    skipped: int = 0  # done by an earlier run
    processed: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows per table over the whole output
    started: str = ""
    finished: str = ""
    seconds: float = 0.0
    version: str = ""


class Progress:
    """Documents done / total, documents per second and the time left, on stderr."""

    def __init__(self, total: int, stream: TextIO | None, every: float = 2.0) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.done = 0
        self.started = self.last = time.monotonic()

    def add(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.stream is not None and (now - self.last >= self.every or self.done >= self.total):
            self.last = now
            rate = self.done / max(now - self.started, 1e-9)
            left = (self.total - self.done) / rate if rate > 0 else float("inf")
            self.stream.write(f"batch: {self.done}/{self.total} documents, {rate:.1f} documents/s, "
                              f"{left:.0f} s left\n")
            self.stream.flush()


_T = TypeVar("_T")


def _groups(values: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Consecutive lists of ``size`` values (the last may be shorter), drawn lazily."""
    group: list[_T] = []
    for value in values:
        group.append(value)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _pending(inputs: list[str], done: set[str], summary: BatchSummary | None = None) -> Iterator[Item]:
    """The input's documents not done by an earlier run, each once, read lazily.

    Called twice per run: once to count (``summary`` given: totals and skips), once to work,
    so the driver never holds the corpus, only the keys it has seen.
    """
    seen: set[str] = set()
    for item in read_items(inputs):
        if summary is not None:
            summary.total += 1
        if item.key in done or item.key in seen:
            if summary is not None:
                summary.skipped += 1  # done by an earlier run, or the same document twice in the input
            continue
        seen.add(item.key)
        yield item


_LOCAL_WORKER: Worker | None = None


def _init_local(settings: Settings) -> None:
    global _LOCAL_WORKER
    _LOCAL_WORKER = Worker(settings)


def _run_local_batch(items: list[Item]) -> list[dict[str, Any]]:
    assert _LOCAL_WORKER is not None
    return _LOCAL_WORKER.rows(items)


def _local_rows(items: Iterable[Item], *, workers: int, settings: Settings) -> Iterator[dict[str, Any]]:
    if workers <= 1:
        worker = Worker(settings)
        for batch in _groups(items, BATCH_DOCUMENTS):
            yield from worker.rows(batch)
        return
    from factfinder.pipeline import process_pool

    with process_pool(workers, settings=settings, initializer=_init_local, initargs=(settings,)) as pool:
        for window in _groups(items, LOCAL_WINDOW):
            for rows in pool.imap_unordered(_run_local_batch, _groups(window, BATCH_DOCUMENTS)):
                yield from rows


class _RayWorker:
    """Ray Data's actor-pool callable: one Worker (one Pipeline) per actor, rows out as JSON."""

    def __init__(self, settings: Settings) -> None:
        self.worker = Worker(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        items = [Item(**json.loads(spec), data=bytes(data) if data is not None else None)
                 for spec, data in zip(batch["spec"], batch["data"])]
        return {"row": [json.dumps(row, ensure_ascii=False) for row in self.worker.rows(items)]}


def _ray_rows(items: Iterable[Item], *, workers: int, address: str | None,
              settings: Settings) -> Iterator[dict[str, Any]]:
    windows = _groups(items, RAY_WINDOW)
    first = next(windows, None)
    if first is None:  # nothing left to do (a finished run resumed): Ray is not started
        return
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install -e '.[scale]' (or use --engine local)") from None
    if not ray.is_initialized():
        import logging

        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # our own line on stderr says done/total, rate and time left
    for window in chain([first], windows):
        specs = [{"spec": json.dumps({k: v for k, v in asdict(i).items() if k != "data"}), "data": i.data}
                 for i in window]
        dataset = ray.data.from_items(specs, override_num_blocks=max(1, len(window) // BATCH_DOCUMENTS))
        mapped = dataset.map_batches(
            _RayWorker, fn_constructor_kwargs={"settings": settings},
            batch_size=BATCH_DOCUMENTS, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
            batch_format="numpy",
            max_restarts=2, max_task_retries=2)
        for batch in mapped.iter_batches(batch_size=BATCH_DOCUMENTS, batch_format="numpy"):
            for row in batch["row"]:
                yield json.loads(row)


def run_batch(inputs: list[str], *, out: Path, engine: str = "local", workers: int | None = None,
              address: str | None = None, settings: Settings | Mapping[str, Any] | None = None,
              spacy_model: str | None = None, ocr: str | None = None,
              progress: TextIO | None = sys.stderr) -> BatchSummary:
    """Process every input document once into Parquet under ``out``; resumable after any crash.

    Every worker builds its Pipeline and OCR options from ``settings``; ``workers``,
    ``spacy_model`` and ``ocr``, when given, override the settings of the same name.
    """
    from importlib.metadata import version

    resolved = Settings.coerce(settings).with_options(workers=workers, spacy_model=spacy_model, ocr=ocr)
    workers = resolved.workers
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    started = time.monotonic()
    summary = BatchSummary(inputs=list(inputs), engine=engine, workers=workers, version=version("factfinder"),
                           started=utc_now())
    writer = ChunkWriter(out)
    done = writer.done_keys()
    pending = sum(1 for _ in _pending(list(inputs), done, summary))  # counted first, for the time left
    items = _pending(list(inputs), done)
    meter = Progress(pending, progress)
    rows = (_ray_rows(items, workers=workers, address=address, settings=resolved)
            if engine == "ray" else _local_rows(items, workers=workers, settings=resolved))
    for chunk in _groups(rows, CHUNK_DOCUMENTS):
        writer.write(chunk)
        summary.processed += len(chunk)
        meter.add(len(chunk))
    summary.counts = writer.totals()
    summary.seconds = round(time.monotonic() - started, 2)
    summary.finished = utc_now()
    manifest = out / "manifest.json"
    manifest.with_suffix(".tmp").write_text(json.dumps(asdict(summary), indent=2), encoding="utf-8")
    manifest.with_suffix(".tmp").replace(manifest)
    return summary

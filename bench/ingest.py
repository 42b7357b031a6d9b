"""Ingest speed: capture + text + store (the `--no-extract` path) against bare trafilatura.

Generates 1,000 news-like HTML pages (navigation, article, related links,
footer; sentences assembled from our own templates), then in the same run
times (a) ``trafilatura.extract`` over every page's HTML and (b)
``ingest_inputs`` into a fresh temporary store. Target: ingest takes at most
1.5x the bare extraction. Run: ``.venv/bin/python bench/ingest.py [--pages N] [--profile]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 1.5

PLACES = ["Northfield", "Riverside district", "the eastern province", "Port Amal", "Kessel township",
          "the border camp", "Old Market", "Hill village"]
ACTORS = ["security forces", "an armed group", "police", "the local militia", "soldiers", "unknown gunmen"]
EVENTS = ["detained {n} people", "shelled the market, killing {n} civilians", "forced {n} families to flee",
          "burned {n} homes", "blocked an aid convoy carrying food for {n} households",
          "arrested {n} protesters"]
SAYS = ["a resident said", "the rights group reported", "officials said", "according to a local aid worker",
        "a spokesperson told reporters", "the outlet could not independently confirm the figure"]


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        event = rng.choice(EVENTS).format(n=rng.randint(2, 400))
        sentences.append(f"{rng.choice(ACTORS).capitalize()} {event} in {rng.choice(PLACES)} on "
                         f"{rng.choice(['Monday', 'Tuesday', 'Friday', 'Sunday'])}, {rng.choice(SAYS)}.")
    return " ".join(sentences)


def page(i: int, rng: random.Random) -> str:
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>'
                  for s in ("world", "asia", "africa", "rights", "opinion", "video", "podcasts", "about"))
    related = "".join(f'<li><a href="/story/{rng.randint(1, 10**6)}">Related: {rng.choice(PLACES)} '
                      f"update {rng.randint(1, 99)}</a></li>" for _ in range(6))
    body = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(6, 12)))
    day = 1 + i % 28
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Report {i}: events in {rng.choice(PLACES)} | Example Monitor</title>
<meta property="article:published_time" content="2023-11-{day:02d}T08:00:00Z">
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js"></script></head>
<body><header><div class="logo">Example Monitor</div><nav><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>Report {i}: events in {rng.choice(PLACES)}</h1>
<p class="byline">By Staff Reporter · November {day}, 2023</p>{body}</article>
<aside><h2>Related</h2><ul>{related}</ul><div class="newsletter">Sign up for our daily briefing.</div></aside></main>
<footer><p>© 2023 Example Monitor. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li><li><a href="/contact">Contact</a></li></ul></footer></body></html>
"""


def generate(folder: Path, n: int) -> list[Path]:
    rng = random.Random(20231120)
    paths = []
    for i in range(n):
        path = folder / f"page-{i:04d}.html"
        path.write_text(page(i, rng), encoding="utf-8")
        paths.append(path)
    return paths


class Clock:
    """Wall time and this process's CPU time (all threads) since it was made.

    On a shared machine the wall time of a run swings with the other jobs; the
    CPU time swings much less, so both are reported.
    """

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def bare(paths: list[Path]) -> tuple[float, float]:
    import trafilatura

    clock = Clock()
    for path in paths:
        trafilatura.extract(path.read_bytes().decode("utf-8"))
    return clock.stop()


def capture_and_text(folder: Path) -> tuple[float, float]:
    """The capture and text stages alone, without the store: what ingest costs before storing."""
    from factfinder.capture import capture_inputs
    from factfinder.settings import load_settings
    from factfinder.text import document_from_capture

    clock = Clock()
    for capture in capture_inputs([str(folder)], settings=load_settings()):
        document_from_capture(capture)
    return clock.stop()


def ingest(folder: Path, db: Path) -> tuple[tuple[float, float], int]:
    from factfinder.pipeline import ingest_inputs
    from factfinder.settings import load_settings
    from factfinder.store import Store

    with Store.open(db) as store:
        clock = Clock()
        report = ingest_inputs([str(folder)], store=store, settings=load_settings(db=str(db)))
        elapsed = clock.stop()
    if report.failed:
        bad = next(o for o in report.outcomes if o.status == "failed")
        raise SystemExit(f"ingest failed on {bad.origin}: {bad.message}")
    return elapsed, report.count("stored")


def _best(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The least disturbed of two runs, wall and CPU each taken at its minimum."""
    return min(a[0], b[0]), min(a[1], b[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternate the three measurements this many times and keep the best of each "
                             "(the machine is shared: the best time is the least disturbed one)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factfinder-bench-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        paths = generate(pages, args.pages)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        warm = Path(tmp) / "warm"
        warm.mkdir()
        generate(warm, 10)
        bare(paths[:20])  # warm up imports and caches on every side
        capture_and_text(warm)
        ingest(warm, Path(tmp) / "warm.db")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            ingest(pages, Path(tmp) / "profile.db")
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
        inf = (float("inf"), float("inf"))
        t_bare = t_text = t_ingest = inf
        stored = 0
        for n in range(args.rounds):
            t_bare = _best(t_bare, bare(paths))
            t_text = _best(t_text, capture_and_text(pages))
            elapsed, stored = ingest(pages, Path(tmp) / f"bench-{n}.db")
            t_ingest = _best(t_ingest, elapsed)
        ratio = t_ingest[0] / t_bare[0]
        print(f"pages: {args.pages} ({mb:.1f} MB of HTML), stored {stored}; best of {args.rounds} rounds "
              "(wall time; CPU time of the process in brackets)")
        for label, (wall, cpu) in (("bare trafilatura.extract:", t_bare), ("capture + text, no store:", t_text),
                                   ("ingest --no-extract:     ", t_ingest)):
            print(f"{label} {args.pages / wall:8.1f} pages/s  ({wall:.2f} s) [cpu {cpu:.2f} s]")
        print(f"store overhead: {t_ingest[0] / t_text[0]:.2f}x the capture + text stages; "
              f"capture + text alone: {t_text[0] / t_bare[0]:.2f}x bare trafilatura "
              f"[cpu {t_text[1] / t_bare[1]:.2f}x]")
        print(f"ratio ingest/bare: {ratio:.2f}x [cpu {t_ingest[1] / t_bare[1]:.2f}x] (target <= {TARGET_RATIO}x) "
              f"{'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")


if __name__ == "__main__":
    main()

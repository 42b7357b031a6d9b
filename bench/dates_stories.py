"""Speed of date finding and story segmentation, with a baseline in the same run.

Prints documents per second for factfinder's rule-based ``find_date_spans`` and,
when the optional ``dateparser`` package is installed, for ``dateparser.search``
on the same texts (the library we chose not to depend on), then for
``segment_stories``. Texts: the seed reports and the shared dev sets, read at run
time from ../shared (nothing is copied).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _texts(limit: int = 300) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for name in ("isaf_dev.jsonl", "tr_news.jsonl"):
        path = SHARED / "devsets" / name
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit]


def _rate(label: str, func, texts: list[str]) -> float:
    start = time.perf_counter()
    found = sum(len(func(t) or ()) for t in texts)
    seconds = time.perf_counter() - start
    print(f"{label:<36}{len(texts) / seconds:>10.1f} docs/s  ({found} items, {seconds:.2f} s)")
    return seconds


def main() -> None:
    from factfinder.dates import find_date_spans
    from factfinder.text.stories import segment_stories

    texts = _texts()
    if not texts:
        print("no texts: ../shared/seeds and ../shared/devsets are not beside the checkout")
        return
    _rate("factfinder.dates.find_date_spans", find_date_spans, texts)
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no baseline")
    else:
        subset = texts[:60]
        base = _rate("dateparser.search.search_dates", lambda t: search_dates(t, languages=["en"]), subset)
        ours_subset = _rate("find_date_spans (same subset)", find_date_spans, subset)
        print(f"speed-up over baseline: {base / ours_subset:.1f}x")
    _rate("factfinder.text.stories.segment_stories", segment_stories, texts)


if __name__ == "__main__":
    main()

"""The consolidation pair scorer: anchors pick incidents, merges are counted pairwise."""

from __future__ import annotations

import json
from pathlib import Path

from factfinder.evaluate.consolidation import evaluate_pairs
from factfinder.model import DateRange, Document, Extraction, Incident, Place, Span

SAME = {"id": "p1", "same": True, "type": "arrest",
        "a": {"outlet": "one.org", "published": "2024-01-05", "text": "Police arrested 12 students in Minsk on Friday."},
        "b": {"outlet": "two.org", "published": "2024-01-05", "text": "Twelve students were detained in Minsk."},
        "a_anchor": "Police arrested 12 students in Minsk on Friday.",
        "b_anchor": "Twelve students were detained in Minsk."}
DIFF = {"id": "p2", "same": False, "type": "arrest",
        "a": {"outlet": "one.org", "published": "2024-01-05", "text": "Police arrested 12 students in Minsk."},
        "b": {"outlet": "two.org", "published": "2024-01-05", "text": "Police arrested 3 lawyers in Hrodna."},
        "a_anchor": "Police arrested 12 students in Minsk.", "b_anchor": "Police arrested 3 lawyers in Hrodna."}
PLACES = {"Minsk": (53.9, 27.57), "Hrodna": (53.68, 23.83)}


class FakePipeline:
    """One arrest per text, placed at the city it names, dated the publication day."""

    def extract(self, document: Document) -> Extraction:
        name = next(n for n in PLACES if n in document.text)
        at = document.text.index(name)
        lat, lon = PLACES[name]
        text = document.text
        inc = Incident(doc=document.doc, type="arrest", summary=text, evidence=(Span(0, len(text), text),),
                       date=DateRange(document.published, document.published, "day"),
                       location=Place(Span(at, at + len(name), name), name, lat, lon, "BY", precision="town"))
        return Extraction(document=document, incidents=(inc,))


def test_pairs_are_scored_pairwise(tmp_path: Path) -> None:
    gold = tmp_path / "pairs.jsonl"
    gold.write_text("\n".join(json.dumps(p) for p in (SAME, DIFF)) + "\n")
    report = evaluate_pairs(gold, pipeline=FakePipeline())
    score = report.scores["merge_pairs"]
    assert (score.tp, score.predicted, score.gold) == (1, 1, 1)
    assert report.figures["anchor_missed"] == 0

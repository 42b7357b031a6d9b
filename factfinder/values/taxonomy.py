"""The finer kind of an incident (``subtype``) and its ACLED event and sub-event type (``acled``).

``type`` keeps DESIGN.md's 19 codes, which other tools and the evaluation read;
conflict monitors also want ACLED's finer distinctions (weapons seized against
a base set up, both ``other``; an air strike against a roadside bomb, both
``attack``). One table, ``factfinder/data/acled_mapping.csv`` (source: ACLED's
public codebook), gives per type the cue words that pick a subtype and the ACLED
pair it codes to, so the extracted record, the store and the ``acled-csv``
export always agree. Cues match the start of a word of the incident's own
sentence. A value module (no stage): extraction fills the fields, the store
fills them again for incidents it reads back (they follow from type and
sentence, so they are not stored), the contract checker and the export read the
table. The role rules that settle the type first are extraction's
(``factfinder/extract/event_type/taxonomy.py``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from factfinder.model import AcledCode, Incident


@dataclass(frozen=True, slots=True)
class TaxonomyRow:
    """One row of the table: a type's subtype, the cue words that pick it and its ACLED coding."""

    type: str
    subtype: str | None
    cues: re.Pattern[str] | None  # None: the type's default row
    event_type: str
    sub_event_type: str
    disorder_type: str
    native: str  # "yes", "partly" (ACLED codes it under a broader sub-event) or "no"

    @property
    def acled(self) -> AcledCode | None:
        """The ACLED pair, where ACLED codes this kind of event at all."""
        return AcledCode(self.event_type, self.sub_event_type) if self.native != "no" else None


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[TaxonomyRow, ...]]:
    """The rows of every type, in table order (the first row whose cues match wins)."""
    text = resources.files("factfinder.data").joinpath("acled_mapping.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, list[TaxonomyRow]] = {}
    for row in rows:
        words = [re.escape(k.strip()) for k in row["keywords"].split("|") if k.strip()]
        cues = re.compile(r"\b(?:" + "|".join(words) + ")", re.IGNORECASE) if words else None
        table.setdefault(row["factfinder_type"], []).append(TaxonomyRow(
            row["factfinder_type"], row["subtype"] or None, cues, row["event_type"], row["sub_event_type"],
            row["disorder_type"], row["acled_native"]))
    return {kind: tuple(found) for kind, found in table.items()}


def classify(kind: str, text: str) -> TaxonomyRow:
    """The table row of an incident of type ``kind`` told in ``text`` (its sentence)."""
    rows = taxonomy().get(kind) or taxonomy()["other"]
    for row in rows:
        if row.cues is None or row.cues.search(text):
            return row
    return taxonomy()["other"][-1]


def with_fields(incident: Incident) -> Incident:
    """The incident with ``subtype`` and ``acled`` read from its type and sentence, its type kept: for
    incidents read back from a store, whose type is settled (or corrected by a reviewer) and whose
    fields are not stored, since the same type and sentence always give the same fields."""
    row = classify(incident.type, incident.summary)
    return replace(incident, subtype=row.subtype, acled=row.acled)

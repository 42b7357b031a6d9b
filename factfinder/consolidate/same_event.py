"""The one "same event" scorer: do two tellings describe one event, and how strongly?

Both merges ask this question: the within-document merge (``within.py``: the
sentences of one report that tell one event) and cross-source consolidation
(``cluster.py``: the reports of several sources). Each field test answers with
a number in [0, 1], or ``None`` when a field is unknown on one side (unknown is
neither evidence for nor against): type, date overlap by precision, place by
precision and distance, counts, actors and wording. A test that answers 0 on a
hard field vetoes the merge: a monitor would rather see two incidents than one
wrong merge.

What must differ between the two uses is declared, not coded twice: a
``SameEventRules`` value says how much date slack there is, whether a date
told outside the incident's own sentences counts, how places and figures are
compared, which fields veto, how the known fields are weighed (wording only
across sources) and the threshold. ``WITHIN_DOCUMENT`` and ``ACROSS_SOURCES``
are the two declared rule sets.

A ``Telling`` (``telling.py``) holds what the tests read of an incident,
computed once; ``reach.py`` rules out whole clusters the vetoes would reject;
``story_relations.py`` holds the within-document tests of how two tellings relate as stories.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rapidfuzz import fuzz

from factfinder.consolidate.story_relations import copies_of_one_story, is_vague, own_year, same_speaker, \
    separate_acts, share_evidence, stories_compatible, told_alike
from factfinder.consolidate.telling import KM_PER_RADIAN, RANK, Telling, Where, normalised_words, opens_with_time
from factfinder.model import SourcedIncident
from factfinder.values.places import haversine_km



@dataclass(frozen=True, slots=True)
class SameEventRules:
    """How one use of the scorer differs from the other; every difference is a field here.

    - ``date_window_days``: slack between two dates (sources lag a day or two
      behind each other; inside one document the ranges must overlap).
    - ``date_context_is_evidence``: whether a date phrase outside the incident's
      own sentences (a dateline, an earlier paragraph) may tell two events apart.
    - ``places_by_province``: places agree when they lie in one admin1 area, at any
      precision (one operation's villages, a town and its province), and unresolved
      place names are unknown; otherwise places are compared at the coarser
      precision by name and distance (``town_radius_km``, ``admin1_radius_km``).
    - ``count_hedge``: figures within this factor of each other (totals or single
      figures) are one toll and a vague word fits any figure; None: the share of
      common categories whose values are equal.
    - ``one_document``: only tellings of one document are compared.
    - ``one_story``: tellings from two stories are the same event only when told
      alike (same day, same place, same figure); ``shared_evidence_is_same``: two
      tellings resting on one sentence are one event; ``one_toll_two_places``: in one
      story, the same category of figure makes two places one event's places.
    - ``copy_text_similarity``: copies of one story (same fingerprint, another
      story) are the same event once their wording is this similar.
    - ``text_alone``: with neither date nor place known on both sides, wording
      must be this similar.
    - ``own_time_opening``: a later sentence that opens with a time of its own ("In December,
      ...", "On 9 May, ...", "Earlier the same day, ...") tells an act of its own: it joins an
      earlier sentence's telling (``a``; ``b`` is the later) only when both dates are known and
      agree. The undated sentences after a dated opening still tell more of its act.
    - ``speaker_types``: types whose event is its speaker's act (a statement): two tellings
      of one such type are one event only when they name a speaker in common, or one of them
      names none and opens with a pronoun back to the other's ("They blamed ...").
    - ``vetoes``: the fields whose 0 rejects the pair; ``weights``: how the other
      known fields are averaged into the score (empty: a pair nothing vetoes scores
      1); ``threshold``: the score from which two tellings are one event.
    """

    name: str
    date_window_days: int
    date_context_is_evidence: bool
    places_by_province: bool
    count_hedge: float | None
    one_document: bool
    one_story: bool
    shared_evidence_is_same: bool
    one_toll_two_places: bool
    copy_text_similarity: float | None
    text_alone: float | None
    vetoes: frozenset[str]
    weights: Mapping[str, float]
    threshold: float
    town_radius_km: float = 25.0
    admin1_radius_km: float = 100.0
    speaker_types: frozenset[str] = frozenset()
    own_time_opening: bool = False
    needs_text: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs_text", "text" in self.weights or self.copy_text_similarity is not None
                           or self.text_alone is not None)


ACROSS_SOURCES = SameEventRules(
    name="across sources",
    date_window_days=2,  # the usual lag of "yesterday" / "on Tuesday" resolution and time-zone edges
    date_context_is_evidence=True,
    places_by_province=False,
    count_hedge=None,
    one_document=False,
    one_story=False,
    shared_evidence_is_same=False,
    one_toll_two_places=False,
    # Two copies of one story (a digest repeating an item, one wire story in two
    # outlets) tell the same events once their wording is this similar, even
    # when one copy is worded anew.
    copy_text_similarity=0.4,
    text_alone=0.85,
    vetoes=frozenset({"date", "place"}),
    weights=MappingProxyType({"date": 0.25, "place": 0.25, "actors": 0.15, "targets": 0.1, "counts": 0.1,
                              "text": 0.15}),
    threshold=0.6,
)
"""Reports of several sources: graded evidence, wording counts, two days of slack."""

WITHIN_DOCUMENT = SameEventRules(
    name="within a document",
    date_window_days=0,  # sentences of one story share their context: no day of slack
    date_context_is_evidence=False,
    places_by_province=True,
    count_hedge=1.5,  # hedged figures of one toll, or a part of it retold
    one_document=True,
    one_story=True,
    shared_evidence_is_same=True,
    one_toll_two_places=True,
    copy_text_similarity=None,
    text_alone=None,
    vetoes=frozenset({"date", "place", "counts"}),
    weights=MappingProxyType({}),  # nothing is graded: what no field vetoes is one event
    threshold=1.0,
    # a report's reactions ("the UN condemned ...", "the government denied ...") are each a
    # statement of their own, however close their sentences
    speaker_types=frozenset({"statement"}),
    # annual reports and news open the sentence of each new act with its time
    own_time_opening=True,
)
"""The sentences of one document: story context counts, figures within hedging agree."""


# --- the field tests -------------------------------------------------------------


def _days_agreement(a: tuple[int, int], b: tuple[int, int], window_days: int) -> float:
    gap = (a[0] if a[0] > b[0] else b[0]) - (a[1] if a[1] < b[1] else b[1])
    if gap <= 0:  # the ranges overlap
        return 1.0
    if gap > window_days:
        return 0.0
    return 1.0 - gap / (window_days + 1)


def _km(a: Where, b: Where, limit: float) -> float | None:
    """The distance when it is at most ``limit`` km, else None (cheap latitude test first:
    the great-circle distance is at least the latitudes' difference; the margin keeps
    rounding from ruling out a pair within ``limit``)."""
    if abs(a.lat_radians - b.lat_radians) * KM_PER_RADIAN > limit * (1 + 1e-9):
        return None
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    return km if km <= limit else None


def place_agreement(wa: Where | None, wb: Where | None, rules: SameEventRules) -> float | None:
    """How well two places agree; None when either is unknown (see ``SameEventRules``)."""
    if wa is None or wb is None:
        return None
    if rules.places_by_province:
        return _province_agreement(wa, wb)
    a, b = wa.place, wb.place
    if (not wa.resolved and not a.name) or (not wb.resolved and not b.name):
        return None
    if a.country and b.country and a.country != b.country:
        return 0.0
    coarser = max(wa.rank, wb.rank)
    if coarser >= RANK["country"]:
        return 0.5  # same country only: weak evidence
    if coarser == RANK["admin1"]:
        if a.admin1 and b.admin1 and a.admin1.casefold() == b.admin1.casefold():
            return 0.7
        # Sources name regions differently ("Kyiv" city vs "Kyiv Oblast"); close
        # coordinates still say the same area.
        if wa.resolved and wb.resolved:
            return 0.5 if _km(wa, wb, rules.admin1_radius_km) is not None else 0.0
        return 0.5 if not (a.admin1 and b.admin1) else 0.0
    if wa.resolved and wb.resolved:
        reach = 3 * (rules.town_radius_km if coarser <= RANK["town"] else 4 * rules.town_radius_km)
        km = _km(wa, wb, reach)
        return 0.0 if km is None else max(0.0, 1.0 - km / reach)
    same_name = (a.name or "").casefold() == (b.name or "").casefold()
    return 1.0 if same_name else 0.0


def _province_agreement(wa: Where, wb: Where) -> float | None:
    """Unknown (or unresolved), the same place, or places of one province; a country
    contains all its places."""
    if not wa.resolved or not wb.resolved:
        return None
    a, b = wa.place, wb.place
    if a.name == b.name:
        return 1.0
    if a.country != b.country:
        return 0.0
    if a.precision == "country" or b.precision == "country":
        return 0.5
    return 0.7 if a.admin1 is not None and a.admin1 == b.admin1 else 0.0


def set_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Overlap of canonical names over the shorter list (one report often names one party of a
    fight the other names both of: that agrees); None when either side names nobody."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def text_similarity(a: str, b: str) -> float:
    """Token-set similarity of two summaries, robust to reordering and extra clauses."""
    return _words_similarity(normalised_words(a), normalised_words(b))


def _words_similarity(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(a, b)) / 100.0


def _within(x: float, y: float, factor: float) -> bool:
    return min(x, y) > 0 and max(x, y) / min(x, y) <= factor


def count_agreement(a: Telling, b: Telling, rules: SameEventRules) -> float | None:
    """None when no category is common. With ``count_hedge``: 1 when, for each shared
    category and unit, the totals or two single figures lie within the factor ("a
    leader and more than 10 suspects" and "11 suspects" are one detention) or a vague
    word is told, else 0. Without: the share of common categories with equal values."""
    if rules.count_hedge is None:
        va, vb = a.count_values, b.count_values
        common = va.keys() & vb.keys()
        if not common:
            return None
        return sum(1.0 for k in common if va[k] == vb[k]) / len(common)
    ca, cb = a.incident.counts, b.incident.counts
    shared = {(c.category, c.unit) for c in ca} & {(c.category, c.unit) for c in cb}
    if not shared:
        return None
    for key in shared:
        ours = [c for c in ca if (c.category, c.unit) == key]
        theirs = [c for c in cb if (c.category, c.unit) == key]
        if any(is_vague(c) for c in ours + theirs):
            continue
        pairs = [(sum(c.value for c in ours), sum(c.value for c in theirs))]
        pairs += [(x.value, y.value) for x in ours for y in theirs]
        if not any(_within(x, y, rules.count_hedge) for x, y in pairs) and not _part_of_toll(a, b, key):
            return 0.0
    return 1.0


# A sentence whose figures are a part of a toll told before: "a teacher and three pupils were among the dead".
_AMONG = re.compile(r"\bamong (?:the|those) (?:dead|killed|victims|injured|wounded|casualties|detained|arrested|"
                    r"missing|displaced)\b", re.IGNORECASE)


def _part_of_toll(a: Telling, b: Telling, key: tuple[str, str]) -> bool:
    """Whether one telling's figures of ``key`` are told as "among the dead" of the other's larger toll."""
    for part, whole in ((a, b), (b, a)):
        if _AMONG.search(part.incident.summary):
            told = sum(c.value for c in part.incident.counts if (c.category, c.unit) == key)
            total = sum(c.value for c in whole.incident.counts if (c.category, c.unit) == key)
            if told <= total:
                return True
    return False


# --- the score -------------------------------------------------------------------


def score(a: Telling, b: Telling, rules: SameEventRules) -> float:
    """How strongly ``a`` and ``b`` tell one event under ``rules``, in [0, 1]; 0 when a hard
    field disagrees. The cheap hard fields (type, date, place) are tested first so that
    most candidate pairs are rejected before the wording is compared."""
    ia, ib = a.incident, b.incident
    if ia.type != ib.type or (rules.one_document and ia.doc != ib.doc):
        return 0.0
    if rules.shared_evidence_is_same and share_evidence(ia, ib):
        return 0.0 if separate_acts(ia, ib) else 1.0
    if rules.one_story and not stories_compatible(ia, ib):
        return 1.0 if told_alike(ia, ib) else 0.0
    speaker_type = ia.type in rules.speaker_types
    if speaker_type and not same_speaker(a, b):
        return 0.0
    vetoes = rules.vetoes
    da, db = a.days, b.days
    if da is None or db is None or (not rules.date_context_is_evidence and (a.date_is_context or b.date_is_context)):
        date_score = None
    else:
        date_score = _days_agreement(da, db, rules.date_window_days)
    if date_score == 0.0 and "date" in vetoes:
        return 0.0
    if rules.own_time_opening and date_score is None and (opens_with_time(ib.summary) or own_year(a, b)):
        return 0.0  # "In December, a councillor was imprisoned": not the undated fines told before
    # one speaker's statements: a place named in what is said is what it is about, not where
    place = None if speaker_type else place_agreement(a.where, b.where, rules)
    if place == 0.0 and rules.one_toll_two_places and ia.story == ib.story \
            and {c.category for c in ia.counts} & {c.category for c in ib.counts}:
        place = None  # one figure told with two of its places ("fled the villages of A and B")
    if place == 0.0 and "place" in vetoes:
        return 0.0
    scores: dict[str, float | None] = {"date": date_score, "place": place}
    if "counts" in vetoes or "counts" in rules.weights:
        scores["counts"] = count_agreement(a, b, rules)
        if scores["counts"] == 0.0 and "counts" in vetoes:
            return 0.0
    if rules.needs_text:
        text = _words_similarity(a.words, b.words)
        if rules.copy_text_similarity is not None and text >= rules.copy_text_similarity \
                and copies_of_one_story(a, b):
            return 1.0
        if rules.text_alone is not None and date_score is None and place is None and text < rules.text_alone:
            return 0.0
        scores["text"] = text
    if "actors" in rules.weights:
        scores["actors"] = set_overlap(a.perpetrators, b.perpetrators)
    if "targets" in rules.weights:
        scores["targets"] = set_overlap(a.targets, b.targets)
    if not rules.weights:
        return 1.0
    # In the weights' declared order, so that the sums are the same to the last bit.
    known = [(w, v) for k, w in rules.weights.items() if (v := scores.get(k)) is not None]
    total = sum(w for w, _ in known)
    return sum(w * v for w, v in known) / total if total else 0.0


def same_event(a: Telling, b: Telling, rules: SameEventRules) -> bool:
    """Whether ``a`` and ``b`` tell one event under ``rules``."""
    s = score(a, b, rules)
    return s > 0.0 and s >= rules.threshold


def same_event_score(a: SourcedIncident, b: SourcedIncident, rules: SameEventRules = ACROSS_SOURCES) -> float:
    """The score of two sources' tellings (``score`` over their ``Telling``s)."""
    return score(Telling.of_report(a), Telling.of_report(b), rules)

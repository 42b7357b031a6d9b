"""The built-in rule components of the pipeline, each with its declared contract.

    extract  factfinder.incidents.rules.v1  document -> incidents (with trigger words), statistics, entities
    dates    factfinder.dates.rules.v1      date phrases chosen and resolved; tallies' as-of dates
    geo      factfinder.geo.resolve.v1      every place mention, resolved on the gazetteer
    geo      factfinder.geo.locate.v1       where each incident and tally happened
    merge    factfinder.merge.rules.v1      the incidents of one document that tell one event, merged
    confidence factfinder.confidence.v1     a calibrated confidence on each incident and field

Each is a thin adapter: the rules live in their stage package, and the
factory receives the pipeline's shared resources (one spaCy ``nlp``, one
gazetteer, one geoparser). A learned component registers another name with
the same ``assigns`` and is chosen by the ``components`` setting
(``registry.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from factfinder.model import NON_STATE_KINDS, Extraction
from factfinder.registry import Resources, Step, registry

RULES = (
    "factfinder.incidents.rules.v1",
    "factfinder.dates.rules.v1",
    "factfinder.geo.resolve.v1",
    "factfinder.geo.locate.v1",
    "factfinder.merge.rules.v1",
    "factfinder.confidence.v1",
)
"""The default ``components``: the order DESIGN.md draws, extract -> dates -> geo -> merge."""

GEOPARSE = ("factfinder.geo.resolve.v1",)
"""``factfinder geoparse``: place mentions only (names read by their shape, no NER pass: geo/shapes.py)."""


EXTRACTED = ("incidents", "incidents.evidence", "incidents.trigger", "incidents.attachments", "incidents.counts",
             "incidents.perpetrators", "incidents.targets", "incidents.attribution", "incidents.verification",
             "statistics", "statistics.evidence", "entities")
"""What an extract component assigns: incidents and tallies with their evidence, and the named entities.

``incidents.attachments`` (the words of each incident's clause with their tie to its
predicate, from the parse) is used by the dates and locate components when present and
not required by them: without it they fall back to nearness."""


@registry.component("factfinder.incidents.rules.v1", stage="extract", reads=("document",),
                    assigns=EXTRACTED, languages=("en",))
def incident_rules(resources: Resources) -> Step:
    """Trigger table, parse and span rules (``extract/extractor.py``); no dates, no places."""
    from factfinder.extract.extractor import Extractor

    extractor = Extractor.load(nlp=resources.nlp)

    def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        return extractor.extract_many(e.document for e in extractions)
    return step


@registry.component("factfinder.dates.rules.v1", stage="dates",
                    reads=("document", "incidents.trigger", "statistics.evidence"),
                    assigns=("document.published", "incidents.date_span", "incidents.date", "statistics.as_of"),
                    languages=("en",))
def date_rules(resources: Resources) -> Step:
    """Publication date from the dateline when missing, each incident's date phrase chosen (the one
    its ``attachments`` tie closest to the predicate, else the nearest) and resolved, each tally's
    as-of date (``dates/``)."""
    from factfinder.dates import (
        incident_date_spans, resolve_incident_dates, statistic_dates, with_dateline_published,
    )

    def one(extraction: Extraction) -> Extraction:
        document = with_dateline_published(extraction.document)
        incidents = resolve_incident_dates(incident_date_spans(document, extraction.incidents), document)
        return replace(extraction, document=document, incidents=incidents,
                       statistics=statistic_dates(document, extraction.statistics))
    return _per_document(one)


@registry.component("factfinder.geo.resolve.v1", stage="geo", reads=("document",), assigns=("places",),
                    languages=("en",))
def geo_resolve(resources: Resources) -> Step:
    """Every place mention, resolved in context (``geo/``); reads the entities extraction
    found when it ran, else reads names by their shape (geo/shapes.py, no NER pass). English
    only: the pipeline geoparses other documents by gazetteer names (``geo/scripts.py``)."""
    geoparser = resources.geoparser

    def one(extraction: Extraction) -> Extraction:
        return replace(extraction, places=tuple(geoparser.parse(extraction.document, entities=extraction.entities)))
    return _per_document(one)


@registry.component("factfinder.geo.locate.v1", stage="geo",
                    reads=("document", "places", "entities", "incidents.evidence", "statistics.evidence"),
                    assigns=("incidents.location", "statistics.place"))
def geo_locate(resources: Resources) -> Step:
    """Each incident's place (``geo.locate``: the place its ``attachments`` tie to the event's
    clause), else its story's or document's country (``geo.incident_country``); a tally takes
    the first resolved place of its sentence."""
    from factfinder.extract.actors import ActorMatcher
    from factfinder.extract.answerable import international_ruling
    from factfinder.geo import locate
    from factfinder.geo.locate import SPOKEN
    from factfinder.geo.setting_places import named_things, with_dateline_country
    from factfinder.geo.acting_body import with_acting_body_country
    from factfinder.geo.incident_country import with_document_country

    gazetteer = resources.gazetteer

    matcher = ActorMatcher.load()

    def is_actor(name: str) -> bool:
        return bool(matcher.find(name))

    def group_named(name: str) -> bool:
        """"Hamas", "Taliban": the whole name is a non-state group's (a gazetteer lists both as
        alternate names of towns, Hamm and Bozhüyük); never where an act happened."""
        return any(a.kind in NON_STATE_KINDS and a.span.text == name for a in matcher.find(name))

    def one(extraction: Extraction) -> Extraction:
        incidents = extraction.incidents
        if incidents:
            places = [p for p in extraction.places if p.precision == "country" or not group_named(p.span.text)]
            # names of other things (a company, a sea, a person's surname): no act's place, and
            # they vote for no country either; found once for both
            things = named_things(places, extraction.entities or (), extraction.document.text)
            incidents = locate(incidents, places, extraction.document, extraction.entities or (),
                               actors=is_actor, gazetteer=gazetteer, thing_ids=things)
            # a statement is where its speaker is: no story's country for it (locate.SPOKEN); nor
            # for an international court's ruling on a country's case (extract/answerable.py)
            spoken = [i.type in SPOKEN or international_ruling(i) for i in incidents]
            places = [p for p in places if id(p) not in things]
            countried = iter(with_dateline_country(with_document_country(
                [i for i, s in zip(incidents, spoken) if not s], places, extraction.document, gazetteer),
                places, extraction.document))
            incidents = tuple(i if s else next(countried) for i, s in zip(incidents, spoken))
            # a foreign legislature's or government's own act is where that body sits (geo/acting_body.py)
            incidents = with_acting_body_country(incidents, places, extraction.document, gazetteer)
        statistics = tuple(
            replace(s, place=next((p for p in extraction.places if p.resolved
                                   and s.evidence[0].start <= p.span.start < s.evidence[0].end), None))
            if s.place is None and s.evidence else s
            for s in extraction.statistics)
        return replace(extraction, incidents=incidents, statistics=statistics)
    return _per_document(one)


@registry.component("factfinder.merge.rules.v1", stage="merge",
                    reads=("incidents.evidence", "incidents.date", "incidents.location"), assigns=("incidents",))
def merge_rules(resources: Resources) -> Step:
    """The within-document merge (``consolidate/within.py``), after dates and places tell events apart."""
    from factfinder.consolidate.within import heading_stories, merge_incidents
    from factfinder.extract.country_heading import heading_country

    def one(extraction: Extraction) -> Extraction:
        if not extraction.incidents:
            return extraction
        # an annual report's section under its country heading tells separate acts, sentence by sentence
        by_sentence = heading_country(extraction.document.text) is not None
        return replace(extraction, incidents=merge_incidents(extraction.incidents, by_sentence=by_sentence,
                                                             heads=heading_stories(extraction.document)))
    return _per_document(one)


@registry.component("factfinder.confidence.v1", stage="confidence",
                    reads=("document", "incidents.evidence", "incidents.date", "incidents.location"),
                    assigns=("incidents.confidence",))
def confidence_model(resources: Resources) -> Step:
    """A calibrated confidence per incident and field (``confidence/``), from what the stages before left."""
    from factfinder.confidence import type_probabilities, with_confidence
    from factfinder.confidence.model import default_model

    model, probabilities = default_model(), type_probabilities()
    return _per_document(lambda e: with_confidence(e, model=model, probabilities=probabilities))


def _per_document(function: Callable[[Extraction], Extraction]) -> Step:
    """A step that runs ``function`` on each document in turn (no batching needed)."""
    def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        return (function(e) for e in extractions)
    return step



def extraction_languages(names: Iterable[str] | None = None) -> frozenset[str] | None:
    """The document languages that every component of ``names`` (default: the rules) reads.

    A document in any other language goes no further than its text: the
    ``status`` count and the web app's "to read" list of documents nobody
    extracted (``store/search.py``). None: every language is read.
    """
    languages: frozenset[str] | None = None
    for name in names if names is not None else RULES:
        declared = registry.get(name).languages
        if declared is not None:
            languages = frozenset(declared) if languages is None else languages & frozenset(declared)
    return languages

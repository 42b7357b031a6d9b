"""The geoparser: place mentions of a document, found and resolved in context."""

from __future__ import annotations

import itertools
import re
from typing import Any, Iterable, Iterator, Sequence

from factfinder.geo.adjectives import adjective_mentions
from factfinder.geo.country_forms import form_mentions
from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.mentions import Mention, demonyms, find_mentions
from factfinder.geo.resolve import Resolver
from factfinder.geo.shapes import name_shapes
from factfinder.geo.tagger import DictionaryTagger
from factfinder.model import Document, Place, Span

_LOCATIVE = re.compile(r"\b(in|at|near|outside)\s+(the\s+)?$", re.IGNORECASE)

# Places inside organisation names are kept as mentions (geoparsing corpora count
# them) with this confidence ceiling, which ``locate`` reads as "not an event place".
EMBEDDED_CONFIDENCE = 0.05


def place_from(candidate: Candidate | None, span: Span, confidence: float) -> Place:
    if candidate is None:
        return Place(span=span, confidence=0.0)
    return Place(span=span, name=candidate.name, lat=candidate.lat, lon=candidate.lon,
                 country=candidate.country,
                 admin1=candidate.admin1 if candidate.kind not in {"country", "continent", "admin1"}
                 else (candidate.name if candidate.kind == "admin1" else None),
                 admin2=candidate.name if candidate.kind == "admin2" else candidate.admin2,
                 geonameid=candidate.geonameid, precision=candidate.precision,
                 confidence=confidence)


class Geoparser:
    """Finds and resolves the place mentions of documents.

    ``gazetteer`` and ``nlp`` (a spaCy pipeline with NER) are injected and
    reused for every document; the dictionary tagger is built on first use.

    Mentions come from the gazetteer's dictionary, guided by the entity spans
    ``parse`` is given (the pipeline passes those extraction found). Without them the
    geoparser reads names by their shape (``shapes.py``): no spaCy pass, about ten times
    faster, and on the dev sets and the project's gold within a point of NER's mention F1
    and accuracy (docs/geo.md). ``ner=True`` runs spaCy's entity recogniser instead.
    """

    def __init__(self, gazetteer: Gazetteer, nlp: Any | None = None, *, min_tagger_population: int = 2000,
                 ner: bool = False) -> None:
        self.gazetteer = gazetteer
        self.nlp = nlp
        self.ner = ner and nlp is not None
        self._min_population = min_tagger_population
        self._tagger: DictionaryTagger | None = None
        self._resolver = Resolver(gazetteer)
        self._skip: list[str] | None = None

    @property
    def tagger(self) -> DictionaryTagger:
        if self._tagger is None:
            self._tagger = DictionaryTagger.cached(self.gazetteer, min_population=self._min_population)
        return self._tagger

    @property
    def _not_needed(self) -> list[str]:
        """Pipes the geoparser's NER pass skips: everything but the entity recogniser(s) and
        the components they listen to. The tagger, parser and lemmatizer cost two thirds of
        the time of en_core_web_sm and change no entity that geo reads."""
        if self._skip is None:
            pipeline = getattr(self.nlp, "pipeline", [])
            recognisers = {name for name, pipe in pipeline
                           if name in {"ner", "entity_ruler"}
                           or type(pipe).__name__ in {"EntityRecognizer", "EntityRuler"}}
            feeding = {name for name, pipe in pipeline
                       if recognisers & set(getattr(pipe, "listening_components", None) or ())}
            self._skip = [name for name, _pipe in pipeline if name not in recognisers | feeding]
        return self._skip

    def shapes(self, text: str) -> list[tuple[int, int, str]]:
        """Person, organisation and facility spans read from the shape of names (no NER)."""
        return name_shapes(text, self.gazetteer.known, self._strong_name)

    def _strong_name(self, name: str) -> str | None:
        """"country" for a country, continent or demonym, "region" for an admin1 or region,
        "city" for a city of 100,000: names that a run more often holds as a body or a team
        ("Parks Canada", "Denver Broncos") than as a person's name; else None."""
        if name in demonyms():
            return "country"
        if not self.gazetteer.known(name):
            return None  # most runs asked about are persons and bodies: one index probe, no rows
        found = self.gazetteer.lookup(name)
        kinds = {c.kind for c in found}
        if kinds & {"country", "continent"}:
            return "country"
        if kinds & {"admin1", "region"}:
            return "region"
        return "city" if any(c.primary and c.population >= 100_000 for c in found) else None

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) spans that guide mention finding: NER's with ``ner=True``, else the shapes'."""
        if not self.ner or self.nlp is None:
            return self.shapes(text)
        doc = self.nlp(text, disable=self._not_needed)
        return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]

    def entities_many(self, texts: Iterable[str], *, batch_size: int = 16,
                      n_process: int = 1) -> Iterator[list[tuple[int, int, str]]]:
        """``entities`` of many texts; with NER through one spaCy stream (``n_process`` worker processes)."""
        if not self.ner or self.nlp is None:
            for text in texts:
                yield self.shapes(text)
            return
        for doc in self.nlp.pipe(texts, disable=self._not_needed, batch_size=batch_size, n_process=n_process):
            yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]

    def parse_many(self, documents: Iterable[Document], *, batch_size: int = 16,
                   n_process: int = 1) -> Iterator[list[Place]]:
        """``parse`` of many documents, in order, with their NER (when ``ner=True``) batched."""
        first, second = itertools.tee(documents)
        for document, entities in zip(first, self.entities_many((d.text for d in second), batch_size=batch_size,
                                                                 n_process=n_process)):
            yield self.parse(document, entities=entities)

    def mentions(self, text: str, entities: Sequence[tuple[int, int, str]] | None = None) -> list[Mention]:
        ents = self.entities(text) if entities is None else list(entities)
        found = form_mentions(text, find_mentions(text, ents, self.gazetteer, self.tagger), self.gazetteer.known)
        return adjective_mentions(text, found)

    def _not_a_place(self, mention: Mention, text: str) -> bool:
        """An unresolved mention that nothing but a guess calls a place.

        A capitalised phrase after "in" that no place of the document's country
        explains ("cue"); a single word that NER, the dictionary or a following
        "town" proposed but that resolution could not place and that no
        "in/at/near" precedes ("Dropbox", "Modi", a namesake rejected as
        implausible): on the dev sets five in six of these were not places.
        Unknown multi-word names ("Third Street", "Lake Anna"), words after
        "in/at/near" and places inside organisation names stay, unresolved.
        """
        if mention.source in {"cue", "near"}:
            return True
        if " " in mention.text or mention.embedded:
            return False
        return not _LOCATIVE.search(text[max(0, mention.start - 12):mention.start])

    def parse(self, document: Document, *, entities: Sequence[tuple[int, int, str]] | None = None) -> list[Place]:
        """Every place mention of ``document``, resolved where the evidence allows.

        ``entities`` are (start, end, label) spans of a spaCy doc the caller
        already ran, to avoid a second NER pass; if None, ``nlp`` runs here.
        """
        text = document.text
        found = self.mentions(text, entities)
        resolutions = self._resolver.resolve(text, found)
        places = []
        for mention, res in zip(found, resolutions):
            if res.candidate is None and self._not_a_place(mention, text):
                continue
            span = Span.of(text, mention.start, mention.end)
            confidence = min(res.confidence, EMBEDDED_CONFIDENCE) if mention.embedded else res.confidence
            places.append(place_from(res.candidate, span, confidence))
        return places

"""An incident as extraction hands it to the dates stage, for the date tests of this folder."""

from __future__ import annotations

from factfinder.extract.sentences import split_sentences
from factfinder.model import Incident, Span


def incident_at(text: str, word: str, kind: str = "arrest") -> Incident:
    """An incident as extraction hands it over: its sentence and trigger words, no date yet."""
    at = text.index(word)
    sentence = next(s for s in split_sentences(text) if s.start <= at < s.end)
    evidence = Span.of(text, sentence.start, sentence.end)
    return Incident(doc="d", type=kind, summary=evidence.text, evidence=(evidence,),
                    trigger=Span.of(text, at, at + len(word)))

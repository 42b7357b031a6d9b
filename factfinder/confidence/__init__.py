"""Confidence on every incident and field, calibrated: the ``confidence`` stage.

The stage runs after dates, places and the within-document merge, and reads
only what they left on each incident (``features.py``): the event-type model's
probability of the incident's type and whether it agrees with the rules, the
source's hedges and verification status, the date's and place's precision, the
geocoder's ranking score, the counts' qualifiers, whether actors were found.
A logistic model per field (``model.py``, fitted by ``train.py`` on the
project's own gold and ``hrds_train``) turns them into probabilities:
``incident`` (is this a real incident of this type?), ``type``, ``counts`` (are
the counts given, or their absence, right?), and ``date``, ``location`` and
``actors`` (is the value given right? 0 when none is given). Reviewers read them
to start with the weakest incidents.

Kept out of ``extract/`` so that the extraction rules can change without this
stage's code changing: only its calibration is refitted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from factfinder.confidence.features import incident_features
from factfinder.confidence.model import NAME, ConfidenceModel, default_model
from factfinder.model import Extraction

__all__ = ["NAME", "ConfidenceModel", "with_confidence", "type_probabilities"]


def type_probabilities() -> Callable[[str], dict[str, float]]:
    """The event-type model's per-type probabilities of a sentence (loaded once)."""
    from factfinder.extract.event_type.model import default_model as typer

    model = typer()
    return lambda text: model.predict(text).probabilities


def with_confidence(extraction: Extraction, *, model: ConfidenceModel | None = None,
                    probabilities: Callable[[str], dict[str, float]] | None = None) -> Extraction:
    """The extraction with a calibrated ``Confidence`` on each incident."""
    if not extraction.incidents:
        return extraction
    model = model or default_model()
    predict = probabilities or type_probabilities()
    document = extraction.document
    places = extraction.places
    scored: dict[str, dict[str, float]] = {}

    def probabilities_of(sentence: str) -> dict[str, float]:
        """The typer's reading of a sentence, once per document (a sentence often tells several incidents)."""
        if sentence not in scored:
            scored[sentence] = predict(sentence)
        return scored[sentence]

    incidents = tuple(replace(i, confidence=model.confidence(
        incident_features(i, document, probabilities_of(i.summary), places))) for i in extraction.incidents)
    return replace(extraction, incidents=incidents)


def features_of(extraction: Extraction, probabilities: Callable[[str], dict[str, float]]) -> list[dict[str, Any]]:
    """Every incident's feature values (for training and the calibration tables)."""
    return [incident_features(i, extraction.document, probabilities(i.summary), extraction.places)
            for i in extraction.incidents]

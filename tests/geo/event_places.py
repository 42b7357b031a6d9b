"""The pipeline and look-ups shared by the tests of the event's place (test_event_place_names.py,
test_story_places.py): each extracts a sentence written for the project and reads its places."""

from __future__ import annotations

import pytest

from factfinder.model import Incident
from factfinder.text import document_from_text


@pytest.fixture(scope="module")
def pipeline():
    from factfinder.pipeline import Pipeline

    return Pipeline()


def extracted(pipeline, text: str) -> tuple[Incident, ...]:
    return pipeline.extract(document_from_text(text, published="2021-05-10")).incidents


def one(pipeline, text: str, kind: str) -> Incident:
    found = [i for i in extracted(pipeline, text) if i.type == kind]
    assert found, f"no {kind} incident in {text!r}: {extracted(pipeline, text)}"
    return found[0]


def place_text(incident: Incident) -> str | None:
    return incident.location.span.text if incident.location else None

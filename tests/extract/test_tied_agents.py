"""The unnamed agents of a charge or a verdict ("suspects", "convicts") stay with the act the
charge or verdict names (session 13, diff-read; docs/extraction-fields.md).

Read on the merged output of session 13: a verdict's convicts were lent to an act in another
clause of the sentence (the torture the convicted say made them confess). Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str):
    from factfinder.text import document_from_text

    return pipeline.extract(document_from_text(text, published="2023-09-01")).incidents


def _agents(incident) -> set[str]:
    return {a.name for a in incident.perpetrators}


def test_convicts_are_not_the_agents_of_the_torture_they_say_they_suffered(pipeline):
    text = ("In June, the Supreme Court of Lesotho upheld the death sentences of three men convicted of killing "
            "a soldier in an ambush in 2016, although the men said their confessions had been extracted under "
            "torture.")
    by_type = {i.type: i for i in _incidents(pipeline, text)}
    assert "convicts" in _agents(by_type["killing"])  # the act the verdict names keeps them
    assert "convicts" not in _agents(by_type["torture"])

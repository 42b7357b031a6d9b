"""A kidnapping named only as a charge is a proceeding's topic, not a kidnapping
(extract/charge_names.py). The sentences are written for the project; none is copied from a dev set."""

from __future__ import annotations

import pytest

from extracted_incidents import pipeline_extract  # noqa: F401 (a fixture)


@pytest.mark.parametrize("text", [
    "The union organiser was charged with abduction and released on bail last week, his lawyers said.",
    "A court in Tamale remanded the trade unionist on charges of kidnapping, which his family called fabricated.",
    "Prosecutors said the three guards were charged with kidnapping and false imprisonment after the raid.",
])
def test_a_kidnapping_named_as_a_charge_is_a_proceeding(pipeline_extract, text) -> None:  # noqa: F811
    types = [i.type for i in pipeline_extract(text)]
    assert "legal_proceeding" in types
    assert "arrest" not in types and "disappearance" not in types


def test_a_lawyer_facing_kidnapping_charges_was_not_kidnapped(pipeline_extract) -> None:  # noqa: F811
    found = pipeline_extract("The lawyer, who is facing kidnapping charges, appeared before a court in Tamale on Monday.")
    assert not [i for i in found if i.type in ("arrest", "disappearance")]


def test_a_charge_naming_its_victim_still_tells_the_kidnapping(pipeline_extract) -> None:  # noqa: F811
    found = pipeline_extract("Two men were charged with kidnapping a reporter in Tamale last year.")
    kidnappings = [i for i in found if i.type == "arrest"]
    assert [(i.subtype, [t.name for t in i.targets]) for i in kidnappings] == [("abduction", ["journalists"])]

"""--redact-persons: person names leave every export format; organisations stay."""

from __future__ import annotations

import io

import pytest

from factfinder.export import write_incidents
from factfinder.export.redact import PersonRedactor
from factfinder.model import ConsolidatedIncident, Incident, Report, Span

SENTENCE = ("Ms. Laura Chen, deputy director at Human Rights Watch, said the students were monitored, "
            "and U Tin Maung Soe, a spokesman for the military council, did not respond.")


@pytest.fixture(scope="module")
def redactor(nlp) -> PersonRedactor:
    return PersonRedactor(nlp)


def test_person_names_are_replaced_and_organisations_kept(redactor: PersonRedactor) -> None:
    out = redactor.redact(SENTENCE)
    assert "Laura Chen" not in out and "Tin Maung Soe" not in out
    assert "Human Rights Watch" in out and "military council" in out
    assert out.count("[person]") == 2


def test_text_without_names_is_unchanged(redactor: PersonRedactor) -> None:
    text = "Nearly 20,000 residents who fled to nearby villages lack food and medicine."
    assert redactor.redact(text) == text


@pytest.mark.parametrize("fmt", ["csv", "acled-csv", "jsonl", "geojson", "ftm"])
def test_no_format_leaks_a_redacted_name(fmt: str, redactor: PersonRedactor) -> None:
    if fmt == "ftm":
        pytest.importorskip("followthemoney")
    from factfinder.model import Place

    span = Span(0, len(SENTENCE), SENTENCE)
    place = Place(span=Span(0, 6, "Urumqi"), name="Urumqi", lat=43.8, lon=87.6, country="CN", admin1="Xinjiang", precision="town")
    inc = Incident(doc="d" * 64, type="surveillance", summary=SENTENCE, evidence=(span,), location=place)
    merged = ConsolidatedIncident(id="inc-1", type="surveillance", reports=(Report(key="k", incident=inc),),
                                  location=place)
    out = io.StringIO()
    write_incidents([merged], out, format=fmt, redactor=redactor)
    assert "Laura Chen" not in out.getvalue() and "Tin Maung Soe" not in out.getvalue()
    assert "[person]" in out.getvalue()

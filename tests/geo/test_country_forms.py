"""Short forms of country names (issue 12): "Holland", "Trinidad", "Macedonia" are the country
where the text reads as a country and the town where it reads as a town; "Micronesia" and
"St Lucia", which no gazetteer entry bears, are found at all. Texts written for these tests;
the geoparser reads names by their shape (no NER), as `factfinder geoparse` does."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.country_forms import country_forms
from factfinder.geo.names import name_key
from factfinder.model import Document


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open(), None)


def _read(parser: Geoparser, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Surface -> (country, precision) of the places found in ``text``."""
    return {p.span.text: (p.country, p.precision) for p in parser.parse(Document(doc="t", text=text))}


def test_forms_come_from_the_country_names_by_rule() -> None:
    forms = country_forms()
    assert forms[name_key("Trinidad")] == forms[name_key("Tobago")] == "TT"  # "Trinidad and Tobago"
    assert forms[name_key("Macedonia")] == "MK"  # "North Macedonia"
    assert forms[name_key("Micronesia")] == "FM"  # "Micronesia, Federated States of"
    assert forms[name_key("St Lucia")] == forms[name_key("St. Lucia")] == "LC"  # "Saint Lucia"
    assert forms[name_key("Timor")] == "TL"  # "Timor-Leste"
    assert forms[name_key("Holland")] == "NL"  # country_forms.csv
    # A part two countries share, or a country's whole name, is no short form.
    assert name_key("Korea") not in forms and name_key("Congo") not in forms and name_key("Sudan") not in forms


@pytest.mark.parametrize("text, name, country", [
    # listed with countries
    ("Delegates from Fiji, Micronesia and St Lucia signed the fisheries accord.", "Micronesia", "FM"),
    ("Delegates from Fiji, Micronesia and St Lucia signed the fisheries accord.", "St Lucia", "LC"),
    ("Observers from Jamaica, Trinidad and Barbados monitored the vote.", "Trinidad", "TT"),
    # "in X" with no town around it
    ("Two journalists were detained at the airport after they returned to Holland.", "Holland", "NL"),
    ("The ministry in Trinidad has not answered our questions about the deportations.", "Trinidad", "TT"),
    # the country, or its people, named elsewhere in the story
    ("A Dutch court ordered the release of the activist. Lawyers in Holland called it a landmark ruling.",
     "Holland", "NL"),
    ("Police in Macedonia said the two men were arrested near Skopje on Tuesday.", "Macedonia", "MK"),
])
def test_a_short_form_that_reads_as_a_country_is_the_country(parser: Geoparser, text: str, name: str,
                                                             country: str) -> None:
    assert _read(parser, text)[name] == (country, "country")


@pytest.mark.parametrize("text, name, country", [
    # its container says which town
    ("The mayor of Holland, Michigan, opened the new shelter on Monday.", "Holland", "US"),
    ("Snow closed the pass above Trinidad, Colorado, for two days.", "Trinidad", "US"),
    # a town of the story's own country, in a story set there
    ("Macedonia police said the fire started on Route 8 in Summit County, Ohio.", "Macedonia", "US"),
    ("Residents of Holland and Zeeland in Ottawa County, Michigan, lost power after the storm.", "Holland", "US"),
])
def test_a_short_form_in_a_town_context_stays_the_town(parser: Geoparser, text: str, name: str,
                                                       country: str) -> None:
    assert _read(parser, text)[name] == (country, "town")


def test_a_short_form_that_names_a_person_is_no_place(parser: Geoparser) -> None:
    text = "Reporter Bill Holland covered the trial. Holland said the verdict surprised him."
    assert "Holland" not in _read(parser, text)

"""The geoparser's own mention finder (issue 12, item 2): no NER pass, names read by their
shape (``geo/shapes.py``). Texts written for these tests."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.shapes import name_shapes
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open(), None)  # no nlp: the shape-based finder


def _labels(parser: Geoparser, text: str) -> dict[str, str]:
    return {text[s:e]: label for s, e, label in parser.shapes(text)}


def _places(parser: Geoparser, text: str) -> dict[str, Place]:
    return {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}


def test_a_title_marks_the_name_after_it_as_a_person(parser: Geoparser) -> None:
    labels = _labels(parser, "Ghanaian President Kofi Asante met Mayor Nancy Vale in Accra.")
    assert labels["Kofi Asante"] == "PERSON"
    assert labels["Nancy Vale"] == "PERSON"
    assert "Ghanaian President Kofi Asante" not in labels  # the demonym stays outside the person


def test_a_town_used_as_a_given_name_is_not_a_place(parser: Geoparser) -> None:
    text = "The delegation was led by Craig Mbeki and Bethany Oduya, who spoke in Lyon on Monday."
    found = _places(parser, text)
    assert "Lyon" in found and found["Lyon"].country == "FR"
    assert "Craig" not in found and "Bethany" not in found


def test_a_big_city_as_a_given_name_is_at_most_embedded(parser: Geoparser) -> None:
    # "Nancy Whitfield" and "Denver Broncos" have one shape; the city is kept (teams and bodies
    # are the commoner reading, and geoparsing corpora count them) but never as an event place.
    found = _places(parser, "Senator Nancy Whitfield met fans of the Denver Broncos in Boulder.")
    assert "Nancy" not in found
    assert found["Denver"].confidence <= 0.05 and found["Boulder"].confidence > 0.05


def test_a_town_and_an_unknown_word_after_the_is_a_body_not_a_person(parser: Geoparser) -> None:
    # "Florence Pugh" and "Oxford Genomica" have one shape; a person's name takes no article, a
    # firm's does, and one sense holds in the text: both occurrences keep the town, embedded.
    text = "Regulators widened the Oxford Genomica inquiry on Monday. Oxford Genomica denied wrongdoing."
    labels = _labels(parser, text)
    assert labels["Oxford Genomica"] == "ORG"
    found = [p for p in parser.parse(Document(doc="t", text=text)) if p.span.text == "Oxford"]
    assert len(found) == 2 and all(p.confidence <= 0.05 for p in found)
    assert _labels(parser, "Actress Florence Pugh arrived on Monday; Florence Pugh spoke.")["Florence Pugh"] == "PERSON"


def test_a_surname_seen_with_its_given_name_stays_a_person_when_alone(parser: Geoparser) -> None:
    text = "Commissioner Anton Chilton arrived in Cali on Monday. By noon Chilton had met the mayor."
    found = _places(parser, text)
    assert "Chilton" not in found
    assert found["Cali"].country == "CO"


def test_a_named_street_or_building_is_a_mention_even_unknown(parser: Geoparser) -> None:
    text = "Protesters gathered on Mabvuku Avenue outside the Tafara Memorial Hospital in Harare."
    found = _places(parser, text)
    assert "Mabvuku Avenue" in found and "Tafara Memorial Hospital" in found
    assert found["Harare"].country == "ZW"


def test_a_place_inside_an_organisation_or_team_name_is_embedded(parser: Geoparser) -> None:
    text = "Officers of the Ondo State Police Command and fans of the Enugu Rangers met in Ibadan."
    found = _places(parser, text)
    assert found["Ibadan"].confidence > 0.05
    inside = [p for name, p in found.items() if name.startswith(("Ondo", "Enugu"))]
    assert inside and all(p.confidence <= 0.05 for p in inside)  # never an event place


def test_a_country_that_speaks_is_not_taken_for_a_person(parser: Geoparser) -> None:
    found = _places(parser, "Russia said on Tuesday that talks with Norway would resume.")
    assert found["Russia"].country == "RU" and found["Norway"].country == "NO"


def test_an_abbreviation_is_not_dropped_for_the_same_word_in_lower_case(parser: Geoparser) -> None:
    found = _places(parser, "Many of us expected the US to reply before the UK did.")
    assert found["US"].country == "US" and found["UK"].country == "GB"


def test_a_city_named_with_city_is_not_its_country(parser: Geoparser) -> None:
    # One sense per document groups names by key: "Mexico City" must not take the country's reading.
    found = _places(parser, "Mexico sent troops to the border. Buses left Mexico City at dawn.")
    assert found["Mexico"].precision == "country"
    assert (found["Mexico City"].precision, found["Mexico City"].country) == ("town", "MX")


def test_name_shapes_reads_only_the_text() -> None:
    # Without a gazetteer every two-word name is unknown: the shapes still split at a
    # possessive and never run across a line break.
    spans = name_shapes("Amina Okafor’s Lagos Office\nReport", lambda _name: False)
    assert ("Amina Okafor" in [("Amina Okafor’s Lagos Office\nReport")[s:e] for s, e, _l in spans])
    assert all("\n" not in "Amina Okafor’s Lagos Office\nReport"[s:e] for s, e, _l in spans)


def test_a_town_name_that_is_a_given_name_of_the_family_in_the_story_is_the_person(parser: Geoparser) -> None:
    text = ("Dorvan Quill Jennings and his brother Tyler Jennings were sentenced on Friday. The judge gave "
            "Dorvan 20 years, and Tyler was given 15 years.")
    labels = _labels(parser, text)
    assert labels["Tyler Jennings"] == "PERSON"  # the family name of "Dorvan Quill Jennings"
    assert "Tyler" not in {p.span.text for p in parser.parse(Document(doc="t", text=text))}
    # The town is still the town where the text says so.
    assert _places(parser, "Their mother lives in Tyler, Texas.")["Tyler"].admin1 == "Texas"


def test_a_speaking_word_inside_a_known_place_name_leaves_the_place(parser: Geoparser) -> None:
    text = "Residents of Paw Lel and Pyit Ma said they had moved into the forest near Gangaw, Myanmar."
    assert "Pyit Ma" in {p.span.text for p in parser.parse(Document(doc="t", text=text))}


def test_a_small_towns_name_after_of_inside_an_organisation_is_a_word_of_it(parser: Geoparser) -> None:
    # "Commerce" is a town in California; in "Chamber of Commerce" it is no place, Accra is.
    text = "Members of the Accra Chamber of Commerce and Industry toured a Lisbon port last week."
    found = {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}
    assert "Commerce" not in found and found["Accra"].country == "GH"


def test_an_article_after_a_locative_is_never_a_town(parser: Geoparser) -> None:
    # "The" is an alternate name of a Brazilian city in GeoNames.
    text = "She sang at The Velvet Lantern in Lagos, Nigeria, and joined The Harbour Singers."
    assert "The" not in {p.span.text for p in parser.parse(Document(doc="t", text=text))}


def test_a_common_given_name_before_a_town_name_is_a_person(parser: Geoparser) -> None:
    # Both words are towns somewhere ("Howard", "Preston"); a given name opening the pair makes
    # it a person, and the surname alone later is that person too.
    text = ("The cup was won by Howard Preston after a muddy round near Leeds. Asked about the final "
            "hole, Preston said he would be back next year.")
    found = _places(parser, text)
    assert "Howard" not in found and "Preston" not in found
    assert found["Leeds"].country == "GB"


def test_a_given_name_that_is_a_big_city_opens_a_person(parser: Geoparser) -> None:
    found = _places(parser, "The record held by Regina Lowe of South Carolina since 1989 was broken in Charleston.")
    assert "Regina" not in found
    assert found["South Carolina"].admin1 == "South Carolina" and found["Charleston"].country == "US"


def test_an_abbreviation_in_brackets_is_not_a_place(parser: Geoparser) -> None:
    # "MoD", "BA": other names of towns (airport codes) that name the words before them here.
    text = ("The Ministry of Defence (MoD) said the unit left Basra. The agency approached British Airways (BA) "
            "about flights to Harare.")
    found = _places(parser, text)
    assert "MoD" not in found and "BA" not in found
    assert found["Basra"].country == "IQ" and found["Harare"].country == "ZW"


def test_a_place_in_capitals_wins_over_a_shorter_name_inside_it(parser: Geoparser) -> None:
    found = _places(parser, "SAN ANTONIO Sports analyst Mark Dewey said the team would win at home.")
    assert found["SAN ANTONIO"].admin1 == "Texas"


def test_a_dateline_in_capitals_after_a_headline_on_the_same_line_is_a_place(parser: Geoparser) -> None:
    found = _places(parser, "Mayor Opens Farm Market. IMMOKALEE – The new market opened on Friday, the county said.")
    assert (found["IMMOKALEE"].country, found["IMMOKALEE"].admin1) == ("US", "Florida")


@pytest.mark.parametrize(("text", "body", "place"), [
    # A run before "'s" and an organisation word is a body, not a person with an unknown surname.
    ("The Ridgewood Woman's Club will hold its spring sale in Ridgewood, New Jersey, on Saturday.",
     "Ridgewood Woman", "Ridgewood"),
    # "Guard" is a body's word: "Nevada Guard" is the state's National Guard, named after the state.
    ("The governor said she would not deploy Nevada Guard troops to the border.", "Nevada Guard", "Nevada"),
])
def test_a_body_named_after_a_place_holds_it_as_an_embedded_mention(parser: Geoparser, text: str, body: str,
                                                                     place: str) -> None:
    assert _labels(parser, text)[body] == "ORG"
    embedded = next(p for p in parser.parse(Document(doc="t", text=text)) if p.span.text == place)
    assert embedded.country == "US" and embedded.confidence <= 0.05


def test_a_building_word_before_a_town_s_name_makes_a_building_not_a_person(parser: Geoparser) -> None:
    # "Courthouse Kilrush" is no person with an unknown given name: read as one, it made every
    # "Kilrush" of the text that person's name.
    text = ("New windows will go into Courthouse Kilrush and the library in Ennis, the county council in "
            "Ireland said. Kilrush gets them first.")
    assert _labels(parser, text)["Courthouse Kilrush"] == "LOC"
    found = _places(parser, text)
    assert found["Kilrush"].country == "IE"
    assert found["Courthouse Kilrush"].country == "IE"  # a building of the story: its town stands in


@pytest.mark.parametrize(("text", "places"), [
    # A given name after "of" is a person (Helen, Georgia is a small town) ...
    ("Police in Atlanta reopened the case of Helen, who vanished in 1998.", ["Atlanta"]),
    # ... unless the place that holds the town follows.
    ("The funeral was held in Tulsa for a retired teacher of Ada, Oklahoma.", ["Tulsa", "Ada", "Oklahoma"]),
])
def test_a_given_name_after_of_is_a_person_unless_its_state_follows(parser: Geoparser, text: str,
                                                                     places: list[str]) -> None:
    assert [p.span.text for p in parser.parse(Document(doc="t", text=text))] == places


def test_a_body_named_after_a_small_town_names_it_in_the_documents_country(parser: Geoparser) -> None:
    """"Durham Regional Police" is Durham (an embedded mention: it locates no event) where the story
    is in the Ontario region's country (alone, Durham is the North Carolina city); a body named after
    a town of another country is no reading of it."""
    text = "Durham Regional Police are looking for a driver who hit a cyclist in Oshawa on Sunday."
    places = _places(parser, text)
    assert places["Durham"].country == "CA" and places["Durham"].confidence <= 0.05
    text = "The Venice Commission asked the Armenian parliament to rewrite the bill, officials in Yerevan said."
    assert "Venice" not in _places(parser, text)


def test_a_county_or_state_after_a_name_and_a_comma_holds_it(parser: Geoparser) -> None:
    """"Cupar, Fife" names the county Fife (not in the dictionary: a bare county name is
    often a word); a common word before the comma is no name the county could hold."""
    text = "The tour stops: Ludlow, Shropshire in May; Cupar, Fife in August; Bude, Cornwall last."
    places = _places(parser, text)
    assert (places["Fife"].country, places["Fife"].precision) == ("GB", "admin2")
    text = "Now, Fife and her sister run the farm outside Ludlow, Shropshire."
    assert "Fife" not in _places(parser, text)


def test_names_listed_after_a_cued_village_share_its_locative(parser: Geoparser) -> None:
    """"from Aberporth and Blaenporth": the second village (a postal-code locality, too small for the
    dictionary) is proposed as the first is, and read in the story's country."""
    text = "Lifeboat crews from Aberporth and Blaenporth joined Wednesday's search, police in Wales said."
    places = _places(parser, text)
    assert (places["Blaenporth"].country, places["Blaenporth"].precision) == ("GB", "town")
    lat, lon = places["Blaenporth"].lat, places["Blaenporth"].lon
    assert lat is not None and lon is not None and abs(lat - 52.1) < 0.2 and abs(lon + 4.5) < 0.2


def test_a_building_named_with_its_owners_possessive_is_one_name(parser: Geoparser) -> None:
    """"St George's Chapel" is a building (not St. George, Utah), "Caesar's Palace" one too; a
    town's possessive holds the building ("Halifax's Stanfield International Airport": Halifax)."""
    labels = _labels(parser, "The choir sings on 3 June in St George’s Chapel; she plays Caesar's Palace in July.")
    assert labels.get("St George’s Chapel") == "LOC" and labels.get("Caesar's Palace") == "LOC"
    places = _places(parser, "Two nurses were married at Stirling Castle, in St George’s Chapel, on Sunday.")
    assert "St George" not in places
    places = _places(parser, "Fog kept planes on the ground for hours; Halifax's Stanfield International Airport "
                             "cancelled 80 departures.")
    assert places["Halifax"].country == "CA"


def test_an_unknown_venue_at_which_something_happens_in_a_town_lies_in_that_town(parser: Geoparser) -> None:
    # "Marula Arts House" reads as a person's name by its shape; "at ... in Nairobi" makes it a venue.
    places = _places(parser, "The poetry reading was held at Marula Arts House in Nairobi on Friday evening.")
    venue = places["Marula Arts House"]
    assert (venue.name, venue.country) == ("Nairobi", "KE")
    # a person the text is "with" in a town, or a body "at" one, stays no place
    places = _places(parser, "She travelled with Amara Okafor in Nairobi and spoke at Lakeside Water Board in Kisumu.")
    assert "Amara Okafor" not in places and "Lakeside Water Board" not in places


def test_a_venue_named_with_its_time_or_a_where_clause_after_at_is_a_place(parser: Geoparser) -> None:
    # No town after it, but "at X on Friday" or "at X, where ..." is said of a venue, not of a person.
    places = _places(parser, "The charity auction was held at Harbour Lights on Friday. Guests came from Hull.")
    assert "Harbour Lights" in places
    places = _places(parser, "The season opens at Croft Circuit, where crowds are expected, in North Yorkshire.")
    assert "Croft Circuit" in places
    # aiming "at" a person is no venue
    places = _places(parser, "The senator took aim at John Carver on Monday in Dallas.")
    assert "John Carver" not in places and "Dallas" in places


def test_a_family_name_with_an_inner_capital_stays_the_person_when_alone(parser: Geoparser) -> None:
    # McComb is a Mississippi town too; "a friend of McComb" is said of the jockey, not of the town.
    text = ("Jockey Ciaran McComb was fined after a fall at a race meeting in Cork. "
            "McComb said nothing. A friend of McComb told reporters he would ride again in May.")
    assert all(label == "PERSON" for name, label in _labels(parser, text).items() if name == "McComb")
    found = _places(parser, text)
    assert "McComb" not in found and found["Cork"].country == "IE"


def test_a_family_name_of_the_story_after_at_is_still_a_place(parser: Geoparser) -> None:
    text = ("Michigan: union vote\n\nOrganiser Dana Dearborn counted the ballots. Workers voted on Friday "
            "at Dearborn, where the plant employs 4,000 people, and in Flint.")
    found = _places(parser, text)
    assert "Dearborn" in found and found["Dearborn"].admin1 == "Michigan"

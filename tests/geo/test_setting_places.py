"""Places that set no story and the lead's dateline country (geo/setting_places.py, issue 21): a
destination or a country that acts in a later sentence, a company's or a sea's name read as a
land unit, the country a statement accuses, the place of what a statement tells. The sentences are
written for the project."""

from __future__ import annotations

import pytest

from event_places import extracted, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def test_a_lead_takes_its_dateline_country_not_a_later_acts_destination(pipeline) -> None:
    """A later sentence's destination ("flew ... to Madrid") and a country that acts there
    ("Mexico condemned the sentences") are those acts' places, not the lead's: the lead, which names
    the dateline's country, is placed in that country."""
    text = ("ASUNCION - A Paraguayan court on Tuesday sentenced three union leaders to eight years in prison "
            "for organising a general strike.\n\n"
            "Last month the authorities flew 40 detained activists to Madrid and revoked their passports.\n\n"
            "Mexico condemned the sentences.\n")
    incidents = extracted(pipeline, text)
    lead = [i for i in incidents if i.type == "legal_proceeding"]
    assert lead, [(i.type, place_text(i)) for i in incidents]
    assert lead[0].location is not None and lead[0].location.country == "PY" \
        and lead[0].location.precision == "country", lead[0].location


def test_a_company_named_like_a_foreign_region_is_no_place(pipeline) -> None:
    """"Meta" is a department of Colombia in the gazetteer; in a story about Russia that NER reads
    as a name and that never puts it after a place word, it is the company (a story that names
    no country outright keeps such a name: "rebels took Goma, close to the Rwandan border")."""
    text = ("MOSCOW - Prosecutors on Monday asked a court to recognise Meta as an extremist organisation.\n\n"
            "Regulators in Russia blocked access to its services last week.\n")
    incidents = extracted(pipeline, text)
    assert incidents and all(i.location is None or i.location.country != "CO" for i in incidents), \
        [(i.type, i.location) for i in incidents]


def test_the_red_sea_is_a_sea_not_sudans_red_sea_state(pipeline) -> None:
    """A state's act over attacks "in the Red Sea" is the state's (tests/gold/README.md: seas give
    the country or nothing), not Sudan's Red Sea state."""
    text = ("WASHINGTON - The United States yesterday designated a Yemeni armed group as a terrorist organisation "
            "in response to its attacks on merchant ships in the Red Sea.\n")
    incidents = extracted(pipeline, text)
    assert incidents and all(i.location is None or i.location.country != "SD" for i in incidents), \
        [(i.type, i.location) for i in incidents]
    designations = [i for i in incidents if i.type == "designation"]
    assert designations and designations[0].location is not None and designations[0].location.country == "US", \
        [(i.type, i.location) for i in incidents]


def test_a_statement_is_not_placed_in_the_country_it_accuses(pipeline) -> None:
    text = ("GOMA - Fighting between rebels and the army killed at least 12 people near Sake on Tuesday.\n\n"
            "The army accused Uganda of arming the rebels.\n")
    statements = [i for i in extracted(pipeline, text) if i.type == "statement"]
    assert statements and all(place_text(i) != "Uganda" for i in statements), \
        [(i.type, place_text(i)) for i in statements]


def test_a_name_in_apposition_to_a_news_agency_is_the_agency(pipeline) -> None:
    """"the state news agency SANA" is no Sanaa: the bomb stays in the town its clause names."""
    text = ("HOMS, Syria - Shelling by government forces killed six civilians in the town of Talbiseh on Monday, "
            "a monitoring group said.\n\n"
            "Later that day, a car bomb killed nine people in central Hama, the state news agency SANA reported.\n")
    later = [i for i in extracted(pipeline, text) if i.type == "killing" and "Hama" in i.evidence[0].text]
    assert later and place_text(later[0]) == "Hama", [(i.type, i.location) for i in later]


def test_a_state_that_blacklists_is_where_its_decision_is_taken(pipeline) -> None:
    """A sanction's "by" phrase names the state that decides: its country is the place (README), not
    the region the company's cameras watch."""
    text = ("A Chinese technology company that supplies cameras to police in Xinjiang has been blacklisted by "
            "the United States, the company said.\n")
    sanctions = [i for i in extracted(pipeline, text) if i.type == "sanction"]
    assert sanctions and sanctions[0].location is not None and sanctions[0].location.country == "US", \
        [(i.type, i.location) for i in sanctions]


def test_a_law_borrows_no_town_from_its_story(pipeline) -> None:
    """A state's law whose sentence names no place takes the state's country, not the town where
    the story's protest took place."""
    text = ("BOGOTA, Colombia - Police fired tear gas at protesters in the city of Medellin on Friday, officials "
            "said.\n\nOn Sunday Congress passed a law that bans road blockades during protests.\n")
    laws = [i for i in extracted(pipeline, text) if i.type == "legislation"]
    assert laws and laws[0].location is not None and laws[0].location.country == "CO" \
        and laws[0].location.precision == "country", [(i.type, i.location) for i in laws]


@pytest.mark.parametrize("text", [
    "GOMA - Militia fighters killed 11 villagers near Beni on Saturday, local officials said.\n\n"
    "The UN human rights office said it was deeply alarmed by events in Butembo on the night of the vote.\n",
    "GENEVA - The UN human rights office said in a report released yesterday that the detention of activists "
    "in Tibet may amount to crimes against humanity.\n",
])
def test_a_statement_is_not_placed_where_what_it_tells_happened(pipeline, text: str) -> None:
    """A statement happens where its speaker is: the place of the events it is alarmed by or that its
    report describes is theirs (the told arrest keeps Tibet)."""
    statements = [i for i in extracted(pipeline, text) if i.type == "statement"]
    assert statements and all(i.location is None for i in statements), [(i.type, i.location) for i in statements]


def test_a_statement_is_placed_where_its_speaker_is(pipeline) -> None:
    text = ("NAIROBI - Kenyan police shot dead four protesters in Kisumu on Tuesday, a rights group said.\n\n"
            "Kenya's embassy in Oslo rejected the group's report as biased.\n")
    statements = [i for i in extracted(pipeline, text) if i.type == "statement"]
    assert statements and place_text(statements[0]) == "Oslo", [(i.type, i.location) for i in statements]


def test_a_statement_keeps_the_place_where_its_speaker_checked(pipeline) -> None:
    """No "that" opens a told act: "claims he confirmed the number in Nairobi" is placed in Nairobi."""
    text = "The historian Paul Mwangi claims he confirmed the number in Nairobi in 1999.\n"
    statements = [i for i in extracted(pipeline, text) if i.type == "statement"]
    assert statements and place_text(statements[0]) == "Nairobi", [(i.type, i.location) for i in statements]


def test_compared_places_say_once_whether_their_own_sentence_is_set_there() -> None:
    """One pass gives both readers what they need: every example is out of the story's setting
    (``setting_places``), and only one no locative or "where" vouches for is no act's place
    (``geo.locate``)."""
    from factfinder.geo.setting_places import compared
    from factfinder.model import Place, Span

    text = ("Kidnappings have risen faster than in Tamale. In towns such as Wa and Bolgatanga, gunmen "
            "stopped buses. Cities like Kumasi, where two traders were shot, saw protests.")

    def place(name: str) -> Place:
        start = text.index(name)
        return Place(Span.of(text, start, start + len(name)), name=name, lat=7.0, lon=-1.0, country="GH",
                     precision="town", confidence=0.9)

    tamale, wa, kumasi, bolgatanga = (place(n) for n in ("Tamale", "Wa", "Kumasi", "Bolgatanga"))
    found = compared([tamale, wa, kumasi, bolgatanga], text)
    assert found == {id(tamale): False, id(wa): True, id(bolgatanga): True, id(kumasi): True}

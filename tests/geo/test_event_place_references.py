"""Places a sentence names for another purpose than saying where its event happened: a point
that another place is measured from, a body's seat (issue 21, item 4; geo/locate.py,
geo/untied.py). The sentences are written for the project.
"""

from __future__ import annotations

import pytest

from factfinder.geo.place_words import reference_point
from factfinder.model import Place, Span

from event_places import extracted, one, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def _place(text: str, name: str) -> Place:
    start = text.index(name)
    return Place(span=Span.of(text, start, start + len(name)), name=name, lat=1.0, lon=1.0, country="XX",
                 precision="town", geonameid=1, confidence=0.9)


def test_a_place_measured_from_is_a_reference_point() -> None:
    text = "Gunmen burned a school in Tarmoli district, 40 km (25 miles) northeast of Kandahar, and fled."
    assert reference_point(_place(text, "Kandahar"), text)
    assert not reference_point(_place(text, "Tarmoli"), text)
    text = "Police found the bodies on a farm west of Del Rio, Texas, on Sunday."
    assert reference_point(_place(text, "Del Rio"), text) and reference_point(_place(text, "Texas"), text)


def test_inside_a_part_of_a_place_is_no_reference() -> None:
    text = "Rebels attacked an army post in the north of Chad on Friday."
    assert not reference_point(_place(text, "Chad"), text)


def test_the_place_the_sentence_measures_wins_over_the_reference(pipeline) -> None:
    attack = one(pipeline, "A bomb damaged a school and a post office in Rautahat district, south of Kathmandu, "
                           "on Friday, but nobody was hurt.", "attack")
    assert place_text(attack) == "Rautahat district"


def test_a_reference_alone_is_still_the_best_the_sentence_gives(pipeline) -> None:
    killing = one(pipeline, "A trader was shot dead on Monday north of Kirkuk.", "killing")
    assert place_text(killing) == "Kirkuk"


def test_a_body_seat_is_no_event_place(pipeline) -> None:
    killing = one(pipeline, "A bomb destroyed the office of the London-based charity in Istanbul, killing "
                            "three people.", "killing")
    assert place_text(killing) == "Istanbul"


def test_where_a_party_was_born_or_is_posted_is_no_event_place(pipeline) -> None:
    from factfinder.geo.place_words import home_of_a_party

    text = "Two soldiers of a signals company, stationed at Fort Hood, Texas, were killed in an ambush near Tikrit."
    assert home_of_a_party(text, text.index("Texas")) and not home_of_a_party(text, text.index("Tikrit"))
    killing = one(pipeline, text, "killing")
    assert place_text(killing) == "Tikrit"
    text = "A farmer was shot dead in his hometown of Shikarpur on Sunday."
    assert not home_of_a_party(text, text.index("Shikarpur"))


def test_a_legislators_seat_and_a_persons_home_town_are_no_event_place(pipeline) -> None:
    from factfinder.geo.place_words import home_of_a_party

    text = "The bill, tabled by Rep. Jane Roe of Oregon and Senator Tom Hale of Vermont, was defeated."
    assert home_of_a_party(text, text.index("Oregon")) and home_of_a_party(text, text.index("Vermont"))
    text = "Carl Dunne, 41, of Hackney, in north London, was jailed for the kidnapping of a courier in Kent."
    assert home_of_a_party(text, text.index("Hackney")) and home_of_a_party(text, text.index("London"))
    assert not home_of_a_party(text, text.index("Kent"))
    text = "Officials of the Ministry of Interior and the Governor of Kano met in Abuja."
    assert not home_of_a_party(text, text.index("Interior")) and not home_of_a_party(text, text.index("Kano"))
    text = "Pakistani police arrested two men in Karachi over the abduction of a reporter. Arif Malik, of Bradford, " \
           "in West Yorkshire, was sentenced in 2003 for the reporter's murder."
    assert all(place_text(i) not in ("Bradford", "West Yorkshire") for i in extracted(pipeline, text))


def test_a_birthplace_alone_gives_no_place(pipeline) -> None:
    text = "The engineer, born in Ohio in 1980, was detained by militia fighters in 2019 and held for months."
    assert all(place_text(i) != "Ohio" for i in extracted(pipeline, text))


def test_a_town_named_after_a_holy_man_is_a_place_after_a_locative_word(pipeline) -> None:
    killing = one(pipeline, "Militants killed four shepherds inside Sheikh Barakat on Tuesday.", "killing")
    assert place_text(killing) == "Sheikh Barakat"


def test_a_holy_man_is_no_place_without_a_locative_word(pipeline) -> None:
    text = "Gunmen killed Sheikh Barakat, a preacher, on Tuesday."
    assert all(place_text(i) != "Sheikh Barakat" for i in extracted(pipeline, text))


def test_a_village_the_text_places_inside_an_untied_region_is_the_place(pipeline) -> None:
    from factfinder.geo.clause_names import held_name

    text = "Nine farmers were killed when herdsmen launched an attack on Tumbari Village in Wukari district."
    holder = _place(text, "Wukari")
    evidence = Span.of(text, 0, len(text))
    held = held_name(text, holder, evidence)
    assert held is not None and held.span.text == "Tumbari Village" and held.country == "XX"
    text = "Tourists were marched through the Museum of Modern Arts in Wukari on Sunday."
    assert held_name(text, _place(text, "Wukari"), Span.of(text, 0, len(text))) is None  # a building, not finer


def test_plural_acronyms_and_supported_people_are_not_places(pipeline) -> None:
    attack = one(pipeline, "Two men detonated three IEDs near a bus depot in Nepalgunj on Sunday morning.", "attack")
    assert place_text(attack) == "Nepalgunj"
    protest = one(pipeline, "About 3,000 people marched in support of jailed Ahmed Karimov in Tashkent on Saturday.",
                  "protest")
    assert place_text(protest) == "Tashkent"


def test_a_country_patrolled_or_invaded_is_the_place_a_person_shot_is_not(pipeline) -> None:
    patrol = [i for i in extracted(pipeline, "Kuwait was invaded by Iraqi troops in August 1990.") if place_text(i)]
    assert {place_text(i) for i in patrol} == {"Kuwait"}
    assert all(place_text(i) != "Jordan" for i in extracted(pipeline, "Jordan was shot twice during a robbery last night."))


def test_a_city_a_land_verb_struck_opens_the_sentence_whatever_ner_calls_it(pipeline) -> None:
    captured = [i for i in extracted(pipeline, "Trincomalee was captured by the rebels in March.") if place_text(i)]
    assert captured and place_text(captured[0]) == "Trincomalee"
    assert captured[0].location is not None and captured[0].location.country == "LK"
    taken = extracted(pipeline, "Dawson was captured by the militia near the border in 2001.")
    assert all(place_text(i) != "Dawson" for i in taken)


def test_the_village_a_passive_bombing_names_is_the_place_not_its_country(pipeline) -> None:
    attack = one(pipeline, "The Chadian village of Tumbaro was bombed by an unidentified aircraft on Sunday.", "attack")
    assert place_text(attack) == "Tumbaro"


@pytest.mark.parametrize(("text", "kind", "place"), [
    ("Two landmines in the Kfar Hamam Farms, which militants planted on Tuesday, killed a shepherd.",
     "killing", "Kfar Hamam Farms"),
    ("Rebels seized the island of Dumsa al-Kabir on Friday after two days of clashes that left six sailors dead.",
     "killing", "Dumsa al-Kabir"),
])
def test_a_name_the_parse_leaves_untied_is_the_place_when_the_text_frames_it(pipeline, text: str, kind: str,
                                                                              place: str) -> None:
    assert place_text(one(pipeline, text, kind)) == place


def test_a_unit_left_untied_is_no_place(pipeline) -> None:
    text = "A reporter travelling with the 9th Armoured Division said the army killed 12 fighters on Sunday."
    assert all(place_text(i) is None for i in extracted(pipeline, text))


@pytest.mark.parametrize("text, place", [
    ("The army launched an offensive across northern Hama on Monday, targeting the village of Kafr Zita.", "Kafr Zita"),
    ("The army launched an offensive in the Hama countryside on Monday, targeting the town of Kafr Zita.",
     "Kafr Zita"),
    ("The army launched an offensive across northern Hama on Monday, targeting the rebel held village of Kafr Zita.",
     "Kafr Zita"),
])
def test_the_place_a_clause_of_the_offensive_targets_wins_over_its_region(pipeline, text: str, place: str) -> None:
    assert place_text(one(pipeline, text, "armed_clash")) == place


def test_a_place_that_owns_the_target_is_not_the_target(pipeline) -> None:
    killing = one(pipeline, "Jets bombed Kabul's main market on Sunday, killing four traders.", "killing")
    assert place_text(killing) == "Kabul"

"""The event's place when the gazetteer does not know it, and no place where the text gives none
(issue 21, item 4: "Event location by syntax"; geo/clause_names.py, geo/locate.py).

The sentences are written for the project. The villages, neighbourhoods and hills in
them are invented names the gazetteer cannot hold, so each test checks that the text,
not the gazetteer, makes them the event's place.
"""

from __future__ import annotations

import pytest

from event_places import extracted, one, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def test_a_village_the_gazetteer_lacks_is_the_eventplace_text(pipeline) -> None:
    killing = one(pipeline, "Gunmen killed four farmers in the village of Kurmabadi on Tuesday night.", "killing")
    assert place_text(killing) == "Kurmabadi"
    assert killing.location is not None and killing.location.lat is None  # named, not guessed


def test_a_neighbourhood_under_a_known_town_keeps_its_name_and_the_town_coordinates(pipeline) -> None:
    killing = one(pipeline, "A car bomb killed nine people in the Bab Tarik neighbourhood of Baghdad on Sunday.",
                   "killing")
    assert place_text(killing) == "Bab Tarik"
    location = killing.location
    assert location is not None and location.country == "IQ" and location.lat is not None
    assert location.geonameid is None and location.precision == "town"


def test_a_district_beside_its_province_lies_in_that_province(pipeline) -> None:
    arrest = one(pipeline, "Security forces detained three suspects in Qarabagh Sufla district, Ghazni province, "
                            "on Monday.", "arrest")
    assert place_text(arrest) == "Qarabagh Sufla"
    assert arrest.location is not None and (arrest.location.country, arrest.location.admin1) == ("AF", "Ghazni")


def test_a_namesake_elsewhere_gives_way_to_the_province_named_beside_it(pipeline) -> None:
    # "Gelan" is also a town in China: the province the text names wins
    arrest = one(pipeline, "Police arrested two shopkeepers in Gelan district, Ghazni province, on Sunday "
                            "after a search of their store.", "arrest")
    assert arrest.location is not None
    assert (arrest.location.country, arrest.location.admin1) == ("AF", "Ghazni")


def test_a_province_spelled_otherwise_is_matched_to_its_region(pipeline) -> None:
    arrest = one(pipeline, "Border police arrested three men carrying rifles in Paktiya province on Monday, "
                            "a spokesman said.", "arrest")
    assert arrest.location is not None
    assert (arrest.location.country, arrest.location.admin1) == ("AF", "Paktiya")  # ISO 3166-2 spelling


def test_the_place_an_army_captured_is_the_eventplace_text(pipeline) -> None:
    captured = [i for i in extracted(pipeline, "The army recaptured the town of Tal Marzuk on Monday.") if place_text(i)]
    assert captured and {place_text(i) for i in captured} == {"Tal Marzuk"}


@pytest.mark.parametrize("text", [
    "Soldiers shot dead two men near the ISIS positions on Friday.",
    "Eleven people were killed when the Assad regime shelled the market on Friday.",
    "Hundreds of people protested outside the Shiite mosque after the killing of a cleric.",
    "General Ramos was shot dead by unknown gunmen on Tuesday.",
])
def test_groups_people_and_creeds_are_not_places(pipeline, text: str) -> None:
    incidents = extracted(pipeline, text)
    assert incidents, f"no incident in {text!r}"
    assert all(i.location is None for i in incidents), [(i.type, place_text(i)) for i in incidents]


def test_a_country_an_attack_is_on_is_its_target_not_itsplace_text(pipeline) -> None:
    incidents = extracted(pipeline, "The minister condemned the missile attack on Georgia.")
    assert all(place_text(i) != "Georgia" for i in incidents)


def test_a_district_named_beside_its_town_is_finer_than_the_town(pipeline) -> None:
    killing = one(pipeline, "In Kandahar, four farmers were killed by a roadside bomb on Friday in Zarbandi district.",
                   "killing")
    assert place_text(killing) == "Zarbandi"


def test_a_village_in_a_district_is_where_not_the_district(pipeline) -> None:
    killing = one(pipeline, "Rebels killed two soldiers in an ambush at Kormanigo in Kapilvastu district on Sunday.",
                   "killing")
    assert place_text(killing) == "Kormanigo"


def test_a_river_is_no_finer_place_than_the_village_beside_it(pipeline) -> None:
    killing = one(pipeline, "Gunmen killed three fishermen on the Lomba river near the village of Kassawa on Monday.",
                   "killing")
    assert place_text(killing) == "Kassawa"


@pytest.mark.parametrize("text", [
    "Militants set fire to a U.S. army truck parked by the road on Friday.",
    "Some two hundred nurses protested in front of the US embassy on Saturday.",
])
def test_a_country_that_qualifies_a_noun_is_not_where(pipeline, text: str) -> None:
    incidents = extracted(pipeline, text)
    assert incidents, f"no incident in {text!r}"
    assert all(place_text(i) not in ("U.S.", "US") for i in incidents), [(i.type, place_text(i)) for i in incidents]


@pytest.mark.parametrize("text, kind, place", [
    ("Bandits killed 11 farmers in Dokoma local government area of Kwara state on Sunday.", "killing", "Dokoma"),
    ("Police found the bodies of two men in Mogadishu's Wardhigley district on Sunday.", "killing", "Wardhigley"),
    ("Gunmen shot dead two traders in the Sheikh Daher district of Latakia on Monday.", "killing", "Sheikh Daher"),
    ("Around Qarmashi, a roadside bomb killed three soldiers on Monday.", "killing", "Qarmashi"),
])
def test_names_the_text_frames_as_aplace_text(pipeline, text: str, kind: str, place: str) -> None:
    assert place_text(one(pipeline, text, kind)) == place


def test_the_town_an_attack_struck_opens_its_sentence(pipeline) -> None:
    incidents = extracted(pipeline, "Brasovo was shelled by the army in November.")
    assert "Brasovo" in {place_text(i) for i in incidents}
    incidents = extracted(pipeline, "He was captured by the army in November.")
    assert all(place_text(i) is None for i in incidents)


@pytest.mark.parametrize("text", [
    "Hundreds rallied outside parliament to demand a trade ban against Lisbon.",
    "Police arrested the network's finance chief for West Africa on Monday.",
    "Last year she captured her fifth title with a victory over South Korea's Kim Yuna.",
])
def test_a_place_an_action_is_against_for_or_a_person_owns_is_not_where(pipeline, text: str) -> None:
    incidents = extracted(pipeline, text)
    assert all(place_text(i) is None for i in incidents), [(i.type, place_text(i)) for i in incidents]


def test_a_country_that_qualifies_the_state_named_after_it_is_not_theplace_text(pipeline) -> None:
    arrest = one(pipeline, "Police in the eastern India state of Bihar detained 40 protesters on Monday.", "arrest")
    assert place_text(arrest) == "Bihar"


def test_a_person_who_owns_a_thing_is_not_aplace_text(pipeline) -> None:
    killing = one(pipeline, "A car bomb killed three people near Tarek's shop in Gaddafi's hometown of Sirte on "
                             "Friday.", "killing")
    assert place_text(killing) == "Sirte"


@pytest.mark.parametrize("text, kind, place", [
    ("Hundreds of students demonstrated in Dili in support of Ramos on Monday.", "protest", "Dili"),
    ("A bomb exploded in Mogadishu's Hodan district on Sunday, killing two people.", "killing", "Hodan"),
])
def test_the_place_not_the_person_supported_nor_the_town_that_holds_it(pipeline, text: str, kind: str,
                                                                       place: str) -> None:
    assert place_text(one(pipeline, text, kind)) == place


def test_a_country_that_qualifies_the_captured_person_is_not_where(pipeline) -> None:
    incidents = extracted(pipeline, "Police captured one of Mexico's main cocaine traffickers on Tuesday.")
    assert incidents and all(place_text(i) != "Mexico" for i in incidents)


@pytest.mark.parametrize("text, kind, place", [
    ("Soldiers shot dead two men in the mainly Christian town of Qaraqosh on Monday.", "killing", "Qaraqosh"),
    ("Gunmen killed five farmers in the Hausa village of Tudun Wada in Kaduna State on Sunday.", "killing",
     "Tudun Wada"),
    ("Police detained 30 protesters in the New York borough of Brooklyn on Friday.", "arrest", "Brooklyn"),
    ("Car bombs hit several mostly Shi'ite neighbourhoods in Baghdad on Tuesday, killing at least twelve people.",
     "killing", "Baghdad"),
    ("A bomb killed four people in the Shiite neighbourhood of Karmaliya in Baghdad on Sunday.", "killing",
     "Karmaliya"),
    # the village's own name before its noun ("Dakwala village of Gwoza") qualifies nothing
    ("Gunmen killed eleven people in Dakwala village of Gwoza local government area on Thursday.", "killing",
     "Dakwala"),
])
def test_a_word_that_qualifies_the_place_named_after_it_is_not_theplace_text(pipeline, text: str, kind: str,
                                                                        place: str) -> None:
    """"the mainly Christian town of X", "the New York borough of X", "mostly Shi'ite
    neighbourhoods": a creed, a nation or a larger place before a place noun qualifies the
    place the text names, or names a kind of places."""
    assert place_text(one(pipeline, text, kind)) == place


@pytest.mark.parametrize("text, kind", [
    ("Two guards were shot at Kirkuk's Al-Noor hospital on Monday.", "attack"),
    ("Rebels blew up two bridges in Kirkuk over the Khasa river on Friday.", "property_destruction"),
])
def test_a_building_or_a_river_beside_a_known_town_leaves_the_town_as_theplace_text(pipeline, text: str,
                                                                                  kind: str) -> None:
    assert place_text(one(pipeline, text, kind)) == "Kirkuk"


def test_a_body_named_at_the_scene_is_noplace_text(pipeline) -> None:
    incident = one(pipeline, "Four reporters were killed in the strike, among them an editor at the Nahrain News "
                              "Agency.", "killing")
    assert place_text(incident) is None, place_text(incident)


def test_a_region_named_after_the_town_in_another_phrase_does_not_replace_it(pipeline) -> None:
    """"In Helmand province, ... in Nad Ali district" puts a namesake in the region that opens
    the sentence; a region named later, of another phrase, says nothing of the town."""
    arrest = one(pipeline, "Police in Quetta detained more than 200 people on Sunday as a march against "
                            "disappearances in Sindh reached the city.", "arrest")
    assert place_text(arrest) == "Quetta"


def test_a_name_deep_in_an_of_phrase_after_in_is_the_eventplace_text(pipeline) -> None:
    """"in a hamlet of the remote Varoshi Gorge": the locative reaches through one "of" phrase."""
    arrest = one(pipeline, "Gunmen seized five aid workers in a busy district of the remote Varoshi Gorge "
                            "on Thursday.", "arrest")
    assert place_text(arrest) == "Varoshi Gorge"


def test_the_object_of_a_patrol_is_a_place_whatever_ner_calls_it(pipeline) -> None:
    patrol = [i for i in extracted(pipeline, "Soldiers patrolled Dunkassa on Monday night.") if i.location]
    assert patrol and place_text(patrol[0]) == "Dunkassa"


def test_a_capitalised_place_noun_alone_names_noplace_text(pipeline) -> None:
    """"near Ombrat of the same District": "District" is the text's noun, not a name."""
    attack = one(pipeline, "A drone strike hit a lorry near Ombrat of the same District.", "attack")
    assert place_text(attack) != "District"


def test_a_country_after_in_and_a_direction_places_an_event_the_parse_leaves_untied(pipeline) -> None:
    """"who stormed a hamlet in far northern Mozambique": the small parser hangs the phrase on a
    relative clause; a direction before the country says it is where, not whose."""
    killing = one(pipeline, "At least eight people were killed on Sunday by fighters armed with knives who "
                             "stormed a hamlet in far northern Mozambique, a local official said.", "killing")
    assert place_text(killing) == "Mozambique"


def test_the_seat_of_the_body_that_reports_an_event_is_not_itsplace_text(pipeline) -> None:
    """"a report released by a research center in the state of Ohio" says where the source sits."""
    text = ("Schools in Gansu install cameras to watch pupils\n\n"
            "In a report released on Monday by a research center in the state of Ohio, the technology firm "
            "admitted that it had signed a contract with the authorities to install cameras that monitor "
            "pupils at prayer. The cameras were installed in Gansu last year.")
    places = {place_text(i) for i in extracted(pipeline, text) if i.type == "surveillance"}
    assert places and "Ohio" not in places


def test_a_region_that_owns_a_district_holds_it_against_a_namesake(pipeline) -> None:
    """"Zabul province's Shinkay district": the text says which region the district lies in."""
    text = ("KABUL, Afghanistan (March 3) - Afghan troops raided a bomb-making cell in a mountain village "
            "of southern Afghanistan yesterday. The raid hit a house in Zabul province's Shinkay district.")
    placed = [i.location for i in extracted(pipeline, text) if i.location is not None]
    assert placed and all(p.admin1 == "Zabul" for p in placed), placed


@pytest.mark.parametrize(("text", "kind", "place"), [
    # "were killed as gunmen attacked Gobrani village": the parse ties the village to the event
    # through the coordinated clause, whose verb takes a place as its object
    ("Nine people were killed on Friday as gunmen suspected to be bandits attacked Gobrani village in Wukari "
     "local government area of Taraba state.", "killing", "Gobrani"),
    # a hyphenated place noun frames a name
    ("Two soldiers were killed when a shell hit their post in the Ras Kemmel sub-district of Latakia on Monday.",
     "killing", "Ras Kemmel"),
    # "near the Sinak Bridge in X district": the region names a bridge, it does not replace the district
    ("A suicide driver blew up his van at a checkpoint near the Sinak Bridge in Bab al-Sheikh district in "
     "central Baghdad on Sunday.", "attack", "Bab al-Sheikh"),
    # the object of a verb that takes only a place, though the event is read on another word
    ("Preliminary reports say that government forces have entered Kafr Hamdan after a fierce battle with the "
     "rebels.", "armed_clash", "Kafr Hamdan"),
    # "in his X apartment": the locality of a home
    ("A shopkeeper was found murdered in his Kondapur apartment on Monday morning.", "killing", "Kondapur"),
    # a witness on the spot speaks where the event happened when the sentence names no other place
    ("A security source in Kaya said the explosion killed three people and injured nine on Sunday.", "killing",
     "Kaya"),
    # a town that qualifies the event's subject: the subject, and so the event, is of that place
    ("Many angry Kunduz residents protested on the main road on Sunday.", "protest", "Kunduz"),
    # "on the approaches to X", "at an entrance to X": by the place, not towards it
    ("Artillery shelled rebel trenches on the approaches to Idlib on Tuesday.", "attack", "Idlib"),
    ("A teenager was shot at an entrance to Acre's Old City on Friday and later died in hospital.", "attack",
     "Old City"),
    # an untied place after "in Mexico's northern X state"
    ("The bodies of twelve men found in Mexico's northern Sonora state had burns suggesting they were tortured "
     "before being executed.", "torture", "Sonora"),
    # a seizure happens where people were taken from: "from their Mosul house"
    ("The journalist was captured along with two colleagues, all aid workers, from their Mosul house on Sept. 16.",
     "arrest", "Mosul"),
    # "X village of Y LGA": the unknown name after "of" holds the village, it is not finer than it
    ("Four farmers were killed on Monday in Dalwa village of Dikwa LGA of Borno State when gunmen opened "
     "fire on a market.", "killing", "Dalwa village"),
    # the object of "after storming" is the event's place, finer than the province it names first
    ("Militants killed nine soldiers in Homs province after storming the town of Qaryatayn on Sunday.",
     "killing", "Qaryatayn"),
])
def test_a_clause_name_the_text_frames_is_the_eventplace_text(pipeline, text: str, kind: str, place: str) -> None:
    assert place_text(one(pipeline, text, kind)) == place


def test_a_doubted_town_in_the_region_the_text_names_keeps_its_own_point(pipeline) -> None:
    """"in the town of Debre Markos in Ethiopia's Amhara region": the town lies where the text says,
    so the gazetteer's town is kept, finer than the region."""
    killing = one(pipeline, "A drone strike on a busy square in the town of Debre Markos in Ethiopia's Amhara region "
                             "killed at least 20 people on Sunday.", "killing")
    assert place_text(killing) == "Debre Markos"
    assert killing.location is not None and killing.location.country == "ET"


def test_an_unknown_village_takes_no_region_of_a_country_the_story_does_not_name(pipeline) -> None:
    """A namesake town abroad ("Soro") must not pull an unplaced village into another country."""
    text = ("Burkina Faso's armed forces executed at least 200 civilians in two villages in the northern "
            "province of Yatenga, a rights group said. Survivors said soldiers went from house to house in "
            "Nondin and Soro.")
    killing = one(pipeline, text, "killing")
    assert killing.location is None or killing.location.country in (None, "BF")


def test_a_town_the_text_puts_in_a_city_abroad_is_a_namesake(pipeline) -> None:
    """"the Cota 905 neighbourhood of Caracas": the gazetteer's Cota lies in Colombia, the text
    puts the neighbourhood in Caracas."""
    killing = one(pipeline, "Security forces killed at least ten residents of the Cota 905 neighbourhood of Caracas "
                             "during an operation in July.", "killing")
    assert killing.location is not None and killing.location.country == "VE"


def test_a_two_letter_article_before_a_name_is_no_state(pipeline) -> None:
    """"held in La Modelo prison in Tipitapa": "La" is the prison name's article, not Louisiana."""
    text = ("NICARAGUA\n\nA bishop who had refused to leave the country was sentenced on 10 February to 26 years in "
            "prison and held in La Modelo prison in Tipitapa.")
    located = [i.location for i in extracted(pipeline, text) if i.location is not None]
    assert located and all(p.country == "NI" for p in located), located


@pytest.mark.parametrize(("text", "kind", "town"), [
    ("Militants detonated a car bomb outside the Qadrawi hospital in northern Mosul on Monday.", "attack", "Mosul"),
    ("Two bombs exploded on the Tarik bridge in downtown Kabul city on Sunday, wounding eleven people.", "attack",
     "Kabul"),
])
def test_a_building_or_a_road_the_text_places_in_a_town_leaves_the_town_as_the_place(pipeline, text, kind,
                                                                                       town) -> None:
    # the event-location gold marks the town a named site stands "in", not the site
    assert place_text(one(pipeline, text, kind)) == town


def test_a_town_that_owns_a_named_hall_locates_the_event_held_in_it(pipeline) -> None:
    # NER takes "Abuja" into the hall's name; the town only owns the hall, which stands in it
    protest = one(pipeline, "About 300 nurses demonstrated in Abuja's National Assembly Complex on Monday.", "protest")
    assert place_text(protest) == "Abuja"

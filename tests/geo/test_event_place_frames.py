"""What frames a name as the event's place, and what takes that away (issue 21, event location;
geo/clause_names.py, geo/place_words.py, geo/setting_places.py): a place noun a few words after
the name, a building beside its town, a day NER read into the name, a part of a town before it.

The sentences are written for the project.
"""

from __future__ import annotations

from event_places import one, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def test_a_place_noun_a_few_words_after_the_name_frames_it() -> None:
    from factfinder.geo.place_frames import frame_kind

    def kind(text: str, name: str) -> str | None:
        start = text.index(name)
        return frame_kind(text, start, start + len(name))

    assert kind("Gunmen shot a guard at the Kestrelview shopping mall on Friday.", "Kestrelview") == "site"
    assert kind("Troops entered Dikwa local government area at dawn.", "Dikwa") == "area"
    # a function word ends the name's phrase: the noun after it frames something else
    assert kind("Lutete and the village nearby were shelled.", "Lutete") is None
    assert kind("Police said Mbeya residents fled to the camp.", "Mbeya") is None


def test_a_restaurant_in_a_town_is_placed_in_the_town(pipeline) -> None:
    # the wire coders mark the town for a building in it: the restaurant is a site, not an area
    attack = one(pipeline, "A grenade exploded near the Blue Nile restaurant in Juba district, wounding four "
                           "people.", "attack")
    assert place_text(attack) == "Juba"


def test_close_to_after_a_street_does_not_make_the_street_a_modifier(pipeline) -> None:
    killing = one(pipeline, "A car bomb exploded in the crowded Mutanabbi Street close to the book market, "
                            "killing six.", "killing")
    assert place_text(killing) == "Mutanabbi Street"


def test_a_day_ner_read_into_the_name_is_not_the_names_label() -> None:
    from factfinder.geo.clause_names import _labels

    text = "Farmers demonstrated in Arles Saturday against the water tax."
    start = text.index("Arles")
    merged = [(start, text.index(" against"), "EVENT")]  # "Arles Saturday" as one entity
    assert _labels(text, start, start + len("Arles"), merged) == set()
    person = [(start, start + len("Arles"), "PERSON")]
    assert _labels(text, start, start + len("Arles"), person) == {"PERSON"}
    longer = [(start, text.index(" Saturday") + len(" Saturday against"), "ORG")]  # not only a day after
    assert _labels(text, start, start + len("Arles"), longer) == {"ORG"}


def test_a_town_ner_calls_a_person_is_a_place_in_the_central_part_of_it() -> None:
    # the sentence names another country outright; "in central X" still says X is where
    from factfinder.geo.setting_places import named_things
    from factfinder.model import Place, Span

    def things(text: str) -> bool:
        start = text.index("Rosario")
        town = Place(Span.of(text, start, start + 7), name="Rosario", lat=-32.9, lon=-60.6, country="AR",
                     precision="town", confidence=0.9)
        us = text.index("US")
        country = Place(Span.of(text, us, us + 2), name="United States", lat=39.8, lon=-98.6, country="US",
                        precision="country", confidence=0.9)
        return id(town) in named_things([town, country], [(start, start + 7, "PERSON")], text)

    assert not things("Some 2,000 students marched in central Rosario, carrying signs against the US deal.")
    assert things("Some 2,000 students cheered Rosario, carrying signs against the US deal.")


def test_the_victims_moment_says_where_the_act_happened(pipeline) -> None:
    # "as he left X": the victim's own clause of the moment; "as jets pounded X" would be another act
    killing = one(pipeline, "The cleric was shot dead on Friday as he left a Kandahar mosque.", "killing")
    assert place_text(killing) == "Kandahar"


def test_a_harm_coordinated_with_the_act_shares_its_place(pipeline) -> None:
    killing = one(pipeline, "A taxi driver was shot dead and two passengers were hurt north of Kirkuk.", "killing")
    assert place_text(killing) == "Kirkuk"


def test_a_part_of_a_town_that_was_patrolled_places_the_patrol_in_the_town(pipeline) -> None:
    patrol = one(pipeline, "Nairobi's streets were patrolled by armed soldiers on Sunday.", "other")
    assert place_text(patrol) == "Nairobi"


def test_by_the_side_of_a_place_is_beside_it_not_its_agent(pipeline) -> None:
    killing = one(pipeline, "The farmer was shot dead on Monday by the side of a Limpopo highway.", "killing")
    assert place_text(killing) == "Limpopo"

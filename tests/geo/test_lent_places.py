"""Places a story does not lend to an incident whose own sentence names none, and the country such
an incident takes (session 11, hrds-country): a place named as an example or a yardstick, a photo's
caption, a city dateline before a colon, a person's surname read as a town, a group's name read as a
town. And the people of a country an act struck say where it happened. Sentences written for the
project."""

from __future__ import annotations

from event_places import extracted, one, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def test_a_place_named_in_a_comparison_is_not_lent_to_another_sentence(pipeline) -> None:
    """The kidnapping names no place; the next sentence's "such as" examples are a yardstick
    ("areas such as Mindanao"), not where the sailors were taken."""
    text = ("Pirates kidnapped nine sailors from a cargo ship on Saturday, the shipping company said.\n\n"
            "Attacks off the Nigerian coast have now overtaken better-known hotspots such as Mindanao "
            "and Sulawesi.\n")
    kidnapping = one(pipeline, text, "arrest")
    assert kidnapping.location is None or kidnapping.location.country not in ("PH", "ID"), kidnapping.location


def test_examples_a_locative_introduces_still_say_where(pipeline) -> None:
    """"In districts such as X, ..." says where its own sentence's act happened."""
    text = "In provinces such as Kunduz and Baghlan, insurgents burned dozens of homes last month.\n"
    burning = extracted(pipeline, text)
    assert burning and place_text(burning[0]) == "Kunduz", [(i.type, place_text(i)) for i in burning]


def test_a_photo_caption_lends_no_place_and_does_not_outvote_the_story(pipeline) -> None:
    """A wire photo's caption tells where a picture was taken (here a summit abroad); the story
    is about Zambia, which the lead names only by its capital's dateline and a later sentence."""
    text = ("LUSAKA (Reuters) - Police arrested an opposition leader and four of his aides at their homes "
            "on Friday, their party said.\n\n"
            "FILE PHOTO: The opposition leader speaks to reporters after a summit in Nairobi, Kenya, "
            "March 3, 2019. REUTERS/Jane Doe\n\n"
            "Protests against the government have spread across Zambia this year, and Zambian police have "
            "broken up several rallies.\n")
    arrest = one(pipeline, text, "arrest")
    assert arrest.location is not None and arrest.location.country == "ZM", arrest.location


def test_a_city_before_a_colon_is_a_dateline_not_the_place_of_the_act(pipeline) -> None:
    text = ("Washington: The State Department on Friday condemned the murder of a reporter, who was shot "
            "dead outside his home in Karachi last year.\n\n"
            "Washington urged Pakistan to bring the killers to justice.\n")
    killing = one(pipeline, text, "killing")
    assert killing.location is None or killing.location.country != "US", killing.location


def test_a_persons_surname_said_alone_is_not_a_town(pipeline) -> None:
    """"Martin Pearl" is named in full; "Pearl" alone later is the man, not Pearl, Mississippi,
    neither as the trial's place nor as the town that would make this a local report."""
    text = ("The reporter Martin Pearl was kidnapped by gunmen in 2015.\n\n"
            "On Thursday a court acquitted four men in the murder case of Pearl.\n")
    incidents = extracted(pipeline, text)
    assert incidents and all(i.location is None for i in incidents), [(i.type, i.location) for i in incidents]


def test_the_people_of_a_country_an_act_struck_say_where_it_happened(pipeline) -> None:
    """The bombers' country, named all over the story, does not outweigh "the people of Yemen"
    that the killing's own sentence names, nor the Yemeni town its story sets it in."""
    text = ("Saudi Arabia has lost three brigades, the army in Sanaa said on Sunday.\n\n"
            "Saudi jets have dropped bombs on the people of Yemen for years, killing thousands of civilians.\n\n"
            "Saudi Arabia says its campaign will go on. Saudi Arabia denies the charge, and Riyadh has asked "
            "Saudi Arabia's allies for help.\n")
    killing = one(pipeline, text, "killing")
    assert killing.location is not None and killing.location.country == "YE", killing.location


def test_a_groups_name_is_not_the_town_a_gazetteer_gives_it(pipeline) -> None:
    """GeoNames lists "Hamas" among the alternate names of Hamm, Germany."""
    text = ("Both the Fatah-run police of the West Bank, and Hamas authorities in Gaza, held critics without "
            "charge in 2021.\n")
    incidents = extracted(pipeline, text)
    assert incidents and all(i.location is None or i.location.country != "DE" for i in incidents), \
        [(i.type, i.location) for i in incidents]

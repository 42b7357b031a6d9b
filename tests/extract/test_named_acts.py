"""Words of acts that name a kind of act rather than tell one (a judgement's crime, a protest's
cause, a threat, a body named by its work, a law by its subject, a ban campaigned for, what a
leader is believed to direct), and a short text whose whole reading would re-type an act into the
type a tally of the text counts (issue 21, own gold). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str, published: str = "2024-05-20") -> list[str]:
    from factfinder.text import document_from_text

    return [i.type for i in pipeline.extract(document_from_text(text, published=published)).incidents]


@pytest.mark.parametrize("text, named", [
    ("The UN special rapporteur said last week that holding the prisoners incommunicado for so long "
     "amounted to torture.", "torture"),
    ("Hundreds of relatives joined a long march against enforced disappearances that reached the capital "
     "on Monday.", "disappearance"),
    ("The flight was diverted to the capital on Sunday after air traffic control reported a bomb threat.", "attack"),
    ("Police have detained more than 300 people in the region on Friday, according to the monitoring group "
     "Open Cells.", "surveillance"),
    ("The parliament passed the so-called foreign agents law on Tuesday by 80 votes to 30.", "designation"),
    ("The commander is believed to direct attacks against the security forces in the valley.", "attack"),
    ("The charity, which has campaigned for a global ban on arms sales to the army, welcomed the decision.",
     "restriction"),
    ("Reported killings by the special unit fell sharply in 2022, the monitors said.", "killing"),
    ("This week a senator will introduce a bill to boycott the games and ban all imports from the region.",
     "sanction"),
    ("Police banned dozens of rallies of the opposition coalition before the vote.", "protest"),
    ("In August, police prevented the mothers of the disappeared from holding their weekly vigil in the square.",
     "protest"),
    ("In April, a court in the capital fined eleven of the protesters 3,100 leks each for taking part in an "
     "unauthorised gathering.", "protest"),
    ("Two years after the crackdown, few police officers had been brought to justice for torture.", "torture"),
])
def test_a_word_that_names_a_kind_of_act_is_no_act(pipeline, text: str, named: str) -> None:
    assert named not in _types(pipeline, text)


def test_a_judgement_that_acts_amount_to_a_crime_is_a_statement(pipeline) -> None:
    text = "The UN special rapporteur said last week that holding the prisoners incommunicado amounted to torture."
    assert "statement" in _types(pipeline, text)


def test_an_act_a_protest_is_against_by_name_happened(pipeline) -> None:
    text = "In June, police used tear gas against students marching against the arrest of their union leader."
    assert "arrest" in _types(pipeline, text)


def test_a_short_texts_whole_reading_leaves_a_tallys_type_to_the_tally(pipeline) -> None:
    text = ("MOSCOW - The communications regulator blocked access to the video platform on Monday, cutting off "
            "some 50 million users. Police have detained more than 9,000 people at anti-war protests across the "
            "country since the invasion began, according to a rights group.")
    types = _types(pipeline, text, published="2022-03-15")
    assert types[0] == "restriction" and "arrest" not in types


def test_the_whole_reading_does_not_turn_an_act_into_the_arrests_told_beside_it() -> None:
    """``told_types_kept``: the learned whole-text reading of a short text re-types its first incident;
    into an arrest only when the text tells no arrest of its own, and never into a tally's type."""
    from dataclasses import replace

    from factfinder.extract.event_type.told_types import told_types_kept
    from factfinder.model import Incident, Span, Statistic

    text = ("On 16 August, a mob set fire to 21 churches in the town. "
            "In the following days police arrested 120 people over the violence.")
    first, second = text.split(". ")[0] + ".", text.split(". ")[1]
    arson = Incident(doc="d", type="property_destruction", summary=first,
                     evidence=(Span.of(text, 0, len(first)),))
    arrests = Incident(doc="d", type="arrest", summary=second,
                       evidence=(Span.of(text, len(first) + 1, len(text)),))
    read_as_arrest = [replace(arson, type="arrest"), arrests]
    assert [i.type for i in told_types_kept([arson, arrests], read_as_arrest, [])] == \
        ["property_destruction", "arrest"]
    # with no arrest of its own told, the whole reading stands
    assert [i.type for i in told_types_kept([arson], [replace(arson, type="arrest")], [])] == ["arrest"]
    # a tally of the people detained leaves the arrests to the tally
    tally = Statistic(doc="d", measure="people detained", category="detained", value=120, qualifier="exact",
                      unit="people", evidence=arrests.evidence)
    assert [i.type for i in told_types_kept([arson], [replace(arson, type="arrest")], [tally])] == \
        ["property_destruction"]


@pytest.mark.parametrize("text, act", [
    ("KAZAKHSTAN\n\nIn December, a court in Taldykorgan convicted four security officers of torturing detainees "
     "during the unrest and gave them suspended sentences.", "torture"),
    ("ALGERIA\n\nIn November, a court in Algiers sentenced 49 people to death over the lynching of a young man "
     "during the wildfires.", "killing"),
])
def test_the_act_a_trial_is_about_is_not_dropped_as_a_crime(pipeline, text: str, act: str) -> None:
    types = _types(pipeline, text, published="2024-01-10")
    assert "legal_proceeding" in types and act in types


def test_a_bill_blocked_by_a_senate_is_the_senates_act(pipeline) -> None:
    assert "legislation" in _types(pipeline, "The Senate has blocked the Forced Labour Prevention Act.")


def test_a_negation_inside_the_trigger_is_its_meaning(pipeline) -> None:
    text = "Relatives carried photographs of men they say were picked up by soldiers and never seen again."
    assert "disappearance" in _types(pipeline, text)
    assert "disappearance" not in _types(pipeline, "The two men were not taken away by the soldiers and were seen "
                                                   "at home the next day.")


@pytest.mark.parametrize("text, blamed", [
    ("TAIZ, Yemen - A sniper shot dead a ten-year-old girl in the city on Sunday, local medics said. Local officials "
     "accused the rebel forces of firing from positions on the hills to the east.", "statement"),
    ("DONETSK - A strike on a market killed 25 people on Sunday, the local authorities said. "
     "They blamed the army for the attack on the market.", "attack"),
])
def test_blame_for_violence_told_before_is_its_attribution(pipeline, text: str, blamed: str) -> None:
    assert blamed not in _types(pipeline, text)


def test_rewards_for_information_leading_to_an_arrest_tell_no_arrest(pipeline) -> None:
    text = ("Police offered rewards of one million dollars each for information leading to the arrest of eight "
            "activists living abroad.")
    assert "arrest" not in _types(pipeline, text)


def test_a_short_texts_hunger_strike_stays_a_protest(pipeline) -> None:
    text = ("GEORGIA\n\nIn May, a journalist held in a pre-trial detention centre in Batumi went on hunger strike "
            "for 20 days.")
    assert _types(pipeline, text) == ["protest"]

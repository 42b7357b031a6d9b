"""Words that name kinds of abuse or a year's tally without telling an act, and an abduction told as
a snatching (session 12, issue 21: false violation types on HRDsAttack articles).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

# Seven sentences: more than event_type.SHORT_DOCUMENT, so this is an article, not a snippet.
ARTICLE = (
    "TALVIK - The Ostrian Writers' Guild held its yearly congress in Talvik on Saturday. "
    "Delegates from nine provinces attended the congress. "
    "The guild's chair opened the congress with a speech on royalties. "
    "{sentence} "
    "The congress then turned to the new copyright bill. "
    "Several delegates asked for more libraries in rural areas. "
    "The guild will meet again in the autumn."
)


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str):
    from factfinder.text import document_from_text

    return pipeline.extract(document_from_text(text, published="2024-05-13")).incidents


def _types(pipeline, text: str) -> set[str]:
    return {i.type for i in _incidents(pipeline, text)}


@pytest.mark.parametrize("sentence,kinds", [
    ("The guild said the militia was blamed for grave abuses, including looting, rape and the torture of "
     "prisoners.", {"torture"}),
    ("Rights groups say the violations the ministry's agents commit include arbitrary detention, torture "
     "and enforced disappearances.", {"torture", "arrest", "disappearance"}),
    ("The chair recalled war crimes such as the killing of prisoners and the disappearance of critics.",
     {"killing", "disappearance"}),
])
def test_a_list_of_kinds_of_abuse_tells_no_act(pipeline, sentence: str, kinds: set[str]) -> None:
    assert not _types(pipeline, ARTICLE.format(sentence=sentence)) & kinds


@pytest.mark.parametrize("sentence,kind", [
    # a dated or counted item
    ("The guild listed abuses, including the killing of 14 villagers near Talvik in March.", "killing"),
    # an item told of one victim
    ("Crimes reported by the guild include the beating and torture of a printer by a district governor.",
     "torture"),
    # cases recorded
    ("Cases of rights violations, including torture, were recorded in three provinces last month.", "torture"),
])
def test_an_act_inside_a_list_of_abuses_is_kept(pipeline, sentence: str, kind: str) -> None:
    assert kind in _types(pipeline, ARTICLE.format(sentence=sentence))


def test_a_figure_for_a_whole_year_is_a_tally_not_an_act(pipeline) -> None:
    from factfinder.text import document_from_text

    text = ("In 2021, at least 80 reporters were jailed and 9 were killed around the world, "
            "a press-freedom group said in its yearly census.")
    extraction = pipeline.extract(document_from_text(text, published="2022-01-12"))
    assert not {i.type for i in extraction.incidents} & {"arrest", "killing"}
    assert {s.category for s in extraction.statistics} >= {"killed"}


def test_an_act_dated_in_its_year_is_kept(pipeline) -> None:
    text = "In March 2021, police arrested at least 12 reporters outside the parliament in Talvik."
    assert "arrest" in _types(pipeline, text)


def test_pupils_snatched_by_gunmen_are_abducted(pipeline) -> None:
    text = "Gunmen snatched 23 pupils from their boarding school in Talvik province late on Friday, police said."
    assert "arrest" in _types(pipeline, text)


def test_a_phone_snatched_by_a_thief_is_no_abduction(pipeline) -> None:
    text = "A thief snatched a phone from a tourist at the Talvik market on Friday, police said."
    assert "arrest" not in _types(pipeline, text)


def test_one_act_told_with_its_year_and_one_figure_stays_an_act(pipeline) -> None:
    # a year and a hedged figure alone may be one mass act, not a year's tally
    text = "In 2016, about 140 pupils were abducted from their boarding school in Kagara by gunmen."
    assert "arrest" in _types(pipeline, text)

"""Words of an article that name an act against people without telling one (session 11, issue 21):
the headline of another report an article links to, and a sentence the learned typer reads as an
act only from the article's topic words.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.event_type import PERSONAL, EventTyper

# Seven sentences: more than event_type.SHORT_DOCUMENT, so this is an article, not a snippet.
ARTICLE = (
    "KELLAN - The Dorvan Teachers' Union held its annual meeting in Kellan on Saturday. "
    "Delegates from eleven districts attended the meeting. "
    "The union's chair opened the meeting with a speech on wages. "
    "{sentence} "
    "The meeting then turned to the new school calendar. "
    "Several delegates asked for smaller classes in rural schools. "
    "The union will meet again in the spring."
)


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str) -> set[str]:
    from factfinder.text import document_from_text

    return {i.type for i in pipeline.extract(document_from_text(text, published="2024-03-04")).incidents}


@pytest.mark.parametrize("label", ["Read more:", "Also read:", "READ:", "Related:"])
def test_the_headline_of_a_linked_report_is_no_act_of_the_article(pipeline, label: str) -> None:
    told = "Gunmen shot dead a radio reporter near his home in Dorvan on Friday, police said. "
    linked = "Police arrest two reporters outside the court in Kellan."
    assert "arrest" in _types(pipeline, told + linked)
    types = _types(pipeline, f"{told}{label} {linked}")
    assert "arrest" not in types
    assert "killing" in types  # the article's own act stays


def test_an_article_sentence_without_an_act_word_gets_no_act_against_people_from_the_model() -> None:
    typer = EventTyper()
    sentence = "The families of the victims buried the bodies of the slain villagers on Sunday."
    assert "killing" in typer.sentence_hits(sentence, 0, len(sentence), {})  # a snippet: the model's event
    assert not set(typer.sentence_hits(sentence, 0, len(sentence), {}, long_text=True)) & PERSONAL


def test_an_article_sentence_still_gets_other_events_from_the_model() -> None:
    typer = EventTyper()
    sentence = "Families of the abducted teachers gathered outside the governor's office in Kellan."
    assert "protest" in typer.sentence_hits(sentence, 0, len(sentence), {}, long_text=True)


def test_a_state_the_article_names_still_tells_its_act(pipeline) -> None:
    # "abducted" only names the students' state; the model reads the sentence as the abduction
    text = ARTICLE.format(sentence="The abducted students have since returned to their families in Dorvan.")
    assert _types(pipeline, text) & {"arrest", "disappearance"}


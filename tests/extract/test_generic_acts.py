"""Generic, habitual, accusatory and hypothetical mentions of abuse are no incidents (issue 21, HRDs
violation precision; extract/generic_acts.py); acts told of a victim, a figure, a day or a place,
and acts told in the past in general words, stay. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

ABUSES = {"killing", "torture", "arrest", "disappearance"}


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str, published: str = "2024-05-20") -> set[str]:
    from factfinder.text import document_from_text

    return {i.type for i in pipeline.extract(document_from_text(text, published=published)).incidents}


@pytest.mark.parametrize("text, kinds", [
    # an accusation or a criticism names kinds of abuse
    ("Rights groups have accused the border guards of kidnappings, torture and killings aimed at their critics.",
     {"arrest", "torture", "killing"}),
    ("The collective is known for its sharp criticism of the navy over enforced disappearances and "
     "summary killings.", {"disappearance", "killing"}),
    # a habit, told in the present simple
    ("Most of those seized go through beatings and torture at the hands of their abductors.", {"torture"}),
    ("The gang members kill casually and rob travellers.", {"killing"}),
    ("Rape cases are seldom reported, he said.", {"torture"}),
    ("The observatory tracks killings and abuses by the army.", {"killing"}),
    ("Inmates who are tortured and ill-treated routinely in these cells sign confessions.", {"torture"}),
    # a purpose or a task
    ("The base is kept open to extract confessions by torture, the lawyer argued.", {"torture"}),
    ("The militia was hired to intimidate, abduct and torture union leaders.", {"arrest", "torture"}),
    # a comparison, an exception, a characterisation
    ("Everything they dreaded except death and torture came true in exile.", {"torture"}),
    ("His isolation has been described by lawyers as a form of torture.", {"torture"}),
    ("Beyond their frequent murders, the two rogues in the novel are oddly polite.", {"killing"}),
    # harm in another sense
    ("Nobody warned me about the torture of rewriting the same report six times.", {"torture"}),
])
def test_generic_mention_of_abuse_is_no_incident(pipeline, text, kinds):
    assert not _types(pipeline, text) & kinds


@pytest.mark.parametrize("text, kind", [
    ("Detainees were beaten and denied water in the central prison last year.", "torture"),
    ("Soldiers tortured two farmers in the village of Kalden on Monday.", "torture"),
    ("The killing of a reporter in Lorin last week shocked the country.", "killing"),
    ("Police arrest three reporters in Dalmar", "arrest"),
    ("Rights groups accused the police of the killing of a student in March.", "killing"),
    ("She says the guards beat her every night.", "torture"),
    ("The prisoners were forced to endure beatings for weeks.", "torture"),
    ("The opposition leader has been held under house arrest since the vote.", "arrest"),
    # annual reports tell torture by the confessions it produced (own gold, ngo_paragraphs)
    ("The appeal court upheld the verdict, although the two men said their statements were signed under torture.",
     "torture"),
    ("Judges allowed the prosecutors to reopen their inquiry into killings during the former mayor's purge.",
     "killing"),
    ("Guards at the camp tortured dozens of detainees, the commission said on Friday.", "torture"),
])
def test_specific_act_stays_an_incident(pipeline, text, kind):
    assert kind in _types(pipeline, text)

"""A foreign state body's own act is placed in the body's country, not the story's (issue 21).

The texts are written for the project: stories about one country that also tell what other
states' legislatures and governments did about it, beside abuses that keep their own place.
"""

from __future__ import annotations

import pytest

from factfinder.geo.acting_body import body_country
from factfinder.model import Attachment, Incident, Place, Span
from factfinder.text import document_from_text


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def _act(text: str, kind: str, ties: list[tuple[str, int, str]]) -> Incident:
    """An incident of the whole text as one sentence, with the parse's ties written out."""
    return Incident(doc="d", type=kind, summary=text, evidence=(Span.of(text, 0, len(text)),),
                    attachments=tuple(Attachment(_span(text, w), depth, rel) for w, depth, rel in ties))


def test_the_demonym_before_the_body_that_acts_gives_its_country() -> None:
    text = "The Danish parliament passed a bill on Tuesday."
    act = _act(text, "legislation", [("Danish", 2, "nsubj"), ("parliament", 1, "nsubj"), ("bill", 0, "predicate")])
    assert body_country(act, [], text) == ("DK", _span(text, "Danish"))


def test_a_region_before_the_body_and_a_country_after_it_count_too() -> None:
    text = "Manitoba's premier and the government of Norway imposed sanctions."
    manitoba = Place(span=_span(text, "Manitoba"), name="Manitoba", country="CA", precision="admin1",
                     confidence=0.9, lat=55.0, lon=-97.0)
    act = _act(text, "sanction", [("premier", 1, "nsubj"), ("sanctions", 0, "predicate")])
    assert body_country(act, [manitoba], text) == ("CA", _span(text, "Manitoba"))
    norway = Place(span=_span(text, "Norway"), name="Norway", country="NO", precision="country",
                   confidence=0.9, lat=60.0, lon=10.0)
    act = _act(text, "sanction", [("government", 1, "nsubj"), ("sanctions", 0, "predicate")])
    assert body_country(act, [norway], text) == ("NO", _span(text, "Norway"))
    # bodies of two countries acting together give none
    act = _act(text, "sanction", [("premier", 1, "nsubj"), ("government", 1, "nsubj"), ("sanctions", 0, "predicate")])
    assert body_country(act, [manitoba, norway], text) is None


def test_a_body_that_does_not_act_or_an_act_that_is_not_a_body_s_gives_none() -> None:
    text = "The bill targets Danish ministers who approved the deal."
    # the ministers are the bill's object, not its author
    act = _act(text, "legislation", [("bill", 0, "predicate"), ("ministers", 2, "dobj")])
    assert body_country(act, [], text) is None
    text = "Danish police detained two protesters."
    arrest = _act(text, "arrest", [("Danish", 2, "nsubj"), ("police", 1, "nsubj"), ("detained", 0, "predicate")])
    assert body_country(arrest, [], text) is None


@pytest.fixture(scope="module")
def pipeline():
    from factfinder.pipeline import Pipeline

    return Pipeline()


def _located(pipeline, text: str) -> list[tuple[str, str, str | None, str | None]]:
    incidents = pipeline.extract(document_from_text(text, published="2024-03-01")).incidents
    return [(i.type, i.evidence[0].text.split()[1], i.location.country if i.location else None,
             i.location.precision if i.location else None) for i in incidents]


UKRAINE = ("KYIV - Russian troops shelled a hospital in Kharkiv on Sunday, killing four people, regional "
           "officials said.\n"
           "A week later the Polish government imposed sanctions on three Russian commanders.\n"
           "The sanctions were adopted by the Lithuanian parliament on Thursday.\n")


def test_a_foreign_government_s_sanction_is_placed_at_home_and_the_abuse_where_it_happened(pipeline) -> None:
    found = _located(pipeline, UKRAINE)
    assert ("killing", "-", "UA", "town") in found  # the foreign force's act stays where it acted
    assert ("sanction", "week", "PL", "country") in found
    assert ("sanction", "sanctions", "LT", "country") in found


CHINA = ("BEIJING - Chinese police detained three activists in Wuhan on Monday, a rights group said.\n"
         "On Tuesday, a Canadian senator introduced a bill that would ban imports of goods made with "
         "forced labour.\n"
         "Lawmakers in Warsaw also passed a bill on Tuesday to ban imports of such goods.\n")


def test_a_foreign_senator_s_bill_is_placed_in_his_country_and_a_named_city_is_kept(pipeline) -> None:
    found = _located(pipeline, CHINA)
    assert ("arrest", "-", "CN", "town") in found
    assert ("legislation", "Tuesday,", "CA", "country") in found
    # a place its own sentence names stays (Warsaw, a town)
    assert ("legislation", "in", "PL", "town") in found


def test_a_chamber_named_alone_takes_the_country_it_was_named_with_before() -> None:
    text = "The Czech Senate heard two witnesses on Monday. On Friday the Senate adopted a bill."
    senate = Span.of(text, text.rindex("Senate"), text.rindex("Senate") + 6)
    act = Incident(doc="d", type="legislation", summary="", evidence=(_span(text, "On Friday the Senate"),),
                   attachments=(Attachment(senate, 1, "nsubj"),))
    assert body_country(act, [], text) == ("CZ", _span(text, "Czech"))
    # a government is not one per story: "the government" alone takes nothing from before
    text = "The Czech government protested on Monday. On Friday the government imposed sanctions."
    act = Incident(doc="d", type="sanction", summary="", evidence=(_span(text, "On Friday the government"),),
                   attachments=(Attachment(Span.of(text, text.rindex("government"), text.rindex("government") + 10),
                                           1, "nsubj"),))
    assert body_country(act, [], text) is None


CZECH_HEARING = ("BEIJING - Chinese police detained three activists in Wuhan on Monday, a rights group said.\n"
           "The Czech parliament held a hearing with two of their relatives on Tuesday.\n"
           "On Thursday the parliament passed a bill to ban imports of goods made with forced labour.\n")


def test_the_parliament_named_before_passes_the_bill_at_home(pipeline) -> None:
    found = _located(pipeline, CZECH_HEARING)
    assert ("legislation", "Thursday", "CZ", "country") in found


def test_a_demonym_of_another_phrase_does_not_own_the_body() -> None:
    text = "A Danish court said the government imposed sanctions."
    act = _act(text, "sanction", [("government", 1, "nsubj"), ("sanctions", 0, "predicate")])
    assert body_country(act, [], text) is None

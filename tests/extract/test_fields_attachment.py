"""Issue 21 item 7: the place and date of an act are not those of the act it is judged for, nor of
the sentence a participle clause hangs in.

The sentences are written for the project in the register of NGO annual reports; none is copied.
"""

from __future__ import annotations

import pytest

from factfinder.extract.attachment import CAUSE, attachment_of, attachments, in_other_part
from factfinder.model import Span


def _ties(nlp, text: str, trigger: str) -> tuple:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return attachments(token, offset=0, text=text)


def _tie(text: str, word: str, ties: tuple):
    start = text.index(word)
    return attachment_of(Span.of(text, start, start + len(word)), ties)


@pytest.mark.slow
def test_a_place_in_a_phrase_about_another_act_is_that_act_s(nlp) -> None:
    text = "In May, the Supreme Court upheld the sentences of 40 people convicted over the riots in Gonaives."
    tie = _tie(text, "Gonaives", _ties(nlp, text, "upheld"))
    assert tie is not None and tie.relation == CAUSE
    text = "In June, a court in Lyon sentenced a former guard for the killing of a prisoner in Kigali in 1994."
    ties = _ties(nlp, text, "sentenced")
    assert _tie(text, "Kigali", ties).relation == CAUSE
    assert _tie(text, "Lyon", ties).relation != CAUSE
    # the act itself keeps its own place
    assert _tie(text, "Kigali", _ties(nlp, text, "killing")).relation == "in"


@pytest.mark.slow
def test_a_time_phrase_with_over_is_no_other_act(nlp) -> None:
    text = "At least 12 people were killed over the weekend in fighting in Kidal."
    ties = _ties(nlp, text, "killed")
    assert _tie(text, "weekend", ties).relation == "over"


@pytest.mark.slow
def test_a_participle_describing_the_subject_keeps_its_own_circumstances(nlp) -> None:
    text = "On 2 March, four men arrested during the strikes of 2021 were executed in Shiraz."
    ties = _ties(nlp, text, "arrested")
    assert _tie(text, "Shiraz", ties).relation == CAUSE  # the execution's, held apart
    assert _tie(text, "2021", ties).depth < _tie(text, "March", ties).depth
    # the execution has both
    ties = _ties(nlp, text, "executed")
    assert _tie(text, "Shiraz", ties).relation == "in"


@pytest.mark.slow
def test_a_place_naming_the_subject_body_is_where_it_acted(nlp) -> None:
    text = "In April, a Durres court fined eleven protesters for taking part in a rally."
    tie = _tie(text, "Durres", _ties(nlp, text, "fined"))
    assert tie is not None and tie.relation == "in"


@pytest.mark.slow
def test_the_other_side_of_a_semicolon_is_another_act_s(nlp) -> None:
    text = ("Scores of people were fined for posts criticising the army; in May a retired nurse in Tomsk "
            "was ordered to pay 40,000 roubles for a comment on a forum.")
    ties = _ties(nlp, text, "fined")
    start = text.index("Tomsk")
    tomsk = Span.of(text, start, start + len("Tomsk"))
    # neither the place nor the date of the second act is the first act's, tied or untied
    assert _tie(text, "Tomsk", ties) is None and _tie(text, "May", ties) is None
    assert in_other_part(tomsk, ties)
    # the second act keeps its own place, and the first act's words are not its
    ties = _ties(nlp, text, "ordered")
    assert _tie(text, "Tomsk", ties).relation == "in" and not in_other_part(tomsk, ties)
    start = text.index("army")
    assert in_other_part(Span.of(text, start, start + 4), ties)


@pytest.mark.slow
def test_a_semicolon_before_a_phrase_of_the_same_clause_parts_nothing(nlp) -> None:
    text = "Soldiers opened fire on a wedding party in Kidal; killing nine guests."
    ties = _ties(nlp, text, "fire")
    start = text.index("guests")
    assert not in_other_part(Span.of(text, start, start + 6), ties)


@pytest.mark.slow
def test_the_seat_of_a_court_is_not_where_the_act_of_its_relative_clause_happened(nlp) -> None:
    text = "In May, a court in Osh ordered the police to pay damages to a farmer who had been beaten in custody."
    ties = _ties(nlp, text, "beaten")
    start = text.index("Osh")
    assert _tie(text, "Osh", ties) is None and in_other_part(Span.of(text, start, start + 3), ties)
    # a body that sits nowhere in particular leaves its place to the act it did to them
    text = "In May, guards at the Osh prison beat six inmates who had protested against the food."
    ties = _ties(nlp, text, "protested")
    start = text.index("Osh")
    assert not in_other_part(Span.of(text, start, start + 3), ties)


@pytest.mark.slow
def test_an_act_set_apart_by_after_or_a_protest_s_against_keeps_its_own_circumstances(nlp) -> None:
    # "after" following its verb: the trials came before the hanging, in no place the sentence says
    text = "On 2 May, four men were hanged in Shiraz after trials marred by torture."
    ties = _ties(nlp, text, "trials")
    assert _tie(text, "Shiraz", ties) is None and _tie(text, "May", ties) is None
    assert _tie(text, "Shiraz", _ties(nlp, text, "hanged")).relation == "in"
    # opening the sentence, "after" shares its frame
    text = "On 9 June, after the arrest of a party leader, his supporters blocked roads in Lahore."
    assert _tie(text, "June", _ties(nlp, text, "arrest")) is not None
    # what a hunger strike is against is a grievance of its own, undated unless dated
    text = "In March, at least 30 inmates in Bafra prison went on hunger strike against the denial of visits."
    assert _tie(text, "March", _ties(nlp, text, "denial")) is None
    # force used "against" protesters is no protest's grievance
    text = "In June, police in Colombo used tear gas against students marching against the arrest of a leader."
    assert _tie(text, "Colombo", _ties(nlp, text, "marching")) is not None


@pytest.mark.slow
def test_the_trigger_noun_s_relative_clause_comes_after_its_own_clause(nlp) -> None:
    text = "In May, the army and the rebels agreed a truce, which took effect on 2 July."
    ties = _ties(nlp, text, "truce")
    assert _tie(text, "May", ties).depth < _tie(text, "July", ties).depth


@pytest.mark.slow
def test_fighting_for_control_of_a_place_is_fighting_there(nlp) -> None:
    text = "On 3 May, two armed groups fought for control of villages of Tillaberi region."
    assert _tie(text, "Tillaberi", _ties(nlp, text, "fought")).relation == "in"

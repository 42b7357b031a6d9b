"""Where an incident's date, place and actors came from, as the confidence model reads it."""

from __future__ import annotations

from factfinder.confidence.sources import actor_source, date_source, place_source
from factfinder.model import Actor, Attachment, DateRange, Document, Incident, Place, Span

# A wire report written for this test: a dateline, a lead with the event's own date, and
# a later paragraph that tells a second event without one.
TEXT = ("KABUL, Afghanistan (Sept. 18, 2012) - Afghan forces detained two men in Qarabagh district yesterday, "
        "officials in Kabul said.\n\n"
        "On Sunday gunmen had attacked a checkpoint in Ghazni city and in Qarabagh district.")
LEAD_END = TEXT.index("\n\n")
SECOND = TEXT.index("On Sunday")


def _span(words: str, start: int = 0) -> Span:
    at = TEXT.index(words, start)
    return Span.of(TEXT, at, at + len(words))


def _place(words: str, name: str, precision: str, start: int = 0) -> Place:
    ids = {"Kabul": 1138958, "Qarabagh": 1, "Ghazni": 1141269}  # a stand-in id for the district
    return Place(_span(words, start), name, 33.0, 68.0, "AF", "Ghazni", None, ids[name], precision, 0.8)


DOCUMENT = Document(doc="d" * 64, text=TEXT, published="2012-09-18")
LEAD = Span.of(TEXT, TEXT.index("Afghan forces"), LEAD_END)
ARREST = Incident(
    doc=DOCUMENT.doc, type="arrest", summary=LEAD.text, evidence=(LEAD,), trigger=_span("detained"),
    date=DateRange("2012-09-17", "2012-09-17", "day", _span("yesterday")),
    location=_place("Qarabagh", "Qarabagh", "admin2"),
    perpetrators=(Actor("Afghan forces", _span("Afghan forces"), "state_force"),),
    attachments=(Attachment(_span("yesterday"), 1, "npadvmod"), Attachment(_span("Qarabagh"), 2, "in"),
                 Attachment(_span("Afghan forces"), 1, "nsubj")))
PLACES = (_place("Kabul", "Kabul", "town"), ARREST.location, _place("Ghazni", "Ghazni", "town", SECOND),
          _place("Qarabagh", "Qarabagh", "admin2", SECOND))


def test_a_date_of_the_events_own_clause_is_told_from_a_dateline_date() -> None:
    own = date_source(ARREST, DOCUMENT)
    assert own["date_own"] == own["date_tied"] == own["date_relative"] == own["date_day"] == 1.0
    assert own["date_dateline"] == own["date_earlier"] == 0.0
    dateline = ARREST.__class__(**{**_fields(ARREST), "date": DateRange("2012-09-18", "2012-09-18", "day",
                                                                         _span("Sept. 18, 2012")),
                                   "attachments": ()})
    read = date_source(dateline, DOCUMENT)
    assert read["date_dateline"] == 1.0 and read["date_own"] == read["date_tied"] == read["date_relative"] == 0.0


def test_a_date_with_no_words_behind_it_and_a_month_are_told_apart() -> None:
    unspanned = date_source(_with(ARREST, date=DateRange("2012-09-18", "2012-09-18", "day")), DOCUMENT)
    assert unspanned["date_unspanned"] == 1.0 and unspanned["date_own"] == 0.0
    month = date_source(_with(ARREST, date=DateRange("2012-09-01", "2012-09-30", "month", _span("yesterday"))),
                        DOCUMENT)
    assert month["date_month"] == 1.0 and month["date_day"] == 0.0
    assert date_source(_with(ARREST, date=None), DOCUMENT)["date_own"] == 0.0


def test_a_place_of_the_events_clause_is_told_from_the_storys_setting() -> None:
    own = place_source(ARREST, DOCUMENT, PLACES)
    assert own["place_own"] == own["place_tied"] == own["place_locative"] == own["place_admin"] == 1.0
    assert own["place_setting"] == 0.0
    assert own["place_several"] == 1.0  # Kabul is named in the same sentence
    assert own["place_repeated"] == 1.0  # and Qarabagh again further down
    second = Incident(doc=DOCUMENT.doc, type="attack", summary="", evidence=(Span.of(TEXT, SECOND, len(TEXT)),),
                      location=_place("Qarabagh", "Qarabagh", "admin2"))
    setting = place_source(second, DOCUMENT, PLACES)
    assert setting["place_setting"] == 1.0 and setting["place_own"] == setting["place_tied"] == 0.0


def test_actors_found_by_the_parse_are_told_from_the_lexicon_alone() -> None:
    role = actor_source(ARREST)
    assert role["actor_role"] == role["perp_state"] == role["actor_own"] == 1.0
    assert role["actor_lexicon_only"] == 0.0
    lexicon = actor_source(_with(ARREST, attachments=()))
    assert lexicon["actor_lexicon_only"] == 1.0 and lexicon["actor_role"] == 0.0
    assert actor_source(_with(ARREST, perpetrators=()))["perpetrators"] == 0.0


def _fields(incident: Incident) -> dict:
    return {name: getattr(incident, name) for name in incident.__dataclass_fields__}


def _with(incident: Incident, **changes: object) -> Incident:
    return Incident(**{**_fields(incident), **changes})

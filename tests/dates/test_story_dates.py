"""The story's own frame of dates: a dateline standing in for the publication date, a headline
over its lead, a header date against a nearer dateline, a photo caption's day, and a weekday
fixing the year when no publication date is known (dates/dateline.py, dates/framing.py)."""

from __future__ import annotations

import pytest

from factfinder.dates import incident_date_spans, resolve_incident_dates, with_dateline_published
from factfinder.model import Document

from dated_incidents import incident_at


WIRE = (
    "Army detains farmers in border district\n\n"
    "LASHIO, Myanmar (March 4, 2024) – Soldiers detained 14 farmers in Lashio township yesterday, "
    "relatives told reporters.\n\n"
    "The farmers were taken to a military base outside the town.\n\n"
    "Troops later shot dead two of the men during questioning, a relative said.\n"
)


def test_a_dateline_with_a_year_stands_in_for_a_missing_publication_date() -> None:
    document = with_dateline_published(Document(doc="d", text=WIRE))
    assert document.published == "2024-03-04"


def test_a_known_publication_date_and_a_yearless_dateline_are_left_alone() -> None:
    assert with_dateline_published(Document(doc="d", text=WIRE, published="2024-03-05")).published == "2024-03-05"
    yearless = WIRE.replace("(March 4, 2024)", "(March 4)")
    assert with_dateline_published(Document(doc="d", text=yearless)).published is None
    # a date in the body is not a dateline
    body = "Soldiers detained 14 farmers (March 4, 2024) in Lashio.\n"
    assert with_dateline_published(Document(doc="d", text=body)).published is None


def test_a_release_number_places_a_yearless_dateline_and_yesterday_counts_from_it() -> None:
    """"KABUL, Afghanistan (Dec. 24)" under the release number "2009-12-CA–080" (issued in
    December 2009, en dashes and all) is 24 December 2009, the day "yesterday" counts from;
    without the number, or with a number of another month, nothing places the day."""
    text = ("Militia Commander Detained in Border Province\n\nJoint Command\n2009-12-CA–080\n"
            "For Immediate Release\n\nKABUL, Afghanistan (Dec. 24) – A joint force detained a militia "
            "commander in the border province yesterday.\n")
    document = with_dateline_published(Document(doc="d", text=text))
    assert document.published == "2009-12-24"
    (arrest,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, "detained a")]), document)
    assert arrest.date is not None and (arrest.date.start, arrest.date.precision) == ("2009-12-23", "day")
    assert with_dateline_published(Document(doc="d", text=text.replace("2009-12-CA–080\n", ""))).published is None
    # a number issued in March cannot hold a day of 24 December of the same year: the year before
    march = with_dateline_published(Document(doc="d", text=text.replace("2009-12-CA", "2010-03-CA")))
    assert march.published == "2009-12-24"


def test_a_day_heading_the_title_is_the_release_day_when_there_is_no_dateline() -> None:
    """A day's roundup titled "March 4: Suspects Held in Kunar" has no dateline: its
    heading day, placed by the release number, is what "today" counts from. The same shape on
    a later line (a chronology's entry) is an event, not the release's day."""
    text = ("March 4: Suspects Held in Kunar\n\nNEWS RELEASE\n2010-03-CA-019\n"
            "For Immediate Release\n\nBorder police detained a weapons smuggler in Kunar province today.\n")
    document = with_dateline_published(Document(doc="d", text=text))
    assert document.published == "2010-03-04"
    (arrest,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, "detained a")]), document)
    assert arrest.date is not None and arrest.date.start == "2010-03-04"
    later = "Roundup of the week\n" + text
    assert with_dateline_published(Document(doc="d", text=later)).published is None
    dated = text.replace("March 4:", "March 4, 2010:").replace("2010-03-CA-019\n", "")
    assert with_dateline_published(Document(doc="d", text=dated)).published == "2010-03-04"


@pytest.mark.slow
def test_yesterday_counts_from_the_dateline_and_later_paragraphs_take_the_lead_date() -> None:
    from factfinder.pipeline import Pipeline

    extraction = Pipeline().extract(Document(doc="d", text=WIRE))
    assert extraction.document.published == "2024-03-04"
    by_type = {inc.type: inc for inc in extraction.incidents}
    assert by_type["arrest"].date is not None and by_type["arrest"].date.start == "2024-03-03"
    killing = by_type["killing"]
    assert killing.date is not None and (killing.date.start, killing.date.precision) == ("2024-03-03", "day")
    assert killing.date_span is not None and killing.date_span.text == "yesterday"


HEADLINED = (
    "Militia Commander Detained in Border Province\n"
    "Press Office - Joint Command\n\n"
    "\xa0RIVERTON, Freedonia (June 3, 2019) - A joint security force detained a militia commander "
    "during an operation in the border province Saturday.\n\n"
    "The commander is suspected of planning attacks on checkpoints.\n"
)


def test_a_headline_takes_its_lead_date_and_a_dateline_after_a_no_break_space_is_a_dateline() -> None:
    document = with_dateline_published(Document(doc="d", text=HEADLINED))
    assert document.published == "2019-06-03"
    headline, lead = incident_date_spans(document, [incident_at(HEADLINED, "Detained"),
                                                    incident_at(HEADLINED, "detained a")])
    assert headline.date_span is not None and headline.date_span.text == "Saturday"
    assert lead.date_span is not None and lead.date_span.text == "Saturday"
    resolved = resolve_incident_dates([headline], document)[0]
    assert resolved.date is not None and resolved.date.start == "2019-06-01"


def test_a_headline_over_an_undated_lead_takes_the_dateline_not_a_later_paragraph() -> None:
    text = HEADLINED.replace(" Saturday", "") + "He had been wanted since June, officials said.\n"
    document = with_dateline_published(Document(doc="d", text=text))
    (headline,) = incident_date_spans(document, [incident_at(text, "Detained")])
    assert headline.date_span is not None and headline.date_span.text == "June 3, 2019"


def test_a_headline_over_an_undated_lead_without_a_dateline_takes_the_day_the_next_paragraph_names() -> None:
    """The lead says what happened, the next paragraph when: "Union Condemns Detention of
    Reporters" / "A union called for the release of reporters after the detention of a
    journalist." / "The journalist was taken from her home by police on Dec. 7." A month or a
    "since" there is no day of the event, and the paragraphs after lend nothing."""
    text = ("Union Condemns Detention of Reporters\n\n"
            "A press union called on the authorities to release reporters, following the detention of a "
            "journalist.\n\n"
            "The journalist was taken from her home by police on Dec. 7, her family said.\n\n"
            "She had reported on the epidemic since March.\n")
    document = Document(doc="d", text=text, published="2020-12-14")
    (headline,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, "Detention")]), document)
    assert headline.date is not None and (headline.date.start, headline.date.precision) == ("2020-12-07", "day")
    vague = text.replace("on Dec. 7", "in December")
    (undated,) = incident_date_spans(Document(doc="d", text=vague, published="2020-12-14"),
                                     [incident_at(vague, "Detention")])
    assert undated.date_span is None


def test_an_undated_event_of_the_lead_takes_the_day_its_story_tells_below() -> None:
    """"A union called on Monday for the freedom of 12 reporters held since a round-up" /
    "Most of the reporters were arrested on June 30": the lead tells what, the next paragraph
    when. Only a day of a later paragraph's sentence that tells the same kind of event; a
    month is no day, and a later sentence of the lead's own paragraph tells another episode."""
    text = ("A press union called on Monday for the freedom of 12 reporters detained in a round-up "
            "in the capital.\n\n"
            "Most of the reporters were arrested on June 30 at their offices, the union said.\n")
    document = Document(doc="d", text=text, published="2021-07-12")
    lead, detail = resolve_incident_dates(incident_date_spans(
        document, [incident_at(text, "detained"), incident_at(text, "arrested on")]), document)
    assert lead.date is not None and (lead.date.start, lead.date.precision) == ("2021-06-30", "day")
    assert detail.date is not None and detail.date.start == "2021-06-30"
    vague = text.replace("on June 30", "in June")
    (undated, _) = incident_date_spans(Document(doc="d", text=vague, published="2021-07-12"),
                                       [incident_at(vague, "detained"), incident_at(vague, "arrested in")])
    assert undated.date_span is None
    one = text.replace(".\n\nMost", ". Most")
    (same_paragraph, _) = incident_date_spans(Document(doc="d", text=one, published="2021-07-12"),
                                              [incident_at(one, "detained"), incident_at(one, "arrested on")])
    assert same_paragraph.date_span is None


def test_an_undated_lead_takes_the_day_of_its_episode_told_below_as_a_kindred_type() -> None:
    """A lead tells an abduction as a disappearance ("held incommunicado for two weeks") and the
    next paragraph as an arrest with its day; a lead's murder is told below through the beating
    that caused it. A protest below is no kin of a lead's killing and lends nothing."""
    text = ("A blogger held incommunicado by the authorities for two weeks was allowed to call his family.\n\n"
            "He was arrested by state security officers on May 4 at his flat.\n")
    document = Document(doc="d", text=text, published="2021-05-21")
    lead, detail = resolve_incident_dates(incident_date_spans(
        document, [incident_at(text, "incommunicado", "disappearance"), incident_at(text, "arrested")]), document)
    assert lead.date is not None and (lead.date.start, lead.date.precision) == ("2021-05-04", "day")
    assert detail.date is not None and detail.date.start == "2021-05-04"
    text = ("Parliament condemned the murder of a young art teacher.\n\n"
            "Masked men had beaten the teacher on the evening of 11 November.\n")
    document = Document(doc="d", text=text, published="2020-11-26")
    killing, _ = resolve_incident_dates(incident_date_spans(
        document, [incident_at(text, "murder", "killing"), incident_at(text, "beaten", "torture")]), document)
    assert killing.date is not None and (killing.date.start, killing.date.precision) == ("2020-11-11", "day")
    protest = text.replace("Masked men had beaten the teacher", "Students marched")
    document = Document(doc="d", text=protest, published="2020-11-26")
    undated, _ = incident_date_spans(
        document, [incident_at(protest, "murder", "killing"), incident_at(protest, "marched", "protest")])
    assert undated.date_span is None


def test_the_day_below_is_looked_for_at_most_five_paragraphs_down() -> None:
    """A reporter tells who the victim is and what others said before the day of the arrest;
    beyond five paragraphs a day tells another episode."""
    filler = ["She had written about land disputes for a decade.", "Her union called the charges absurd.",
              "Colleagues gathered outside the station.", "The ministry did not reply to questions.",
              "A lawyer said she was well.", "Her family asked for a visit."]

    def story(between: int) -> str:
        return ("A reporter held by the police without charge was allowed to see a lawyer.\n\n"
                + "".join(line + "\n\n" for line in filler[:between])
                + "She was arrested at her home on March 3 by plainclothes officers.\n")

    for between, dated in ((4, True), (5, False)):
        text = story(between)
        lead, _ = incident_date_spans(Document(doc="d", text=text, published="2021-03-20"),
                                      [incident_at(text, "held"), incident_at(text, "arrested")])
        assert (lead.date_span is not None and lead.date_span.text == "March 3") is dated, between


def test_without_a_publication_date_a_weekday_fixes_the_year_the_document_suggests() -> None:
    """No publication date: "Saturday 27th November" is 2021 in a digest that states June 2021
    (27 November fell on a Saturday in 2021, not in 2020 or 2022); with no year stated, null."""
    text = "In June 2021 the tribunal heard witnesses. On Saturday 27th November, the tribunal will hold a hearing."
    document = Document(doc="d", text=text)
    (hearing,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, "hold", "legal_proceeding")]),
                                        document)
    assert hearing.date is not None and (hearing.date.start, hearing.date.precision) == ("2021-11-27", "day")
    bare = "On Saturday 27th November, the tribunal will hold a hearing."
    document = Document(doc="d", text=bare)
    (undated,) = resolve_incident_dates(incident_date_spans(document, [incident_at(bare, "hold", "legal_proceeding")]),
                                        document)
    assert undated.date is None


def test_a_dateline_nearer_than_a_header_date_dates_an_undated_lead() -> None:
    """A release headed "Operational Update, Aug. 19, 2010" whose dateline reads "(Aug. 18)": the lead
    tells its killing without a day ("over the past 24 hours"), and the dateline, nearer than the
    header, is the release's own day."""
    text = ("Joint Command Operational Update, Aug. 19, 2010\n\nFor Immediate Release\n\n"
            "KABUL, Afghanistan (Aug. 18) –\n\n"
            "Three gunmen were killed by police in Farah province over the past 24 hours.\n")
    (killing,) = incident_date_spans(Document(doc="d", text=text, published="2010-08-19"),
                                     [incident_at(text, "killed", "killing")])
    assert killing.date_span is not None and killing.date_span.text == "Aug. 18"
    # a date of the lead's own paragraph is still nearer than the dateline
    text = text.replace("over the past 24 hours", "on Monday")
    (killing,) = incident_date_spans(Document(doc="d", text=text, published="2010-08-19"),
                                     [incident_at(text, "killed", "killing")])
    assert killing.date_span is not None and killing.date_span.text == "Monday"


def test_a_photo_caption_lends_its_day_to_no_event_told_after_it() -> None:
    """The day a photo was taken is the caption's: the arrest told under it without a date stays
    undated, while an event the caption itself tells keeps the caption's date."""
    text = ("Teachers march through the centre of Nairobi on March 3, 2021. (Tony Karumba/AFP via Getty Images)\n\n"
            "Police arrested dozens of teachers outside parliament, union officials said.\n")
    document = Document(doc="d", text=text, published="2021-03-10")
    arrest, march = incident_date_spans(document, [incident_at(text, "arrested"), incident_at(text, "march", "protest")])
    assert arrest.date_span is None
    assert march.date_span is not None and march.date_span.text == "March 3, 2021"
    # the same line without a credit is the story's lead, and dates what follows it
    plain = text.replace(" (Tony Karumba/AFP via Getty Images)", "")
    (arrest,) = incident_date_spans(Document(doc="d", text=plain, published="2021-03-10"), [incident_at(plain, "arrested")])
    assert arrest.date_span is not None and arrest.date_span.text == "March 3, 2021"


def test_a_background_date_is_not_lent_to_the_operation_told_after_it() -> None:
    """A release tells its operation in the lead ("Thursday"), what the targeted man was known for
    with a date of its own ("responsible for an attack on a market in May 2009"), and the
    operation's outcome in the next paragraph without a date: the outcome is the operation's day,
    not the background's month."""
    text = ("KABUL, Afghanistan (Jan. 14, 2012) – A security force searched a compound for a militant "
            "commander in Sarkani district, Kunar province, on Thursday. The man had about twenty "
            "fighters under him. He was responsible for an attack on a market in May 2009.\n\n"
            "During the search, the force called in an airstrike which killed the commander and a guard.\n")
    document = Document(doc="d", text=text)
    (killing,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, "killed", "killing")]),
                                        with_dateline_published(document))
    assert killing.date_span is not None and killing.date_span.text == "Thursday"
    assert killing.date is not None and (killing.date.start, killing.date.precision) == ("2012-01-12", "day")
    # a date in a clause of its own after the background words is still the story's
    text = text.replace("He was responsible for an attack on a market in May 2009.",
                        "He was an explosives expert in the district, police said on Friday.")
    (killing,) = incident_date_spans(Document(doc="d", text=text), [incident_at(text, "killed", "killing")])
    assert killing.date_span is not None and killing.date_span.text == "Friday"

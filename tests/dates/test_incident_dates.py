"""Which date phrase an incident takes: its sentence's, its paragraph's, its story's lead, the dateline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factfinder.dates import incident_date_spans, resolve_incident_dates, statistic_dates, with_dateline_published
from factfinder.model import Document, Incident, Span, Statistic

from dated_incidents import incident_at


def test_the_dates_stage_takes_the_phrase_nearest_the_trigger_then_the_paragraph_before() -> None:
    text = ("Police detained 40 protesters on Friday and released them on Sunday. "
            "Two of them were later charged.\n")
    document = Document(doc="d", text=text, published="2024-06-10")
    detained, charged = incident_date_spans(document, [incident_at(text, "detained"),
                                                       incident_at(text, "charged", "legal_proceeding")])
    assert detained.date_span is not None and detained.date_span.text == "Friday"
    # no date in its own sentence: a proceeding told after the episode keeps its own, unsaid
    # date; an episode told on takes the latest one of the earlier sentences of its paragraph
    assert charged.date_span is None
    (beaten,) = incident_date_spans(document, [incident_at(text, "charged", "torture")])
    assert beaten.date_span is not None and beaten.date_span.text == "Sunday"
    resolved = resolve_incident_dates([detained], document)[0]
    assert resolved.date is not None and resolved.date.start == "2024-06-07"


def test_an_incident_without_trigger_words_keeps_its_date_phrase() -> None:
    text = "Soldiers burned 30 houses in March 2023."
    span = Span.of(text, text.index("March"), text.index("March") + 10)
    told = Incident(doc="d", type="property_destruction", summary=text, evidence=(Span.of(text, 0, len(text)),),
                    date_span=span)
    assert incident_date_spans(Document(doc="d", text=text), [told]) == (told,)


def test_a_tally_is_stated_as_of_its_own_date_else_the_publication_date() -> None:
    text = ("By 5 May, at least 1,200 people had been detained since the coup, the group said. "
            "More than 300 people have been killed since the coup.")
    first_end = text.index(".") + 1
    sentences = (Span.of(text, 0, first_end), Span.of(text, first_end + 1, len(text)))
    tallies = [Statistic(doc="d", measure="people detained", category="detained", value=1200, qualifier="at_least",
                         unit="people", evidence=(sentences[0],)),
               Statistic(doc="d", measure="people killed", category="killed", value=300, qualifier="more_than",
                         unit="people", evidence=(sentences[1],))]
    dated, undated = statistic_dates(Document(doc="d", text=text, published="2023-05-10"), tallies)
    assert (dated.as_of, dated.as_of_span.text if dated.as_of_span else None) == ("2023-05-05", "5 May")
    assert (undated.as_of, undated.as_of_span) == ("2023-05-10", None)


@pytest.mark.parametrize("text, word, kind", [
    ("In October, the UN committee said that guards had beaten detainees at the prison.", "beaten", "torture"),
    ("Hundreds of people were detained under the curfew, the commission said in September.", "detained", "arrest"),
    ("On 12 May, the rapporteur expressed concern about reports that police tortured suspects.", "tortured",
     "torture"),
    ("The command today confirmed it had detained two suspects in recent weeks.", "detained", "arrest"),
])
def test_a_date_that_frames_the_report_is_not_the_event_date(text: str, word: str, kind: str) -> None:
    """The sentence's only date is the reporting verb's: the event's own date is unsaid, and the
    paragraph's earlier dates are not borrowed for it."""
    text = "On 2 March, guards moved the prisoners to another wing. " + text
    document = Document(doc="d", text=text, published="2024-01-11")
    (incident,) = incident_date_spans(document, [incident_at(text, word, kind)])
    assert incident.date_span is None


@pytest.mark.parametrize("text, word, kind, expected", [
    # verbs that also tell acts report only with "that"
    ("In March, the supreme court confirmed sentences of up to 20 years for 40 protesters.", "sentences",
     "legal_proceeding", "March"),
    ("In October, a reporter who had reported on the riots was sentenced to ten years.", "sentenced",
     "legal_proceeding", "October"),
])
def test_a_verb_that_tells_an_act_does_not_make_its_date_a_report_date(text: str, word: str, kind: str,
                                                                       expected: str) -> None:
    (incident,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"),
                                      [incident_at(text, word, kind)])
    assert incident.date_span is not None and incident.date_span.text == expected


def test_a_date_between_the_event_and_its_source_stays_the_event_date() -> None:
    text = "Two journalists were arrested on Monday in the capital, their lawyer said on Tuesday."
    document = Document(doc="d", text=text, published="2024-06-12")
    (incident,) = incident_date_spans(document, [incident_at(text, "arrested")])
    assert incident.date_span is not None and incident.date_span.text == "Monday"
    # a date that opens another clause, far from a reporting verb, stays a candidate too
    text = ("The marchers set off last month after a student died in custody; his family says he was killed "
            "by guards.")
    (incident,) = incident_date_spans(Document(doc="d", text=text, published="2024-06-12"),
                                      [incident_at(text, "killed", "killing")])
    assert incident.date_span is not None and incident.date_span.text == "last month"


def test_with_a_parse_a_date_it_ties_to_another_clause_is_not_the_event_date() -> None:
    """"In June, a court ordered compensation for a man who had been tortured": the parse ties
    "tortured" to its relative clause only, so June is the court's; the torture's date is unsaid."""
    from factfinder.model import Attachment

    text = "In June, a court ordered the state to pay compensation to a man who had been tortured in custody."
    incident = incident_at(text, "tortured", "torture")
    clause = [Attachment(Span.of(text, text.index(w), text.index(w) + len(w)), depth, relation, False)
              for w, depth, relation in (("tortured", 0, "predicate"), ("custody", 2, "in"))]
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"),
                                     [replace(incident, attachments=tuple(clause))])
    assert undated.date_span is None
    court = incident_at(text, "ordered", "legal_proceeding")
    tie = Attachment(Span.of(text, text.index("June"), text.index("June") + 4), 1, "in", False)
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"),
                                   [replace(court, attachments=(tie,))])
    assert dated.date_span is not None and dated.date_span.text == "June"


def _with_clause(incident: Incident, text: str, *words: tuple[str, int, str]) -> Incident:
    """The incident with the parse's ties of ``words`` (word, depth, relation) as extraction hands them."""
    from factfinder.model import Attachment

    clause = [Attachment(Span.of(text, text.index(w), text.index(w) + len(w)), depth, relation, False)
              for w, depth, relation in words]
    return replace(incident, attachments=tuple(clause))


def test_a_day_counted_from_the_report_that_the_parse_left_untied_is_still_the_events() -> None:
    """A wire report tells its main event's day with "today": a parse that misses the tie
    ("during an operation to arrest a leader today") does not leave the event undated; a
    month or year the parse leaves untied still does."""
    text = "A security force detained two men during an operation to arrest a militia leader today."
    incident = _with_clause(incident_at(text, "detained"), text, ("detained", 0, "predicate"), ("men", 1, "dobj"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2012-07-27"), [incident])
    assert dated.date_span is not None and dated.date_span.text == "today"
    text = "In June, a court ordered the state to pay compensation to a man who had been tortured in custody."
    tortured = _with_clause(incident_at(text, "tortured", "torture"), text, ("tortured", 0, "predicate"))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [tortured])
    assert undated.date_span is None


@pytest.mark.parametrize("text, word, kind", [
    ("Police used spyware to access the phones of journalists, the group said in a report published on Monday.",
     "spyware", "surveillance"),
    ("The office said in a report released late yesterday that the detention of thousands may be a crime.",
     "detention", "arrest"),
    ("A lawyers' union called Monday for the freedom of nine lawyers detained in a string of raids.",
     "detained", "arrest"),
    ("The union condemned on Friday the arrest of three reporters in the capital.", "arrest", "arrest"),
])
def test_the_day_a_report_is_published_is_not_the_event_date(text: str, word: str, kind: str) -> None:
    """Nor the day of an appeal: "called Monday for the release of journalists detained ..." dates the
    call; the detention's day is unsaid."""
    (incident,) = incident_date_spans(Document(doc="d", text=text, published="2024-12-17"),
                                      [incident_at(text, word, kind)])
    assert incident.date_span is None


def test_a_person_called_in_on_a_day_is_no_appeal() -> None:
    text = "The activist was called on Monday to the police station and arrested there."
    (arrest,) = incident_date_spans(Document(doc="d", text=text, published="2024-12-17"),
                                    [incident_at(text, "arrested")])
    assert arrest.date_span is not None and arrest.date_span.text == "Monday"


def test_a_strategic_development_later_in_a_release_takes_its_lead_date() -> None:
    """Weapons seized in a release's third paragraph were seized in the operation its lead
    dates; a statement further down keeps its own unsaid date."""
    text = ("KABUL, Afghanistan (July 26, 2011) - Border police stopped a lorry at a checkpoint "
            "in Nimruz province yesterday.\n\n"
            "Inside the lorry, the police seized 20 rifles and two grenades.\n\n"
            "Officials condemned the smuggling.\n")
    document = with_dateline_published(Document(doc="d", text=text))
    seized = replace(incident_at(text, "seized", "other"), subtype="weapons_seized")
    statement = incident_at(text, "condemned", "statement")
    dated, undated = resolve_incident_dates(incident_date_spans(document, [seized, statement]), document)
    assert dated.date is not None and (dated.date.start, dated.date.precision) == ("2011-07-25", "day")
    assert undated.date is None


def test_a_year_that_modifies_the_event_noun_is_its_date_and_another_nouns_is_not() -> None:
    """"the 2013 protests" dates the protests; "imprisoned over the 2016-2017 protests" does not
    date the imprisonment."""
    text = "On 25 April, a court convicted eight people in the park trial over the 2013 protests."
    document = Document(doc="d", text=text, published="2023-01-12")
    protest, trial = resolve_incident_dates(incident_date_spans(
        document, [incident_at(text, "protests", "protest"), incident_at(text, "convicted", "legal_proceeding")]),
        document)
    assert protest.date is not None and (protest.date.start, protest.date.precision) == ("2013-01-01", "year")
    assert trial.date is not None and trial.date.start == "2022-04-25"  # the April before publication
    text = "Seven men imprisoned over the 2016-2017 Hirak protests were still held at the end of the year."
    (held,) = incident_date_spans(Document(doc="d", text=text, published="2023-01-12"),
                                  [incident_at(text, "imprisoned", "legal_proceeding")])
    assert held.date_span is None


@pytest.mark.parametrize("text, word, kind", [
    ("The seminarian was murdered by his captors on a day we cannot confirm, the bishop said in a "
     "February 1 statement.", "murdered", "killing"),
    ("A May 23 report by a local rights group said that detainees were tortured in the camp.", "tortured", "torture"),
])
def test_a_date_that_modifies_a_statement_or_report_noun_is_not_the_event_date(text: str, word: str,
                                                                               kind: str) -> None:
    """"a February 1 statement", "A May 23 report": the day the statement or report came out,
    like "its 2019 action plan"; the event's own day is unsaid."""
    (incident,) = incident_date_spans(Document(doc="d", text=text, published="2020-02-03"),
                                      [incident_at(text, word, kind)])
    assert incident.date_span is None
    # the event's own noun after its date keeps it ("a May 23 raid"), and so does its frame
    # ("during an overnight operation")
    text = "Soldiers detained nine men in a May 23 raid on the village."
    (raid,) = incident_date_spans(Document(doc="d", text=text, published="2020-06-03"), [incident_at(text, "raid")])
    assert raid.date_span is not None and raid.date_span.text == "May 23"
    text = "A security force detained two suspected insurgents during an overnight operation in the district."
    (held,) = incident_date_spans(Document(doc="d", text=text, published="2011-08-02"), [incident_at(text, "detained")])
    assert held.date_span is not None and held.date_span.text == "overnight"


def test_a_date_of_the_act_an_event_is_the_cause_of_is_not_the_events() -> None:
    """"On 14 April, a court fined an activist over a protest": the parse ties the day to the
    fine, above the "over" that carries the protest; a day after the event noun is its own."""
    text = "On 14 April, a court fined an activist over a protest by delivery couriers."
    protest = _with_clause(incident_at(text, "protest", "protest"), text,
                           ("protest", 0, "predicate"), ("over", 1, "predicate"), ("fined", 2, "predicate"),
                           ("April", 4, "on"), ("couriers", 2, "by"))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [protest])
    assert undated.date_span is None
    text = "A court fined an activist over a protest on 2 April by delivery couriers."
    protest = _with_clause(incident_at(text, "protest", "protest"), text,
                           ("protest", 0, "predicate"), ("over", 1, "predicate"), ("fined", 2, "predicate"),
                           ("April", 2, "on"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [protest])
    assert dated.date_span is not None and dated.date_span.text == "2 April"


def test_a_date_opening_the_clause_after_a_colon_dates_its_event() -> None:
    """The parse hangs "in March" on the clause before the colon; it opens the arrest's clause."""
    text = "The authorities continued to use the emergency law: in March, police arrested two men in the north."
    arrest = _with_clause(incident_at(text, "arrested"), text, ("arrested", 0, "predicate"), ("police", 1, "nsubj"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [arrest])
    assert dated.date_span is not None and dated.date_span.text == "March"


def test_a_date_told_through_an_institutions_participle_dates_its_noun() -> None:
    """"the agreement signed in November 2022" dates the agreement, not the rapes after it; "a
    life sentence imposed in 2011" dates the sentence when the sentence is the event."""
    text = "Soldiers continued to rape women in the region after the peace agreement signed in November 2022."
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"),
                                     [incident_at(text, "rape", "torture")])
    assert undated.date_span is None
    text = "A defender serving a life sentence imposed in 2011 was denied a visit by a doctor in June."
    (sentence,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"),
                                      [incident_at(text, "sentence", "legal_proceeding")])
    assert sentence.date_span is not None and sentence.date_span.text == "2011"


def test_a_state_of_affairs_without_a_date_does_not_take_the_paragraphs_date() -> None:
    """"Police banned dozens of rallies" after a dated arrest is not dated by it; the arrest's
    sequel ("Two of them were later beaten") is told on and is."""
    text = "On 14 July, police arrested 20 activists in the capital. Police banned dozens of rallies. " \
           "Two of them were later beaten in custody."
    document = Document(doc="d", text=text, published="2024-01-11")
    ban, beating = incident_date_spans(document, [incident_at(text, "banned", "restriction"),
                                                  incident_at(text, "beaten", "torture")])
    assert ban.date_span is None
    assert beating.date_span is not None and beating.date_span.text == "14 July"


def test_a_relative_clause_after_a_dated_noun_takes_its_date() -> None:
    """"the bombings of 21 April 2019, which killed more than 260 people": the killing is the
    bombings, whatever the court did on 12 January."""
    text = ("On 12 January 2023, a court ordered compensation for victims of the bombings of 21 April 2019, "
            "which killed more than 260 people.")
    killing = _with_clause(incident_at(text, "killed", "killing"), text, ("killed", 0, "predicate"),
                           ("people", 1, "dobj"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [killing])
    assert dated.date_span is not None and dated.date_span.text == "21 April 2019"


def test_a_date_after_a_colon_dates_the_general_statement_before_it() -> None:
    """"Both parties obstructed aid: in October, the army refused permits for convoys": the
    obstruction is told by its dated instance; a date further on does not reach back."""
    text = "Both parties obstructed aid: in October, the army refused permits for aid convoys."
    obstructed = _with_clause(incident_at(text, "obstructed", "humanitarian"), text,
                              ("obstructed", 0, "predicate"), ("aid", 1, "dobj"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [obstructed])
    assert dated.date_span is not None and dated.date_span.text == "October"
    text = "Both parties obstructed aid for months, and the army refused permits for convoys in October."
    obstructed = _with_clause(incident_at(text, "obstructed", "humanitarian"), text,
                              ("obstructed", 0, "predicate"), ("aid", 1, "dobj"))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2024-01-11"), [obstructed])
    assert undated.date_span is None


def test_a_date_opening_the_sentence_frames_a_coordinated_clause_but_no_subordinate_or_cause() -> None:
    """"On 29 September, after a storm ..., residents protested ..., and police detained dozens":
    the parse hangs the date under the storm's clause, yet it frames the sentence, and the arrest
    shares the circumstances of the protest it is coordinated with. A clause opened by "that" and
    an event that is the cause of a fine are not framed by it."""
    published = "2023-01-12"
    text = ("On 29 September, after a storm had left the island without power, residents protested in the capital, "
            "and police detained dozens of them.")
    arrest = _with_clause(incident_at(text, "detained"), text, ("residents", 4, "nsubj"), ("protested", 3, "shared"),
                          ("police", 1, "nsubj"), ("detained", 0, "predicate"), ("dozens", 1, "dobj"))
    (dated,) = incident_date_spans(Document(doc="d", text=text, published=published), [arrest])
    assert dated.date_span is not None and dated.date_span.text == "29 September"
    text = "On 19 May, three men were hanged after trials marred by allegations that they had been tortured."
    torture = _with_clause(incident_at(text, "tortured", "torture"), text, ("allegations", 3, "shared"),
                           ("that", 1, "mark"), ("tortured", 0, "predicate"))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published=published), [torture])
    assert undated.date_span is None
    text = "In October, a court fined a group of vendors for protesting against their eviction."
    protest = _with_clause(incident_at(text, "protesting", "protest"), text, ("fined", 2, "shared"),
                           ("for", 1, "predicate"), ("protesting", 0, "predicate"))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published=published), [protest])
    assert undated.date_span is None




def test_a_detention_told_as_a_state_since_a_day_is_dated_by_its_onset() -> None:
    """"has been detained since February 9" is an arrest of 9 February (the state runs on to
    the report), "held in a city prison since 2016" one of 2016; a wave of arrests "since
    Monday" told by an active verb, and a protest "since Monday", keep the range to the report."""
    published = "2020-03-11"  # a Wednesday
    cases = [("The lawyer has been detained since February 9, his wife said.", "detained", "arrest",
              ("2020-02-09", "2020-02-09", "day")),
             ("A blogger has been held in a city prison since 2016.", "held", "arrest",
              ("2016-01-01", "2016-12-31", "year")),
             ("A student has been missing since Thursday.", "missing", "disappearance",
              ("2020-03-05", "2020-03-05", "day")),
             ("Police have arrested 300 people since Monday.", "arrested", "arrest",
              ("2020-03-09", "2020-03-11", "week")),
             ("Workers have protested since Thursday.", "protested", "protest",
              ("2020-03-05", "2020-03-11", "week"))]
    for text, word, kind, expected in cases:
        document = Document(doc="d", text=text, published=published)
        (incident,) = resolve_incident_dates(incident_date_spans(document, [incident_at(text, word, kind)]), document)
        assert incident.date is not None, text
        assert (incident.date.start, incident.date.end, incident.date.precision) == expected, text


def test_a_day_the_parse_leaves_untied_is_not_an_event_of_a_relative_clause() -> None:
    """"An activist, who was arrested during the protests, was granted bail on Friday": the parse
    ties "Friday" to the bail, not to the arrest told in the relative clause, whose date is unsaid;
    the same day beside an arrest of the main clause ("Police arrested an activist ... on Friday",
    left untied by the parse) is the arrest's."""
    from factfinder.model import Attachment

    def words(text: str, pairs: list[tuple[str, int, str]]) -> tuple[Attachment, ...]:
        return tuple(Attachment(Span.of(text, text.index(w), text.index(w) + len(w)), depth, relation, False)
                     for w, depth, relation in pairs)

    text = "An activist, who was arrested during the protests, was granted bail by the court on Friday."
    arrest = replace(incident_at(text, "arrested"), attachments=words(text, [
        ("who", 1, "nsubjpass"), ("was", 1, "auxpass"), ("arrested", 0, "predicate"),
        ("during", 1, "during"), ("protests", 2, "during")]))
    (undated,) = incident_date_spans(Document(doc="d", text=text, published="2021-02-26"), [arrest])
    assert undated.date_span is None
    main = "Police arrested an activist during the protests and took her to a station on Friday."
    arrest = replace(incident_at(main, "arrested"), attachments=words(main, [
        ("Police", 1, "nsubj"), ("arrested", 0, "predicate"), ("activist", 1, "dobj"),
        ("during", 1, "during"), ("protests", 2, "during")]))
    (dated,) = incident_date_spans(Document(doc="d", text=main, published="2021-02-26"), [arrest])
    assert dated.date_span is not None and dated.date_span.text == "Friday"


def test_a_relative_clause_on_an_operation_takes_the_operations_day() -> None:
    """"On Sunday, soldiers carried out an operation in Sarobi district, Kabul province that
    resulted in the death of a militia commander": the death is told in a relative clause on the
    operation, which is what happened on Sunday; the parse ties "Sunday" to "conducted" only."""
    text = ("On Sunday, soldiers carried out an operation in Sarobi district, Kabul province that "
            "resulted in the death of a militia commander.")
    killing = _with_clause(incident_at(text, "resulted in the death of", "killing"), text,
                           ("that", 1, "nsubj"), ("resulted", 0, "predicate"), ("commander", 2, "of"))
    (dated,) = resolve_incident_dates(incident_date_spans(Document(doc="d", text=text, published="2012-12-04"),
                                                          [killing]), Document(doc="d", text=text, published="2012-12-04"))
    assert dated.date is not None and (dated.date.start, dated.date.precision) == ("2012-12-02", "day")
    # a relative clause on a person or a thing that is no operation still dates nothing
    other = text.replace("an operation in Sarobi district, Kabul province", "a search for a man")
    killing = _with_clause(incident_at(other, "resulted in the death of", "killing"), other,
                           ("that", 1, "nsubj"), ("resulted", 0, "predicate"), ("commander", 2, "of"))
    (undated,) = incident_date_spans(Document(doc="d", text=other, published="2012-12-04"), [killing])
    assert undated.date_span is None

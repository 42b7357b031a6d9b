"""Which incidents of one document are one event: the rules of consolidate.within.merge_incidents."""

from __future__ import annotations

from dataclasses import replace

from factfinder.consolidate.within import merge_incidents
from factfinder.model import Count, DateRange, Incident, Place, Span

DAY = DateRange("2011-01-19", "2011-01-19", "day")


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span.of(text, start, start + len(phrase))


def _incident(text: str, sentence: str, *, story: int = 0, counts: tuple[tuple[str, str, float], ...] = (),
              date: DateRange | None = DAY, date_phrase: str | None = None, place: str | None = "Khost",
              kind: str = "arrest") -> Incident:
    evidence = _span(text, sentence)
    location = None
    if place:
        location = Place(_span(text, place), name=place, lat=33.3, lon=69.9, country="AF", admin1=place,
                         precision="admin1")
    return Incident(doc="d", type=kind, summary=sentence, evidence=(evidence,), story=story, date=date,
                    date_span=_span(text, date_phrase) if date_phrase else None, location=location,
                    counts=tuple(Count(cat, value, "exact", "people", _span(text, phrase))
                                 for cat, phrase, value in counts))


def test_a_retold_part_of_a_toll_is_the_same_detention() -> None:
    s1 = "Troops detained a Haqqani leader and 10 suspects in Khost province yesterday."
    s2 = "All 11 were taken away by the patrol for questioning."
    text = f"{s1} {s2}"
    a = _incident(text, s1, counts=(("detained", "a", 1), ("detained", "10", 10)))
    b = _incident(text, s2, counts=(("detained", "11", 11),), place=None)
    assert len(merge_incidents([a, b])) == 1
    c = _incident(text, s2, counts=(("detained", "11", 11),), place=None)
    far = replace(c, counts=(Count("detained", 300, "exact", "people", _span(text, "11")),))
    assert len(merge_incidents([a, far])) == 2


def test_one_event_restated_in_a_second_story_is_merged_only_when_told_alike() -> None:
    s1 = "A coalition patrol killed one insurgent in Khost yesterday."
    s2 = "An air strike in Khost killed one insurgent."
    text = f"{s1}\n\n{s2}"
    a = _incident(text, s1, counts=(("killed", "one", 1),), kind="killing")
    b = _incident(text, s2, story=1, counts=(("killed", "one", 1),), kind="killing")
    assert len(merge_incidents([a, b])) == 1
    other_day = replace(b, date=DateRange("2011-01-10", "2011-01-10", "day"))
    assert len(merge_incidents([a, other_day])) == 2
    no_figure = replace(b, counts=())
    assert len(merge_incidents([a, no_figure])) == 2


def test_a_date_taken_from_context_does_not_split_an_event() -> None:
    s1 = "Troops detained four suspects in Khost on Monday."
    s2 = "He planned an attack in December."
    s3 = "Four suspects were detained at the compound."
    text = " ".join([s1, s2, s3])
    a = _incident(text, s1, counts=(("detained", "four", 4),), date_phrase="Monday")
    b = _incident(text, s3, counts=(("detained", "Four", 4),), date=DateRange("2010-12-01", "2010-12-31", "month"),
                  date_phrase="December")
    merged = merge_incidents([a, b])
    assert len(merged) == 1 and merged[0].date == DAY  # the first telling keeps its date
    # the same date phrase inside its own sentence does tell the events apart
    own = replace(b, date_span=_span(text, "Four"))
    assert len(merge_incidents([a, own])) == 2


def test_an_attack_that_killed_is_the_killing_and_carries_its_wounded() -> None:
    from factfinder.extract.incidents import assign_counts, fold_means

    text = "Shelling hit a market on Sunday, killing 27 people and wounding 25."
    attack, killing = object(), object()
    assert set(fold_means({"attack": attack, "killing": killing})) == {"killing"}
    assert set(fold_means({"attack": attack, "arrest": killing})) == {"attack", "arrest"}

    class Hit:
        def __init__(self, phrase: str) -> None:
            self.start = text.index(phrase)
            self.end = self.start + len(phrase)

    counts = [Count("killed", 27, "exact", "people", _span(text, "27")),
              Count("injured", 25, "exact", "people", _span(text, "25"))]
    by_type = assign_counts(counts, {"killing": Hit("killing")})
    assert [(c.category, c.value) for c in by_type["killing"]] == [("killed", 27), ("injured", 25)]


def test_a_round_up_placed_in_the_country_takes_the_finer_place_it_absorbs() -> None:
    s1 = "Security forces killed four insurgents during operations in eastern Afghanistan yesterday."
    s2 = "In Khost province, the security force killed four insurgents."
    text = f"{s1} {s2}"
    a = _incident(text, s1, counts=(("killed", "four", 4),), place="Afghanistan", kind="killing")
    a = replace(a, location=replace(a.location, admin1=None, precision="country"))
    b = _incident(text, s2, counts=(("killed", "four", 4, ),), kind="killing")
    (merged,) = merge_incidents([a, b])
    assert merged.location is not None and merged.location.admin1 == "Khost"


def test_a_past_year_told_in_its_own_sentence_is_an_act_of_its_own() -> None:
    s1 = "Students in the region are not allowed to fast during the holy month."
    s2 = "The report said that in 2014 the government banned public employees from fasting."
    text = f"{s1} {s2}"
    a = _incident(text, s1, date=None, place=None, kind="restriction")
    b = _incident(text, s2, date=DateRange("2014-01-01", "2014-12-31", "year"), date_phrase="in 2014",
                  place=None, kind="restriction")
    assert len(merge_incidents([a, b])) == 2
    # the same year taken from an earlier paragraph is context: it does not split the event
    context = _incident(text, s2, date=DateRange("2014-01-01", "2014-12-31", "year"), date_phrase="in the region",
                        place=None, kind="restriction")
    assert len(merge_incidents([a, context])) == 1


def test_victims_told_as_among_the_dead_are_part_of_the_toll_before() -> None:
    s1 = "Shells fired by government forces hit a residential area of the town, killing 13 people."
    s2 = "A teacher and three pupils were among the dead."
    text = f"{s1} {s2}"
    toll = _incident(text, s1, counts=(("killed", "13", 13),), place=None, kind="killing")
    part = _incident(text, s2, counts=(("killed", "three", 3),), place=None, kind="killing")
    merged = merge_incidents([toll, part])
    assert len(merged) == 1 and [(c.category, c.value) for c in merged[0].counts] == [("killed", 13)]
    # a larger figure is no part of a smaller toll
    more = _incident(text, s2, counts=(("killed", "three", 30),), place=None, kind="killing")
    assert len(merge_incidents([toll, more])) == 2


def test_an_annual_report_s_sentences_tell_acts_of_their_own() -> None:
    """Under a country heading each sentence tells its own acts (tests/gold/README.md): two arrests of
    one story and place, without dates that tell them apart, stay two; a news story merges them."""
    s1 = "Police detained activists in Khost."
    s2 = "Police detained students in Khost."
    text = f"{s1} {s2}"
    a = _incident(text, s1, date=None)
    b = _incident(text, s2, date=None)
    assert len(merge_incidents([a, b])) == 1
    assert len(merge_incidents([a, b], by_sentence=True)) == 2


def test_a_merged_incident_keeps_its_own_sentence_s_date_over_a_lent_one() -> None:
    # the headline is dated by its lead's battle (3-4 March); the later sentence tells its own day
    s0 = "Soldiers fought rebels in Kalay on 3 and 4 March."  # the lead
    s1 = "Dozens detained in Kalay"
    s2 = "After the army retook Kalay on 4 March, soldiers detained dozens of people."
    text = f"{s0}\n\n{s1}\n\n{s2}"
    lent = _incident(text, s1, date=DateRange("2011-03-03", "2011-03-04", "day"), date_phrase="3 and 4 March",
                     place=None)
    own = replace(_incident(text, s2, date=DateRange("2011-03-04", "2011-03-04", "day"), place=None),
                  date_span=_span(text, "4 March", 1))
    merged = merge_incidents([lent, own])
    assert len(merged) == 1 and merged[0].date == DateRange("2011-03-04", "2011-03-04", "day")
    # an own date coarser than the lent one ("within the last month") does not replace it, nor does an
    # own day far from it: another act the merge took in ("an arrest in October 2010")
    for later, own_date, phrase in (
            ("It was the third such raid within the last month.", DateRange("2011-02-01", "2011-02-28", "month"),
             "the last month"),
            ("Police had used the same warrant to detain dozens of people in Kalay on 31 October 2010.",
             DateRange("2010-10-31", "2010-10-31", "day"), "31 October 2010")):
        text = f"{s0}\n\n{s1}\n\n{later}"
        lent = _incident(text, s1, date=DateRange("2011-03-04", "2011-03-04", "day"), date_phrase="4 March",
                         place=None)
        merged = merge_incidents([lent, _incident(text, later, date=own_date, date_phrase=phrase, place=None)])
        assert len(merged) == 1 and merged[0].date == DateRange("2011-03-04", "2011-03-04", "day")


def test_an_agent_a_telling_names_comes_before_one_another_telling_only_implies() -> None:
    """The lead's arrest implies "security forces" (its own word, the trigger); the next sentence names
    the intelligence service: the merged arrest is the service's first."""
    from factfinder.model import Actor

    s1 = "Two trade unionists were detained in Khost yesterday."
    s2 = "Officers of the intelligence service detained the two unionists at their office."
    text = f"{s1} {s2}"
    a = _incident(text, s1)
    a = replace(a, trigger=_span(text, "detained"),
                perpetrators=(Actor("security forces", _span(text, "detained"), "state_force"),))
    b = _incident(text, s2, place=None)
    b = replace(b, trigger=_span(text, "detained", 1),
                perpetrators=(Actor("intelligence services", _span(text, "intelligence service"), "state_force"),))
    merged = merge_incidents([a, b])
    assert len(merged) == 1
    assert [p.name for p in merged[0].perpetrators] == ["intelligence services", "security forces"]

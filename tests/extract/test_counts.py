"""Counts with hedges: values, qualifiers, units and categories on report-like sentences."""

from __future__ import annotations

import pytest

from factfinder.extract.counts import find_counts
from factfinder.model import Count


def only(text: str) -> Count:
    counts = find_counts(text)
    assert len(counts) == 1, [(c.span.text, c.category) for c in counts]
    return counts[0]


def summary(text: str) -> list[tuple[str, float, str, str]]:
    return [(c.category, c.value, c.qualifier, c.unit) for c in find_counts(text)]


@pytest.mark.parametrize("text, value, qualifier, span", [
    ("Soldiers arrested nearly a hundred villagers in the raid.", 100, "approx", "nearly a hundred"),
    ("There are more than two hundred people trapped in the town.", 200, "more_than", "more than two hundred"),
    ("At least 15 civilians were killed in the shelling.", 15, "at_least", "At least 15"),
    ("Up to 30 protesters were detained by police.", 30, "at_most", "Up to 30"),
    ("Fewer than 10 people were injured, officials said.", 10, "less_than", "Fewer than 10"),
    ("Some 19,693 people have been arrested since the coup.", 19693, "approx", "Some 19,693"),
    ("An estimated 2,500 families were displaced by the fighting.", 2500, "approx", "An estimated 2,500"),
    ("Twenty-three miners were killed when gunmen stormed the site.", 23, "exact", "Twenty-three"),
    ("Nearly ten thousand residents fled the district.", 10000, "approx", "Nearly ten thousand"),
    ("Dozens of students were arrested outside the university.", 24, "at_least", "Dozens of"),
    ("Hundreds of families fled across the border overnight.", 200, "at_least", "Hundreds of"),
    ("Thousands of people fled their homes after the air strikes.", 2000, "at_least", "Thousands of"),
    ("The force detained several suspected insurgents during the search.", 3, "at_least", "several"),
    ("Around 1.2 million people have been displaced in the region.", 1200000, "approx", "Around 1.2 million"),
])
def test_value_and_qualifier_of_hedged_counts(text: str, value: float, qualifier: str, span: str) -> None:
    count = only(text)
    assert (count.value, count.qualifier, count.span.text) == (value, qualifier, span)
    assert text[count.span.start:count.span.end] == count.span.text


@pytest.mark.parametrize("text, category", [
    ("Security forces shot dead 12 protesters in the capital.", "killed"),
    ("The blast killed 7 people and the toll may rise.", "killed"),
    ("The death toll rose to 45 on Sunday.", "killed"),
    ("Police arrested 40 activists at the rally.", "arrested"),
    ("An Afghan and coalition force captured two suspected insurgents overnight.", "arrested"),
    ("Authorities detained six protesters outside the consulate.", "detained"),
    ("Gunmen abducted 30 students from a boarding school.", "detained"),
    ("The attack left 12 wounded, the hospital said.", "injured"),
    ("Artillery hit the market, injuring 12 shoppers.", "injured"),
    ("Relatives say 14 men remain missing after the raid.", "missing"),
    ("About 10,000 war refugees cannot return to their villages.", "displaced"),
    ("More than 3,000 people have fled to neighbouring Chad.", "displaced"),
    ("Some 400 people are trapped in the besieged hospital.", "trapped"),
    ("The floods affected 20,000 households in the province.", "affected"),
])
def test_category_comes_from_the_clause(text: str, category: str) -> None:
    assert only(text).category == category


def test_a_description_is_not_an_event_count() -> None:
    counts = find_counts("The university has 16,000 students and two campuses.")
    assert [(c.value, c.unit, c.category) for c in counts] == [(16000, "people", "other"), (2, "campuses", "other")]


def test_money_needs_a_currency_and_reads_scale_words() -> None:
    count = only("The company signed a $9 million contract with the provincial government.")
    assert (count.category, count.value, count.unit, count.span.text) == ("money", 9_000_000, "USD", "$9 million")
    count = only("Donors pledged 250 million euros for reconstruction.")
    assert (count.category, count.value, count.unit) == ("money", 250_000_000, "EUR")


def test_a_parenthesised_figure_is_the_exact_value_of_the_same_count() -> None:
    text = "There are already more than eight hundred thousand (813,500) people who have fled their homes."
    count = only(text)
    assert (count.value, count.qualifier, count.category) == (813500, "exact", "displaced")
    assert count.span.text == "more than eight hundred thousand (813,500)"


@pytest.mark.parametrize("text", [
    "In 2014, the government banned fasting for civil servants.",
    "The hearing was held on November 16th and 17th in the capital.",
    "Fighting broke out between 10 and 12 March near the border.",
    "The tribunal will sit on Saturday 27 November at 1300 GMT.",
    "The tribunal will hold a third hearing next month.",
    "He was elected to a three-year term on the committee.",
    "The 85-page contract was signed three months ago.",
    "A 35-year-old teacher was among those questioned.",
    "It has been almost ten days since the offensive began.",
    "Turnout fell by 12 percent compared with the last vote.",
    "Press release 2013-01-S-025 was issued in Kabul.",
    "Call the hotline at +95 9 450 123 456 for information.",
    "Article 18 of the covenant protects freedom of religion.",
    "A number of people were detained in the sweep.",
    "No one was hurt and one of the guards said the gate held.",
])
def test_years_dates_times_durations_and_labels_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_a_single_person_counts_only_under_an_event_verb() -> None:
    assert summary("A man was killed by a stray bullet in the market.") == [("killed", 1, "exact", "people")]
    assert summary("Soldiers detained a teacher at the checkpoint.") == [("detained", 1, "exact", "people")]
    assert find_counts("A police database in the city revealed how residents are tracked.") == []
    assert find_counts("A woman who lives nearby said the shelling lasted all night.") == []


def test_coordinated_objects_share_the_verb() -> None:
    assert summary("Soldiers captured a gang leader and three suspected smugglers.") == [
        ("arrested", 1, "exact", "people"), ("arrested", 3, "exact", "people")]


def test_separate_verbs_give_separate_categories() -> None:
    assert summary("The raid killed 5 insurgents and wounded 3 civilians.") == [
        ("killed", 5, "exact", "people"), ("injured", 3, "exact", "people")]


def test_the_agent_of_a_killing_is_not_counted_as_killed() -> None:
    counts = find_counts("Fifteen gunmen killed three villagers near the river.")
    assert [(c.value, c.category) for c in counts] == [(15, "other"), (3, "killed")]


def test_a_part_of_a_total_is_not_added_to_the_tally() -> None:
    counts = find_counts("At least 20 people were killed, including four children, medics said.")
    assert [(c.value, c.category) for c in counts] == [(20, "killed"), (4, "other")]


def test_things_and_property_are_never_people_counts() -> None:
    counts = find_counts("Troops fired 20 rockets and burned 35 houses, killing 4 villagers.")
    assert [(c.value, c.unit, c.category) for c in counts] == [
        (20, "rockets", "other"), (35, "houses", "affected"), (4, "people", "killed")]


def test_offsets_are_absolute_within_a_region() -> None:
    text = "Intro line.\nPolice detained 12 journalists on Monday. Nothing else happened."
    start = text.index("Police")
    end = text.index(" Nothing")
    count = only(text[start:end])
    region = find_counts(text, start, end)
    assert len(region) == 1
    assert region[0].span.start == start + count.span.start
    assert text[region[0].span.start:region[0].span.end] == "12"


def test_radio_seed_counts(seed_radio_text: str) -> None:
    """The Pauktaw, Sagaing and tally figures of seed 004 read as the report means them."""
    counts = find_counts(seed_radio_text)
    by_text = {}
    for c in counts:
        by_text.setdefault(c.span.text, c)
        assert seed_radio_text[c.span.start:c.span.end] == c.span.text
    arrested = by_text["nearly a hundred"]
    assert (arrested.value, arrested.qualifier, arrested.category) == (100, "approx", "arrested")
    trapped = by_text["more than two hundred"]
    assert (trapped.value, trapped.qualifier, trapped.category) == (200, "more_than", "trapped")
    killed = by_text["At least 15"]
    assert (killed.value, killed.qualifier, killed.category) == (15, "at_least", "killed")
    displaced = [c for c in counts if c.value == 813500]
    assert len(displaced) == 1 and displaced[0].category == "displaced"
    assert not any(c.value in (800000, 813500) and c is not displaced[0] for c in counts)
    tally = by_text["19693"]
    assert (tally.value, tally.category, tally.qualifier) == (19693, "arrested", "exact")
    money = by_text["$9 million"]
    assert (money.value, money.unit, money.category) == (9_000_000, "USD", "money")
    students = by_text["16,000"]
    assert students.category == "other"
    assert not any(c.value in (2014, 2022, 2023, 85, 16, 17) for c in counts)


def test_an_age_compound_does_not_hide_the_person() -> None:
    assert summary("A nine-year-old boy was killed by sniper fire on Sunday.") == [("killed", 1, "exact", "people")]


def test_a_participle_clause_after_a_comma_is_another_clause() -> None:
    counts = find_counts("Thailand deported at least 40 men to China, ending a decade in immigration detention.")
    assert [(c.value, c.category) for c in counts] == [(40, "other")]


def test_a_part_of_a_total_is_judged_within_one_sentence() -> None:
    text = ("Police detained at least 40 men on Monday.\n\n"
            "They were among more than 300 people detained after the protest.")
    assert [(c.value, c.category) for c in find_counts(text)] == [(40, "detained"), (300, "detained")]


def test_currency_names_of_several_words() -> None:
    count = only("The police offered rewards of one million Hong Kong dollars for information.")
    assert (count.value, count.unit, count.category) == (1_000_000, "HKD", "money")


def test_a_nominal_event_before_of_gives_the_category() -> None:
    assert only("Protests marked the disappearance of 43 students in 2014.").category == "missing"


def test_a_count_with_its_own_participle_is_not_taken_by_the_verb_before_and() -> None:
    # regression: "killed and more than 1,800 wounded" was read as 1,800 killed
    counts = find_counts("The UN envoy said at least 185 people had been killed and more than 1,800 "
                         "wounded in the fighting in Khartoum.")
    assert [(c.category, c.value, c.qualifier) for c in counts] == [
        ("killed", 185, "at_least"), ("injured", 1800, "more_than")]

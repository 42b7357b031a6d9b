"""Counts of people killed or captured belong to the verb that acts on them (issue 21, item 7).

Sentences written for the project in the style of operational press releases.
"""

from __future__ import annotations

import pytest

from factfinder.extract.counts import find_counts


def _counts(text: str) -> list[tuple[str, float, str]]:
    return [(c.span.text, c.value, c.category) for c in find_counts(text)]


def test_a_vague_part_of_a_group_is_counted() -> None:
    found = _counts("The patrol detained a weapons supplier and several of his associates near the market.")
    assert found == [("a", 1, "detained"), ("several", 3, "detained")]


def test_objects_joined_by_along_with_share_the_verb_across_several_objects() -> None:
    found = _counts("Soldiers captured a rebel leader and a courier along with several suspected fighters.")
    assert [c for c in found if c[2] == "arrested"] == [("a", 1, "arrested"), ("a", 1, "arrested"),
                                                        ("several", 3, "arrested")]


def test_another_person_is_one_more() -> None:
    assert _counts("Police detained a local organiser and another wanted suspect on Monday.") == [
        ("a", 1, "detained"), ("another", 1, "detained")]


@pytest.mark.parametrize("text", [
    "The unit detained four suspects during a raid to capture a bomb maker and a militia leader.",
    "Troops launched an operation to kill a rebel commander in the hills.",
])
def test_whom_an_operation_set_out_to_capture_or_kill_is_not_counted(text: str) -> None:
    assert not [c for c in _counts(text) if c[0] in ("a",) and c[2] in ("arrested", "killed", "detained")]


def test_a_pronoun_one_of_a_group_is_still_no_count() -> None:
    assert _counts("One of the guards said the gate held.") == []

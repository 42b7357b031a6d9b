"""Word lists that two stages read from one place (docs/architecture.md, session 13)."""

from __future__ import annotations

import re

import pytest

from factfinder.extract.implied_agents import _LEGISLATOR
from factfinder.geo.acting_body import _BODY
from factfinder.geo.place_nouns import noun_kinds, street_words


@pytest.mark.parametrize("noun", ["senator", "Lawmakers", "MPs", "congresswoman", "parliamentarians", "legislator"])
def test_a_member_noun_is_a_legislator_for_extract_and_an_acting_body_for_geo(noun: str) -> None:
    assert re.search(_LEGISLATOR, f"Two {noun} of the ruling party tabled the bill on Tuesday.", re.I)
    assert _BODY.fullmatch(noun)


def test_each_stage_keeps_its_own_extra_legislature_words() -> None:
    # A member of the European Parliament leaves a bill without an implied government, but is
    # no body that acts from the country its demonym names.
    assert re.search(_LEGISLATOR, "A Maltese MEP proposed a ban on the sale of the gear.", re.I)
    assert not _BODY.fullmatch("MEP")
    assert _BODY.fullmatch("ministry") and not re.search(_LEGISLATOR, "The ministry banned the gear.", re.I)


def test_street_words_come_from_the_place_nouns_file() -> None:
    assert {"Road", "Rd.", "Street", "St.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Drive", "Lane"} == street_words()
    # A street word that frames no place alone ("a recruitment drive") is no place noun.
    assert noun_kinds()["road"] == "site" and "drive" not in noun_kinds() and "lanes" not in noun_kinds()

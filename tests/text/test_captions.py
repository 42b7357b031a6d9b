"""A photo caption inside a story's text: one test for the dates stage (a caption's day dates no
event) and the geo stage (a caption's place is no setting). Session 12 joined the two."""

from __future__ import annotations

import pytest

from factfinder.text.captions import _caption_line, in_caption


def _line_is_caption(line: str) -> bool:
    text = "Police detained two reporters on Monday, their editor said.\n\n" + line + "\n\nThe editor said more."
    start = text.index(line)
    return in_caption(text, start, start + 10)


@pytest.mark.parametrize("line", [
    # opened at the head of the line (as the geo stage read them)
    "FILE PHOTO: The governor speaks to reporters after a meeting in Mombasa, Kenya, June 2, 2018.",
    "Image: a burned lorry on the road out of the town",
    # a credit anywhere in the line (as the dates stage read them)
    "Students march through the old town of Cusco on May 4, 2022. (Kim Lee/AFP via Getty Images) More below.",
    "A woman walks past a damaged house in Tartu. (Photo: Field Monitor)",
    "A fishing boat in the harbour of Sfax, September 9, 2019. REUTERS/Omar Haddad",
    "Riot police stand guard outside the court in Rabat. Hamid Benali/AFP",
    "Photographs by the press office of the regional council",
    # a bare credit that closes the line
    "Villagers gather outside the clinic in Kisii on Monday. Photo: AFP",
])
def test_a_line_with_a_caption_opener_or_a_photo_credit_is_a_caption(line: str) -> None:
    assert _line_is_caption(line)


@pytest.mark.parametrize("line", [
    "Soldiers burned the school in Kisii on April 30, residents said.",
    "The photographer was detained in Rabat on Friday, his agency said.",
    "Police said the images showed the suspects near the harbour.",
])
def test_a_line_of_the_story_is_no_caption(line: str) -> None:
    assert not _line_is_caption(line)


def test_only_the_caption_line_is_a_caption() -> None:
    text = ("FILE PHOTO: Protesters gather outside parliament in Valletta, Malta, 2019. REUTERS/Jane Doe\n"
            "Police arrested a union leader in Gozo on Friday.")
    assert in_caption(text, text.index("Valletta"), text.index("Valletta") + 8)
    assert not in_caption(text, text.index("Gozo"), text.index("Gozo") + 4)


def test_a_caption_line_is_searched_once_for_all_its_sentences() -> None:
    from factfinder.extract.sentences import split_sentences

    text = ("Villagers walk past the burned school in Marra on May 2, 2021. Smoke rose over the hills. "
            "(Photo: Field Monitor)\nSoldiers burned the school on April 30, residents said. Two teachers "
            "were detained the same day.")
    sentences = split_sentences(text)
    _caption_line.cache_clear()
    first = [in_caption(text, s.start, s.end) for s in sentences]
    misses = _caption_line.cache_info().misses
    assert first == [in_caption(text, s.start, s.end) for s in sentences]  # the next incident's look-back
    assert _caption_line.cache_info().misses == misses == 2  # one search per line
    caption_line = text.index("\n")
    assert first == [s.start < caption_line for s in sentences] and any(first) and not all(first)

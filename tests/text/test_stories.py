"""Story segmentation on the two seed reports and on texts written for these tests."""

from __future__ import annotations

from factfinder.text.stories import segment_stories


def _check_invariants(text, stories):
    assert [s.index for s in stories] == list(range(len(stories)))
    for a, b in zip(stories, stories[1:]):
        assert a.end <= b.start, "stories overlap or are out of order"
    for s in stories:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end], "story edges carry whitespace"
        assert s.duplicate_of is None or s.duplicate_of < s.index


def test_radio_bulletin_is_exactly_three_stories(seed_radio_text):
    text = seed_radio_text
    stories = segment_stories(text)
    _check_invariants(text, stories)
    assert len(stories) == 3
    first, second, third = (text[s.start:s.end] for s in stories)
    assert "Hikvision" in first and "Sagaing" not in first
    assert second.startswith("About 10,000 war refugees") and "Pauktaw" not in second
    assert third.startswith("Nearly 100 civilians") and third.rstrip().endswith("since the military coup.")
    assert "Previous Post" not in third, "trailing navigation belongs to no story"
    assert stories[2].title.startswith("Nearly 100 civilians")


def test_digest_page_becomes_its_items_without_boilerplate(seed_digest_text):
    text = seed_digest_text
    stories = segment_stories(text)
    _check_invariants(text, stories)
    assert 8 <= len(stories) <= 12
    bodies = [text[s.start:s.end] for s in stories]
    assert not any(b.startswith(("Human Rights", "News about")) for b in bodies)
    assert not any("Uyghur camp survivors" in b for b in bodies), "the keyword line is boilerplate"
    assert any(b.startswith("ALMATY, Kazakhstan") for b in bodies), "a dateline starts an item"


def test_digest_keeps_two_paragraph_items_together(seed_digest_text):
    text = seed_digest_text
    bodies = [text[s.start:s.end] for s in segment_stories(text)]
    officer = next(b for b in bodies if "The Chinese police officer" in b)
    assert "has been elected to serve on Interpol" in officer
    tribunal = next(b for b in bodies if "The Uyghur Tribunal is an independent" in b)
    assert tribunal.startswith("On Saturday 27th November")
    assert "The Senate has blocked" not in tribunal


def test_digest_links_the_interpol_item_told_twice(seed_digest_text):
    text = seed_digest_text
    stories = segment_stories(text)
    later = next(s for s in stories if "has applied for a top position" in text[s.start:s.end])
    assert later.duplicate_of is not None
    earlier = stories[later.duplicate_of]
    assert "elected to serve on Interpol" in text[earlier.start:earlier.end]
    assert sum(s.duplicate_of is not None for s in stories) == 1


def test_plain_article_is_one_story():
    text = (
        "Troops shelled the market town of Kellan on Tuesday, killing at least four traders.\n\n"
        "Residents said the shells landed shortly after dawn while stalls were opening. "
        "They said two of the dead were women.\n\n"
        "\"We heard the first one and ran,\" one trader told reporters. \"Then the second came.\"\n\n"
        "The army did not respond to requests for comment. It has denied targeting civilians in the past."
    )
    stories = segment_stories(text)
    assert len(stories) == 1
    assert (stories[0].start, stories[0].end) == (0, len(text))
    assert stories[0].duplicate_of is None


def test_bulletin_with_dated_headlines_splits_at_each_headline():
    text = (
        "Weekly bulletin of the Northern Monitoring Network\n\n"
        "Five Farmers Detained Near Orvak Checkpoint\n\n"
        "ORVAK, Eastland – Border guards detained five farmers at the Orvak checkpoint on 3 March. "
        "Relatives said the men were taken to an unknown location.\n\n"
        "The farmers had been carrying grain to the weekly market.\n\n"
        "Clinic Closed in Tamsin District After Raid\n\n"
        "TAMSIN, Eastland – The only clinic in Tamsin district closed on 5 March after security forces "
        "searched it and seized its records, staff said.\n\n"
        "Previous Post Next Post"
    )
    stories = segment_stories(text)
    _check_invariants(text, stories)
    titles = [s.title for s in stories]
    assert "Five Farmers Detained Near Orvak Checkpoint" in titles
    assert titles[-1] == "Clinic Closed in Tamsin District After Raid"
    farmers = next(s for s in stories if s.title and s.title.startswith("Five Farmers"))
    assert "weekly market" in text[farmers.start:farmers.end]
    assert not text[stories[-1].start:stories[-1].end].endswith("Next Post")


def test_empty_and_blank_text_have_no_stories():
    assert segment_stories("") == ()
    assert segment_stories("  \n\n ") == ()


def test_page_furniture_alone_is_no_story():
    assert segment_stories("Previous Post Next Post\nHuman Rights\n") == ()


def test_bullet_list_with_whitespace_blank_lines_stays_one_story():
    text = (
        "Headline Of A Press Release On An Operation\nFor Immediate Release\n \n"
        "CAPITAL, Eastland (Oct. 4, 2012) — A joint force ended a six-day operation in Varn district yesterday.\n \n"
        "Officials confirmed that three of those killed were commanders who operated in the area.\n"
        "·         The first was a cell leader directly involved in attacks on the district centre.\n \n"
        "·         The second was a weapons expert who supplied several cells in Varn district.\n"
    )
    stories = segment_stories(text)
    assert len(stories) == 1
    assert stories[0].title == "Headline Of A Press Release On An Operation"
    assert text[stories[0].start:stories[0].end].endswith("cells in Varn district.")


def test_article_in_one_line_paragraphs_stays_whole():
    text = (
        "Flood waters forced thousands of families from their homes in Varn Province on Monday.\n"
        "The Eastland Red Crescent said its teams had opened six shelters near Kellan.\n"
        "Governor Amal Reyes asked the central government in Dorvan for emergency funds.\n"
        "Residents of Mirova said the river rose faster than at any time since 2010.\n"
        "\"We lost everything in one night,\" said a farmer from Tesh village.\n"
        "The United Nations World Food Programme said it would send supplies by Thursday.\n"
    )
    stories = segment_stories(text)
    assert len(stories) == 1
    assert (stories[0].start, stories[0].end) == (0, len(text) - 1)


def test_a_long_scan_of_short_blocks_reads_each_paragraphs_words_a_bounded_number_of_times(monkeypatch):
    """A 300-page form read by OCR is thousands of heading-like blocks in one story: each
    paragraph's words are taken once as the story grows, not again at every heading (that
    was quadratic: 41 s of CPU for this text, 0.13 s now)."""
    import factfinder.text.stories as stories_module

    blocks = []
    for i in range(600):
        blocks.append(f"Item {i} Village Tract Record\nDistrict Office Copy")
        blocks.append("The committee recorded the households that received rice and oil at the "
                      "distribution point near the river crossing.")
    text = "\n\n".join(blocks)
    calls = []
    real = stories_module._content_words
    monkeypatch.setattr(stories_module, "_content_words", lambda p: calls.append(p) or real(p))
    stories = segment_stories(text)
    _check_invariants(text, stories)
    assert len(stories) == 1  # one record, as before
    assert len(calls) <= 5 * len(blocks), len(calls)  # before: about len(blocks) ** 2 / 4


def test_a_caption_set_apart_heads_the_story_and_a_digest_item_does_not(seed_digest_text, seed_radio_text):
    """One head-story rule for extraction (a caption lends the body's agent) and the merge (its acts
    are the lead's): a short first story before a long body heads it; a digest's or a bulletin's
    first item is an item like the others."""
    from factfinder.text.stories import head_story

    body = ("HARARE, Zimbabwe - Police arrested a trade union leader at his home in the capital on "
            "Tuesday night, his lawyer said, a day before a planned strike by teachers over unpaid wages. ") * 4
    text = "DETAINED. A police photo of the union leader after his arrest.\n\nPlay Video\n\n" + body
    stories = segment_stories(text)
    assert len(stories) >= 2 and head_story(stories) == 0
    for seed in (seed_digest_text, seed_radio_text):
        assert head_story(segment_stories(seed)) is None
    assert head_story(segment_stories(body)) is None  # one story heads nothing

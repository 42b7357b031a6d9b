"""A quoted social-media post counts "today" and "yesterday" from the day under its signature."""

from __future__ import annotations

from factfinder.dates import incident_date_spans, resolve_incident_dates
from factfinder.dates.posts import post_signature_date
from factfinder.model import Document, Span

from dated_incidents import incident_at

# An article of 20 May 2023 (a Saturday) that quotes two posts of earlier days.
ARTICLE = ("Rights groups condemned a wave of arrests of students in the capital.\n\n"
           "The union shared footage on social media:\n\n"
           "Riot police detained six students outside the faculty of law today. We demand their release. "
           "pic.twitter.com/Xy12ab — Student Union (@studentunion) May 16, 2023\n\n"
           "A lecturer added that a colleague was beaten by officers yesterday. "
           "— Amina Lecturer (@amina_lect) May 17, 2023\n\n"
           "Police said on Friday that more students were detained today at a second campus.\n")
PUBLISHED = "2023-05-20"


def _dated(word: str, kind: str) -> str | None:
    document = Document(doc="d", text=ARTICLE, published=PUBLISHED)
    (incident,) = resolve_incident_dates(incident_date_spans(document, [incident_at(ARTICLE, word, kind)]), document)
    return incident.date.start if incident.date is not None else None


def test_today_in_a_quoted_post_is_the_posts_day_not_the_articles() -> None:
    assert _dated("detained six", "arrest") == "2023-05-16"


def test_yesterday_in_a_quoted_post_counts_from_its_signature() -> None:
    assert _dated("beaten", "torture") == "2023-05-16"


def test_the_articles_own_sentences_still_count_from_the_publication_day() -> None:
    assert _dated("detained today", "arrest") == "2023-05-20"


def test_a_post_signature_needs_a_handle_and_a_day_on_the_same_line() -> None:
    at = ARTICLE.index("today")
    found = post_signature_date(ARTICLE, Span.of(ARTICLE, at, at + 5))
    assert found is not None and found.text == "May 16, 2023"
    # a sentence with a dash and a date but no handle is no post
    text = "Police detained a reporter today — a witness said on 3 May 2023.\n"
    at = text.index("today")
    assert post_signature_date(text, Span.of(text, at, at + 5)) is None
    # the line after a post is not the post's
    text = "A post — Writer (@writer) May 16, 2023\nPolice detained a reporter today.\n"
    at = text.index("today")
    assert post_signature_date(text, Span.of(text, at, at + 5)) is None

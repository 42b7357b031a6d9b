"""The malformed corpus: every bad input gets its one-line error, keeps its bytes, stops nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factfinder.capture import Capture, capture_inputs, is_container
from factfinder.errors import ExtractionError
from factfinder.text import document_from_capture

CORPUS = Path(__file__).resolve().parent / "corpus"
SETTINGS = {"http_timeout": 2.0, "http_max_bytes": 1_000_000, "http_max_redirects": 3}


@pytest.fixture(scope="module")
def captures() -> dict[str, Capture]:
    """Captures of the whole corpus folder, keyed by origin relative to the corpus."""
    found: dict[str, Capture] = {}
    for cap in capture_inputs([str(CORPUS)], settings=SETTINGS):
        key = cap.source.origin.replace(str(CORPUS) + "/", "")
        found.setdefault(key, cap)
    return found


def _assert_one_line_error(cap: Capture, *phrases: str) -> None:
    error = cap.source.error
    assert error is not None
    assert "\n" not in error
    for phrase in phrases:
        assert phrase in error


@pytest.mark.parametrize("name, phrases", [
    ("empty.txt", ("empty.txt", "it is empty")),
    ("blank.html", ("it is empty",)),
    ("binary.png", ("PNG image", "damaged", "re-scan")),
    ("noise.dat", ("binary file", "convert it")),
    ("truncated.pdf", ("truncated", "fetch the complete file")),
    ("encrypted.pdf", ("encrypted", "decrypt it")),
])
def test_unreadable_files_get_one_line_error_and_keep_bytes(captures, name, phrases):
    cap = captures[name]
    _assert_one_line_error(cap, *phrases)
    original = (CORPUS / name).read_bytes()
    assert cap.data == original
    assert cap.source.sha256 == hashlib.sha256(original).hexdigest()
    assert cap.source.size == len(original)
    with pytest.raises(ExtractionError):
        document_from_capture(cap)


@pytest.mark.parametrize("name, phrase", [
    ("image_only.pdf", "no text layer"),
    ("no_text.html", "has no text"),
])
def test_files_without_text_fail_in_the_text_stage(captures, name, phrase):
    cap = captures[name]
    assert cap.source.error is None and cap.data == (CORPUS / name).read_bytes()
    with pytest.raises(ExtractionError) as info:
        document_from_capture(cap)
    assert phrase in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("name, expected", [
    ("latin1.txt", "Le maire de Montréal a déclaré que la réunion à Genève était reportée."),
    ("cp1252.txt", "The committee’s statement – issued on Friday – called the “arbitrary detentions”"),
    ("utf16.txt", "Señora Núñez said the café in São Tomé had reopened."),
])
def test_non_utf8_text_decodes(captures, name, expected):
    doc = document_from_capture(captures[name])
    assert expected in doc.text
    assert "\ufffd" not in doc.text and "\ufeff" not in doc.text


def test_crlf_and_control_characters_are_normalised(captures):
    doc = document_from_capture(captures["crlf_controls.txt"])
    assert doc.text == "First line.\nSecond line .\nThird line.\n"


def test_pdf_with_wrong_extension_is_read_as_pdf(captures):
    cap = captures["mislabelled.html"]
    assert cap.source.media_type == "application/pdf"
    assert "detained 14 protesters" in document_from_capture(cap).text


def test_email_body_and_attachments(captures):
    mail = captures["bulletin.eml"]
    assert mail.source.media_type == "message/rfc822" and mail.source.error is None
    doc = document_from_capture(mail)
    assert doc.title == "Weekly bulletin: detentions in the market town"
    assert doc.published == "2024-03-05"
    assert "14 protesters were held without charge" in doc.text
    assert doc.author is None  # senders are never kept
    pdf = captures["bulletin.eml#attachment-1-note.pdf"]
    notes = captures["bulletin.eml#attachment-2-field-notes.txt"]
    for attachment in (pdf, notes):
        assert attachment.source.parent == mail.source.sha256
        assert attachment.source.error is None
    assert pdf.source.media_type == "application/pdf"
    assert "detained 14 protesters" in document_from_capture(pdf).text
    assert document_from_capture(notes).text == "Field notes: curfew extended by two weeks.\n"


def test_feed_with_broken_entries_keeps_every_entry():
    feed_path = CORPUS / "feed" / "broken_feed.xml"
    caps = list(capture_inputs([str(feed_path)], settings=SETTINGS))
    feed = caps[0]
    assert feed.source.media_type == "application/rss+xml" and feed.source.error is None
    assert is_container(feed)
    rest = caps[1:]
    assert all(c.source.parent == feed.source.sha256 for c in rest)
    origins = [c.source.origin.replace(str(feed_path.parent) + "/", "") for c in rest]
    assert origins == [
        "story_ok.html",
        "broken_feed.xml#entry-2.link", "broken_feed.xml#entry-2",
        "missing_story.html", "broken_feed.xml#entry-3",
        "story_two.txt",
    ]
    by_origin = dict(zip(origins, rest))
    _assert_one_line_error(by_origin["broken_feed.xml#entry-2.link"], "has no link")
    _assert_one_line_error(by_origin["missing_story.html"], "no such file")
    assert by_origin["missing_story.html"].data is None
    kept = document_from_capture(by_origin["broken_feed.xml#entry-3"])
    assert kept.title == "Clinic closed" and kept.published == "2024-03-07"
    assert "closed after supplies ran out" in kept.text
    curfew = document_from_capture(by_origin["broken_feed.xml#entry-2"])
    assert "extended the curfew" in curfew.text
    # the entry with the malformed date still has its link captured and read
    assert "condemned the arrests" in document_from_capture(by_origin["story_two.txt"]).text
    with pytest.raises(ExtractionError, match="feed"):
        document_from_capture(feed)


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Police detained three students in the capital on Monday, witnesses said.\n")
    inputs = [str(tmp_path / "nowhere.txt"), str(CORPUS / "binary.png"), str(CORPUS / "encrypted.pdf"),
              str(good)]
    caps = list(capture_inputs(inputs, settings=SETTINGS))
    assert len(caps) == 4
    missing, png, pdf, ok = caps
    assert missing.data is None and missing.source.sha256 == "" and "no such file" in missing.source.error
    assert png.source.error and pdf.source.error
    assert ok.ok and document_from_capture(ok).text.startswith("Police detained three students")


def test_directory_walk_is_sorted_and_skips_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("z.txt", "a.txt", "b/m.txt", ".secret.txt", ".hidden/x.txt"):
        (tmp_path / rel).write_text("Ten people were displaced by the floods in the valley this week.\n")
    names = [Path(c.source.origin).relative_to(tmp_path).as_posix()
             for c in capture_inputs([str(tmp_path)], settings=SETTINGS)]
    assert names == ["a.txt", "z.txt", "b/m.txt"]

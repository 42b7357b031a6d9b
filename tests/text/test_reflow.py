"""Hard-wrapped text (OCR, PDF text layers, e-mail) is read as its paragraphs, spans stay exact."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factfinder.model import Span
from factfinder.text.reflow import Reflowed, reading_document, reflow, restore_spans

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PARAGRAPHS = [
    "Local people of the town said that after two days of heavy fighting between the armed group and "
    "the army on November 16th and 17th, soldiers arrested nearly one hundred residents who could not flee.",
    "Aid workers reported on November 16 that civilians were killed in the shelling, among them two "
    "teachers and a nurse; the figure could not be independently confirmed by our reporters.",
    "More than two hundred people are said to be stuck inside the town, including the patients of the "
    "hospital, which has run out of medicine and of fuel for its generator.",
]


def wrap(paragraphs: list[str], width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def test_wrapped_paragraphs_are_rebuilt_and_unwrapped_text_is_left_alone() -> None:
    reflowed = reflow(wrap(PARAGRAPHS))
    assert reflowed.changed
    assert reflowed.text == "\n\n".join(PARAGRAPHS) + "\n"
    flat = "\n\n".join(PARAGRAPHS) + "\n"
    assert not reflow(flat).changed


def test_every_reading_offset_maps_to_the_same_character() -> None:
    original = wrap(PARAGRAPHS, 60)
    reflowed = reflow(original)
    for offset, char in enumerate(reflowed.text):
        mapped = original[reflowed.to_original(offset)]
        assert mapped == char or (char == " " and mapped == "\n")


def test_end_of_line_hyphenation_is_undone_and_the_span_is_the_original_words() -> None:
    original = ("The monitors documented the systematic ill-treatment of detainees held at the vio-\n"
                "lent interrogation centre near the border, where guards beat prisoners every night\n"
                "and denied them water, according to three former detainees interviewed in the camp.\n"
                "The authorities have not answered the letters sent to them by the monitoring group,\n"
                "which first wrote to the ministry of justice in March and again in early September,\n"
                "asking for access to the centre and for the names of the officers in charge there.\n")
    reflowed = reflow(original)
    assert "violent interrogation centre" in reflowed.text and "vio-" not in reflowed.text
    start = reflowed.text.index("violent")
    span = reflowed.span(Span.of(reflowed.text, start, start + len("violent")))
    assert span.text == "vio-\nlent" and original[span.start:span.end] == span.text


def test_page_numbers_and_running_headers_are_dropped() -> None:
    body = [textwrap.fill(p, 70) for p in PARAGRAPHS]
    pages = [f"MONITOR BULLETIN\n\n{b}\n\nPage {n} of 3" for n, b in enumerate(body, 1)]
    original = "\n\f".join(pages) + "\n"
    reflowed = reflow(original)
    assert "MONITOR BULLETIN" not in reflowed.text and "Page 2 of 3" not in reflowed.text
    for paragraph in PARAGRAPHS:
        assert paragraph in reflowed.text


def test_restore_spans_moves_incident_fields_and_summary_to_the_original() -> None:
    from factfinder.model import Count, Incident

    original = wrap(PARAGRAPHS, 50)
    reflowed = reflow(original)
    text = reflowed.text
    sentence_start = text.index("Local people")
    sentence = Span.of(text, sentence_start, text.index("flee.") + len("flee."))
    count_start = text.index("nearly one hundred")
    count = Count("arrested", 100, "approx", "people", Span.of(text, count_start, count_start + 18))
    incident = Incident(doc="d", type="arrest", summary=sentence.text, evidence=(sentence,), counts=(count,))
    restored = restore_spans(incident, reflowed)
    for span in (*restored.evidence, restored.counts[0].span):
        assert original[span.start:span.end] == span.text
    assert restored.summary == restored.evidence[0].text
    assert restored.counts[0].span.text.replace("\n", " ") == "nearly one hundred"


def test_reading_document_moves_story_bounds() -> None:
    from factfinder.text import document_from_text

    original = wrap(PARAGRAPHS, 64)
    document = document_from_text(original)
    view, reflowed = reading_document(document)
    assert view.text == reflowed.text
    assert len(view.stories) == len(document.stories)
    assert all(0 <= s.start <= s.end <= len(view.text) for s in view.stories)


def _counting_reflow(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text ``text.reflow.reflow`` is asked to read, from now on."""
    from factfinder.text import reflow as module

    seen: list[str] = []
    real = module.reflow

    def counted(text: str) -> Reflowed:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(module, "reflow", counted)
    return seen


def test_a_document_carries_its_reading_text_from_the_text_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from factfinder.text import document_from_text
    from factfinder.text.reflow import reading_of

    original = wrap(PARAGRAPHS, 64)
    seen = _counting_reflow(monkeypatch)
    document = document_from_text(original)
    assert len(seen) == 1 and document.reading is not None and document.reading.changed
    view, reflowed = reading_document(document)
    assert reflowed is document.reading and len(seen) == 1  # not made a second time
    assert view.reading is None  # the view's text is the reading text: it has no reading of its own
    # A document whose text was changed after the text stage gets a reading of its new text.
    edited = replace(document, text=original.replace("November", "December"))
    assert reading_of(edited).original == edited.text and len(seen) == 2
    # The reading is derived: it takes no part in equality.
    assert replace(document, reading=None) == document


def test_the_pipeline_reflows_a_document_of_the_text_stage_once(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    pipeline = Pipeline(nlp=nlp)
    original = wrap(PARAGRAPHS, 64)
    seen = _counting_reflow(monkeypatch)
    extraction = pipeline.extract(document_from_text(original, published="2023-11-20"))
    assert seen == [original]
    assert extraction.incidents and extraction.document.text == original
    for incident in extraction.incidents:
        assert all(original[s.start:s.end] == s.text for s in incident.evidence)


def _same_incidents_wrapped_and_flat(nlp, flat: str, published: str | None) -> None:
    """What Tesseract or a PDF text layer returns (lines of 88) must not change what is extracted."""
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    wrapped = "\n".join(textwrap.fill(p, 88) if len(p) > 88 else p for p in flat.split("\n"))
    assert wrapped != flat
    pipeline = Pipeline(nlp=nlp)

    def found(text: str) -> list[tuple]:
        extraction = pipeline.extract(document_from_text(text, published=published))
        for incident in extraction.incidents:
            for span in incident.evidence:
                assert text[span.start:span.end] == span.text
        return sorted(((i.type, tuple(sorted((c.category, c.value) for c in i.counts)),
                        i.location.name if i.location else None, i.date.start if i.date else None)
                       for i in extraction.incidents), key=repr)

    assert found(wrapped) == found(flat)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["radio_pauktaw.txt", "digest.txt"])
def test_wrapped_and_unwrapped_examples_give_the_same_incidents(nlp, name: str) -> None:
    _same_incidents_wrapped_and_flat(nlp, (EXAMPLES / name).read_text(encoding="utf-8"), "2023-11-20")


@pytest.mark.slow
@pytest.mark.parametrize("name,published", [("004_13c09bdc84f4c2bd.txt", "2023-11-20"),
                                            ("000_656a7e7306c346d4.txt", None)])
def test_wrapped_and_unwrapped_seeds_give_the_same_incidents(nlp, seeds_dir: Path, name: str,
                                                            published: str | None) -> None:
    _same_incidents_wrapped_and_flat(nlp, (seeds_dir / name).read_text(encoding="utf-8"), published)

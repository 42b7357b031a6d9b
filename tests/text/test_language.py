"""Language of documents and stories (text/language.py): detection, the English guards, --lang.

Sentences are our own; the accuracy on real sentences nobody here wrote is
measured by bench/langid.py (UDHR translations, docs/capture.md "Language").
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.errors import UsageError
from factfinder.text import document_from_text
from factfinder.text.extract import languages_of
from factfinder.text.language import detect_language, language_override
from scripts_corpus import ARABIC, BURMESE, CHINESE, ENGLISH, RUSSIAN

OWN = {
    "en": ENGLISH,
    "my": BURMESE,
    "zh": CHINESE,
    "ar": ARABIC,
    "ru": RUSSIAN,
    "fr": "La police a arrêté trois journalistes devant le tribunal et leurs familles n'ont pas été prévenues.",
    "es": "La policía detuvo a tres periodistas frente al tribunal y sus familias no fueron informadas.",
    "ug": "ساقچىلار سوت مەھكىمىسى ئالدىدا ئۈچ مۇخبىرنى تۇتۇپ كەتتى، ئائىلىسىدىكىلەرگە خەۋەر قىلمىدى.",
}


@pytest.mark.parametrize("code", sorted(OWN))
def test_each_language_of_the_seeds_sources_is_detected(code):
    assert detect_language(OWN[code]) == code


def test_short_english_stays_english_and_a_short_foreign_script_is_named():
    assert detect_language("Junta arrests 12") == "en"  # a headline: the benefit of the doubt
    assert detect_language("Mandalay, 3 March") == "en"
    assert detect_language("ဖမ်းဆီးခဲ့သည်") == "my"


def test_an_english_report_quoting_a_foreign_sentence_stays_english():
    text = (ENGLISH * 3) + "A resident wrote: « La police a arrêté trois journalistes. »\n"
    assert detect_language(text) == "en"


def test_a_digest_in_two_languages_gives_its_other_story_its_own_language():
    from factfinder.model import Story

    english = "Teachers detained\n" + ENGLISH * 3
    text = english + "Журналисты задержаны\n" + RUSSIAN
    stories = (Story(0, 0, len(english)), Story(1, len(english), len(text)))
    language, stories = languages_of(text, stories)
    assert language == "en"  # most of the digest's characters
    assert [s.language for s in stories] == [None, "ru"]


def test_lang_overrides_detection_and_refuses_a_bad_code(tmp_path):
    assert language_override({"language": "MY"}) == "my" and language_override({}) is None
    with pytest.raises(UsageError, match="ISO 639-1"):
        language_override({"language": "burmese!"})
    (tmp_path / "note.txt").write_text(ENGLISH, encoding="utf-8")
    db = str(tmp_path / "lang.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "note.txt"), "--db", db, "--no-extract",
                                       "--lang", "my"])
    assert result.exit_code == 0, result.output
    status = CliRunner().invoke(main, ["status", "--db", db])
    assert "1 not extracted: language my 1" in status.output


def test_document_from_text_detects_the_language():
    assert document_from_text(CHINESE).language == "zh"
    assert document_from_text(ENGLISH).notes == ()

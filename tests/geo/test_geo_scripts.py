"""Documents in Burmese, Chinese and Arabic script are geoparsed by the gazetteer's own names, never by English NER.

The sentences are our own (written for these tests): a report of arrests in Sittwe, villagers
fleeing Pauktaw township, students detained in Kashgar.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.geo import Gazetteer
from factfinder.geo.scripts import ScriptGeoparser, ScriptTagger
from factfinder.model import Document

# "In Sittwe town the army arrested twelve young people. Villagers of Pauktaw township had to flee."
BURMESE = "စစ်တွေမြို့တွင် စစ်တပ်က လူငယ် ၁၂ ဦးကို ဖမ်းဆီးခဲ့သည်။ ပေါက်တောမြို့နယ်မှ ရွာသားများ ထွက်ပြေးခဲ့ရသည်။"
# "On Tuesday Kashgar city police detained twelve students; relatives in Urumqi asked for their release."
CHINESE = "喀什市警方周二拘留了十二名学生，乌鲁木齐的亲属要求释放他们。"
# "Police detained three journalists in Kazan; their relatives in Nizhny Novgorod were told nothing. The shelling
# of Kharkiv went on all night, the authorities of Ukraine said." Every name declined, none in its dictionary form.
RUSSIAN = ("Полиция задержала трёх журналистов в Казани; их родственникам в Нижнем Новгороде ничего не сообщили. "
           "Обстрел Харькова продолжался всю ночь, сообщили власти Украины.")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> ScriptGeoparser:
    return ScriptGeoparser(gazetteer)


def _places(parser: ScriptGeoparser, text: str, language: str) -> dict[str, tuple[str | None, str | None]]:
    document = Document(doc="d" * 64, text=text, language=language)
    return {p.span.text: (p.name, p.country) for p in parser.parse(document)}


def test_burmese_place_names_are_found_with_or_without_their_level_word(parser: ScriptGeoparser) -> None:
    places = _places(parser, BURMESE, "my")
    assert places == {"စစ်တွေမြို့": ("Sittwe", "MM"), "ပေါက်တော": ("Pauktaw", "MM")}
    # the township's level word stays out of the span: "ပေါက်တော" + "မြို့နယ်" (township)
    assert _places(parser, "ရန်ကုန်တွင် ဆန္ဒပြပွဲ ရှိခဲ့သည်။", "my") == {"ရန်ကုန်": ("Yangon", "MM")}


def test_chinese_place_names_are_found_inside_unspaced_text(parser: ScriptGeoparser) -> None:
    places = _places(parser, CHINESE, "zh")
    assert places["喀什市"] == ("Kashgar", "CN")
    assert places["乌鲁木齐"][1] == "CN"


def test_a_burmese_name_never_cuts_a_syllable(gazetteer: Gazetteer) -> None:
    tagger = ScriptTagger(gazetteer)
    name = "ကနီ"  # Kani township
    assert tagger.find(f"{name} မြို့နယ်") == [(0, 3)]
    assert tagger.find(f"{name}း ") == []  # a visarga after it: the syllable goes on
    assert tagger.find(f"{name}န် ") == []  # a consonant killed by asat closes the syllable


def test_a_chinese_word_that_is_also_a_small_town_needs_its_level_word(gazetteer: Gazetteer) -> None:
    tagger = ScriptTagger.cached(gazetteer)
    assert gazetteer.lookup("和平"), "the gazetteer has a town called 和平 (Heping)"
    assert tagger.find("双方都呼吁和平。") == []  # "both sides called for peace"
    text = "他们住在和平镇。"  # "they live in Heping town"
    assert [text[s:e] for s, e in tagger.find(text)] in (["和平"], ["和平镇"])


def test_a_burmese_document_gets_places_without_running_the_english_model() -> None:
    from factfinder import Pipeline

    class NoEnglish:
        def __call__(self, *args, **kwargs):
            raise AssertionError("the English NER ran on a Burmese document")

        pipe = __call__

    pipeline = Pipeline(nlp=NoEnglish())
    document = Document(doc="b" * 64, text=BURMESE, language="my")
    (extraction,) = pipeline.run([document])
    assert extraction.incidents == () and any("not supported" in note for note in extraction.document.notes)
    assert {p.name for p in extraction.places} == {"Sittwe", "Pauktaw"}
    (geoparsed,) = pipeline.geoparse_many([document])
    assert {p.name for p in geoparsed.places} == {"Sittwe", "Pauktaw"}


def test_geoparse_cli_prints_the_places_of_a_chinese_notice(tmp_path: Path) -> None:
    from factfinder.cli import main

    path = tmp_path / "notice.txt"
    path.write_text(CHINESE, encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert records[0]["record"] == "document" and records[0]["language"] == "zh"
    places = {r["text"]: r for r in records if r["record"] == "place"}
    assert places["喀什市"]["name"] == "Kashgar" and places["喀什市"]["country"] == "CN"
    assert CHINESE[places["喀什市"]["start"]:places["喀什市"]["end"]] == "喀什市"


def test_russian_place_names_are_found_through_their_case_endings(parser: ScriptGeoparser) -> None:
    places = _places(parser, RUSSIAN, "ru")
    assert places == {"Казани": ("Kazan", "RU"), "Нижнем Новгороде": ("Nizhniy Novgorod", "RU"),
                      "Харькова": ("Kharkiv", "UA"), "Украины": ("Ukraine", "UA")}
    # "Полиция" opens the sentence: the word "police", not the Polish town of Police


def test_a_cyrillic_word_that_names_a_small_town_or_a_district_is_no_place(parser: ScriptGeoparser) -> None:
    # "Residents of the Sovetsky district said that peace and freedom matter most." (a town Sovetskiy exists,
    # and towns called Mir and Svoboda)
    text = "Жители Советского района сказали, что Мир и Свобода важнее всего."
    assert _places(parser, text, "ru") == {}

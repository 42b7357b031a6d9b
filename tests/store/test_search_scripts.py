"""Search over every stored story in any script (store/search.py, values/search_keys.py).

The sentences are our own (tests/scripts_corpus.py): one short report per
script, ingested as files (capture and text only, no extraction), then looked
up as a monitor would type the word.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.store import Store
from factfinder.store.search import search_text
from scripts_corpus import CHINESE, ZAWGYI, build_multiscript_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    st = Store.open(build_multiscript_store(tmp_path_factory.mktemp("reports")))
    yield st
    st.close()


def origins(store: Store, query: str, **kw) -> list[str]:
    return [hit.origin.rsplit("/", 1)[-1] for hit in search_text(store.conn, query, **kw)]


def marked(store: Store, query: str) -> list[str]:
    return [hit.snippet[a:b] for hit in search_text(store.conn, query) for a, b in hit.marks]


def test_a_word_inside_unspaced_burmese_is_found_and_marked(store):
    assert origins(store, "ဖမ်းဆီး") == ["mya.txt"]  # "arrest", written against ခဲ့သည်
    assert marked(store, "ဖမ်းဆီး") == ["ဖမ်းဆီး"]
    assert origins(store, "မြို့") == ["mya.txt"]  # "town", inside ရန်ကုန်မြို့တွင်
    assert origins(store, "ကျောင်းသူ") == []  # "schoolgirl": shares a syllable, not the word


def test_a_two_character_chinese_query_is_found_inside_a_sentence(store):
    assert origins(store, "酷刑") == ["zho.txt"]
    assert marked(store, "酷刑") == ["酷刑"]
    assert origins(store, "拘留期间") == ["zho.txt"]
    assert origins(store, "刑法") == []  # both characters occur, never side by side
    assert origins(store, "律") == ["zho.txt"]  # a single character is looked up too


def test_arabic_and_russian_words_are_found_in_other_inflections(store):
    assert origins(store, "الصحفيون") == ["ara.txt"]  # "the journalists" (nominative) finds صحفيين
    assert marked(store, "اعتقلوا") == ["اعتقلت"]  # "they arrested" finds "she arrested"
    assert origins(store, "журналист") == ["rus.txt"]  # nominative finds the genitive plural
    assert marked(store, "задержали") == ["задержала"]


def test_digits_of_every_script_are_indexed_as_digits(store):
    assert sorted(origins(store, "12")) == ["ara.txt", "mya.txt"]
    assert sorted(marked(store, "12")) == sorted(["١٢", "၁၂"])
    assert origins(store, "၁၂ မတ်") == []  # Burmese digits in a query are digits too, and all words must match


def test_a_unicode_burmese_query_finds_a_document_that_arrived_in_zawgyi(store):
    from factfinder.text.zawgyi import zawgyi_probability

    assert zawgyi_probability(ZAWGYI) > 0.95
    assert origins(store, "နိုင်ငံ") == ["zawgyi.txt"]  # "country", inside မြန်မာနိုင်ငံ
    assert origins(store, "ႏိုင္ငံ") == []  # the store never holds Zawgyi: the CLI converts a Zawgyi query


def test_english_words_match_their_stems_and_operators_are_words(store):
    assert origins(store, "detaining teacher") == ["eng.txt"]
    assert origins(store, 'checkpoint AND "market" NEAR(') == []  # 'and'/'near' are words the text lacks
    assert origins(store, "checkpoint market") == ["eng.txt"]
    assert search_text(store.conn, "  ,.;  ") == []


def test_language_filter_keeps_the_stories_of_that_language(store):
    assert origins(store, "12", language="my") == ["mya.txt"]
    assert origins(store, "12", language="ar") == ["ara.txt"]
    assert origins(store, "12", language="ru") == []


def test_cli_search_prints_marked_snippets_and_json(store):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "酷刑", "--db", store.path])
    assert result.exit_code == 0, result.output
    assert "[酷刑]" in result.output and "zho.txt" in result.output
    zawgyi_query = runner.invoke(main, ["search", "ႏိုင္ငံ", "--db", store.path, "--json"])
    assert zawgyi_query.exit_code == 0, zawgyi_query.output
    hit = json.loads(zawgyi_query.output.splitlines()[0])
    assert hit["origin"].endswith("zawgyi.txt") and hit["language"] == "my"
    a, b = hit["marks"][0]
    assert hit["snippet"][a:b] == "နိုင်ငံ"
    missing = runner.invoke(main, ["search", "酷刑", "--db", store.path, "--lang", "ru"])
    assert missing.exit_code == 1 and "no story holds" in missing.output


def test_a_store_from_before_step_8_is_indexed_again_on_its_first_search(tmp_path):
    import sqlite3

    from factfinder.store.schema import MIGRATIONS, migrate

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, name=str(db), migrations=MIGRATIONS[:7])
    conn.execute("INSERT INTO documents (doc, text, language, created_at) VALUES ('d', ?, 'zh', 'now')", (CHINESE,))
    conn.execute('INSERT INTO stories (document_id, idx, start, "end") VALUES (1, 0, 0, ?)', (len(CHINESE),))
    conn.execute("INSERT INTO stories_fts (rowid, title, text) VALUES (1, '', ?)", (CHINESE,))
    conn.close()
    with Store.open(db) as st:
        assert [h.doc for h in search_text(st.conn, "酷刑")] == ["d"]


def test_documents_the_extraction_does_not_read_are_counted_and_listed_to_read(store):
    from factfinder.components import extraction_languages
    from factfinder.store.search import count_unread, unread_documents

    readable = extraction_languages()
    assert readable == frozenset({"en"})
    assert dict(count_unread(store.conn, readable=readable)) == {"my": 2, "zh": 1, "ar": 1, "ru": 1}
    unread = unread_documents(store.conn, readable=readable, language="my")
    assert sorted(d.origin.rsplit("/", 1)[-1] for d in unread) == ["mya.txt", "zawgyi.txt"]
    assert count_unread(store.conn, readable=None) == []  # components that read every language


def test_status_counts_the_documents_to_read(store):
    result = CliRunner().invoke(main, ["status", "--db", store.path])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.strip().startswith("to read"))
    assert "5 not extracted: language my 2" in line and "zh 1" in line

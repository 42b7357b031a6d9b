"""The documents page and API: search every document in any script, and the documents "to read"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from factfinder.web.app import create_app  # noqa: E402
from scripts_corpus import build_multiscript_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(str(build_multiscript_store(tmp_path_factory.mktemp("web")))))


def test_the_search_page_marks_a_two_character_chinese_word(client):
    page = client.get("/documents", params={"q": "酷刑"})
    assert page.status_code == 200
    assert '<mark class="evidence">酷刑</mark>' in page.text
    assert "/originals/" in page.text and 'lang="zh"' in page.text


def test_the_search_page_filters_by_language(client):
    both = client.get("/documents", params={"q": "12"}).text
    assert both.count('class="hit"') == 2
    burmese = client.get("/documents", params={"q": "12", "lang": "my"}).text
    assert burmese.count('class="hit"') == 1 and "<mark class=\"evidence\">၁၂</mark>" in burmese
    assert '<option value="my" selected>' in burmese


def test_the_api_returns_hits_with_marks_and_links(client):
    data = client.get("/api/documents", params={"q": "журналист"}).json()
    [hit] = data["hits"]
    a, b = hit["marks"][0]
    assert hit["snippet"][a:b] == "журналистов" and hit["language"] == "ru"
    assert hit["original"] == f"/originals/{hit['source']}" and hit["page"].startswith(f"/sources/{hit['doc']}")
    assert client.get(hit["original"]).status_code == 200
    zawgyi = client.get("/api/documents", params={"q": "ႏိုင္ငံ"}).json()  # a query typed in Zawgyi
    assert [h["origin"].rsplit("/", 1)[-1] for h in zawgyi["hits"]] == ["zawgyi.txt"]
    assert client.get("/api/documents", params={"q": "x", "lang": "not a code"}).status_code == 400


def test_to_read_lists_the_documents_no_english_model_ran_on(client):
    page = client.get("/documents", params={"view": "to-read"}).text
    assert page.count("not extracted: language") == 5 and "eng.txt" not in page
    data = client.get("/api/documents/to-read", params={"lang": "ar"}).json()
    assert [d["note"] for d in data["documents"]] == ["not extracted: language ar"]


def test_with_accounts_an_anonymous_visitor_reaches_neither_search_nor_page_images(tmp_path_factory):
    from factfinder.store import Store
    from factfinder.store.accounts import add_user

    db = build_multiscript_store(tmp_path_factory.mktemp("accounts"))
    with Store.open(db) as store:
        add_user(store.conn, "vera", "correct horse battery", "viewer")
    anonymous = TestClient(create_app(str(db)))
    for path in ("/documents?q=12", "/documents?view=to-read", f"/originals/{'a' * 64}/pages/1.png"):
        assert anonymous.get(path, follow_redirects=False).status_code == 303, path  # to the login page
    for path in ("/api/documents?q=12", "/api/documents/to-read"):
        assert anonymous.get(path).status_code == 401, path

"""`factfinder report`: the period's document, its tallies equal to the web app's, readable as a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples_dir: Path, nlp) -> Path:
    """A store of the example reports, published on 20 November 2023 (as ingest would store them)."""
    from factfinder.capture.common import make_capture
    from factfinder.consolidate.stored import update_events
    from factfinder.pipeline import Pipeline
    from factfinder.store import Store
    from factfinder.text import document_from_text

    path = tmp_path_factory.mktemp("report") / "f.db"
    pipeline = Pipeline(nlp=nlp)
    with Store.open(path) as store:
        for name in ("radio_pauktaw.txt", "digest.txt"):
            text = (examples_dir / name).read_text(encoding="utf-8")
            document = document_from_text(text, published="2023-11-20")
            with store.transaction():
                store.add_capture(make_capture(text.encode("utf-8"), origin=name, media_type="text/plain"))
                store.add_document(document, document.doc)
                store.add_extraction(pipeline.extract(document))
        update_events(store)
    return path


def _cells(html: str, table: str) -> dict[str, list[str]]:
    body = html.split(f'<table class="{table}">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", body)
    return {row.split("</td><td>")[0]: row.split("</td><td>")[1:] for row in rows}


@pytest.mark.slow
def test_html_report_holds_the_tallies_of_the_web_app_and_its_sections(db: Path, tmp_path: Path) -> None:
    from factfinder.store import Store
    from factfinder.store.events import EventFilter
    from factfinder.web.queries import tallies

    out = tmp_path / "november.html"
    result = CliRunner().invoke(main, ["report", "--from", "2023-11-01", "--to", "2023-11-30", "--country", "MM",
                                       "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    for section in ("Incidents by type", "Incidents by place", "Map", "Timeline", "Cumulative statistics",
                    "Methods", "<svg"):
        assert section in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "<script" not in html
    with Store.open(db) as store:
        web = tallies(store.conn, EventFilter(country="MM", date_from="2023-11-01", date_to="2023-11-30"), by="type")
    report = _cells(html, "tally")
    assert {r.key: str(r.incidents) for r in web} == {k: v[0] for k, v in list(report.items())[:len(web)]}
    assert "Pauktaw" in html and "<circle" in html
    again = CliRunner().invoke(main, ["report", "--from", "2023-11-01", "--to", "2023-11-30", "-o", str(out),
                                      "--db", str(db)])
    assert again.exit_code != 0 and "--force" in again.output


@pytest.mark.slow
def test_pdf_report_reads_back(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "november.pdf"
    result = CliRunner().invoke(main, ["report", "--from", "2023-11-01", "--to", "2023-11-30", "-o", str(out),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    text = subprocess.run([shutil.which("pdftotext") or "pdftotext", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Incidents by type" in text and "Methods" in text and "Pauktaw" in text


def test_a_backwards_period_is_a_clear_error(tmp_path: Path) -> None:
    from factfinder.store import Store

    db = tmp_path / "f.db"
    Store.open(db).close()
    result = CliRunner().invoke(main, ["report", "--from", "2023-11-30", "--to", "2023-11-01", "-o",
                                       str(tmp_path / "r.html"), "--db", str(db)])
    assert result.exit_code != 0 and "swap them" in result.output


@pytest.mark.slow
def test_the_tallies_page_links_the_report_of_its_period(db: Path) -> None:
    pytest.importorskip("fastapi")
    from starlette.testclient import TestClient

    from factfinder.web.app import create_app

    client = TestClient(create_app(str(db)))
    without = client.get("/tallies?by=type").text
    assert "set a period" in without
    page = client.get("/tallies?by=type&from=2023-11-01&to=2023-11-30").text
    link = re.search(r'<a class="report" href="([^"]+)"', page)
    assert link
    report = client.get(link.group(1).replace("&amp;", "&"))
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    assert "Incidents by type" in report.text
    assert client.get("/report?from=2023-11-01").status_code == 400

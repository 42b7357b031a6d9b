"""ingest_inputs and the `ingest` / `status` commands over real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.settings import load_settings
from factfinder.store import Store

TABLES = ("sources", "origins", "documents", "stories", "incidents", "statistics", "evidence", "ledger")


@pytest.fixture
def text_stage() -> None:
    try:
        from factfinder.text import document_from_capture  # noqa: F401
    except ImportError:
        pytest.skip("factfinder.text.document_from_capture has not landed yet")


@pytest.fixture
def reports_dir(tmp_path: Path, examples_dir: Path) -> Path:
    """A folder holding the two plain-text example reports (they ship with every clone)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("digest.txt", "radio_pauktaw.txt"):
        shutil.copy(examples_dir / name, folder / name)
    return folder


def _counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _tree(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_reingesting_the_same_reports_changes_nothing(tmp_path: Path, reports_dir: Path, text_stage: None) -> None:
    from factfinder.ingest import ingest_inputs

    inputs = [str(p) for p in sorted(reports_dir.glob("*.txt"))]
    db = tmp_path / "f.db"
    settings = load_settings(db=str(db))
    with Store.open(db) as store:
        first = ingest_inputs(inputs, store=store, settings=settings)
        assert [o.status for o in first.outcomes] == ["stored", "stored"]
        before, files = _counts(store), _tree(tmp_path / "f.db.originals")
        second = ingest_inputs(inputs, store=store, settings=settings)
        assert [o.status for o in second.outcomes] == ["present", "present"]
        assert _counts(store) == before
        assert _tree(tmp_path / "f.db.originals") == files
        assert before["sources"] == before["documents"] == 2 and before["ledger"] == 2
        for path in inputs:
            raw = Path(path).read_bytes()
            [sha] = [o.sha256 for o in first.outcomes if o.origin.endswith(Path(path).name)]
            assert store.read_original(sha) == raw
            document = store.get_document(sha)
            assert document is not None and document.stories
            assert all(0 <= s.start < s.end <= len(document.text) for s in document.stories)
        assert store.verify().ok


def test_ingest_cli_reports_each_input_and_fails_on_a_bad_one(tmp_path: Path, reports_dir: Path,
                                                             text_stage: None) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for p in reports_dir.glob("*.txt"):
        shutil.copy(p, inbox / p.name)
    db = str(tmp_path / "f.db")
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", str(inbox), "--db", db, "--no-extract"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.count("stored ") == 2
    assert "2 inputs: 2 stored, 0 already present, 0 failed" in ok.output
    again = runner.invoke(main, ["ingest", str(inbox), str(tmp_path / "missing.html"), "--db", db,
                                 "--no-extract"])
    assert again.exit_code == 1
    assert "Traceback" not in again.output
    assert "3 inputs: 0 stored, 2 already present, 1 failed" in again.output
    assert "missing.html" in again.output
    status = runner.invoke(main, ["status", "--db", db])
    assert status.exit_code == 0
    assert "2 stored, 1 failed inputs" in status.output
    assert "ledger      3 entries" in status.output



def test_ingest_into_a_missing_folder_is_one_clean_error(tmp_path: Path, reports_dir: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(reports_dir), "--db", str(tmp_path / "no" / "f.db")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "does not exist" in result.output and "--db" in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.slow
def test_reingest_with_extraction_does_not_extract_twice(tmp_path: Path, reports_dir: Path, nlp) -> None:
    from factfinder.ingest import ingest_inputs
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    pipeline = Pipeline(nlp=nlp)
    try:
        pipeline.extract(document_from_text("Police detained six protesters in Almaty on Monday."))
    except NotImplementedError:
        pytest.skip("Pipeline.extract is not wired yet")
    inputs = [str(p) for p in sorted(reports_dir.glob("*.txt"))]
    db = tmp_path / "f.db"
    settings = load_settings(db=str(db))
    with Store.open(db) as store:
        first = ingest_inputs(inputs, store=store, settings=settings, pipeline=pipeline)
        assert [o.status for o in first.outcomes] == ["stored", "stored"]
        found = sum(o.incidents for o in first.outcomes)
        assert found == store.status().incidents > 0
        before = _counts(store)
        second = ingest_inputs(inputs, store=store, settings=settings, pipeline=pipeline)
        assert [(o.status, o.incidents) for o in second.outcomes] == [("present", 0), ("present", 0)]
        assert _counts(store) == before
        for incident in store.iter_incidents():
            text = store.get_document(incident.doc).text  # type: ignore[union-attr]
            assert incident.evidence
            assert all(text[s.start:s.end] == s.text for s in incident.evidence)
        assert store.verify().ok


def test_ingested_stories_are_searchable(tmp_path: Path, reports_dir: Path, text_stage: None) -> None:
    from factfinder.ingest import ingest_inputs

    db = tmp_path / "f.db"
    with Store.open(db) as store:
        report = ingest_inputs([str(reports_dir)], store=store, settings=load_settings(db=str(db)))
        shas = {o.sha256 for o in report.outcomes if o.status == "stored"}
        n_stories = store.status().stories
        assert store.index_stories() == 0
        indexed = store.conn.execute("SELECT count(*) FROM stories_fts_docsize").fetchone()[0]
        assert indexed == n_stories
        for doc in store.iter_documents():
            word = max(doc.text.split(), key=len).strip(".,;:()\"'")
            hits = store.search_stories(f'"{word}"')
            assert any(d == doc.doc for d, _ in hits), word
        assert {d.doc for d in store.iter_documents()} == shas

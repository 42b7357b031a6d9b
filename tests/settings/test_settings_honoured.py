"""Each documented setting does what docs/settings.md says, whichever way it is given.

One test per setting, each through the command line (``--setting``, the
environment or a command's own option), against a local HTTP server, a tiny
gazetteer built from the GeoNames sample under tests/geo/fixtures, and
reports written for these tests.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factfinder.cli import main
from factfinder.errors import UsageError
from factfinder.model import Extraction, Incident, Span
from factfinder.registry import Resources, Step, registry
from factfinder.settings import SETTINGS, USER_AGENT, Settings

GEO_FIXTURES = Path(__file__).resolve().parents[1] / "geo" / "fixtures"
GOLD = Path(__file__).resolve().parents[1] / "gold"
PAGE = (b"<html><head><title>Market closed</title></head><body><article><p>Traders said the district "
        b"market stayed closed on Monday after soldiers searched the stalls.</p></article></body></html>")
REPORT = "Police detained 14 students outside the teachers' college on Tuesday, a union spokesperson said.\n"


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        _Handler.agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/page" if n == 0 else f"/hop/{n - 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/slow":
            time.sleep(1.0)
        body = PAGE + (b"<!-- " + b"x" * 20_000 + b" -->" if path == "/big" else b"")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up on /slow on purpose
            pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factfinder.geo.geonames_dump import build_from_geonames

    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    build_from_geonames(path, GEO_FIXTURES / "allCountries_sample.txt", GEO_FIXTURES / "admin1CodesASCII_sample.txt")
    return path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """The CLI in-process, with no FACTFINDER_ variable of the machine leaking in."""
    clean = {f"FACTFINDER_{s.name.upper()}": None for s in SETTINGS}
    return CliRunner().invoke(main, list(args), env={**clean, **(env or {})})  # type: ignore[dict-item]


def ingest_url(url: str, db: Path, *settings: str) -> Result:
    return run("ingest", url, "--no-extract", "--db", str(db), *settings)


# --- db ---------------------------------------------------------------------

def test_db_setting_chooses_the_store(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "monitoring.db"
    stored = run("ingest", str(report), "--no-extract", "--setting", "db", str(db))
    assert stored.exit_code == 0, stored.output
    assert db.is_file() and (tmp_path / "monitoring.db.originals").is_dir()
    status = run("status", env={"FACTFINDER_DB": str(db)})
    assert status.exit_code == 0 and str(db) in status.output and "1 stored" in status.output
    elsewhere = run("status", "--setting", "db", str(tmp_path / "other.db"))
    assert elsewhere.exit_code == 1 and "other.db does not exist" in elsewhere.output


# --- spacy_model ------------------------------------------------------------

def test_spacy_model_setting_names_the_pipeline_loaded(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    for args in (["extract", str(report)], ["eval", str(GOLD / "extract")],
                 ["ingest", str(report), "--db", str(tmp_path / "s.db")]):
        result = run(*args, "--setting", "spacy_model", "xx_no_such_pipeline")
        assert result.exit_code == 1, (args, result.output)
        assert "the spaCy pipeline 'xx_no_such_pipeline' is not installed" in result.output, args
    by_env = run("extract", str(report), env={"FACTFINDER_SPACY_MODEL": "xx_from_environment"})
    assert "'xx_from_environment' is not installed" in by_env.output


# --- gazetteer --------------------------------------------------------------

def test_gazetteer_setting_chooses_the_gazetteer_file(tiny_gazetteer: Path, tmp_path: Path) -> None:
    from factfinder.pipeline import Pipeline

    # The sample holds two places named Paris; the full gazetteer holds many more.
    lookup = run("geo", "lookup", "Paris", "--setting", "gazetteer", str(tiny_gazetteer))
    assert lookup.exit_code == 0, lookup.output
    assert sorted(line.split("\t")[2] for line in lookup.output.splitlines()) == ["FR", "US"]
    reverse = run("geo", "reverse", "20.16", "92.9", env={"FACTFINDER_GAZETTEER": str(tiny_gazetteer)})
    assert '"country": "MM"' in reverse.output and '"nearest": "Pauktaw"' in reverse.output
    pipeline = Pipeline(settings=Settings(gazetteer=str(tiny_gazetteer)))
    assert len(pipeline.gazetteer.lookup("Paris")) == 2
    missing = str(tmp_path / "nowhere.sqlite")
    for args in (["geoparse", "-"], ["eval", str(GOLD / "geo")], ["geo", "lookup", "Paris"]):
        result = run(*args, "--setting", "gazetteer", missing)
        assert result.exit_code == 1 and f"no gazetteer at {missing}" in result.output, (args, result.output)


def test_geo_build_writes_to_the_gazetteer_setting(tmp_path: Path) -> None:
    target = tmp_path / "built.sqlite"
    result = run("geo", "build", "--geonames", str(GEO_FIXTURES / "allCountries_sample.txt"),
                 "--admin1", str(GEO_FIXTURES / "admin1CodesASCII_sample.txt"), "--setting", "gazetteer", str(target))
    assert result.exit_code == 0 and target.is_file() and str(target) in result.output


# --- the HTTP settings ------------------------------------------------------

def test_user_agent_setting_is_sent_and_the_default_is_the_declared_one(server: str, tmp_path: Path) -> None:
    from factfinder.capture import capture_inputs

    _Handler.agents.clear()
    assert ingest_url(f"{server}/page", tmp_path / "a.db", "--setting", "user_agent", "ngo-monitor/2.0").exit_code == 0
    list(capture_inputs([f"{server}/page?plain"], settings={}))  # a plain mapping: the declared default
    assert _Handler.agents == ["ngo-monitor/2.0", USER_AGENT]


def test_http_timeout_setting_gives_up_on_a_slow_server(server: str, tmp_path: Path) -> None:
    result = ingest_url(f"{server}/slow", tmp_path / "t.db", "--setting", "http_timeout", "0.2")
    assert result.exit_code == 1 and "no answer within 0.2 seconds" in result.output


def test_http_max_bytes_setting_truncates_a_large_download(server: str, tmp_path: Path) -> None:
    small = ingest_url(f"{server}/big", tmp_path / "b.db", "--setting", "http_max_bytes", "1000")
    assert small.exit_code == 1 and "larger than http_max_bytes (1000 bytes)" in small.output
    assert ingest_url(f"{server}/big", tmp_path / "c.db").exit_code == 0  # 20 kB is within the default


def test_http_max_redirects_setting_limits_the_redirects_followed(server: str, tmp_path: Path) -> None:
    few = ingest_url(f"{server}/hop/3", tmp_path / "r.db", "--setting", "http_max_redirects", "2")
    assert few.exit_code == 1 and "too many redirects (limit 2" in few.output
    enough = ingest_url(f"{server}/hop/3", tmp_path / "s.db", "--setting", "http_max_redirects", "4")
    assert enough.exit_code == 0, enough.output


# --- workers ----------------------------------------------------------------

def test_workers_setting_sets_the_processes_of_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    pools: list[int] = []

    class InlinePool:  # stands in for multiprocessing's Pool, in this process
        def __init__(self, processes: int, initializer, initargs) -> None:  # noqa: ANN001
            pools.append(processes)
            initializer(*initargs)

        def __enter__(self) -> InlinePool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def imap(self, func, chunks):  # noqa: ANN001, ANN201
            return map(func, chunks)

    class InlineContext:
        def Pool(self, processes: int, initializer=None, initargs=()) -> InlinePool:  # noqa: ANN001, N802
            return InlinePool(processes, initializer, initargs)

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: InlineContext())
    batch = tmp_path / "batch.jsonl"
    batch.write_text("not json\n{\"id\": 7}\n", encoding="utf-8")  # error records: no model needed
    for args, env in ((["--setting", "workers", "3"], None), (["--workers", "5"], None),
                      ([], {"FACTFINDER_WORKERS": "4"}), (["--setting", "workers", "1"], None)):
        result = run("extract", "--jsonl", str(batch), *args, env=env)
        assert result.exit_code == 0 and result.output.count('"record": "error"') == 2, result.output
    assert pools == [3, 5, 4]  # workers 1 runs in this process, without a pool


# --- the OCR settings -------------------------------------------------------

SCANNED = ("Police detained nine journalists outside the provincial court on Tuesday, "
           "their union said in a statement.")


@pytest.fixture(scope="module")
def scanned_pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scans import render_pages, scanned_pdf

    path = tmp_path_factory.mktemp("scans") / "court-letter.pdf"
    path.write_bytes(scanned_pdf(render_pages(SCANNED)))
    return path


def _document(result: Result) -> dict[str, object]:
    import json

    return next(r for r in map(json.loads, result.stdout.splitlines()) if r["record"] == "document")


def test_ocr_setting_turns_reading_scans_on_and_off(scanned_pdf_file: Path) -> None:
    off = run("extract", str(scanned_pdf_file), "--setting", "ocr", "never")
    assert off.exit_code == 1 and "has no text layer" in off.output and "--ocr auto" in off.output
    on = run("extract", str(scanned_pdf_file), env={"FACTFINDER_OCR": "always"})
    assert on.exit_code == 0, on.output
    assert "journalists" in str(_document(on)["text"])
    bad = run("extract", str(scanned_pdf_file), "--setting", "ocr", "sometimes")
    assert bad.exit_code == 2 and "use one of auto, always, never" in bad.output


def test_ocr_languages_setting_names_the_tesseract_models(scanned_pdf_file: Path) -> None:
    result = run("extract", str(scanned_pdf_file), "--setting", "ocr_languages", "xqz")
    assert result.exit_code == 1 and "Tesseract has no model for xqz" in result.output


def test_ocr_dpi_setting_sets_the_rendering_resolution(scanned_pdf_file: Path) -> None:
    result = run("extract", str(scanned_pdf_file), "--setting", "ocr_dpi", "150")
    assert result.exit_code == 0, result.output
    pages = _document(result)["pages"]
    assert isinstance(pages, list) and [p["dpi"] for p in pages] == [150]
    assert run("extract", str(scanned_pdf_file), "--setting", "ocr_dpi", "10").exit_code == 2


def test_batch_workers_are_built_from_the_run_settings(tiny_gazetteer: Path) -> None:
    from factfinder.scale.work import Worker

    worker = Worker(Settings(gazetteer=str(tiny_gazetteer), ocr="never", ocr_languages="eng+mya", ocr_dpi=150))
    assert len(worker.pipeline.gazetteer.lookup("Paris")) == 2
    assert (worker.ocr.mode, worker.ocr.languages, worker.ocr.dpi) == ("never", "eng+mya", 150)


# --- components ----------------------------------------------------------------

DETENTION = ("Soldiers detained 14 students outside the teachers' college on Tuesday, a union spokesperson said. "
             "The students were taken to a police station.\n")


@registry.component("tests.incidents.said.v1", stage="extract", reads=("document",),
                    assigns=("incidents", "incidents.evidence", "statistics", "entities"))
def _said_statements(resources: Resources) -> Step:
    """A tiny extract component for the swap: every sentence with "said" is a statement, nothing else."""
    def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        for e in extractions:
            text = e.document.text
            found = tuple(
                Incident(doc=e.document.doc, type="statement", summary=m.group().strip(),
                         evidence=(Span.of(text, m.start(), m.end()),))
                for m in re.finditer(r"[^.\n]+\.", text) if " said" in m.group())
            yield replace(e, incidents=found, entities=())
    return step


def test_components_setting_swaps_a_registered_component_on_extract(tmp_path: Path) -> None:
    report = tmp_path / "detention.txt"
    report.write_text(DETENTION, encoding="utf-8")
    swapped = run("extract", str(report), "--setting", "components", "tests.incidents.said.v1")
    assert swapped.exit_code == 0, swapped.output
    incidents = [r for r in map(json.loads, swapped.output.splitlines()) if r["record"] == "incident"]
    # The swapped-in component's reading only; the rule extractor would call this an arrest.
    assert [(r["type"], r["evidence"][0]["text"]) for r in incidents] == [
        ("statement", DETENTION.split(". ")[0] + ".")]
    from_env = run("extract", str(report), env={"FACTFINDER_COMPONENTS": "tests.incidents.said.v1"})
    assert from_env.output == swapped.output


def test_components_setting_with_an_unknown_name_lists_the_registered_ones(tmp_path: Path) -> None:
    report = tmp_path / "detention.txt"
    report.write_text(DETENTION, encoding="utf-8")
    result = run("extract", str(report), "--setting", "components", "factfinder.incidents.rules.v9")
    assert result.exit_code == 2
    assert "no pipeline component is registered as 'factfinder.incidents.rules.v9'" in result.output
    assert "factfinder.incidents.rules.v1" in result.output and "tests.incidents.said.v1" in result.output


def test_components_setting_defaults_to_the_rule_components_and_reads_a_toml_list(tmp_path: Path) -> None:
    from factfinder.components import RULES
    from factfinder.pipeline import Pipeline

    assert [c.name for c in Pipeline(settings=Settings()).components] == list(RULES)
    config = tmp_path / "factfinder.toml"
    config.write_text('components = ["factfinder.incidents.rules.v1", "factfinder.dates.rules.v1"]\n',
                      encoding="utf-8")
    settings = Settings.resolve(config=config, environ={})
    assert settings.components == ("factfinder.incidents.rules.v1", "factfinder.dates.rules.v1")
    assert [c.name for c in Pipeline(settings=settings).components] == list(settings.components)
    with pytest.raises(UsageError, match="names joined by ','"):
        Settings.resolve({"components": 3}, environ={})

"""The monitor's morning in a real browser (issue 15): follow, pass, review from the keyboard, report.

A local news site on 127.0.0.1 publishes a feed of five bulletins written for this
test. The documenter follows it (`factfinder follow add`), runs a pass
(`factfinder follow run`), opens the review queue in Debian's chromium, confirms two
incidents and corrects a third with the keyboard only, then opens the tallies of the
week and downloads its publishable report: the report's tallies equal the page's.
With FACTFINDER_UPDATE_SCREENSHOTS=1 it refreshes docs/screenshots/review-queue.png
and report.png (the PDF's first page by pdftoppm).
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from click.testing import CliRunner  # noqa: E402

from local_site import HTML, RSS, LocalSite, Reply, article, rss  # noqa: E402
from test_web_browser import ARGS, CHROMIUM, SHOTS, _free_port  # noqa: E402

pytestmark = pytest.mark.slow
PASSWORD = "morning password 1"
WEEK = ("2026-11-30", "2026-12-06")
BULLETINS = {
    "/b/1": "Security forces arrested 14 students in Sittwe on 1 December 2026 after a sit-in at the "
            "university, the students' union said.",
    "/b/2": "Two civilians were killed when artillery shells hit a market in Hpakant on 2 December 2026, "
            "residents told reporters.",
    "/b/3": "Troops burned about 30 homes in a village near Mindat on 3 December 2026, according to a local "
            "aid group.",
    "/b/4": "Police detained nine garment workers in Mandalay on 4 December 2026 after a strike, their union "
            "said.",
    "/b/5": "More than 200 people fled fighting near Lashio on 5 December 2026, the UN refugee agency said.",
}


def news_site(request: BaseHTTPRequestHandler) -> Reply | None:
    if request.path == "/feed.xml":
        base = f"http://{request.headers['Host']}"
        return Reply(rss("Desk", ((f"Bulletin {p}", f"{base}{p}", f"Sat, 0{n + 1} Dec 2026 08:00:00 GMT")
                                  for n, p in enumerate(BULLETINS))), RSS)
    if request.path in BULLETINS:
        return Reply(article(BULLETINS[request.path], title="Bulletin"), HTML)
    return None


@pytest.fixture(scope="module")
def morning(tmp_path_factory, nlp):
    """The news site, a store with an editor, the feed followed and one pass run, and the web app live."""
    import uvicorn

    from factfinder.cli import main
    from factfinder.store import Store
    from factfinder.store.accounts import add_user
    from factfinder.web.app import create_app

    site = LocalSite(news_site)
    db = tmp_path_factory.mktemp("morning") / "desk.db"
    with Store.open(db) as store:
        add_user(store.conn, "editor", PASSWORD, "editor")
    env = {"FACTFINDER_FOLLOW_HOST_DELAY": "0"}
    runner = CliRunner()
    added = runner.invoke(main, ["follow", "add", f"{site.base}/feed.xml", "--every", "6h", "--name", "desk",
                                 "--db", str(db)], env=env)
    assert added.exit_code == 0, added.output
    ran = runner.invoke(main, ["follow", "run", "--db", str(db)], env=env)
    assert ran.exit_code == 0, ran.output
    assert "0 failed" in ran.output and "6 new items" in ran.output, ran.output
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield {"url": f"http://127.0.0.1:{port}", "db": str(db)}
    srv.should_exit = True
    thread.join(timeout=10)
    site.close()


@pytest.fixture()
def page(morning):
    if not CHROMIUM.exists():
        pytest.fail("chromium is not installed at /usr/bin/chromium: `apt-get install -y chromium` "
                    "(`make test` installs it; browser tests must not be skipped)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(morning["url"] + "/review")
        pg.fill("input[name=name]", "editor")
        pg.fill("input[name=password]", PASSWORD)
        pg.click("button[type=submit]")
        pg.wait_for_url(morning["url"] + "/review")
        yield pg
        context.close()
        browser.close()
        assert errors == [], errors


def _ids(page) -> list[str]:
    return page.eval_on_selector_all("tr.queue-row", "rows => rows.map(r => r.dataset.id)")


def _tally(rows: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: [c.replace(",", "") for c in r[1:]] for r in rows if len(r) == 6}


def test_the_morning_follow_review_with_the_keyboard_and_report(page, morning, tmp_path: Path) -> None:
    from factfinder.cli import main
    from factfinder.store import Store

    SHOTS.mkdir(parents=True, exist_ok=True)
    queue = _ids(page)
    assert len(queue) >= 4, page.inner_text("main")
    confidences = [float(c) for c in page.eval_on_selector_all("tr.queue-row td.conf", "cs => cs.map(c => c.textContent)")]
    assert confidences == sorted(confidences)  # lowest confidence first
    page.screenshot(path=str(SHOTS / "review-queue.png"))
    # confirm two with the keyboard, each time the next one becomes current
    page.keyboard.press("c")
    page.wait_for_function("n => document.querySelectorAll('tr.queue-row').length === n", arg=len(queue) - 1)
    page.keyboard.press("c")
    page.wait_for_function("n => document.querySelectorAll('tr.queue-row').length === n", arg=len(queue) - 2)
    third = _ids(page)[0]
    assert third == queue[2] and "current" in page.get_attribute(f'tr[data-id="{third}"]', "class")
    # correct the third: e opens the form, the field is chosen, Tab to the value, Enter saves
    page.keyboard.press("e")
    page.wait_for_selector("#correct:not([hidden])")
    page.select_option("#correct select[name=field]", "counts.injured")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('tr.queue-row').length === n", arg=len(queue) - 3)
    assert "corrected counts.injured" in page.inner_text("#review-status")
    page.reload()
    assert _ids(page) == queue[3:]
    with Store.open(morning["db"]) as store:
        reviews = store.conn.execute("SELECT subject_id, field, new_value, reviewer FROM reviews ORDER BY id").fetchall()
        assert [(r[0], r[1]) for r in reviews] == [(queue[0], "verification"), (queue[1], "verification"),
                                                   (third, "counts.injured")]
        assert {r[3] for r in reviews} == {"editor"}
        assert store.verify().ok
    # the week's tallies, and its report from the tallies page
    page.goto(f"{morning['url']}/tallies?from={WEEK[0]}&to={WEEK[1]}&by=type")
    shown = _tally(page.eval_on_selector_all(
        "table.tallies tbody tr", "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))"))
    assert shown and sum(int(v[0]) for v in shown.values()) >= 4
    assert "3" in [v[2] for v in shown.values()]  # the corrected injured count is in the tallies
    reviewed = page.inner_text("table.reviewed")
    assert re.search(r"editor\s+3\s+3", reviewed), reviewed
    with page.expect_download() as download:
        page.click("a.report")
    report_html = Path(download.value.path()).read_text(encoding="utf-8")
    report_page = page.context.new_page()
    report_page.set_content(report_html)
    in_report = _tally(report_page.eval_on_selector_all(
        "table.tally >> nth=0", "t => Array.from(t[0].tBodies[0].rows).map(r => Array.from(r.cells).map(c => c.textContent.trim()))"))
    assert in_report == shown
    # the same report as a PDF, its first page as the screenshot
    pdf = tmp_path / "week.pdf"
    made = CliRunner().invoke(main, ["report", "--from", WEEK[0], "--to", WEEK[1], "--format", "pdf", "-o", str(pdf),
                                     "--db", morning["db"]])
    assert made.exit_code == 0, made.output
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SHOTS / "report")], check=True)
    assert (SHOTS / "report.png").stat().st_size > 10_000


def test_the_map_shows_admin1_names_a_legend_a_date_slider_and_opens_an_incident(page, morning) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{morning['url']}/map?country=MM")
    page.wait_for_selector("#map[data-admin1-loaded]", timeout=20000)
    assert int(page.get_attribute("#map", "data-admin1-loaded")) >= 14  # Myanmar's states and regions
    located = int(page.get_attribute("#map", "data-loaded"))
    assert located >= 4
    legend = page.inner_text("#legend")
    assert "arrest" in legend and "killing" in legend
    page.evaluate("() => window.factfinderMap.setView([21.5, 96.5], 6)")
    page.wait_for_selector(".admin1-label")
    labels = page.eval_on_selector_all(".admin1-label", "ls => ls.map(l => l.textContent)")
    assert {"Rakhine", "Kachin", "Mandalay", "Shan"} <= set(labels), labels
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.evaluate("() => window.factfinderMap.setView([21.3, 96.0], 6)")
    page.wait_for_timeout(800)
    page.screenshot(path=str(SHOTS / "map-admin1.png"))
    # the slider at its first day keeps only the earliest incidents
    page.focus("#date-slider")
    page.keyboard.press("Home")
    assert page.inner_text("#date-slider-label") == "up to 2026-12-01"
    shown = int(page.get_attribute("#map", "data-shown"))
    assert 1 <= shown < located
    page.keyboard.press("End")
    assert int(page.get_attribute("#map", "data-shown")) == located
    # up to 2 December: the two Sittwe incidents of the 1st share a cluster, the killing in
    # Hpakant of the 2nd is a point of its own; a click on it opens its incident page
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#date-slider-label") == "up to 2026-12-02"
    page.wait_for_timeout(400)
    page.locator("#map path.leaflet-interactive").first.click()
    page.wait_for_url("**/incidents/*")
    assert "2026-12-02" in page.inner_text("main") and "killing" in page.inner_text("main")

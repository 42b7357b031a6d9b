"""The incident page of a scanned report shows the evidence outlined on the rendered page image."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from factfinder.cli import main  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402
from scans import render_pages, scanned_pdf  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.slow
def test_the_evidence_of_a_scanned_report_is_outlined_on_its_page_image(tmp_path: Path) -> None:
    from PIL import Image

    text = (EXAMPLES / "radio_pauktaw.txt").read_text(encoding="utf-8")
    scan = tmp_path / "pauktaw_scan.pdf"
    scan.write_bytes(scanned_pdf(render_pages(text, rotate=0.4, noise=0.0005, jpeg_quality=75)))
    db = tmp_path / "scan.db"
    result = CliRunner().invoke(main, ["ingest", str(scan), "--db", str(db)])
    assert result.exit_code == 0, result.output
    client = TestClient(create_app(str(db)))
    events = client.get("/api/incidents").json()["items"]
    assert events
    page = client.get(f"/incidents/{events[0]['id']}").text
    images = re.findall(r'<img src="(/originals/[0-9a-f]{64}/pages/\d+\.png)"', page)
    boxes = re.findall(r'class="ocr-box" style="left:([\d.]+)%;top:([\d.]+)%;width:([\d.]+)%;height:([\d.]+)%"', page)
    assert images and boxes
    assert all(0 <= float(left) < 100 and 0 < float(width) < 100 for left, _, width, _ in boxes)
    png = client.get(images[0])
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert abs(image.width / image.height - 210 / 297) < 0.02  # an A4 page, rendered from the kept original
    assert client.get(images[0].replace(".png", "").rsplit("/", 1)[0] + "/99.png").status_code == 404

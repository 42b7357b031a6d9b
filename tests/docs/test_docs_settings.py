"""Docs that cannot drift: every declared setting appears in docs/settings.md."""

from __future__ import annotations

from pathlib import Path

from factfinder.settings import SETTINGS, load_settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_precedence_defaults_toml_env_cli(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "factfinder.toml"
    config.write_text('db = "from-toml.db"\nhttp_timeout = 3.5\nworkers = 4\n', encoding="utf-8")
    monkeypatch.setenv("FACTFINDER_HTTP_TIMEOUT", "7.5")
    values = load_settings(config, workers=1)
    assert values["db"] == "from-toml.db"  # toml beats default
    assert values["http_timeout"] == 7.5  # environment beats toml, and is typed
    assert values["workers"] == 1  # command line beats all
    assert values["http_max_redirects"] == 5  # untouched default

"""Old gazetteer schemas are removed from the cache when the default gazetteer is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from factfinder.geo import gazetteer as gazetteer_module
from factfinder.geo.cache_files import older_schema_files, remove_older_schemas


def _touch(directory: Path, name: str, size: int = 10) -> Path:
    path = directory / name
    path.write_bytes(b"x" * size)
    return path


def test_only_older_schemas_of_factfinder_files_are_listed(tmp_path: Path) -> None:
    old = [_touch(tmp_path, n) for n in (
        "gazetteer-9.sqlite", "gazetteer-9.tagger-2000.pickle", "gazetteer-14.tagger-2000-de3163fa015a.pickle",
        "gazetteer-14.scripts-2.pickle", "gazetteer-12.scripts.pickle", "gazetteer-14.tagger-2000.10032.tmp")]
    kept = [_touch(tmp_path, n) for n in (
        "gazetteer-16.sqlite", "gazetteer-16.tagger-2000-abc.pickle", "gazetteer-17.sqlite",
        "gazetteer-9.sqlite.bak", "notes-9.txt", "my-gazetteer-3.sqlite")]
    assert older_schema_files(tmp_path, "16") == sorted(old)
    assert remove_older_schemas(tmp_path, "16") == 60
    assert sorted(p for p in tmp_path.iterdir()) == sorted(kept)


def test_building_the_default_gazetteer_prunes_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = tmp_path / "factfinder"
    cache.mkdir()
    stale = _touch(cache, "gazetteer-3.sqlite", 1000)

    def fake_build(path: Path, postal: Path | None = None) -> Path:
        # Stands in for the two-minute build: only whether the prune follows it is tested here.
        import sqlite3

        conn = sqlite3.connect(path)
        conn.executescript("CREATE TABLE meta(key TEXT, value TEXT); CREATE TABLE admin1(country, code, name);")
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (gazetteer_module.SCHEMA_VERSION,))
        conn.commit()
        conn.close()
        return path

    monkeypatch.setattr(gazetteer_module, "build_gazetteer", fake_build)
    opened = gazetteer_module.Gazetteer.open()
    assert opened.path == cache / f"gazetteer-{gazetteer_module.SCHEMA_VERSION}.sqlite"
    assert not stale.exists()
    assert opened.path.exists()

"""Seeds plus a second source, through ingest and consolidation: shared events merge
and are corroborated, a different event stays apart, the death-toll conflict is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.store import Store

SECOND = Path(__file__).resolve().parents[1] / "data" / "second_source"


@pytest.fixture(scope="module")
def events(tmp_path_factory, seeds_dir: Path):
    db = tmp_path_factory.mktemp("consolidate") / "f.db"
    runner = CliRunner()
    inputs = [str(seeds_dir / "000_656a7e7306c346d4.txt"), str(seeds_dir / "004_13c09bdc84f4c2bd.txt"),
              *(str(p) for p in sorted(SECOND.glob("*.txt")))]
    result = runner.invoke(main, ["ingest", *inputs, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "consolidated:" in result.output  # ingest consolidates by itself
    result = runner.invoke(main, ["consolidate", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        return list(store.iter_events())


def _find(events, kind: str, place: str):
    return [e for e in events if e.type == kind and e.location is not None and e.location.name == place]


@pytest.mark.slow
def test_pauktaw_arrests_from_two_sources_are_one_corroborated_event(events) -> None:
    (arrest,) = _find(events, "arrest", "Pauktaw")
    assert arrest.verification == "corroborated"
    assert arrest.independent_sources >= 2
    assert len({r.incident.doc for r in arrest.reports}) >= 2


@pytest.mark.slow
def test_the_death_toll_conflict_is_kept_with_both_values(events) -> None:
    (killing,) = _find(events, "killing", "Pauktaw")
    conflicts = {c.field: sorted(v.value for v in c.values) for c in killing.conflicts}
    assert conflicts["counts.killed"] == [15, 20]


@pytest.mark.slow
def test_almaty_detentions_are_corroborated(events) -> None:
    (arrest,) = _find(events, "arrest", "Almaty")
    assert arrest.verification == "corroborated"


@pytest.mark.slow
def test_a_different_event_is_not_merged_or_corroborated(events) -> None:
    kani = [e for e in events if any("Kani" in r.incident.summary for r in e.reports)]
    assert kani and all(e.independent_sources == 1 and e.verification != "corroborated" for e in kani)
    assert all(len({r.incident.doc for r in e.reports}) == 1 for e in kani)


@pytest.mark.slow
def test_the_repeated_digest_item_is_one_event(events) -> None:
    interpol = [e for e in events if any("Interpol" in r.incident.summary and "Hu Binchen" in r.incident.summary
                                         for r in e.reports)]
    assert len(interpol) == 1
    assert len(interpol[0].reports) == 2 and interpol[0].independent_sources == 1

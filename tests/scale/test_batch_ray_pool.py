"""The Ray engine's driver: one pool of actors for the whole run, each kept busy, fed lazily.

Ray's own machinery (actors in other processes, the object store) is replaced by an
in-process stand-in with Ray's calling conventions (``ray.remote(...)(cls)``,
``handle.method.remote(...)``, ``ray.wait``, ``ray.get``, ``ray.kill``), so what is
checked is the driver's part: how many actors it starts, how much it queues at
each, how far ahead of the engine it reads the input, and that every document
comes back once. tests/scale/test_batch.py runs the real Ray end to end.
"""

from __future__ import annotations

from typing import Any

import pytest

from factfinder.scale import run
from factfinder.scale.inputs import Item


class _Ref:
    def __init__(self, actor: "_Actor", batch: list[Item]) -> None:
        self.actor, self.batch, self.done = actor, batch, False


class _Actor:
    def __init__(self, fake: "_FakeRay", cls: type, args: tuple[Any, ...]) -> None:
        self.fake, self.instance, self.queued = fake, cls(*args), 0
        self.rows = self  # handle.rows.remote(batch)

    def remote(self, batch: list[Item]) -> _Ref:
        self.queued += 1
        self.fake.most_queued = max(self.fake.most_queued, self.queued)
        ref = _Ref(self, batch)
        self.fake.pending.append(ref)
        return ref


class _FakeRay:
    """Ray's calls as the driver makes them, run in this process, results in submission order."""

    def __init__(self) -> None:
        self.actors: list[_Actor] = []
        self.pending: list[_Ref] = []
        self.killed: list[_Actor] = []
        self.most_queued = 0
        self.options: dict[str, Any] = {}

    def remote(self, **options: Any) -> Any:
        self.options = options

        def wrap(cls: type) -> Any:
            fake = self

            class _ActorClass:
                @staticmethod
                def remote(*args: Any) -> _Actor:
                    actor = _Actor(fake, cls, args)
                    fake.actors.append(actor)
                    return actor
            return _ActorClass
        return wrap

    def wait(self, refs: list[_Ref], num_returns: int) -> tuple[list[_Ref], list[_Ref]]:
        ready = next(r for r in self.pending if r in refs)
        if not ready.done:
            ready.done = True
            ready.actor.queued -= 1  # the actor has finished it
        return [ready], [r for r in refs if r is not ready]

    def get(self, ref: _Ref) -> list[dict[str, Any]]:
        self.pending.remove(ref)
        rows: list[dict[str, Any]] = ref.actor.instance.rows(ref.batch)
        return rows

    def kill(self, actor: _Actor) -> None:
        self.killed.append(actor)


class _Worker:
    """Stands for ``scale.work.Worker`` (which loads a Pipeline): one row per item."""

    built = 0

    def __init__(self, settings: Any) -> None:
        type(self).built += 1

    def rows(self, items: list[Item]) -> list[dict[str, Any]]:
        return [{"key": item.key, "text": item.text} for item in items]


@pytest.fixture()
def fake_ray(monkeypatch: pytest.MonkeyPatch) -> _FakeRay:
    fake = _FakeRay()
    _Worker.built = 0
    monkeypatch.setattr(run, "_ray_started", lambda workers, address: fake)
    monkeypatch.setattr(run, "Worker", _Worker)
    return fake


def _items(n: int, drawn: list[int]) -> Any:
    for i in range(n):
        drawn[0] += 1
        yield Item(key=f"k{i}", origin=f"in.jsonl:{i + 1}", text=f"Report {i}: police detained {i} people.")


def test_one_pool_of_actors_serves_the_whole_corpus_each_kept_busy(fake_ray: _FakeRay) -> None:
    drawn = [0]
    rows = run._ray_rows(_items(1_000, drawn), workers=2, address=None, settings=None)  # type: ignore[arg-type]
    first = next(rows)
    # when the first rows are back, the driver has read only what it queued at the actors,
    # and the batch it queued in place of the one done
    assert drawn[0] == (2 * run.RAY_QUEUE + 1) * run.BATCH_DOCUMENTS
    keys = [first["key"]] + [row["key"] for row in rows]
    assert sorted(keys) == sorted(f"k{i}" for i in range(1_000)) and len(set(keys)) == 1_000
    assert len(fake_ray.actors) == _Worker.built == 2  # 125 batches, one pool: no actor started again
    assert fake_ray.most_queued == run.RAY_QUEUE
    assert fake_ray.killed == fake_ray.actors and not fake_ray.pending
    assert fake_ray.options["max_restarts"] >= 1 and fake_ray.options["max_task_retries"] >= 1


def test_nothing_left_to_do_starts_no_actor(fake_ray: _FakeRay) -> None:
    assert list(run._ray_rows(iter([]), workers=2, address=None, settings=None)) == []  # type: ignore[arg-type]
    assert fake_ray.actors == [] and _Worker.built == 0

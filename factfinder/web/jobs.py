"""Background ingest jobs started from the web app, with progress for the page to poll.

One job runs at a time (SQLite has one writer; the NLP pipeline is loaded
once and reused), each in a worker thread with its own store connection. A
job reuses ``factfinder.ingest.ingest_inputs``, so an upload that is not a
supported file is kept with its error like any other capture, and consolidates
the events afterwards so new incidents appear in lists and on the map.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from factfinder.settings import Settings
from factfinder.values.isodate import utc_now


@dataclass
class JobOutcome:
    origin: str
    status: str  # stored, present, failed
    sha256: str | None
    message: str | None
    incidents: int
    statistics: int


@dataclass
class Job:
    id: str
    user: str
    inputs: list[str]
    labels: dict[str, str]  # input path -> the name the user gave (uploaded file name)
    state: str = "queued"  # queued, running, done, failed
    outcomes: list[JobOutcome] = field(default_factory=list)
    error: str | None = None
    events: int | None = None
    started_at: str | None = None
    finished_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "user": self.user, "state": self.state, "inputs": len(self.inputs),
                "done": len(self.outcomes), "error": self.error, "events": self.events,
                "started_at": self.started_at, "finished_at": self.finished_at,
                "outcomes": [{**o.__dict__, "origin": self.labels.get(o.origin, o.origin)} for o in self.outcomes]}


class JobRunner:
    """Runs ingest jobs one after another in a worker thread."""

    def __init__(self, db: str, *, settings: Settings, pipeline_factory: Callable[[], Any] | None) -> None:
        self._db = db
        self._settings = settings
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._pipeline_lock = threading.Lock()

    def pipeline(self) -> Any:
        """The NLP pipeline, built once on first use (ingest jobs, reports); None without extraction."""
        with self._pipeline_lock:
            if self._pipeline is None and self._pipeline_factory is not None:
                self._pipeline = self._pipeline_factory()
            return self._pipeline

    def submit(self, inputs: list[str], *, user: str, labels: dict[str, str] | None = None) -> Job:
        job = Job(uuid.uuid4().hex[:16], user, list(inputs), dict(labels or {}))
        with self._lock:
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job,), name=f"ingest-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, limit: int = 20) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())[-limit:][::-1]

    def wait(self, job_id: str, timeout: float = 600.0) -> Job | None:
        """Block until a job finished (tests and scripts)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.state in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def _run(self, job: Job) -> None:
        from factfinder.errors import FactfinderError
        from factfinder.ingest import ingest_inputs
        from factfinder.store import Store

        with self._run_lock:
            job.state, job.started_at = "running", utc_now()
            try:
                self.pipeline()
                with Store.open(self._db) as store:
                    def record(outcome: Any) -> None:
                        job.outcomes.append(JobOutcome(outcome.origin, outcome.status, outcome.sha256,
                                                       outcome.message, outcome.incidents, outcome.statistics))

                    report = ingest_inputs(job.inputs, store=store, settings=self._settings,
                                           pipeline=self._pipeline, on_event=record)
                    # ingest consolidates (and re-applies reviews) when it extracted anything
                    job.events = report.events if report.events is not None else store.count_events()
                job.state = "done"
            except FactfinderError as exc:
                job.state, job.error = "failed", str(exc)
            except Exception as exc:  # a worker thread must report, not die silently
                job.state, job.error = "failed", f"unexpected error: {exc!r}; please report this as a bug"
            finally:
                job.finished_at = utc_now()

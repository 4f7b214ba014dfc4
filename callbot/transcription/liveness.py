"""The transcription jobs' signs of life: a worker marking its jobs alive, the jobs of workers
that stopped going back to the queue, and how much work waits.

A running job's worker marks it alive every heartbeat (:func:`touch_jobs`); a job not marked
for a while goes back to ``pending`` (:func:`release_stale_jobs`), its attempt counted; the jobs
of a node known to be dead go back at once (:func:`release_jobs_of`: worker ids start with
their node's id). :func:`backlog` is what the metrics and ``callbot cluster status`` show.
:class:`~callbot.transcription.jobs.JobQueue` offers each as a method.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from callbot.tickets.answers import LIVE
from callbot.tickets.models import TranscriptionJob
from callbot.tickets.rules import JobStatus
from callbot.tickets.transactions import Transactions, rowcount

logger = logging.getLogger(__name__)

OPEN_JOB = (JobStatus.PENDING.value, JobStatus.RUNNING.value)


@dataclass(frozen=True)
class Backlog:
    """The transcription work waiting: jobs pending (due or not) and running, how long the
    oldest due pending job has waited (None when none is due), and how many due jobs are of
    callers still on the line."""

    pending: int
    running: int
    oldest_seconds: float | None
    live: int

    def to_dict(self) -> dict[str, object]:
        """As JSON data."""
        return {
            "pending": self.pending,
            "running": self.running,
            "oldest_seconds": self.oldest_seconds,
            "live": self.live,
        }


def _back_to_pending(now: datetime) -> dict[str, object]:
    return {
        "status": JobStatus.PENDING.value,
        "locked_by": None,
        "locked_at": None,
        "next_attempt_at": now,
        "updated_at": now,
    }


def backlog(tx: Transactions) -> Backlog:
    """How much transcription work waits, and for how long."""

    def work(session: Session) -> Backlog:
        now = tx.clock()
        counts = dict(
            session.execute(
                select(TranscriptionJob.status, func.count())
                .where(TranscriptionJob.status.in_(OPEN_JOB))
                .group_by(TranscriptionJob.status)
            ).all()
        )
        due = (TranscriptionJob.status == JobStatus.PENDING.value) & (
            TranscriptionJob.next_attempt_at <= now
        )
        oldest = session.scalar(select(func.min(TranscriptionJob.created_at)).where(due))
        live = session.scalar(select(func.count()).where(due & (TranscriptionJob.priority == LIVE)))
        age = None if oldest is None else max(0.0, (now - oldest).total_seconds())
        return Backlog(
            pending=int(counts.get(JobStatus.PENDING.value, 0)),
            running=int(counts.get(JobStatus.RUNNING.value, 0)),
            oldest_seconds=age,
            live=int(live or 0),
        )

    return tx.run("read the transcription backlog", work)


def release_jobs_of(tx: Transactions, worker_prefix: str) -> int:
    """Running jobs of workers whose id starts with ``worker_prefix`` go back to ``pending``."""
    if not worker_prefix:
        raise ValueError("a worker prefix is needed: an empty one would match every worker")

    def work(session: Session) -> int:
        released = session.execute(
            update(TranscriptionJob)
            .where(
                TranscriptionJob.status == JobStatus.RUNNING.value,
                TranscriptionJob.locked_by.startswith(worker_prefix, autoescape=True),
            )
            .values(**_back_to_pending(tx.clock()))
            .execution_options(synchronize_session=False)
        )
        return rowcount(released)

    count = tx.run("take over the jobs of a stopped node", work, write=True)
    if count:
        logger.warning("took over %d transcription job(s) of a stopped node", count)
    return count


def touch_jobs(tx: Transactions, worker_id: str) -> int:
    """Mark ``worker_id``'s running jobs as alive now (so they are not taken for stale)."""

    def work(session: Session) -> int:
        now = tx.clock()
        touched = session.execute(
            update(TranscriptionJob)
            .where(
                TranscriptionJob.status == JobStatus.RUNNING.value,
                TranscriptionJob.locked_by == worker_id,
            )
            .values(locked_at=now, updated_at=now)
        )
        return rowcount(touched)

    return tx.run("mark transcription jobs alive", work, write=True)


def release_stale_jobs(
    tx: Transactions, older_than: timedelta, *, locked_by: str | None = None
) -> int:
    """Running jobs not marked alive for ``older_than`` go back to ``pending``, due now."""
    if older_than < timedelta(0):
        raise ValueError(f"older_than must not be negative, not {older_than}")

    def stale(now: datetime) -> ColumnElement[bool]:
        where = (TranscriptionJob.status == JobStatus.RUNNING.value) & (
            TranscriptionJob.locked_at <= now - older_than
        )
        return where if locked_by is None else where & (TranscriptionJob.locked_by == locked_by)

    def anything(session: Session) -> bool:
        found = session.scalar(select(TranscriptionJob.id).where(stale(tx.clock())).limit(1))
        return found is not None

    if not tx.run("look for stale transcription jobs", anything):
        return 0

    def work(session: Session) -> int:
        now = tx.clock()
        released = session.execute(
            update(TranscriptionJob)
            .where(stale(now))
            .values(**_back_to_pending(now))
            .execution_options(synchronize_session=False)
        )
        return rowcount(released)

    count = tx.run("release stale transcription jobs", work, write=True)
    if count:
        logger.warning("released %d transcription job(s) of a worker that stopped", count)
    return count

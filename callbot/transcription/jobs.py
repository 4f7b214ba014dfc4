"""The transcription job queue: durable jobs in the ticket database, one per answer.

A job is enqueued with its answer, in the answer's own transaction
(:meth:`~callbot.tickets.repository.TicketRepository.add_answer`); the workers of
:mod:`callbot.transcription.worker` take them from here. Jobs are claimed race-free: SQLite's
``BEGIN IMMEDIATE`` lets one writer claim at a time; PostgreSQL claims with ``SELECT ... FOR
UPDATE SKIP LOCKED`` (a job another worker is claiming is passed over, never waited for), so
workers on several machines share one queue. The answers of callers still on the line come
first (``priority`` 0), then the backlog of ended calls (1, set when the call ends), each
oldest first. A result is stored once (an already settled job keeps its first result).

Storing a result is one short transaction; then comes the settle step
(:meth:`callbot.routing.settle.Settler.settle`): when that answer was the ticket's last one to
settle and its call has ended, the ticket is understood, routed and made ready for operators.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from callbot.routing.settle import Settler
from callbot.tickets.answers import transcription_values
from callbot.tickets.models import Answer, TranscriptionJob
from callbot.tickets.records import AnswerRecord, JobRecord, answer_record, job_record
from callbot.tickets.rules import JobStatus, Transcription, short_error
from callbot.tickets.transactions import Transactions, rowcount
from callbot.transcription import liveness
from callbot.transcription.liveness import OPEN_JOB, Backlog
from callbot.transcription.requeue import requeue_pending, requeue_ticket

if TYPE_CHECKING:  # only its shape: the queue never loads the speech recognizer
    from callbot.speech.asr import Transcript

logger = logging.getLogger(__name__)

# The order workers take due jobs in: callers on the line first, then oldest first.
TAKE_ORDER = (TranscriptionJob.priority, TranscriptionJob.next_attempt_at, TranscriptionJob.id)


class JobQueue:
    """The transcription jobs, and the answers they transcribe."""

    def __init__(self, transactions: Transactions, settler: Settler) -> None:
        """``settler`` makes a ticket ready once its last answer is settled."""
        self._tx = transactions
        self._settler = settler

    def _clock(self) -> datetime:
        return self._tx.clock()

    def answers(self, answer_ids: Collection[int]) -> dict[int, AnswerRecord]:
        """The answers with these ids that exist, by id."""
        ids = sorted(set(answer_ids))
        if not ids:
            return {}

        def work(session: Session) -> dict[int, AnswerRecord]:
            rows = session.scalars(select(Answer).where(Answer.id.in_(ids)))
            return {row.id: answer_record(row) for row in rows}

        return self._tx.run("read answers", work)

    def jobs(self, ticket_id: int | None = None) -> builtins.list[JobRecord]:
        """The transcription jobs (of one ticket, or all), oldest first."""
        query = (
            select(TranscriptionJob, Answer)
            .join(Answer, Answer.id == TranscriptionJob.answer_id)
            .order_by(TranscriptionJob.id)
        )
        if ticket_id is not None:
            query = query.where(Answer.ticket_id == ticket_id)

        def work(session: Session) -> builtins.list[JobRecord]:
            return [job_record(job, answer) for job, answer in session.execute(query)]

        return self._tx.run("read transcription jobs", work)

    def claim_jobs(self, worker_id: str, limit: int = 1) -> builtins.list[JobRecord]:
        """Up to ``limit`` due pending jobs, now ``running`` for ``worker_id`` (oldest first).

        Each job is claimed by exactly one caller, across threads and processes; its
        ``attempts`` counts this attempt. Most calls find nothing: that is checked first,
        with a read that takes no write lock.
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")

        def due(now: datetime) -> ColumnElement[bool]:
            return (TranscriptionJob.status == JobStatus.PENDING.value) & (
                TranscriptionJob.next_attempt_at <= now
            )

        def anything(session: Session) -> bool:
            found = session.scalar(select(TranscriptionJob.id).where(due(self._clock())).limit(1))
            return found is not None

        if not self._tx.run("look for transcription jobs", anything):
            return []

        def work(session: Session) -> builtins.list[JobRecord]:
            now = self._clock()
            ids = session.scalars(
                select(TranscriptionJob.id)
                .where(due(now))
                .order_by(*TAKE_ORDER)
                .limit(limit)
                .with_for_update(skip_locked=True)
            ).all()
            if not ids:
                return []
            session.execute(
                update(TranscriptionJob)
                .where(
                    TranscriptionJob.id.in_(ids),
                    TranscriptionJob.status == JobStatus.PENDING.value,
                )
                .values(
                    status=JobStatus.RUNNING.value,
                    locked_by=worker_id,
                    locked_at=now,
                    attempts=TranscriptionJob.attempts + 1,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            rows = session.execute(
                select(TranscriptionJob, Answer)
                .join(Answer, Answer.id == TranscriptionJob.answer_id)
                .where(TranscriptionJob.id.in_(ids))
                .order_by(*TAKE_ORDER)
                .execution_options(populate_existing=True)
            )
            return [job_record(job, answer) for job, answer in rows]

        return self._tx.run("claim transcription jobs", work, write=True)

    def backlog(self) -> Backlog:
        """How much transcription work waits, and for how long (metrics, cluster status)."""
        return liveness.backlog(self._tx)

    def release_jobs_of(self, worker_prefix: str) -> int:
        """Running jobs of workers whose id starts with ``worker_prefix`` (a node known to be
        dead) go back to ``pending`` at once, their attempt counted. Returns how many."""
        return liveness.release_jobs_of(self._tx, worker_prefix)

    def touch_jobs(self, worker_id: str) -> int:
        """Mark ``worker_id``'s running jobs as alive now (so they are not taken for stale)."""
        return liveness.touch_jobs(self._tx, worker_id)

    def release_stale_jobs(self, older_than: timedelta, *, locked_by: str | None = None) -> int:
        """Running jobs not marked alive for ``older_than`` go back to ``pending``, due now.

        Their worker died (crash, kill, restart): this is how its work resumes. The attempt
        it had started stays counted, so an answer that kills its worker is not retried
        forever. ``locked_by`` limits this to one worker's jobs (a pool handing back its own
        at stop). Returns how many were released.
        """
        return liveness.release_stale_jobs(self._tx, older_than, locked_by=locked_by)

    def _settle_job(
        self,
        action: str,
        job_id: int,
        job_values: dict[str, Any],
        answer_values: dict[str, Any] | None,
    ) -> tuple[int, int, bool] | None:
        """Move an open job (pending or running) and its answer, then settle the ticket.

        Returns (answer id, ticket id, ticket became ready), or None when the job is gone or
        already settled (idempotence: the first result stays).
        """

        def work(session: Session) -> tuple[int, int] | None:
            now = self._clock()
            row = session.execute(
                select(TranscriptionJob.answer_id, Answer.ticket_id)
                .join(Answer, Answer.id == TranscriptionJob.answer_id)
                .where(TranscriptionJob.id == job_id)
            ).one_or_none()
            if row is None:
                return None
            answer_id, ticket_id = row
            moved = session.execute(
                update(TranscriptionJob)
                .where(TranscriptionJob.id == job_id, TranscriptionJob.status.in_(OPEN_JOB))
                .values(locked_by=None, locked_at=None, updated_at=now, **job_values)
            )
            if rowcount(moved) == 0:
                return None
            if answer_values:
                session.execute(
                    update(Answer).where(Answer.id == answer_id).values(**answer_values)
                )
            return answer_id, ticket_id

        stored = self._tx.run(action, work, write=True)
        if stored is None:
            return None
        answer_id, ticket_id = stored
        return answer_id, ticket_id, self._settler.settle(ticket_id)

    def complete_job(
        self, job_id: int, transcript: Transcript | None, *, speech_seconds: float | None = None
    ) -> bool:
        """Store the job's result: ``transcript``, or None for an answer found to hold no speech.

        A transcript without any word also counts as no speech. Idempotent: returns False,
        changing nothing, when the job is already settled (or gone with its ticket).
        """
        answer = transcription_values(transcript, speech_seconds, self._clock())
        job = {"status": JobStatus.DONE.value, "last_error": None}
        result = self._settle_job(f"store transcription job {job_id}", job_id, job, answer)
        if result is None:
            logger.info("transcription job %d was already settled; kept its first result", job_id)
            return False
        answer_id, ticket_id, ready = result
        logger.info(
            "answer id %d transcribed: %s%s",
            answer_id,
            answer["transcription"],
            f"; ticket id {ticket_id} ready for operators" if ready else "",
        )
        if transcript is not None:
            logger.debug("answer id %d: %r", answer_id, transcript.text)
        return True

    def fail_job(
        self,
        job_id: int,
        error: str,
        retry_at: datetime | None,
        *,
        speech_seconds: float | None = None,
    ) -> bool:
        """An attempt failed: retry from ``retry_at``, or give up (None).

        Given up, the answer is ``failed`` with ``error`` (keep caller words out of it) and
        its ticket may become ``new``: the audio stays, marked "not transcribed". Idempotent
        like :meth:`complete_job`.
        """
        message = short_error(error)
        answer: dict[str, Any] = {}
        if speech_seconds is not None:
            answer["speech_seconds"] = float(speech_seconds)
        if retry_at is None:
            job: dict[str, Any] = {"status": JobStatus.FAILED.value, "last_error": message}
            answer.update(transcription=Transcription.FAILED.value, transcription_error=message)
        else:
            job = {
                "status": JobStatus.PENDING.value,
                "last_error": message,
                "next_attempt_at": retry_at,
            }
        result = self._settle_job(f"record failed transcription job {job_id}", job_id, job, answer)
        if result is None:
            return False
        answer_id, ticket_id, ready = result
        if retry_at is None:
            logger.error(
                "answer id %d left untranscribed: %s%s",
                answer_id,
                message,
                f"; ticket id {ticket_id} ready for operators" if ready else "",
            )
        else:
            logger.warning(
                "transcription of answer id %d failed, retried at %s: %s",
                answer_id,
                retry_at.isoformat(timespec="seconds"),
                message,
            )
        return True

    def requeue(self, ticket_id: int) -> builtins.list[int]:
        """Transcribe all the ticket's answers again (by hand); returns their ids.

        A ``new`` ticket goes back to ``transcribing`` until they are settled again. Raises
        :class:`TicketNotFound`.
        """
        return requeue_ticket(self._tx, ticket_id)

    def requeue_pending(self, *, include_failed: bool = False) -> builtins.list[int]:
        """Every answer still pending (and, if asked, every failed one), due now; their ids.

        Jobs waiting for a retry are due at once with a fresh count of attempts.
        """
        return requeue_pending(self._tx, include_failed=include_failed)

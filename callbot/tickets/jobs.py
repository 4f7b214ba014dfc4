"""Transcription jobs: the durable queue the transcription workers take their work from.

One job per answer, enqueued by :meth:`~callbot.tickets.repository.TicketRepository.add_answer`
in the answer's own transaction. Jobs are claimed race-free: SQLite's ``BEGIN IMMEDIATE`` lets
one writer claim at a time; PostgreSQL claims with ``SELECT ... FOR UPDATE SKIP LOCKED``.
Settling a job locks its ticket's row first, so two workers settling a ticket's last two
answers at once cannot both miss that the ticket is ready (:mod:`callbot.tickets.settle`).

:class:`JobQueries` is a part of :class:`~callbot.tickets.repository.TicketRepository`, kept
in a module of its own; it uses the repository's transaction runner, clock and settler.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from callbot.errors import TicketNotFound
from callbot.tickets.models import Answer, Ticket, TranscriptionJob
from callbot.tickets.records import AnswerRecord, JobRecord, answer_record, job_record
from callbot.tickets.rules import JobStatus, TicketStatus, Transcription, short_error
from callbot.tickets.settle import Settler
from callbot.tickets.transactions import rowcount

if TYPE_CHECKING:  # only its shape: the tickets never load the speech recognizer
    from callbot.speech.asr import Transcript

logger = logging.getLogger("callbot.tickets.repository")

OPEN_JOB = (JobStatus.PENDING.value, JobStatus.RUNNING.value)

T = TypeVar("T")


def lock_ticket(session: Session, ticket_id: int) -> str | None:
    """Lock the ticket's row until the transaction ends (PostgreSQL); its status, or None."""
    return session.scalar(select(Ticket.status).where(Ticket.id == ticket_id).with_for_update())


def reopen(session: Session, ticket_id: int, now: datetime) -> None:
    """A ``new`` ticket that has answers to transcribe again goes back to ``transcribing``."""
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.NEW.value)
        .values(status=TicketStatus.TRANSCRIBING.value, no_speech=False, updated_at=now)
    )


def transcription_values(
    transcript: Transcript | None, speech_seconds: float | None, now: datetime
) -> dict[str, Any]:
    """An answer's columns for a settled transcription: ``transcript``, or None (no speech).

    A transcript without any word also counts as no speech.
    """
    answer: dict[str, Any] = {"transcribed_at": now, "transcription_error": None}
    if speech_seconds is not None:
        answer["speech_seconds"] = float(speech_seconds)
    if transcript is None:
        answer.update(
            transcription=Transcription.NO_SPEECH.value,
            transcript=None,
            words=None,
            asr_model=None,
            decode_seconds=None,
        )
    else:
        heard = bool(transcript.text.strip())
        answer.update(
            transcription=(Transcription.DONE if heard else Transcription.NO_SPEECH).value,
            transcript=transcript.text,
            words=[
                {"word": w.word, "conf": w.conf, "start": w.start, "end": w.end}
                for w in transcript.words
            ],
            asr_model=transcript.model,
            decode_seconds=transcript.decode_seconds,
        )
    return answer


def new_job(answer_id: int, now: datetime) -> TranscriptionJob:
    return TranscriptionJob(
        answer_id=answer_id,
        status=JobStatus.PENDING.value,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )


class JobQueries:
    """The transcription-job queries of the ticket repository."""

    _clock: Callable[[], datetime]
    _settler: Settler

    def _run(self, action: str, work: Callable[[Session], T], *, write: bool = False) -> T:
        raise NotImplementedError  # TicketRepository runs it

    def answers(self, answer_ids: Collection[int]) -> dict[int, AnswerRecord]:
        """The answers with these ids that exist, by id."""
        ids = sorted(set(answer_ids))
        if not ids:
            return {}

        def work(session: Session) -> dict[int, AnswerRecord]:
            rows = session.scalars(select(Answer).where(Answer.id.in_(ids)))
            return {row.id: answer_record(row) for row in rows}

        return self._run("read answers", work)

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

        return self._run("read transcription jobs", work)

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

        if not self._run("look for transcription jobs", anything):
            return []

        def work(session: Session) -> builtins.list[JobRecord]:
            now = self._clock()
            ids = session.scalars(
                select(TranscriptionJob.id)
                .where(due(now))
                .order_by(TranscriptionJob.next_attempt_at, TranscriptionJob.id)
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
                .order_by(TranscriptionJob.next_attempt_at, TranscriptionJob.id)
                .execution_options(populate_existing=True)
            )
            return [job_record(job, answer) for job, answer in rows]

        return self._run("claim transcription jobs", work, write=True)

    def touch_jobs(self, worker_id: str) -> int:
        """Mark ``worker_id``'s running jobs as alive now (so they are not taken for stale)."""

        def work(session: Session) -> int:
            now = self._clock()
            touched = session.execute(
                update(TranscriptionJob)
                .where(
                    TranscriptionJob.status == JobStatus.RUNNING.value,
                    TranscriptionJob.locked_by == worker_id,
                )
                .values(locked_at=now, updated_at=now)
            )
            return rowcount(touched)

        return self._run("mark transcription jobs alive", work, write=True)

    def release_stale_jobs(self, older_than: timedelta, *, locked_by: str | None = None) -> int:
        """Running jobs not marked alive for ``older_than`` go back to ``pending``, due now.

        Their worker died (crash, kill, restart): this is how its work resumes. The attempt
        it had started stays counted, so an answer that kills its worker is not retried
        forever. ``locked_by`` limits this to one worker's jobs (a pool handing back its own
        at stop). Returns how many were released.
        """
        if older_than < timedelta(0):
            raise ValueError(f"older_than must not be negative, not {older_than}")

        def stale(now: datetime) -> ColumnElement[bool]:
            where = (TranscriptionJob.status == JobStatus.RUNNING.value) & (
                TranscriptionJob.locked_at <= now - older_than
            )
            return where if locked_by is None else where & (TranscriptionJob.locked_by == locked_by)

        def anything(session: Session) -> bool:
            found = session.scalar(select(TranscriptionJob.id).where(stale(self._clock())).limit(1))
            return found is not None

        if not self._run("look for stale transcription jobs", anything):
            return 0

        def work(session: Session) -> int:
            now = self._clock()
            released = session.execute(
                update(TranscriptionJob)
                .where(stale(now))
                .values(
                    status=JobStatus.PENDING.value,
                    locked_by=None,
                    locked_at=None,
                    next_attempt_at=now,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            return rowcount(released)

        count = self._run("release stale transcription jobs", work, write=True)
        if count:
            logger.warning("released %d transcription job(s) of a worker that stopped", count)
        return count

    def _settle_job(
        self,
        action: str,
        job_id: int,
        job_values: dict[str, Any],
        answer_values: dict[str, Any] | None,
    ) -> tuple[int, int, bool] | None:
        """Move an open job (pending or running) and its answer; settle the ticket.

        Returns (answer id, ticket id, ticket became new), or None when the job is gone or
        already settled (idempotence: the first result stays).
        """

        def work(session: Session) -> tuple[int, int, bool] | None:
            now = self._clock()
            row = session.execute(
                select(TranscriptionJob.answer_id, Answer.ticket_id)
                .join(Answer, Answer.id == TranscriptionJob.answer_id)
                .where(TranscriptionJob.id == job_id)
            ).one_or_none()
            if row is None:
                return None
            answer_id, ticket_id = row
            lock_ticket(session, ticket_id)
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
            return answer_id, ticket_id, self._settler.settle(session, ticket_id, now)

        return self._run(action, work, write=True)

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

    def _requeue(
        self, action: str, answers: Callable[[Session], Sequence[Answer]]
    ) -> builtins.list[int]:
        """Make these answers pending with a fresh job due now (running jobs are left alone).

        Returns the ids of the answers to wait for, running ones included.
        """

        def work(session: Session) -> builtins.list[int]:
            now = self._clock()
            chosen = answers(session)
            for ticket_id in sorted({a.ticket_id for a in chosen}):
                lock_ticket(session, ticket_id)
            jobs = {
                job.answer_id: job
                for job in session.scalars(
                    select(TranscriptionJob).where(
                        TranscriptionJob.answer_id.in_([a.id for a in chosen])
                    )
                )
            }
            reopened: set[int] = set()
            for answer in chosen:
                job = jobs.get(answer.id)
                if job is not None and job.status == JobStatus.RUNNING:
                    continue
                if job is None:
                    session.add(new_job(answer.id, now))
                else:
                    job.status = JobStatus.PENDING.value
                    job.attempts = 0
                    job.next_attempt_at = now
                    job.last_error = None
                    job.locked_by = job.locked_at = None
                    job.updated_at = now
                if answer.transcription != Transcription.PENDING:
                    answer.transcription = Transcription.PENDING.value
                    answer.transcript = answer.asr_model = answer.transcription_error = None
                    answer.words = None
                    answer.decode_seconds = None
                    answer.transcribed_at = None
                    reopened.add(answer.ticket_id)
            for ticket_id in reopened:
                reopen(session, ticket_id, now)
            session.flush()
            return [a.id for a in chosen]

        return self._run(action, work, write=True)

    def requeue(self, ticket_id: int) -> builtins.list[int]:
        """Transcribe all the ticket's answers again (by hand); returns their ids.

        A ``new`` ticket goes back to ``transcribing`` until they are settled again. Raises
        :class:`TicketNotFound`.
        """

        def answers(session: Session) -> Sequence[Answer]:
            if session.get(Ticket, ticket_id) is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            return session.scalars(
                select(Answer).where(Answer.ticket_id == ticket_id).order_by(Answer.id)
            ).all()

        ids = self._requeue(f"requeue the answers of ticket {ticket_id}", answers)
        logger.info("ticket id %d: %d answer(s) queued for transcription", ticket_id, len(ids))
        return ids

    def requeue_pending(self, *, include_failed: bool = False) -> builtins.list[int]:
        """Every answer still pending (and, if asked, every failed one), due now; their ids.

        Jobs waiting for a retry are due at once with a fresh count of attempts.
        """
        wanted = [Transcription.PENDING.value]
        if include_failed:
            wanted.append(Transcription.FAILED.value)

        def answers(session: Session) -> Sequence[Answer]:
            return session.scalars(
                select(Answer).where(Answer.transcription.in_(wanted)).order_by(Answer.id)
            ).all()

        ids = self._requeue("requeue pending transcriptions", answers)
        logger.info("%d answer(s) queued for transcription", len(ids))
        return ids

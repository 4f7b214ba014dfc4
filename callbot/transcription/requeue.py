"""Transcribing answers again: by hand (``callbot transcribe``), or every one still pending.

Each answer chosen gets a fresh job due now (a running one is left to its worker) and goes
back to ``pending``; a ``new`` ticket with such an answer goes back to ``transcribing`` until
the workers have settled it again (:mod:`callbot.transcription.jobs`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from callbot.errors import TicketNotFound
from callbot.tickets.answers import ENDED, lock_ticket, new_job, reopen
from callbot.tickets.models import Answer, Ticket, TranscriptionJob
from callbot.tickets.rules import JobStatus, Transcription
from callbot.tickets.transactions import Transactions

logger = logging.getLogger(__name__)


def _requeue(
    tx: Transactions, action: str, answers: Callable[[Session], Sequence[Answer]]
) -> list[int]:
    """Make these answers pending with a fresh job due now (running jobs are left alone).

    Returns the ids of the answers to wait for, running ones included.
    """

    def work(session: Session) -> list[int]:
        now = tx.clock()
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
                session.add(new_job(answer.id, now, live=False))
            else:
                job.status = JobStatus.PENDING.value
                job.attempts = 0
                job.next_attempt_at = now
                job.last_error = None
                job.locked_by = job.locked_at = None
                job.updated_at = now
                job.priority = ENDED  # by hand, or recovered: behind the callers on the line
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

    return tx.run(action, work, write=True)


def requeue_ticket(tx: Transactions, ticket_id: int) -> list[int]:
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

    ids = _requeue(tx, f"requeue the answers of ticket {ticket_id}", answers)
    logger.info("ticket id %d: %d answer(s) queued for transcription", ticket_id, len(ids))
    return ids


def requeue_pending(tx: Transactions, *, include_failed: bool = False) -> list[int]:
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

    ids = _requeue(tx, "requeue pending transcriptions", answers)
    logger.info("%d answer(s) queued for transcription", len(ids))
    return ids

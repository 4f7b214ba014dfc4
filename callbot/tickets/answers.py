"""An answer's rows: its transcription columns, its job, the ticket it may reopen.

Shared by the ticket repository (an answer recorded, with its transcription job, in one
transaction) and the transcription job queue (:mod:`callbot.transcription.jobs`: a result
stored), so both write an answer's transcription the same way.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.tickets.models import Answer, Ticket, TranscriptionJob
from callbot.tickets.rules import JobStatus, TicketStatus, Transcription

if TYPE_CHECKING:  # only its shape: the store never loads the speech recognizer
    from callbot.speech.asr import Transcript


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


LIVE, ENDED = 0, 1  # transcription_jobs.priority: the caller on the line, or the call over


def ended_call(session: Session, ticket_ids: Collection[int], now: datetime) -> None:
    """The calls of these tickets ended: their jobs still to do go behind those of callers
    still on the line."""
    if not ticket_ids:
        return
    session.execute(
        update(TranscriptionJob)
        .where(
            TranscriptionJob.answer_id.in_(
                select(Answer.id).where(Answer.ticket_id.in_(list(ticket_ids)))
            ),
            TranscriptionJob.priority == LIVE,
        )
        .values(priority=ENDED, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def new_job(answer_id: int, now: datetime, *, live: bool = True) -> TranscriptionJob:
    """The transcription job of a newly recorded answer: pending, due now; ``live`` while its
    caller is on the line (taken before the backlog of ended calls)."""
    return TranscriptionJob(
        answer_id=answer_id,
        status=JobStatus.PENDING.value,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
        priority=LIVE if live else ENDED,
    )

"""The ticket repository: the only place where ticket queries live.

Each method is one short transaction of its own, retried a few times if SQLite still reports
"database is locked" after its busy timeout; any other database failure becomes a
:class:`~callbot.errors.StorageError`. Methods return frozen records (:mod:`.records`), plain
data detached from any session. Writers start with ``BEGIN IMMEDIATE`` on SQLite (see
:mod:`callbot.tickets.db`), so writers never interleave there.

Caller data passed to :meth:`TicketRepository.create` is cleaned again here with the rules of
:mod:`callbot.tickets.service`, so nothing unsafe is stored whatever the caller passes.

Transcription jobs (one per answer, enqueued by :meth:`~TicketRepository.add_answer` in the
answer's own transaction) are claimed race-free: SQLite's ``BEGIN IMMEDIATE`` lets one writer
claim at a time; PostgreSQL claims with ``SELECT ... FOR UPDATE SKIP LOCKED``. Settling a job
locks its ticket's row first (a no-op on SQLite, where the write lock covers it), so two workers
settling a ticket's last two answers at once cannot both miss that the ticket is ready: the
rule "a ticket whose call ended and whose answers are all settled becomes ``new``" is applied
in the transaction of every change that can make it true.
"""

from __future__ import annotations

import builtins
import logging
import math
import secrets
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import ColumnElement, CursorResult, func, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from callbot.errors import TicketNotFound
from callbot.tickets.db import LOCK_RETRIES
from callbot.tickets.models import Answer, Ticket, TranscriptionJob, utc_now
from callbot.tickets.records import (
    AnswerRecord,
    JobRecord,
    TicketRecord,
    answer_record,
    job_record,
    ticket_record,
)
from callbot.tickets.service import (
    URGENCY_RANK,
    CallbackSource,
    EndedBy,
    EndReason,
    JobStatus,
    TicketOutcome,
    TicketStatus,
    Transcription,
    Urgency,
    sanitize_caller_name,
    sanitize_caller_number,
    sanitize_uniqueid,
    short_error,
    stored_raw,
    ticket_number,
    valid_ticket_number,
)
from callbot.tickets.settle import Settler
from callbot.tickets.transactions import Transactions

if TYPE_CHECKING:  # only its shape: the tickets never load the speech recognizer
    from callbot.speech.asr import Transcript

__all__ = ["AnswerRecord", "JobRecord", "TicketRecord", "TicketRepository"]

logger = logging.getLogger(__name__)

MAX_STEP = 64
MAX_AUDIO_PATH = 512
_OPEN_JOB = (JobStatus.PENDING.value, JobStatus.RUNNING.value)

T = TypeVar("T")


def _rowcount(result: Any) -> int:
    return cast(CursorResult[Any], result).rowcount


def _check_answer(step: str, audio_path: str, duration: float, ended_by: str, attempt: int) -> str:
    """Validate an answer's fields; returns the audio path in POSIX form."""
    if not step or len(step) > MAX_STEP:
        raise ValueError(f"step must be 1 to {MAX_STEP} characters, not {step!r}")
    EndedBy(ended_by)  # ValueError if unknown
    if attempt < 1:
        raise ValueError(f"attempt counts from 1, not {attempt}")
    if not math.isfinite(duration) or duration < 0:
        raise ValueError(f"duration_seconds must be a finite number >= 0, not {duration!r}")
    path = PurePath(audio_path)
    if not audio_path or path.is_absolute() or path.anchor or ".." in path.parts:
        raise ValueError(f"audio_path must be relative to the recordings root, not {audio_path!r}")
    posix = path.as_posix()
    if len(posix) > MAX_AUDIO_PATH:
        raise ValueError(f"audio_path is longer than {MAX_AUDIO_PATH} characters")
    return posix


def _lock_ticket(session: Session, ticket_id: int) -> str | None:
    """Lock the ticket's row until the transaction ends (PostgreSQL); its status, or None."""
    return session.scalar(select(Ticket.status).where(Ticket.id == ticket_id).with_for_update())


def _reopen(session: Session, ticket_id: int, now: datetime) -> None:
    """A ``new`` ticket that has answers to transcribe again goes back to ``transcribing``."""
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.NEW.value)
        .values(status=TicketStatus.TRANSCRIBING.value, no_speech=False, updated_at=now)
    )


def _transcription_values(
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


def _new_job(answer_id: int, now: datetime) -> TranscriptionJob:
    return TranscriptionJob(
        answer_id=answer_id,
        status=JobStatus.PENDING.value,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )


class TicketRepository:
    """Tickets, their answers and the answers' transcription jobs in the database."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utc_now,
        retries: int = LOCK_RETRIES,
        settler: Settler | None = None,
    ) -> None:
        self._sessions = sessions
        self._settler = settler or Settler()
        self._clock = clock
        self._tx = Transactions(sessions, clock=clock, retries=retries)

    def _run(self, action: str, work: Callable[[Session], T], *, write: bool = False) -> T:
        return self._tx.run(action, work, write=write)

    # -- tickets -------------------------------------------------------------------------------

    def create(
        self,
        caller_number: str,
        caller_name: str,
        caller_id_raw: str,
        channel_uniqueid: str,
        *,
        channel_linkedid: str = "",
    ) -> TicketRecord:
        """A new ticket "in_call" for the call on ``channel_uniqueid``, numbered from its id.

        ``caller_number`` and ``caller_name`` are sanitized here (clean values pass
        unchanged). ``caller_id_raw`` should be ``service.escape_raw(raw caller ID)``; a value
        that is not printable is escaped here (``service.stored_raw``). ``channel_linkedid``
        is Asterisk's ``CHANNEL(linkedid)``, tying the ticket to the call's other channels.
        """

        def work(session: Session) -> TicketRecord:
            now = self._clock()
            ticket = Ticket(
                # Unique placeholder, never a valid number: replaced below, before commit.
                number=f"new-{secrets.token_hex(8)}",
                created_at=now,
                updated_at=now,
                caller_number=sanitize_caller_number(caller_number),
                caller_name=sanitize_caller_name(caller_name),
                caller_id_raw=stored_raw(caller_id_raw),
                channel_uniqueid=sanitize_uniqueid(channel_uniqueid),
                channel_linkedid=sanitize_uniqueid(channel_linkedid),
                status=TicketStatus.IN_CALL.value,
            )
            session.add(ticket)
            session.flush()
            ticket.number = ticket_number(ticket.id)
            session.flush()
            return ticket_record(ticket, [])

        record = self._run("create a ticket", work, write=True)
        logger.info("ticket %s created (id %d)", record.number, record.id)
        logger.debug(
            "ticket %s: caller %r %r, raw %r",
            record.number,
            record.caller_number,
            record.caller_name,
            record.caller_id_raw,
        )
        return record

    def add_answer(
        self,
        ticket_id: int,
        step: str,
        audio_path: str,
        duration_seconds: float,
        ended_by: str,
        *,
        attempt: int = 1,
        transcribed: bool = False,
        transcript: Transcript | None = None,
        speech_seconds: float | None = None,
    ) -> AnswerRecord:
        """Record one answer and enqueue its transcription; ``last_step`` becomes ``step``.

        ``audio_path`` is relative to the recordings root. An answer added after the call
        ended (recovery from a journal) takes a ``new`` ticket back to ``transcribing``.
        ``transcribed``: the answer was already decoded on the call path (a closed answer:
        ``transcript``, or None for no speech); it is stored settled, with its job ``done``,
        so no worker decodes it a second time (``callbot transcribe`` can still redo it).
        Raises :class:`TicketNotFound`, :class:`StorageError` if this (step, attempt) is
        already recorded, and ``ValueError`` for malformed fields (a bug in the caller).
        """
        path = _check_answer(step, audio_path, duration_seconds, ended_by, attempt)

        def work(session: Session) -> AnswerRecord:
            now = self._clock()
            touched = session.execute(
                update(Ticket).where(Ticket.id == ticket_id).values(last_step=step, updated_at=now)
            )
            if _rowcount(touched) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            answer = Answer(
                ticket_id=ticket_id,
                step=step,
                attempt=attempt,
                audio_path=path,
                duration_seconds=float(duration_seconds),
                ended_by=EndedBy(ended_by).value,
                recorded_at=now,
                transcription=Transcription.PENDING.value,
            )
            if transcribed:
                for name, value in _transcription_values(transcript, speech_seconds, now).items():
                    setattr(answer, name, value)
            session.add(answer)
            session.flush()
            job = _new_job(answer.id, now)
            if transcribed:
                job.status, job.attempts = JobStatus.DONE.value, 1
            session.add(job)
            _reopen(session, ticket_id, now)
            session.flush()
            return answer_record(answer)

        record = self._run(f"record answer {step!r} of ticket {ticket_id}", work, write=True)
        logger.info(
            "ticket id %d: answer %s (attempt %d) recorded as answer id %d",
            ticket_id,
            step,
            attempt,
            record.id,
        )
        return record

    def finish(self, ticket_id: int, outcome: str, end_reason: str) -> None:
        """End the ticket's call: ``outcome`` "complete" or "ended_early", and why.

        The ticket goes to ``transcribing``, or straight to ``new`` when no answer is left to
        transcribe. Idempotent: a ticket already finished keeps its first outcome.
        """
        if outcome not in set(TicketOutcome):
            raise ValueError(f"outcome must be one of {sorted(TicketOutcome)}, not {outcome!r}")
        reason = EndReason(end_reason).value

        def work(session: Session) -> bool | None:
            now = self._clock()
            changed = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.IN_CALL.value)
                .values(
                    status=TicketStatus.TRANSCRIBING.value,
                    outcome=str(outcome),
                    end_reason=reason,
                    ended_at=now,
                    updated_at=now,
                )
            )
            if _rowcount(changed) > 0:
                return self._settler.settle(session, ticket_id, now)
            if session.get(Ticket, ticket_id) is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            return None

        ready = self._run(f"finish ticket {ticket_id}", work, write=True)
        if ready is None:
            logger.info("ticket id %d was already finished; kept its first outcome", ticket_id)
        else:
            logger.info(
                "ticket id %d finished: %s (%s); %s",
                ticket_id,
                outcome,
                reason,
                "ready for operators" if ready else "transcribing its answers",
            )

    def set_callback(self, ticket_id: int, number: str, source: str) -> None:
        """The number operators should call back (sanitized here) and where it came from."""
        dialable = sanitize_caller_number(number)
        origin = CallbackSource(source).value

        def work(session: Session) -> None:
            changed = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(callback_number=dialable, callback_source=origin, updated_at=self._clock())
            )
            if _rowcount(changed) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")

        self._run(f"set the callback number of ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d: callback number set (%s)", ticket_id, origin)
        logger.debug("ticket id %d: callback number %r", ticket_id, dialable)

    def flag_emergency(self, ticket_id: int, category: str | None) -> None:
        """The caller's need was understood as an emergency during the call: the ticket goes
        to the head of the operators' queue now (urgency emergency), whatever happens next."""

        def work(session: Session) -> None:
            changed = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(
                    urgency=Urgency.EMERGENCY.value,
                    urgency_rank=URGENCY_RANK[Urgency.EMERGENCY],
                    emergency=True,
                    category=category,
                    updated_at=self._clock(),
                )
            )
            if _rowcount(changed) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")

        self._run(f"flag ticket {ticket_id} as an emergency", work, write=True)
        logger.warning("ticket id %d flagged as an emergency during the call", ticket_id)

    def _one(self, action: str, where: ColumnElement[bool]) -> TicketRecord | None:
        def work(session: Session) -> TicketRecord | None:
            ticket = session.scalars(
                select(Ticket)
                .where(where)
                .order_by(Ticket.id.desc())
                .limit(1)
                .options(selectinload(Ticket.answers))
            ).one_or_none()
            return None if ticket is None else ticket_record(ticket, ticket.answers)

        return self._run(action, work)

    def get(self, ticket_id_or_number: int | str) -> TicketRecord:
        """The ticket with this id (an int) or number (a str, as callers quote it).

        Raises :class:`TicketNotFound`, also for a string that is not a well-formed number.
        """
        key = ticket_id_or_number
        if isinstance(key, str):
            number = key.strip()
            if not valid_ticket_number(number):
                raise TicketNotFound(f"{key!r} is not a ticket number (e.g. 0000018)")
            record = self._one(f"read ticket {number}", Ticket.number == number)
        else:
            record = self._one(f"read ticket id {key}", Ticket.id == key)
        if record is None:
            raise TicketNotFound(f"no ticket {key!r}")
        return record

    def by_uniqueid(self, uniqueid: str) -> TicketRecord | None:
        """The newest ticket made for the channel ``uniqueid``, if any."""
        return self._one(
            "find a ticket by channel", Ticket.channel_uniqueid == sanitize_uniqueid(uniqueid)
        )

    def by_linkedid(self, linkedid: str) -> TicketRecord | None:
        """The newest ticket of the call with Asterisk ``linkedid``, if any."""
        return self._one(
            "find a ticket by call", Ticket.channel_linkedid == sanitize_uniqueid(linkedid)
        )

    def list(self, limit: int = 50, status: str | None = None) -> builtins.list[TicketRecord]:
        """Up to ``limit`` tickets, newest first, optionally only those with ``status``."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        query = select(Ticket).order_by(Ticket.id.desc()).limit(limit)
        if status is not None:
            query = query.where(Ticket.status == TicketStatus(status).value)
        query = query.options(selectinload(Ticket.answers))

        def work(session: Session) -> builtins.list[TicketRecord]:
            return [ticket_record(t, t.answers) for t in session.scalars(query)]

        return self._run("list tickets", work)

    def count(self) -> int:
        """How many tickets there are."""

        def work(session: Session) -> int:
            return session.scalar(select(func.count()).select_from(Ticket)) or 0

        return self._run("count tickets", work)

    def close_stale(self, older_than: timedelta) -> int:
        """Close tickets still "in_call" not updated for ``older_than``: the server died mid-call.

        Their outcome becomes "ended_early" / "interrupted", ended at their last update; they
        go on to ``transcribing`` (or ``new``) like any finished call. Returns how many.
        """
        if older_than < timedelta(0):
            raise ValueError(f"older_than must not be negative, not {older_than}")

        def work(session: Session) -> int:
            now = self._clock()
            stale = session.scalars(
                select(Ticket.id).where(
                    Ticket.status == TicketStatus.IN_CALL.value,
                    Ticket.updated_at < now - older_than,
                )
            ).all()
            for ticket_id in stale:
                session.execute(
                    update(Ticket)
                    .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.IN_CALL.value)
                    .values(
                        status=TicketStatus.TRANSCRIBING.value,
                        outcome=TicketOutcome.ENDED_EARLY.value,
                        end_reason=EndReason.INTERRUPTED.value,
                        ended_at=Ticket.updated_at,
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                )
                self._settler.settle(session, ticket_id, now)
            return len(stale)

        count = self._run("close interrupted tickets", work, write=True)
        if count:
            logger.info("closed %d tickets left in_call by interrupted calls", count)
        return count

    # -- transcription ---------------------------------------------------------------------------

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
            return _rowcount(touched)

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
            return _rowcount(released)

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
            _lock_ticket(session, ticket_id)
            moved = session.execute(
                update(TranscriptionJob)
                .where(TranscriptionJob.id == job_id, TranscriptionJob.status.in_(_OPEN_JOB))
                .values(locked_by=None, locked_at=None, updated_at=now, **job_values)
            )
            if _rowcount(moved) == 0:
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
        answer = _transcription_values(transcript, speech_seconds, self._clock())
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
                _lock_ticket(session, ticket_id)
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
                    session.add(_new_job(answer.id, now))
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
                _reopen(session, ticket_id, now)
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

"""The ticket repository: tickets and their answers in the database.

Each method is one short transaction of its own, retried a few times if SQLite still reports
"database is locked" after its busy timeout; any other database failure becomes a
:class:`~callbot.errors.StorageError`. Methods return frozen records (:mod:`.records`), plain
data detached from any session. Writers start with ``BEGIN IMMEDIATE`` on SQLite (see
:mod:`callbot.tickets.db`), so writers never interleave there.

A ticket is made for a :class:`~callbot.tickets.caller.Caller`, whose values were cleaned when
it was made. Every answer recorded also enqueues its transcription job, in the answer's own
transaction (the queue itself is :mod:`callbot.transcription.jobs`). Ending a call
(:meth:`TicketRepository.finish`) moves the ticket to ``transcribing``; making it ready for the
operators is the settle step's (:mod:`callbot.routing.settle`), which its callers run next.
"""

from __future__ import annotations

import builtins
import logging
import math
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from callbot.errors import TicketNotFound
from callbot.tickets.answers import ended_call, new_job, reopen, transcription_values
from callbot.tickets.caller import Caller, sanitize_caller_number, sanitize_uniqueid
from callbot.tickets.db import LOCK_RETRIES
from callbot.tickets.models import Answer, Ticket, utc_now
from callbot.tickets.records import (
    AnswerRecord,
    JobRecord,
    TicketRecord,
    answer_record,
    ticket_record,
)
from callbot.tickets.rules import (
    URGENCY_RANK,
    CallbackSource,
    EndedBy,
    EndReason,
    JobStatus,
    TicketOutcome,
    TicketStatus,
    Transcription,
    Urgency,
    ticket_number,
    valid_ticket_number,
)
from callbot.tickets.transactions import Transactions, rowcount

if TYPE_CHECKING:  # only its shape: the store never loads the speech recognizer
    from callbot.speech.asr import Transcript

__all__ = ["AnswerRecord", "JobRecord", "TicketRecord", "TicketRepository"]

logger = logging.getLogger(__name__)

MAX_STEP = 64
MAX_AUDIO_PATH = 512

T = TypeVar("T")


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


class TicketRepository:
    """Tickets and their answers in the database."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utc_now,
        retries: int = LOCK_RETRIES,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._tx = Transactions(sessions, clock=clock, retries=retries)

    @property
    def transactions(self) -> Transactions:
        """The transaction runner (and clock) this repository writes with."""
        return self._tx

    def _run(self, action: str, work: Callable[[Session], T], *, write: bool = False) -> T:
        return self._tx.run(action, work, write=write)

    # -- tickets -------------------------------------------------------------------------------

    def create(self, caller: Caller, *, node: str | None = None) -> TicketRecord:
        """A new ticket "in_call" for ``caller``'s call, numbered from its id.

        ``caller.linkedid`` is Asterisk's ``CHANNEL(linkedid)``, tying the ticket to the call's
        other channels. ``node`` is the id of the node serving the call (``nodes.id``): if it
        stops beating, another node finishes the ticket. Numbers come from the database's own
        id sequence, so they are unique across every machine sharing the database.
        """

        def work(session: Session) -> TicketRecord:
            now = self._clock()
            ticket = Ticket(
                # Unique placeholder, never a valid number: replaced below, before commit.
                number=f"new-{secrets.token_hex(8)}",
                created_at=now,
                updated_at=now,
                caller_number=caller.number,
                caller_name=caller.name,
                caller_id_raw=caller.id_raw,
                channel_uniqueid=caller.uniqueid,
                channel_linkedid=caller.linkedid,
                status=TicketStatus.IN_CALL.value,
                node=node,
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
            if rowcount(touched) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            status = session.scalar(select(Ticket.status).where(Ticket.id == ticket_id))
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
                for name, value in transcription_values(transcript, speech_seconds, now).items():
                    setattr(answer, name, value)
            session.add(answer)
            session.flush()
            job = new_job(answer.id, now, live=status == TicketStatus.IN_CALL)
            if transcribed:
                job.status, job.attempts = JobStatus.DONE.value, 1
            session.add(job)
            reopen(session, ticket_id, now)
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

    def finish(self, ticket_id: int, outcome: str, end_reason: str) -> bool:
        """End the ticket's call: ``outcome`` "complete" or "ended_early", and why.

        The ticket goes to ``transcribing``; the settle step makes it ready for operators once
        no answer is left to transcribe (at once when none is). Returns whether this ended
        it: False when it was already finished (it keeps its first outcome).
        """
        if outcome not in set(TicketOutcome):
            raise ValueError(f"outcome must be one of {sorted(TicketOutcome)}, not {outcome!r}")
        reason = EndReason(end_reason).value

        def work(session: Session) -> bool:
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
            if rowcount(changed) > 0:
                ended_call(session, [ticket_id], now)
                return True
            if session.get(Ticket, ticket_id) is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            return False

        ended = self._run(f"finish ticket {ticket_id}", work, write=True)
        if ended:
            logger.info("ticket id %d finished: %s (%s)", ticket_id, outcome, reason)
        else:
            logger.info("ticket id %d was already finished; kept its first outcome", ticket_id)
        return ended

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
            if rowcount(changed) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")

        self._run(f"set the callback number of ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d: callback number set (%s)", ticket_id, origin)
        logger.debug("ticket id %d: callback number %r", ticket_id, dialable)

    def flag_emergency(
        self, ticket_id: int, category: str | None, service: str | None = None
    ) -> None:
        """The caller's need was understood as an emergency during the call: the ticket goes
        to the head of the operators' queue now (urgency emergency), whatever happens next.
        ``service`` is the number the caller was told ("115", "114", "113")."""

        def work(session: Session) -> None:
            values: dict[str, Any] = {
                "urgency": Urgency.EMERGENCY.value,
                "urgency_rank": URGENCY_RANK[Urgency.EMERGENCY],
                "emergency": True,
                "category": category,
                "updated_at": self._clock(),
            }
            if service is not None:
                values["emergency_service"] = service
            changed = session.execute(update(Ticket).where(Ticket.id == ticket_id).values(**values))
            if rowcount(changed) == 0:
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
        """The newest ticket made for the channel ``uniqueid`` (looked up as stored), if any."""
        return self._one(
            "find a ticket by channel", Ticket.channel_uniqueid == sanitize_uniqueid(uniqueid)
        )

    def by_linkedid(self, linkedid: str) -> TicketRecord | None:
        """The newest ticket of the call with Asterisk ``linkedid`` (looked up as stored)."""
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
        go on to ``transcribing`` like any finished call (the settle step follows:
        :meth:`~callbot.routing.settle.Settler.settle_waiting`). Returns how many.
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
            ended_call(session, stale, now)
            return len(stale)

        count = self._run("close interrupted tickets", work, write=True)
        if count:
            logger.info("closed %d tickets left in_call by interrupted calls", count)
        return count

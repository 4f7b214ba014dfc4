"""The ticket repository: the only place where ticket queries live.

Each method is one short transaction of its own, retried a few times if SQLite still reports
"database is locked" after its busy timeout; any other database failure becomes a
:class:`~callbot.errors.StorageError`. Methods return frozen records, plain data detached from
any session. Writers start with ``BEGIN IMMEDIATE`` on SQLite (see :mod:`callbot.tickets.db`).

Caller data passed to :meth:`TicketRepository.create` is cleaned again here with the rules of
:mod:`callbot.tickets.service`, so nothing unsafe is stored whatever the caller passes.
"""

from __future__ import annotations

import builtins
import logging
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any, TypeVar, cast

from sqlalchemy import URL, ColumnElement, CursorResult, Engine, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from callbot.errors import TicketNotFound
from callbot.tickets.db import LOCK_RETRIES, WRITE, retry_when_locked, storage_error
from callbot.tickets.models import Answer, Ticket, utc_now
from callbot.tickets.service import (
    FINAL_STATUSES,
    EndedBy,
    EndReason,
    TicketStatus,
    sanitize_caller_name,
    sanitize_caller_number,
    sanitize_uniqueid,
    stored_raw,
    ticket_number,
    valid_ticket_number,
)

logger = logging.getLogger(__name__)

MAX_STEP = 64
MAX_AUDIO_PATH = 512

T = TypeVar("T")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


@dataclass(frozen=True)
class AnswerRecord:
    """One recorded answer, as stored."""

    id: int
    ticket_id: int
    step: str
    attempt: int
    audio_path: str  # relative to the recordings root (StorageConfig.recordings_dir)
    duration_seconds: float
    ended_by: str
    recorded_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class TicketRecord:
    """One ticket with its answers (oldest first), as stored."""

    id: int
    number: str
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None
    caller_number: str
    caller_name: str
    caller_id_raw: str
    channel_uniqueid: str
    channel_linkedid: str
    status: str
    end_reason: str | None
    last_step: str | None
    answers: tuple[AnswerRecord, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset, answers as a list."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


def _answer_record(answer: Answer) -> AnswerRecord:
    return AnswerRecord(
        id=answer.id,
        ticket_id=answer.ticket_id,
        step=answer.step,
        attempt=answer.attempt,
        audio_path=answer.audio_path,
        duration_seconds=answer.duration_seconds,
        ended_by=answer.ended_by,
        recorded_at=answer.recorded_at,
    )


def _ticket_record(ticket: Ticket, answers: builtins.list[Answer]) -> TicketRecord:
    return TicketRecord(
        id=ticket.id,
        number=ticket.number,
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        ended_at=ticket.ended_at,
        caller_number=ticket.caller_number,
        caller_name=ticket.caller_name,
        caller_id_raw=ticket.caller_id_raw,
        channel_uniqueid=ticket.channel_uniqueid,
        channel_linkedid=ticket.channel_linkedid,
        status=ticket.status,
        end_reason=ticket.end_reason,
        last_step=ticket.last_step,
        answers=tuple(_answer_record(answer) for answer in answers),
    )


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


class TicketRepository:
    """Tickets and their answers in the database behind ``sessions``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utc_now,
        retries: int = LOCK_RETRIES,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._retries = retries
        bind = sessions.kw.get("bind")
        self._url: URL | str = bind.url if isinstance(bind, Engine) else "(unnamed)"

    def _run(self, action: str, work: Callable[[Session], T], *, write: bool = False) -> T:
        def once() -> T:
            with self._sessions() as session, session.begin():
                if write:
                    session.connection(execution_options=WRITE)
                return work(session)

        try:
            return retry_when_locked(action, once, self._retries)
        except SQLAlchemyError as exc:
            raise storage_error(self._url, action, exc) from exc

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
            return _ticket_record(ticket, [])

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
    ) -> None:
        """Record one answer; the ticket's ``last_step`` becomes ``step``.

        ``audio_path`` is relative to the recordings root. Raises :class:`TicketNotFound`,
        :class:`StorageError` if this (step, attempt) is already recorded, and
        ``ValueError`` for malformed fields (a bug in the caller).
        """
        path = _check_answer(step, audio_path, duration_seconds, ended_by, attempt)

        def work(session: Session) -> None:
            now = self._clock()
            touched = session.execute(
                update(Ticket).where(Ticket.id == ticket_id).values(last_step=step, updated_at=now)
            )
            if _rowcount(touched) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            session.add(
                Answer(
                    ticket_id=ticket_id,
                    step=step,
                    attempt=attempt,
                    audio_path=path,
                    duration_seconds=float(duration_seconds),
                    ended_by=EndedBy(ended_by).value,
                    recorded_at=now,
                )
            )
            session.flush()

        self._run(f"record answer {step!r} of ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d: answer %s (attempt %d) recorded", ticket_id, step, attempt)

    def finish(self, ticket_id: int, status: str, end_reason: str) -> None:
        """End the ticket's call: ``status`` "complete" or "ended_early", and why.

        Idempotent: a ticket already finished keeps its first outcome.
        """
        if status not in FINAL_STATUSES:
            raise ValueError(f"status must be one of {sorted(FINAL_STATUSES)}, not {status!r}")
        reason = EndReason(end_reason).value

        def work(session: Session) -> bool:
            now = self._clock()
            changed = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.IN_CALL.value)
                .values(status=str(status), end_reason=reason, ended_at=now, updated_at=now)
            )
            if _rowcount(changed) > 0:
                return True
            if session.get(Ticket, ticket_id) is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            return False

        if self._run(f"finish ticket {ticket_id}", work, write=True):
            logger.info("ticket id %d finished: %s (%s)", ticket_id, status, reason)
        else:
            logger.info("ticket id %d was already finished; kept its first outcome", ticket_id)

    def _one(self, action: str, where: ColumnElement[bool]) -> TicketRecord | None:
        def work(session: Session) -> TicketRecord | None:
            ticket = session.scalars(
                select(Ticket)
                .where(where)
                .order_by(Ticket.id.desc())
                .limit(1)
                .options(selectinload(Ticket.answers))
            ).one_or_none()
            return None if ticket is None else _ticket_record(ticket, ticket.answers)

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
            return [_ticket_record(t, t.answers) for t in session.scalars(query)]

        return self._run("list tickets", work)

    def count(self) -> int:
        """How many tickets there are."""

        def work(session: Session) -> int:
            return session.scalar(select(func.count()).select_from(Ticket)) or 0

        return self._run("count tickets", work)

    def close_stale(self, older_than: timedelta) -> int:
        """Close tickets still "in_call" not updated for ``older_than``: the server died mid-call.

        They become "ended_early" / "interrupted", ended at their last update. Returns how
        many were closed.
        """
        if older_than < timedelta(0):
            raise ValueError(f"older_than must not be negative, not {older_than}")

        def work(session: Session) -> int:
            now = self._clock()
            closed = session.execute(
                update(Ticket)
                .where(
                    Ticket.status == TicketStatus.IN_CALL.value,
                    Ticket.updated_at < now - older_than,
                )
                .values(
                    status=TicketStatus.ENDED_EARLY.value,
                    end_reason=EndReason.INTERRUPTED.value,
                    ended_at=Ticket.updated_at,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            return _rowcount(closed)

        count = self._run("close interrupted tickets", work, write=True)
        if count:
            logger.info("closed %d tickets left in_call by interrupted calls", count)
        return count

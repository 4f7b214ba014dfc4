"""Written tickets in the store: a written request's ticket, fields, photos and submission in one
transaction; its photos, its public facts and a number's recent requests read back.

A written ticket is made already ended (``transcribing``, outcome ``complete``): each field is
an answer whose text is its transcript (``ended_by`` ``written``, no audio, no transcription
job), so the settle step (:mod:`callbot.routing.settle`), which its caller runs next, makes it
``new`` or ``merged`` exactly as it does a call. The callback number is the one written,
already checked (:mod:`callbot.intake.fields`).

A limit per callback number (written requests in the last hour) is checked in the same
transaction, after the idempotency key: a retry of a stored request is never refused.

Idempotency: a request sent with a key (``submissions.scope`` + ``idempotency_key``, unique
together) is stored once; the same key again gives the ticket stored the first time when the
request is the same (same ``request_hash``), :class:`~callbot.errors.RequestConflict` when it
is not. Two requests with one key at once: one inserts, the other's unique violation sends it
to read the winner's ticket.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callbot.errors import RequestConflict, StorageError, TooManyRequests
from callbot.tickets.caller import Caller
from callbot.tickets.facts import PublicFacts, read_facts
from callbot.tickets.models import (
    Answer,
    Attachment,
    Submission,
    Ticket,
    UtcDateTime,
)
from callbot.tickets.records import AttachmentRecord, attachment_record
from callbot.tickets.rules import (
    CallbackSource,
    Channel,
    EndedBy,
    EndReason,
    TicketOutcome,
    TicketStatus,
    Transcription,
    ticket_number,
)
from callbot.tickets.transactions import Transactions

logger = logging.getLogger(__name__)


# Built once (a written request is a hot path): the values come as parameters.
_INSERT_TICKET = insert(Ticket).returning(Ticket.id)
_SET_NUMBER = (
    update(Ticket).where(Ticket.id == bindparam("ticket")).values(number=bindparam("value"))
)
_INSERT_ANSWERS = insert(Answer).returning(Answer.id, Answer.step, sort_by_parameter_order=True)
_INSERT_SUBMISSION = insert(Submission)
_INSERT_ATTACHMENTS = insert(Attachment)
_FIND_KEY = select(Submission.ticket_id, Submission.request_hash).where(
    Submission.scope == bindparam("scope"), Submission.idempotency_key == bindparam("key")
)
_COUNT_WRITTEN = (
    select(func.count())
    .select_from(Ticket)
    .where(
        Ticket.callback_number == bindparam("number"),
        Ticket.created_at >= bindparam("since", type_=UtcDateTime()),
        Ticket.channel != Channel.CALL.value,
    )
)


@dataclass(frozen=True)
class WrittenField:
    """One field of a written request, as an answer: the dialog's step name and the text."""

    step: str  # name, address, ward, need
    text: str


@dataclass(frozen=True)
class PhotoFile:
    """A photo already checked and written beside the recordings (path relative to them)."""

    path: str
    content_type: str
    size_bytes: int
    width: int
    height: int
    sha256: str


@dataclass(frozen=True)
class SubmissionInfo:
    """How a written request was sent (the ``submissions`` row)."""

    channel: Channel
    scope: str  # "web", "api:<key id>": where an idempotency key is unique
    request_hash: str
    idempotency_key: str | None = None
    api_key_id: int | None = None
    # At most this many written requests from one callback number since ``limit_since``
    # (None: no limit); checked in the storing transaction, after the idempotency key.
    limit: int | None = None
    limit_since: datetime | None = None
    early: bool = False  # handed to the operators before every question was answered (chat)


@dataclass(frozen=True)
class Stored:
    """A written request's ticket, and whether this request made it (False: a retry)."""

    id: int
    number: str
    channel: str
    urgency: str | None  # a retry's, as stored; a new ticket's is what its settle returned
    created: bool


# Run in the storing transaction once the ticket and its answers are inserted: the settle step
# (``routing``'s, passed in: the store knows nothing of it), given the new ticket (its number
# not yet stored: the settle's update must set it) and its answers' ids by step. Returns the
# ticket's urgency.
SettleHook = Callable[[Session, Ticket, Mapping[str, int], datetime], str]


class WrittenTickets:
    """Written requests' tickets in the store."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions
        bind = transactions.sessions.kw.get("bind")
        # SQLite has one writer at a time and a waiting writer sleeps in its busy handler:
        # this process's writers queue here instead, woken as soon as the last one commits.
        sqlite = getattr(getattr(bind, "dialect", None), "name", "") == "sqlite"
        self._write_lock: threading.Lock | contextlib.nullcontext[None] = (
            threading.Lock() if sqlite else contextlib.nullcontext()
        )

    def create(
        self,
        caller: Caller,
        callback_number: str | None,
        fields: Sequence[WrittenField],
        photos: Sequence[PhotoFile],
        submission: SubmissionInfo,
        *,
        settle: SettleHook | None = None,
    ) -> Stored:
        """Store a written request (its ticket, fields, photos, submission) in one transaction,
        settled in it by ``settle``; or find the ticket an earlier request with the same
        idempotency key made (not settled again). A request without a callback number (a
        chat handed to the operators early) is answered in its channel."""
        try:
            with self._write_lock:
                return self._tx.run(
                    "store a written request",
                    lambda s: self._create(
                        s,
                        caller,
                        callback_number,
                        fields,
                        photos=photos,
                        submission=submission,
                        settle=settle,
                    ),
                    write=True,
                )
        except StorageError as exc:
            if not isinstance(exc.__cause__, IntegrityError) or submission.idempotency_key is None:
                raise
        # Another request with this key won the insert meanwhile: its ticket is the answer.
        found = self._tx.run("find a written request", lambda s: _existing(s, submission))
        if found is None:
            raise StorageError("a written request could not be stored nor found; send it again")
        return found

    def _create(
        self,
        session: Session,
        caller: Caller,
        callback_number: str | None,
        fields: Sequence[WrittenField],
        *,
        photos: Sequence[PhotoFile],
        submission: SubmissionInfo,
        settle: SettleHook | None,
    ) -> Stored:
        found = _existing(session, submission)
        if found is not None:
            return found
        if submission.limit is not None and submission.limit_since is not None and callback_number:
            sent = _written_since(session, callback_number, submission.limit_since)
            if sent >= submission.limit:
                raise TooManyRequests(
                    f"{sent} written requests from this number since "
                    f"{submission.limit_since:%H:%M} UTC; try again later"
                )
        now = self._tx.clock()
        channel = Channel(submission.channel).value
        # Core statements, not the ORM's unit of work: a written request is a hot path
        # (hundreds a second), and these are plain inserts.
        connection = session.connection()  # Core: not the ORM's bulk machinery
        ticket_id = connection.execute(
            _INSERT_TICKET,
            {
                "number": f"new-{secrets.token_hex(8)}",  # replaced below, before commit
                "created_at": now,
                "updated_at": now,
                "ended_at": now,
                "caller_number": caller.number,
                "caller_name": caller.name,
                "caller_id_raw": caller.id_raw,
                "channel_uniqueid": caller.uniqueid,
                "channel_linkedid": caller.linkedid or caller.uniqueid,
                "status": TicketStatus.TRANSCRIBING.value,
                "outcome": (
                    TicketOutcome.ENDED_EARLY if submission.early else TicketOutcome.COMPLETE
                ).value,
                "end_reason": (
                    EndReason.TO_QUEUE if submission.early else EndReason.COMPLETED
                ).value,
                "last_step": fields[-1].step if fields else None,
                "callback_number": callback_number or None,
                "callback_source": CallbackSource.WRITTEN.value if callback_number else None,
                "channel": channel,
            },
        ).scalar_one()
        number = ticket_number(ticket_id)
        ids = {
            step: answer_id
            for answer_id, step in connection.execute(
                _INSERT_ANSWERS, [_written_answer(ticket_id, field, now) for field in fields]
            )
        }
        if photos:
            connection.execute(
                _INSERT_ATTACHMENTS,
                [_attachment(ticket_id, i, photo, now) for i, photo in enumerate(photos, 1)],
            )
        connection.execute(
            _INSERT_SUBMISSION,
            {
                "ticket_id": ticket_id,
                "channel": channel,
                "scope": submission.scope,
                "idempotency_key": submission.idempotency_key,
                "request_hash": submission.request_hash,
                "api_key_id": submission.api_key_id,
                "created_at": now,
            },
        )
        urgency = None
        if settle is not None:
            # What the settle step reads of the new ticket (a detached row, never flushed).
            made = Ticket(
                id=ticket_id,
                number=number,
                callback_number=callback_number,
                channel=channel,
                urgency="normal",
                urgency_rank=2,
                emergency=False,
            )
            urgency = settle(session, made, ids, now)  # its update sets the number too
        else:
            connection.execute(_SET_NUMBER, {"ticket": ticket_id, "value": number})
        logger.info("written request stored: ticket %s (%s)", number, channel)
        return Stored(ticket_id, number, channel, urgency, created=True)

    def attachments(self, ticket_ids: Sequence[int]) -> builtins.list[AttachmentRecord]:
        """The photos of these tickets, by ticket then position."""
        if not ticket_ids:
            return []

        def work(session: Session) -> builtins.list[AttachmentRecord]:
            rows = session.scalars(
                select(Attachment)
                .where(Attachment.ticket_id.in_(list(ticket_ids)))
                .order_by(Attachment.ticket_id, Attachment.position)
            )
            return [attachment_record(row) for row in rows]

        return self._tx.run("read a ticket's photos", work)

    def facts(self, number: str) -> PublicFacts | None:
        """What the status of ticket ``number`` is decided from; None when there is none."""
        return self._tx.run(f"read the status of ticket {number}", lambda s: read_facts(s, number))


def _written_since(session: Session, callback_number: str, since: datetime) -> int:
    """Written requests (not calls) with this callback number created since ``since``."""
    counted = session.connection().execute(
        _COUNT_WRITTEN, {"number": callback_number, "since": since}
    )
    return int(counted.scalar() or 0)


def _existing(session: Session, submission: SubmissionInfo) -> Stored | None:
    if submission.idempotency_key is None:
        return None
    row = (
        session.connection()
        .execute(_FIND_KEY, {"scope": submission.scope, "key": submission.idempotency_key})
        .one_or_none()
    )
    if row is None:
        return None
    ticket_id, request_hash = row
    if request_hash != submission.request_hash:
        raise RequestConflict(
            "this Idempotency-Key was already used for a different request; "
            "send a retry unchanged, or a new request with a new key"
        )
    number, channel, urgency = session.execute(
        select(Ticket.number, Ticket.channel, Ticket.urgency).where(Ticket.id == ticket_id)
    ).one()
    return Stored(ticket_id, number, channel, urgency, created=False)


def _written_answer(ticket_id: int, field: WrittenField, now: datetime) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "step": field.step,
        "attempt": 1,
        "audio_path": "",
        "duration_seconds": 0.0,
        "ended_by": EndedBy.WRITTEN.value,
        "recorded_at": now,
        "transcription": Transcription.DONE.value,
        "transcript": field.text,
        "words": None,
        "transcribed_at": now,
    }


def _attachment(ticket_id: int, position: int, photo: PhotoFile, now: datetime) -> dict[str, Any]:
    return dict(
        ticket_id=ticket_id,
        position=position,
        path=photo.path,
        content_type=photo.content_type,
        size_bytes=photo.size_bytes,
        width=photo.width,
        height=photo.height,
        sha256=photo.sha256,
        created_at=now,
    )

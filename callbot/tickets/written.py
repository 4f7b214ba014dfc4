"""Written tickets in the store: a written request's ticket, fields, photos and submission in one
transaction; its photos, its public facts and a number's recent requests read back.

A written ticket is made already ended (``transcribing``, outcome ``complete``): each field is
an answer whose text is its transcript (``ended_by`` ``written``, no audio, no transcription
job), so the settle step (:mod:`callbot.routing.settle`), which its caller runs next, makes it
``new`` or ``merged`` exactly as it does a call. The callback number is the one written,
already checked (:mod:`callbot.intake.fields`).

Idempotency: a request sent with a key (``submissions.scope`` + ``idempotency_key``, unique
together) is stored once; the same key again gives the ticket stored the first time when the
request is the same (same ``request_hash``), :class:`~callbot.errors.RequestConflict` when it
is not. Two requests with one key at once: one inserts, the other's unique violation sends it
to read the winner's ticket.
"""

from __future__ import annotations

import builtins
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from callbot.errors import RequestConflict, StorageError
from callbot.tickets.caller import Caller
from callbot.tickets.models import Answer, Attachment, Submission, Ticket, TicketEvent
from callbot.tickets.records import (
    AttachmentRecord,
    TicketRecord,
    attachment_record,
    ticket_record,
)
from callbot.tickets.rules import (
    CallbackSource,
    Channel,
    EndedBy,
    EndReason,
    EventAction,
    TicketOutcome,
    TicketStatus,
    Transcription,
    ticket_number,
)
from callbot.tickets.transactions import Transactions

logger = logging.getLogger(__name__)

MAX_HOPS = 5  # merged into a ticket merged into another...: links followed at most


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


@dataclass(frozen=True)
class Stored:
    """A written request's ticket, and whether this request made it (False: a retry)."""

    ticket: TicketRecord
    created: bool


@dataclass(frozen=True)
class PublicFacts:
    """What a citizen's status lookup is decided from (the ticket's links followed)."""

    number: str  # the number asked for
    status: str  # of the ticket that stands for it now (the one it was merged into)
    callback_number: str | None  # of the ticket asked for
    caller_number: str
    claimed_ever: bool  # someone has taken it since it was last referred
    referred: bool  # handed to another unit and not taken there yet


class WrittenTickets:
    """Written requests' tickets in the store."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def create(
        self,
        caller: Caller,
        callback_number: str,
        fields: Sequence[WrittenField],
        photos: Sequence[PhotoFile],
        submission: SubmissionInfo,
    ) -> Stored:
        """Store a written request (its ticket, fields, photos, submission) in one transaction,
        or find the ticket an earlier request with the same idempotency key made."""
        try:
            return self._tx.run(
                "store a written request",
                lambda s: self._create(
                    s, caller, callback_number, fields, photos=photos, submission=submission
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
        callback_number: str,
        fields: Sequence[WrittenField],
        *,
        photos: Sequence[PhotoFile],
        submission: SubmissionInfo,
    ) -> Stored:
        found = _existing(session, submission)
        if found is not None:
            return found
        now = self._tx.clock()
        ticket = Ticket(
            number=f"new-{secrets.token_hex(8)}",  # replaced below, before commit
            created_at=now,
            updated_at=now,
            ended_at=now,
            caller_number=caller.number,
            caller_name=caller.name,
            caller_id_raw=caller.id_raw,
            channel_uniqueid=caller.uniqueid,
            channel_linkedid=caller.linkedid or caller.uniqueid,
            status=TicketStatus.TRANSCRIBING.value,
            outcome=TicketOutcome.COMPLETE.value,
            end_reason=EndReason.COMPLETED.value,
            last_step=fields[-1].step if fields else None,
            callback_number=callback_number,
            callback_source=CallbackSource.WRITTEN.value,
            channel=Channel(submission.channel).value,
        )
        session.add(ticket)
        session.flush()
        ticket.number = ticket_number(ticket.id)
        for field in fields:
            session.add(_written_answer(ticket.id, field, now))
        for position, photo in enumerate(photos, 1):
            session.add(_attachment(ticket.id, position, photo, now))
        session.add(
            Submission(
                ticket_id=ticket.id,
                channel=ticket.channel,
                scope=submission.scope,
                idempotency_key=submission.idempotency_key,
                request_hash=submission.request_hash,
                api_key_id=submission.api_key_id,
                created_at=now,
            )
        )
        session.flush()
        answers = session.scalars(select(Answer).where(Answer.ticket_id == ticket.id)).all()
        record = ticket_record(ticket, list(answers))
        logger.info("written request stored: ticket %s (%s)", record.number, record.channel)
        return Stored(record, created=True)

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

    def written_since(self, callback_number: str, since: datetime) -> int:
        """Written requests (not calls) with this callback number created since ``since``."""

        def work(session: Session) -> int:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Ticket)
                    .where(
                        Ticket.callback_number == callback_number,
                        Ticket.created_at >= since,
                        Ticket.channel != Channel.CALL.value,
                    )
                )
                or 0
            )

        return self._tx.run("count a number's written requests", work)

    def urgency(self, ticket_id: int) -> str:
        """The ticket's urgency now (after the settle step: what was understood)."""
        found = self._tx.run(
            f"read the urgency of ticket {ticket_id}",
            lambda s: s.scalar(select(Ticket.urgency).where(Ticket.id == ticket_id)),
        )
        return str(found or "normal")

    def facts(self, number: str) -> PublicFacts | None:
        """What the status of ticket ``number`` is decided from; None when there is none."""
        return self._tx.run(f"read the status of ticket {number}", lambda s: _facts(s, number))


def _existing(session: Session, submission: SubmissionInfo) -> Stored | None:
    if submission.idempotency_key is None:
        return None
    row = session.execute(
        select(Submission.ticket_id, Submission.request_hash).where(
            Submission.scope == submission.scope,
            Submission.idempotency_key == submission.idempotency_key,
        )
    ).one_or_none()
    if row is None:
        return None
    ticket_id, request_hash = row
    if request_hash != submission.request_hash:
        raise RequestConflict(
            "this Idempotency-Key was already used for a different request; "
            "send a retry unchanged, or a new request with a new key"
        )
    ticket = session.scalars(
        select(Ticket).where(Ticket.id == ticket_id).options(selectinload(Ticket.answers))
    ).one()
    return Stored(ticket_record(ticket, ticket.answers), created=False)


def _written_answer(ticket_id: int, field: WrittenField, now: datetime) -> Answer:
    return Answer(
        ticket_id=ticket_id,
        step=field.step,
        attempt=1,
        audio_path="",
        duration_seconds=0.0,
        ended_by=EndedBy.WRITTEN.value,
        recorded_at=now,
        transcription=Transcription.DONE.value,
        transcript=field.text,
        words=None,
        transcribed_at=now,
    )


def _attachment(ticket_id: int, position: int, photo: PhotoFile, now: datetime) -> Attachment:
    return Attachment(
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


def _facts(session: Session, number: str) -> PublicFacts | None:
    asked = session.execute(
        select(Ticket.id, Ticket.callback_number, Ticket.caller_number).where(
            Ticket.number == number
        )
    ).one_or_none()
    if asked is None:
        return None
    ticket_id, callback, caller = asked
    status = TicketStatus.MERGED.value
    for _ in range(MAX_HOPS):  # a merged ticket's state is the one it joined
        status, linked = session.execute(
            select(Ticket.status, Ticket.linked_to_id).where(Ticket.id == ticket_id)
        ).one()
        if status != TicketStatus.MERGED.value or linked is None:
            break
        ticket_id = linked
    last = {
        action: at
        for action, at in session.execute(
            select(TicketEvent.action, func.max(TicketEvent.at))
            .where(
                TicketEvent.ticket_id == ticket_id,
                TicketEvent.action.in_((EventAction.CLAIM.value, EventAction.REFER.value)),
            )
            .group_by(TicketEvent.action)
        )
    }
    refer, claim = last.get(EventAction.REFER.value), last.get(EventAction.CLAIM.value)
    referred = refer is not None and (claim is None or claim < refer)
    return PublicFacts(
        number=number,
        status=status,
        callback_number=callback,
        caller_number=caller,
        claimed_ever=claim is not None and not referred,
        referred=referred,
    )

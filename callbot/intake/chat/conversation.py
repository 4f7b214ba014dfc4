"""One stored event applied to its citizen's conversation: the heart of the chat.

:meth:`Conversations.handle` takes an event from the inbox (the inbound worker holds the
citizen's lease, so no other node touches this conversation meanwhile) and:

1. finds the citizen's open conversation, or starts one (a transaction of its own);
2. fetches and stores a photo (:mod:`.media`), outside any transaction;
3. runs one turn of the dialog (:func:`~callbot.dialog.chat_engine.advance`, pure) from the
   stored state; an event older than one already handled (delivered out of order) is kept in
   the history and changes nothing else;
4. makes the ticket when the turn says so, through the written requests' intake (understood,
   routed, merged like a form; channel ``chat``), idempotent by the conversation's id;
5. writes, in one transaction: the citizen's message, the dialog's new state, the replies to
   send (the outbox), the ticket's link and a photo sent after it, the event settled.

A crash between 4 and 5 replays the event from the old state: the ticket comes back the same
(its idempotency key), nothing is made twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from callbot.config import Config
from callbot.dialog.chat_engine import (
    ChatChecks,
    ChatInput,
    ChatState,
    InputKind,
    PhotoOutcome,
    Reply,
    Turn,
    advance,
)
from callbot.dialog.chat_steps import CHAT, ChatScript
from callbot.intake.chat.media import keep_photo, photo_dict, photo_file
from callbot.intake.written import PhotoLimits, Receipt, WrittenAnswers, WrittenIntake, request_dir
from callbot.tickets.chat_models import Conversation
from callbot.tickets.chat_rules import (
    CITIZEN,
    ConversationStatus,
    Direction,
    EventStatus,
    MessageKind,
)
from callbot.tickets.chat_store import active_conversation, add_message, add_photo, link_ticket
from callbot.tickets.inbox import InboxEvent, settle_event
from callbot.tickets.models import Ticket, utc_now
from callbot.tickets.rules import Channel, ticket_id_from_number
from callbot.tickets.transactions import Transactions
from callbot.tickets.written import PhotoFile, SubmissionInfo
from callbot.zalo.client import ZaloClient
from callbot.zalo.events import Kind, ZaloEvent, parse_event

log = logging.getLogger(__name__)

CHANNEL = "zalo"
FETCH_TRIES = 3  # tries of an event whose photo cannot be fetched


@dataclass(frozen=True)
class _Open:
    """A conversation as read before a turn."""

    id: int
    state: dict[str, Any]
    ticket_id: int | None
    request_dir: str
    last_event_ms: int


class Conversations:
    """Applies stored events to conversations (module docstring)."""

    def __init__(
        self,
        transactions: Transactions,
        intake: WrittenIntake,
        config: Config,
        checks: ChatChecks,
        client: ZaloClient | None,
        *,
        script: ChatScript = CHAT,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._tx = transactions
        self.intake = intake
        self.config = config
        self.checks = checks
        self.client = client
        self.script = script
        self._clock = clock
        settings = config.intake
        self.limits = PhotoLimits(
            settings.max_photos, settings.max_photo_bytes, settings.max_photo_pixels
        )

    def handle(self, stored: InboxEvent) -> None:
        """Apply one stored event (module docstring). Raises FetchLater (try again later) and
        StorageError."""
        try:
            event = parse_event(json.loads(stored.payload))
        except ValueError:
            log.error("Zalo event id %d cannot be read again; dropped", stored.id)
            self._tx.run(
                "drop an unreadable event",
                lambda s: settle_event(s, stored.id, EventStatus.FAILED),
                write=True,
            )
            return
        conversation = self._tx.run(
            "open a conversation", lambda s: self._open(s, event.user_id), write=True
        )
        late = event.timestamp_ms < conversation.last_event_ms
        photos = [photo_file(p) for p in conversation.state.get("photos", [])]
        outcome: PhotoOutcome = ""
        new_photo: PhotoFile | None = None
        if event.kind == Kind.IMAGE and event.images:
            outcome, new_photo = keep_photo(
                self.client,
                event.images[0],
                limits=self.limits,
                recordings=self.config.storage.recordings_dir,
                relative_dir=conversation.request_dir,
                position=len(photos) + 1,
                last_try=stored.attempts + 1 >= FETCH_TRIES,
            )
        if new_photo is not None:
            photos.append(new_photo)
        message = _input(event, outcome, len(photos), self.limits.count, late)
        state = ChatState.from_dict(conversation.state.get("dialog"))
        turn = advance(
            self.script, state, message, self.checks, offer_card=self.config.zalo.request_info
        )
        receipt = None
        if turn.make_ticket and conversation.ticket_id is None:
            receipt = self._make_ticket(conversation, turn, photos)
        self._tx.run(
            f"write a turn of conversation {conversation.id}",
            lambda s: self._write(
                s,
                stored=stored,
                event=event,
                conversation=conversation,
                turn=turn,
                receipt=receipt,
                photos=photos,
                new_photo=new_photo,
            ),
            write=True,
        )

    def _open(self, session: Session, user_id: str) -> _Open:
        row = active_conversation(session, CHANNEL, user_id)
        if row is None:
            now = self._clock()
            _, relative = request_dir(Channel.CHAT, now)
            row = Conversation(
                channel=CHANNEL,
                user_id=user_id,
                status=ConversationStatus.COLLECTING.value,
                state={},
                request_dir=relative,
                created_at=now,
                updated_at=now,
                last_event_ms=0,
            )
            session.add(row)
            session.flush()
            log.info("chat conversation %d started", row.id)
        return _Open(
            row.id, dict(row.state or {}), row.ticket_id, row.request_dir, row.last_event_ms
        )

    def _make_ticket(self, conversation: _Open, turn: Turn, photos: list[PhotoFile]) -> Receipt:
        answers = turn.state.answers
        opening, need = answers.get("opening", ""), answers.get("need", "")
        if opening and opening != need:
            need = f"{opening}\n{need}" if need else opening
        steps = [
            (step, value)
            for step, value in (
                ("name", answers.get("name", "")),
                ("address", answers.get("address", "")),
                ("ward", answers.get("ward", "")),
                ("need", need or "Người dân xin gặp tổng đài viên qua Zalo."),
            )
            if value
        ]
        submission = SubmissionInfo(
            channel=Channel.CHAT,
            scope=f"chat:{CHANNEL}",
            request_hash=f"conversation-{conversation.id}".ljust(64, "-")[:64],
            idempotency_key=f"conversation-{conversation.id}",
            early=turn.make_ticket == "handoff",
        )
        request_id = conversation.request_dir.rsplit("/", 1)[-1]
        written = WrittenAnswers(
            answers.get("name", ""), answers.get("phone") or None, tuple(steps), request_id
        )
        receipt = self.intake.submit_answers(written, photos, submission)
        log.info(
            "chat conversation %d made ticket %s (%s%s)",
            conversation.id,
            receipt.number,
            turn.make_ticket,
            ", emergency" if receipt.emergency else "",
        )
        return receipt

    def _write(
        self,
        session: Session,
        *,
        stored: InboxEvent,
        event: ZaloEvent,
        conversation: _Open,
        turn: Turn,
        receipt: Receipt | None,
        photos: list[PhotoFile],
        new_photo: PhotoFile | None,
    ) -> None:
        now = self._clock()
        row = session.get(Conversation, conversation.id, populate_existing=True)
        if row is None:  # pragma: no cover - conversations are never deleted
            raise LookupError(f"conversation {conversation.id} is gone")
        at = min(stored.event_at, stored.received_at)
        kind, text, detail = _recorded(event)
        add_message(
            session,
            row,
            direction=Direction.IN,
            kind=kind,
            text=text,
            detail=detail,
            at=at,
            author=CITIZEN,
            external_id=event.msg_id,
        )
        if receipt is not None:
            ticket_id = ticket_id_from_number(receipt.number)
            if ticket_id is not None:
                link_ticket(session, row, ticket_id)
                row.status = ConversationStatus.OPEN.value
        elif new_photo is not None and row.ticket_id is not None:
            add_photo(session, row.ticket_id, new_photo, now)
        number = receipt.number if receipt else self._number(session, row.ticket_id)
        for reply in turn.replies:
            self._queue(session, row, reply, number, now)
        row.state = {"dialog": turn.state.as_dict(), "photos": [photo_dict(p) for p in photos]}
        if row.last_citizen_at is None or at > row.last_citizen_at:
            row.last_citizen_at = at
        row.last_event_ms = max(row.last_event_ms, event.timestamp_ms)
        row.updated_at = now
        if row.ticket_id is not None:
            session.execute(update(Ticket).where(Ticket.id == row.ticket_id).values(updated_at=now))
        settle_event(session, stored.id, EventStatus.DONE)

    def _number(self, session: Session, ticket_id: int | None) -> str:
        ticket = session.get(Ticket, ticket_id) if ticket_id is not None else None
        return ticket.number if ticket is not None else ""

    def _queue(
        self, session: Session, row: Conversation, reply: Reply, number: str, now: datetime
    ) -> None:
        public = self.config.intake.public_url.rstrip("/")
        status = f" Tra cứu tình trạng: {public}/status" if public else ""
        text = reply.text.replace("{number}", number).replace("{status}", status)
        if reply.card:
            texts = self.script.texts
            detail = {"title": texts["card_title"], "image_url": self.config.zalo.info_image_url}
            add_message(
                session,
                row,
                direction=Direction.OUT,
                kind=MessageKind.CARD,
                text=text,
                detail=detail,
                at=now,
            )
            return
        add_message(session, row, direction=Direction.OUT, kind=MessageKind.TEXT, text=text, at=now)


_INPUTS: dict[Kind, InputKind] = {
    Kind.TEXT: "text",
    Kind.IMAGE: "image",
    Kind.LOCATION: "location",
    Kind.INFO: "info",
}


def _input(
    event: ZaloEvent, outcome: PhotoOutcome, photos: int, most: int, late: bool
) -> ChatInput:
    """The event as the dialog reads it."""
    kind = _INPUTS.get(event.kind, "other")
    info = None
    if event.info is not None:
        shared = event.info
        info = {
            "name": shared.name,
            "phone": shared.phone,
            "address": shared.address,
            "ward": shared.ward,
            "district": shared.district,
            "city": shared.city,
        }
    return ChatInput(
        kind,
        text=event.text or "",
        location=event.location,
        info=info,
        photo=outcome,
        photos=photos,
        most=most,
        late=late,
    )


def _recorded(event: ZaloEvent) -> tuple[MessageKind, str, dict[str, Any]]:
    """How the citizen's message is kept in the history: its kind, text and details."""
    if event.kind == Kind.TEXT:
        return MessageKind.TEXT, event.text or "", {}
    if event.kind == Kind.IMAGE:
        return MessageKind.IMAGE, "", {"count": len(event.images)}
    if event.kind == Kind.LOCATION and event.location:
        latitude, longitude = event.location
        return (
            MessageKind.LOCATION,
            f"{latitude:.6f}, {longitude:.6f}",
            {
                "latitude": latitude,
                "longitude": longitude,
            },
        )
    if event.kind == Kind.INFO and event.info:
        shared = event.info
        parts = [shared.name, shared.phone, shared.address, shared.ward, shared.district]
        return MessageKind.INFO, " · ".join(p for p in parts if p), {}
    return MessageKind.OTHER, "", {"event": event.name}

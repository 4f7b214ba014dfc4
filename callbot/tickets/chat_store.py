"""Conversations and their messages in the store: what the chat service writes as a turn goes,
and what the console reads back.

The writes are functions over a session, so that one turn of a conversation (the citizen's
message, the bot's replies, the dialog's new state, the event settled) is one transaction:
:func:`active_conversation` (locked), :func:`new_conversation`, :func:`add_message`,
:func:`link_ticket` (the conversation and its messages point at the ticket it made),
:func:`add_photo` (a photo sent after the ticket was made joins it) and
:func:`close_conversations` (a ticket closed: its conversations end, each citizen told).
:class:`ChatStore` reads them back for the console.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from callbot.tickets.chat_models import ChatMessage, Conversation
from callbot.tickets.chat_rules import (
    BOT,
    ConversationStatus,
    Direction,
    MessageKind,
    MessageStatus,
)
from callbot.tickets.models import Attachment, Ticket
from callbot.tickets.transactions import Transactions
from callbot.tickets.written import PhotoFile


@dataclass(frozen=True)
class ConversationRecord:
    """A conversation as the console shows it."""

    id: int
    channel: str
    user_id: str
    status: str
    ticket_id: int | None
    created_at: datetime
    last_citizen_at: datetime | None


@dataclass(frozen=True)
class MessageRecord:
    """One message of a conversation."""

    id: int
    conversation_id: int
    ticket_id: int | None
    direction: str
    author: str
    kind: str
    text: str
    detail: dict[str, Any]
    at: datetime
    status: str
    sent_at: datetime | None
    last_error: str | None


def conversation_record(row: Conversation) -> ConversationRecord:
    """A ``chat_conversations`` row as a record."""
    return ConversationRecord(
        row.id,
        row.channel,
        row.user_id,
        row.status,
        row.ticket_id,
        row.created_at,
        row.last_citizen_at,
    )


def message_record(row: ChatMessage) -> MessageRecord:
    """A ``chat_messages`` row as a record."""
    return MessageRecord(
        row.id,
        row.conversation_id,
        row.ticket_id,
        row.direction,
        row.author,
        row.kind,
        row.text,
        dict(row.detail or {}),
        row.at,
        row.status,
        row.sent_at,
        row.last_error,
    )


def active_conversation(session: Session, channel: str, user_id: str) -> Conversation | None:
    """The citizen's conversation not closed yet (its row locked), if any."""
    return session.scalars(
        select(Conversation)
        .where(
            Conversation.channel == channel,
            Conversation.user_id == user_id,
            Conversation.status != ConversationStatus.CLOSED.value,
        )
        .order_by(Conversation.id.desc())
        .limit(1)
        .with_for_update()
    ).first()


def new_conversation(
    session: Session, channel: str, user_id: str, request_dir: str, now: datetime
) -> Conversation:
    """A new conversation (``collecting``, no state yet), flushed: its id is known."""
    row = Conversation(
        channel=channel,
        user_id=user_id,
        status=ConversationStatus.COLLECTING.value,
        state=None,
        request_dir=request_dir,
        created_at=now,
        updated_at=now,
        last_event_ms=0,
    )
    session.add(row)
    session.flush()
    return row


def add_message(
    session: Session,
    conversation: Conversation,
    *,
    direction: Direction,
    kind: MessageKind | str,
    text: str,
    at: datetime,
    author: str = BOT,
    detail: dict[str, Any] | None = None,
    external_id: str | None = None,
) -> ChatMessage:
    """One message of ``conversation``: a citizen's (``received``), or one to send (``pending``,
    due at ``at``)."""
    outgoing = direction == Direction.OUT
    row = ChatMessage(
        conversation_id=conversation.id,
        ticket_id=conversation.ticket_id,
        direction=direction.value,
        author=author,
        kind=str(kind),
        text=text,
        detail=detail or None,
        external_id=external_id,
        at=at,
        status=(MessageStatus.PENDING if outgoing else MessageStatus.RECEIVED).value,
        attempts=0,
        next_attempt_at=at if outgoing else None,
    )
    session.add(row)
    return row


def link_ticket(session: Session, conversation: Conversation, ticket_id: int) -> None:
    """The conversation made ticket ``ticket_id``: it and its messages point at it."""
    conversation.ticket_id = ticket_id
    session.flush()
    session.execute(
        update(ChatMessage)
        .where(ChatMessage.conversation_id == conversation.id, ChatMessage.ticket_id.is_(None))
        .values(ticket_id=ticket_id)
        .execution_options(synchronize_session=False)
    )


def add_photo(session: Session, ticket_id: int, photo: PhotoFile, now: datetime) -> int:
    """A photo (already written beside the recordings) joins ticket ``ticket_id`` as its next
    attachment; its position."""
    last = session.scalar(
        select(func.max(Attachment.position)).where(Attachment.ticket_id == ticket_id)
    )
    position = int(last or 0) + 1
    session.add(
        Attachment(
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
    )
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return position


def close_conversations(
    session: Session, ticket_ids: Sequence[int], now: datetime, tell: str
) -> int:
    """A ticket was closed: the conversations that made ``ticket_ids`` end, and each citizen is
    sent ``tell`` (``{number}``: the number they were given). How many ended."""
    rows = session.execute(
        select(Conversation, Ticket.number)
        .join(Ticket, Ticket.id == Conversation.ticket_id)
        .where(
            Conversation.ticket_id.in_(list(ticket_ids)),
            Conversation.status != ConversationStatus.CLOSED.value,
        )
        .with_for_update(of=Conversation)
    ).all()
    for conversation, number in rows:
        conversation.status = ConversationStatus.CLOSED.value
        conversation.closed_at = now
        conversation.updated_at = now
        add_message(
            session,
            conversation,
            direction=Direction.OUT,
            kind=MessageKind.TEXT,
            text=tell.format(number=number),
            at=now,
        )
    return len(rows)


class ChatStore:
    """Reads of conversations and messages (the console's)."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def conversations(self, ticket_ids: Sequence[int]) -> builtins.list[ConversationRecord]:
        """The conversations that made these tickets, oldest first."""
        if not ticket_ids:
            return []

        def work(session: Session) -> builtins.list[ConversationRecord]:
            rows = session.scalars(
                select(Conversation)
                .where(Conversation.ticket_id.in_(list(ticket_ids)))
                .order_by(Conversation.id)
            )
            return [conversation_record(row) for row in rows]

        return self._tx.run("read a ticket's conversations", work)

    def messages(self, conversation_ids: Sequence[int]) -> builtins.list[MessageRecord]:
        """The messages of these conversations, in the order they were written."""
        if not conversation_ids:
            return []

        def work(session: Session) -> builtins.list[MessageRecord]:
            rows = session.scalars(
                select(ChatMessage)
                .where(ChatMessage.conversation_id.in_(list(conversation_ids)))
                .order_by(ChatMessage.at, ChatMessage.id)
            )
            return [message_record(row) for row in rows]

        return self._tx.run("read a conversation", work)

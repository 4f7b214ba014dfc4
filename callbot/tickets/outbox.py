"""The outbox: outgoing chat messages, claimed by the senders of every node, in order.

An outgoing message is a ``chat_messages`` row (direction ``out``) written in the transaction
that decided it (the bot's turn, an operator's reply, a ticket closed). :meth:`Outbox.claim`
hands due ones to one sender, race-free across threads and processes, as the transcription
jobs are claimed (:mod:`callbot.transcription.jobs`): SQLite's ``BEGIN IMMEDIATE`` lets one
writer claim at a time; PostgreSQL selects ``FOR UPDATE SKIP LOCKED``; then a conditional
UPDATE (still ``pending``) takes them. A message is claimed only if no earlier outgoing message
of its conversation is pending or sending, so a citizen reads the bot's messages in the order
they were written.

A sender that dies leaves messages ``sending``: :meth:`release_stale` puts them back (they may
then reach the citizen twice: at least once, never lost).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import Session, aliased

from callbot.tickets.chat_models import ChatMessage, Conversation
from callbot.tickets.chat_rules import MAX_ERROR, OPEN_OUT, Direction, MessageStatus
from callbot.tickets.models import Ticket
from callbot.tickets.transactions import Transactions, rowcount


def _earlier() -> Any:
    """Another row of ``chat_messages`` to compare with, aliased at each query: an alias made
    once at import went stale in one order of the test suite (SQLAlchemy: "Did not locate an
    expression in selectable for attribute 'direction'", and the counts came out wrong)."""
    return aliased(ChatMessage)


@dataclass(frozen=True)
class Outgoing:
    """A claimed outgoing message and what sending it needs."""

    id: int
    conversation_id: int
    ticket_id: int | None
    channel: str
    user_id: str
    kind: str
    text: str
    detail: dict[str, Any]
    attempts: int  # this attempt included
    last_citizen_at: datetime | None


class Outbox:
    """The outgoing rows of ``chat_messages``."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def claim(self, owner: str, limit: int = 10) -> builtins.list[Outgoing]:
        """Up to ``limit`` due messages, now ``sending`` for ``owner`` (at most one per
        conversation: its earliest unsent)."""

        def due(now: datetime) -> Any:
            earlier = _earlier()
            earlier_open = exists().where(
                earlier.conversation_id == ChatMessage.conversation_id,
                earlier.id < ChatMessage.id,
                earlier.direction == Direction.OUT.value,
                earlier.status.in_(OPEN_OUT),
            )
            return and_(
                ChatMessage.direction == Direction.OUT.value,
                ChatMessage.status == MessageStatus.PENDING.value,
                ChatMessage.next_attempt_at <= now,
                ~earlier_open,
            )

        def anything(session: Session) -> bool:
            found = session.scalar(select(ChatMessage.id).where(due(self._tx.clock())).limit(1))
            return found is not None

        if not self._tx.run("look for messages to send", anything):
            return []

        def work(session: Session) -> builtins.list[Outgoing]:
            now = self._tx.clock()
            ids = session.scalars(
                select(ChatMessage.id)
                .where(due(now))
                .order_by(ChatMessage.next_attempt_at, ChatMessage.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            ).all()
            if not ids:
                return []
            session.execute(
                update(ChatMessage)
                .where(ChatMessage.id.in_(ids), ChatMessage.status == MessageStatus.PENDING.value)
                .values(
                    status=MessageStatus.SENDING.value,
                    locked_by=owner,
                    locked_at=now,
                    attempts=ChatMessage.attempts + 1,
                )
                .execution_options(synchronize_session=False)
            )
            rows = session.execute(
                select(ChatMessage, Conversation)
                .join(Conversation, Conversation.id == ChatMessage.conversation_id)
                .where(ChatMessage.id.in_(ids), ChatMessage.locked_by == owner)
                .order_by(ChatMessage.id)
                .execution_options(populate_existing=True)
            ).all()
            return [
                Outgoing(
                    m.id,
                    m.conversation_id,
                    m.ticket_id,
                    c.channel,
                    c.user_id,
                    m.kind,
                    m.text,
                    dict(m.detail or {}),
                    m.attempts,
                    c.last_citizen_at,
                )
                for m, c in rows
            ]

        return self._tx.run("claim messages to send", work, write=True)

    def _settle(
        self, message_id: int, values: dict[str, Any], action: str, *, touch: bool = False
    ) -> bool:
        def work(session: Session) -> bool:
            done = session.execute(
                update(ChatMessage)
                .where(
                    ChatMessage.id == message_id,
                    ChatMessage.status == MessageStatus.SENDING.value,
                )
                .values(locked_by=None, locked_at=None, **values)
            )
            if touch:  # the ticket page (and its live view) must show it
                ticket = select(ChatMessage.ticket_id).where(ChatMessage.id == message_id)
                session.execute(
                    update(Ticket)
                    .where(Ticket.id == ticket.scalar_subquery())
                    .values(updated_at=self._tx.clock())
                    .execution_options(synchronize_session=False)
                )
            return rowcount(done) == 1

        return self._tx.run(action, work, write=True)

    def sent(self, message_id: int, external_id: str) -> bool:
        """The message reached Zalo (its id there kept)."""
        values = {
            "status": MessageStatus.SENT.value,
            "sent_at": self._tx.clock(),
            "external_id": external_id[:100] or None,
            "last_error": None,
        }
        return self._settle(message_id, values, f"mark message {message_id} sent")

    def retry(self, message_id: int, error: str, at: datetime) -> bool:
        """Try again from ``at``; ``error`` says what failed this time (no caller words)."""
        values = {
            "status": MessageStatus.PENDING.value,
            "next_attempt_at": at,
            "last_error": error[:MAX_ERROR],
        }
        return self._settle(message_id, values, f"put message {message_id} back")

    def failed(self, message_id: int, error: str) -> bool:
        """Give up on the message; ``error`` starts with a FailReason and is shown on the
        ticket."""
        values = {"status": MessageStatus.FAILED.value, "last_error": error[:MAX_ERROR]}
        return self._settle(message_id, values, f"mark message {message_id} failed", touch=True)

    def replies_since_citizen(self, conversation_id: int) -> int:
        """Messages the OA sent in this conversation after the citizen's last message (the
        window's count; counted by the order they were written, not by clocks)."""
        return int(
            self._tx.run(
                "count the replies sent",
                lambda s: replies_after_citizen(s, conversation_id, sent_only=True),
            )
        )

    def release_stale(self, older_than: timedelta, owner: str | None = None) -> int:
        """Messages ``sending`` for longer than ``older_than`` (their sender died), or all of
        ``owner``'s, back to ``pending``, due now."""

        def work(session: Session) -> int:
            now = self._tx.clock()
            where = [ChatMessage.status == MessageStatus.SENDING.value]
            if owner is None:
                where.append(ChatMessage.locked_at <= now - older_than)
            else:
                where.append(ChatMessage.locked_by == owner)
            released = session.execute(
                update(ChatMessage)
                .where(*where)
                .values(
                    status=MessageStatus.PENDING.value,
                    locked_by=None,
                    locked_at=None,
                    next_attempt_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            return rowcount(released)

        return self._tx.run("release stale outgoing messages", work, write=True)

    def counts(self) -> dict[str, int]:
        """Outgoing messages by status."""

        def work(session: Session) -> dict[str, int]:
            rows = session.execute(
                select(ChatMessage.status, func.count())
                .where(ChatMessage.direction == Direction.OUT.value)
                .group_by(ChatMessage.status)
            ).all()
            return {status: int(count) for status, count in rows}

        return self._tx.run("count outgoing messages", work)


def replies_after_citizen(session: Session, conversation_id: int, *, sent_only: bool) -> int:
    """Outgoing messages written after the citizen's last message in this conversation: sent
    ones (``sent_only``), or every one not failed (sent or still to send)."""
    earlier = _earlier()
    last_in = (
        select(func.coalesce(func.max(earlier.id), 0))
        .where(
            earlier.conversation_id == conversation_id,
            earlier.direction == Direction.IN.value,
        )
        .scalar_subquery()
    )
    wanted = (
        ChatMessage.status == MessageStatus.SENT.value
        if sent_only
        else ChatMessage.status != MessageStatus.FAILED.value
    )
    counted = session.scalar(
        select(func.count())
        .select_from(ChatMessage)
        .where(
            ChatMessage.conversation_id == conversation_id,
            ChatMessage.direction == Direction.OUT.value,
            ChatMessage.id > last_in,
            wanted,
        )
    )
    return int(counted or 0)

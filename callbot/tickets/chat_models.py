"""The chat channel's tables (migration 0009): a messaging network's events, conversations,
messages in and out, leases, and the Zalo OA's tokens. Same :class:`~callbot.tickets.models.
Base` (and naming convention) as the ticket tables; :mod:`callbot.tickets.models` imports this
module, so one metadata holds every table.

- ``zalo_events``: the webhook's durable inbox. One row per event (``event_key`` unique: a
  retry of Zalo's is the same row, counted in ``deliveries``), stored before the webhook
  answers 200 and handled after; the payload is cleared once it is handled.
- ``chat_conversations``: one citizen's conversation with the bot: the dialog's ``state``
  (JSON), the ticket it made, the citizen's last message (the reply window counts from it).
- ``chat_messages``: everything said in a conversation, in and out. Outgoing rows are also the
  outbox: ``pending`` until a sender claims one (``sending``), then ``sent`` or ``failed``
  (the reason in ``last_error``, shown on the ticket).
- ``leases``: named locks with an owner and an end, taken with a conditional UPDATE (one
  citizen's events handled by one node at a time; one node refreshing the OA's token).
- ``zalo_tokens``: the OA's access and refresh tokens (one row), shared by every node.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column

from callbot.tickets.models import Base, UtcDateTime, utc_now


class ZaloEventRow(Base):
    """One webhook event of Zalo's, from its arrival until it is handled."""

    __tablename__ = "zalo_events"
    __table_args__ = (
        Index("ix_zalo_events_due", "status", "next_attempt_at"),
        Index("ix_zalo_events_user", "user_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_key: Mapped[str] = mapped_column(String(200), unique=True)  # msg id, or name+user+time
    event_name: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(100))  # the citizen, scoped to the OA
    event_at: Mapped[datetime] = mapped_column(UtcDateTime)  # Zalo's timestamp
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    deliveries: Mapped[int] = mapped_column(Integer, default=1, server_default=sql("1"))
    status: Mapped[str] = mapped_column(String(16))  # chat_rules.EventStatus
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=sql("0"))
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_error: Mapped[str | None] = mapped_column(String(200))  # never caller words
    payload: Mapped[str | None] = mapped_column(Text)  # the raw JSON; cleared once handled


class Conversation(Base):
    """One citizen's conversation with the bot, on one channel (``zalo``)."""

    __tablename__ = "chat_conversations"
    __table_args__ = (Index("ix_chat_conversations_user", "channel", "user_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))  # chat_rules.ConversationStatus
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the dialog's, as data
    # The ticket it made (a plain column: the conversation outlives nothing it points to).
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    request_dir: Mapped[str] = mapped_column(String(200))  # its photos, under the recordings
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_citizen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_event_ms: Mapped[int] = mapped_column(BigInteger, default=0, server_default=sql("0"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ChatMessage(Base):
    """One message of a conversation: the citizen's, the bot's or an operator's."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        Index("ix_chat_messages_outbox", "status", "next_attempt_at"),
        Index("ix_chat_messages_conversation", "conversation_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("chat_conversations.id", ondelete="CASCADE")
    )
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    direction: Mapped[str] = mapped_column(String(8))  # in, out
    author: Mapped[str] = mapped_column(String(64))  # citizen, bot, or an operator's name
    kind: Mapped[str] = mapped_column(String(16))  # text, image, location, info, other, card
    text: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    external_id: Mapped[str | None] = mapped_column(String(100))  # Zalo's message id
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    status: Mapped[str] = mapped_column(String(16))  # chat_rules.MessageStatus
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=sql("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked_by: Mapped[str | None] = mapped_column(String(128))
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(String(200))


class Lease(Base):
    """A named lock held by ``owner`` until ``until`` (then anyone may take it)."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(128))
    until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ZaloTokenRow(Base):
    """The OA's tokens (one row, id 1): the access token and the single-use refresh token."""

    __tablename__ = "zalo_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    access_token: Mapped[str] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    refreshed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    refresh_failures: Mapped[int] = mapped_column(Integer, default=0, server_default=sql("0"))
    last_error: Mapped[str | None] = mapped_column(String(200))

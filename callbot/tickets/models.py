"""The ticket database schema: SQLAlchemy 2 declarative models, mirrored by the migrations.

Every change here needs an Alembic revision in ``migrations/versions/`` (a test compares the
two). Constraint and index names follow :data:`NAMING_CONVENTION`, so migrations can name
what they alter on every backend. Allowed values of the string columns (status, outcome, end
reason, ended by, transcription) are checked by the repository, not by CHECK constraints, so
adding a value later needs no table rebuild on SQLite.

Three tables: ``tickets`` (one per call, with what was understood of it), ``answers`` (one per
recorded answer, with its transcript once there is one) and ``transcription_jobs`` (one per
answer: the durable queue the transcription workers take their work from, so a crash or restart
loses nothing).

The operators' console adds ``ticket_events`` (every action on a ticket: who, when, what),
``users`` (console accounts, argon2 password hashes) and ``sessions`` (logged-in browsers).

Several machines (migration 0006) add ``nodes`` (every running ``callbot serve`` and ``callbot
worker``, with its heartbeat: :mod:`callbot.cluster`) and ``leases`` (a named duty held by one
node until it expires); a ticket in call names the node serving it (``tickets.node``), so
another node finishes it when that one stops beating.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that goes in and comes out as timezone-aware UTC on every backend.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so values are stored as
    naive UTC text (which also keeps their text order equal to their time order).
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The value to store: aware UTC, naive on SQLite. Raises ValueError on a naive datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: callbot stores only aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        """The stored value as aware UTC (SQLite's naive text read as UTC)."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {value!r}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every callbot table; holds the shared metadata and naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Ticket(Base):
    """One call handled by the callbot, and what operators need to call the caller back."""

    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_queue_order", "urgency_rank", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The short number callers quote. Set from the id in the transaction that inserts the row.
    number: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    caller_number: Mapped[str] = mapped_column(String(32))  # service.sanitize_caller_number
    caller_name: Mapped[str] = mapped_column(String(80))  # service.sanitize_caller_name
    caller_id_raw: Mapped[str] = mapped_column(String(600))  # service.escape_raw, for audit
    channel_uniqueid: Mapped[str] = mapped_column(String(64), index=True)
    channel_linkedid: Mapped[str] = mapped_column(String(64), index=True)  # the whole call
    status: Mapped[str] = mapped_column(String(16), index=True)  # service.TicketStatus
    outcome: Mapped[str | None] = mapped_column(String(16))  # service.TicketOutcome
    end_reason: Mapped[str | None] = mapped_column(String(16))  # service.EndReason
    last_step: Mapped[str | None] = mapped_column(String(64))
    callback_number: Mapped[str | None] = mapped_column(String(32))  # sanitized, dialable
    callback_source: Mapped[str | None] = mapped_column(String(16))  # service.CallbackSource
    # The call ended and no answer holds speech (set when the ticket becomes "new").
    no_speech: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    # -- what the callbot understood (callbot.understanding), set when the ticket becomes new;
    # the need's urgency also as soon as the need answer is understood during the call.
    name: Mapped[str | None] = mapped_column(String(120))  # the name the caller said
    ward: Mapped[str | None] = mapped_column(String(80), index=True)  # old ward, canonical
    district: Mapped[str | None] = mapped_column(String(80))  # old district, canonical
    new_unit: Mapped[str | None] = mapped_column(String(120), index=True)  # 2025 unit
    category: Mapped[str | None] = mapped_column(String(16), index=True)  # need category
    urgency: Mapped[str] = mapped_column(  # service.Urgency
        String(16), default="normal", server_default=text("'normal'")
    )
    # 0 emergency, 1 high, 2 normal: the operators' queue orders by (urgency_rank, created_at)
    urgency_rank: Mapped[int] = mapped_column(Integer, default=2, server_default=text("2"))
    emergency: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    unit: Mapped[str | None] = mapped_column(String(64), index=True)  # responsible unit code
    unit_name: Mapped[str | None] = mapped_column(String(160))
    # {"name": {"value", "confidence", "answer_id", "parsed"}, "address": ..., "need": ...}
    fields: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A repeat call: the earlier open ticket of the same callback number it was merged into.
    # (A plain column, see migration 0003: set by the repository to an existing ticket only.)
    linked_to_id: Mapped[int | None] = mapped_column(Integer, index=True)
    call_count: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # -- several machines (migration 0006) ---------------------------------------------------------
    node: Mapped[str | None] = mapped_column(String(64))  # nodes.id serving the call (in_call)
    ready_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # when it became new/merged

    # -- the operators' workflow (callbot.operators.workflow, migration 0004) ---------------------
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # users.name holding the claim
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    unreachable_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    resolution: Mapped[str | None] = mapped_column(String(16))  # service.Resolution, once closed
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    # Operators' corrections; the column holds the corrected value, the original stays here:
    # {"name": {"value": new, "original": old, "by": user, "at": iso time}, ...}
    corrections: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="ticket",
        order_by="Answer.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Answer(Base):
    """One recorded answer of a caller to one step of the dialog."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("ticket_id", "step", "attempt"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(64))
    attempt: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    audio_path: Mapped[str] = mapped_column(String(512))  # relative to the recordings root
    duration_seconds: Mapped[float] = mapped_column(Float)
    ended_by: Mapped[str] = mapped_column(String(16))  # service.EndedBy
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    speech_seconds: Mapped[float | None] = mapped_column(Float)  # voice energy, by the worker
    transcription: Mapped[str] = mapped_column(  # service.Transcription
        String(16), default="pending", server_default=text("'pending'")
    )
    transcript: Mapped[str | None] = mapped_column(Text)
    # [{"word", "conf", "start", "end"}, ...], times in seconds from the recording's start
    words: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    asr_model: Mapped[str | None] = mapped_column(String(128))
    decode_seconds: Mapped[float | None] = mapped_column(Float)
    transcribed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    transcription_error: Mapped[str | None] = mapped_column(String(200))  # no caller words

    ticket: Mapped[Ticket] = relationship(back_populates="answers")


class TranscriptionJob(Base):
    """The transcription of one answer, as a durable job: claimed by one worker at a time."""

    __tablename__ = "transcription_jobs"
    __table_args__ = (
        Index("ix_transcription_jobs_queue", "status", "priority", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)  # service.JobStatus
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    locked_by: Mapped[str | None] = mapped_column(String(128))
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # 0: its caller is still on the line (taken first), 1: the call has ended (migration 0006)
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


# The console's indexes (migration 0004): an operator's queue, and the live feed's scan for
# tickets changed since its last look.
Index("ix_tickets_unit_queue", Ticket.unit, Ticket.urgency_rank, Ticket.created_at)
Index("ix_tickets_updated_at", Ticket.updated_at)


class TicketEvent(Base):
    """One thing that happened to a ticket: who, when, what (service.EventAction), details.

    The history the ticket page shows, and the facts the dashboard counts (callback results
    are events too).
    """

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_at", "ticket_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    user: Mapped[str] = mapped_column(String(64))  # users.name, or "system"
    action: Mapped[str] = mapped_column(String(16), index=True)  # service.EventAction
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class User(Base):
    """A person who logs in to the console: operator, supervisor or admin of a unit."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))  # argon2id, encoded with its salt
    role: Mapped[str] = mapped_column(String(16))  # console.auth.Role
    unit: Mapped[str] = mapped_column(String(64))  # tickets.unit of the tickets an operator sees
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # The operator's phone as Asterisk dials it ("PJSIP/op1"), migration 0005: callbacks ring
    # it first, and the phone service knows who calls from it. A unique index: one device, one
    # person (NULLs allowed: users without a phone).
    phone: Mapped[str | None] = mapped_column(String(128), index=True, unique=True)


class UserSession(Base):
    """A logged-in browser: the cookie holds a random token, only its SHA-256 is stored."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))  # every POST must carry it
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Node(Base):
    """One running callbot process: a ``callbot serve`` node or a ``callbot worker``.

    ``id`` is new at every start (``<name>-<random>``), so a restarted node is not taken for
    its predecessor; ``heartbeat_at`` is renewed every few seconds, and a node that stopped
    renewing it for ``cluster.lease_seconds`` is dead: its calls are finished by another node.
    """

    __tablename__ = "nodes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(48), index=True)  # cluster.node, stable
    kind: Mapped[str] = mapped_column(String(16))  # serve | worker
    host: Mapped[str] = mapped_column(String(128))
    pid: Mapped[int] = mapped_column(Integer)
    agi: Mapped[str | None] = mapped_column(String(64))  # host:port of its FastAGI server
    metrics: Mapped[str | None] = mapped_column(String(64))  # host:port of its /metrics
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    calls: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    workers: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    version: Mapped[str] = mapped_column(String(32))


class Lease(Base):
    """A named duty held by one node until ``expires_at`` (e.g. recovering one call's journal)."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))  # nodes.id
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)

"""The ticket database schema: SQLAlchemy 2 declarative models, mirrored by the migrations.

Every change here needs an Alembic revision in ``migrations/versions/`` (a test compares the
two). Constraint and index names follow :data:`NAMING_CONVENTION`, so migrations can name
what they alter on every backend. Allowed values of the string columns (status, outcome, end
reason, ended by, transcription) are checked by the repository, not by CHECK constraints, so
adding a value later needs no table rebuild on SQLite.

Three tables: ``tickets`` (one per call or written request, with what was understood of it),
``answers`` (one per recorded answer, or per field of a written request, with its transcript)
and ``transcription_jobs`` (one per answer: the durable queue the transcription workers take
their work from, so a crash or restart loses nothing).

The operators' console adds ``ticket_events`` (every action on a ticket: who, when, what),
``users`` (console accounts, argon2 password hashes) and ``sessions`` (logged-in browsers).

Written requests (migration 0008) add ``tickets.channel``, ``attachments`` (a request's photos,
files beside the recordings), ``submissions`` (how a written ticket was sent: its channel, API
key and idempotency key) and ``api_keys`` (the REST API's keys, SHA-256 hashes only).

The chat channel's tables (migration 0009) are in :mod:`callbot.tickets.chat_models`, with
``leases`` (a named duty one process holds until it expires, used by the cluster too).

Several machines (migration 0011) add ``nodes`` (in :mod:`callbot.tickets.cluster_models`:
every running ``callbot serve`` and ``callbot worker``, with its heartbeat); a ticket in call
names the node serving it (``tickets.node``), so another node finishes it when that one stops
beating.
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
    # The number the caller was told during the call: "115", "114" or "113" (migration 0010).
    emergency_service: Mapped[str | None] = mapped_column(String(3))
    unit: Mapped[str | None] = mapped_column(String(64), index=True)  # responsible unit code
    unit_name: Mapped[str | None] = mapped_column(String(160))
    # {"name": {"value", "confidence", "answer_id", "parsed"}, "address": ..., "need": ...}
    fields: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A repeat call: the earlier open ticket of the same callback number it was merged into.
    # (A plain column, see migration 0003: set by the repository to an existing ticket only.)
    linked_to_id: Mapped[int | None] = mapped_column(Integer, index=True)
    call_count: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # -- several machines (migration 0011) ---------------------------------------------------------
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
    # How the request came in (service.Channel: call, web, api, chat), migration 0008.
    channel: Mapped[str] = mapped_column(String(16), default="call", server_default=text("'call'"))

    answers: Mapped[list[Answer]] = relationship(
        back_populates="ticket",
        order_by="Answer.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Answer(Base):
    """One recorded answer of a caller to one step of the dialog, or one field of a written
    request (``ended_by`` "written": no audio, ``audio_path`` empty, its text the transcript)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("ticket_id", "step", "attempt"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(64))
    attempt: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    audio_path: Mapped[str] = mapped_column(String(512))  # relative to the recordings root; ""
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
    # 0: its caller is still on the line (taken first), 1: the call has ended (migration 0011)
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


class LoginCounter(Base):
    """Recent failed logins of one key (an address, an account, an account from an address),
    counted in the database so that every node shares them (:mod:`callbot.operators.throttle`).

    ``count`` is reserved before a password is checked and given back when it was right, so
    concurrent guesses cannot all slip past the limit; it starts again from 0 once
    ``window_start`` is older than the throttle's window.
    """

    __tablename__ = "login_counters"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class LoginDevice(Base):
    """A browser where a user logged in with the right password: the device cookie holds a
    random token, this table its SHA-256. While an account is throttled for failures from
    everywhere, its own known browsers still get in (OWASP's device cookies)."""

    __tablename__ = "login_devices"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class AuditEntry(Base):
    """Who read or changed personal data: a ticket viewed, a recording played, tickets
    exported, a ticket changed (``action``: view, play, export, change), and when.

    Shown to admins in the console (``/audit``). ``ticket_id`` is a plain column (no foreign
    key): the trail outlives what it is about.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_ticket_at", "ticket_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    user: Mapped[str] = mapped_column(String(64), index=True)  # users.name
    action: Mapped[str] = mapped_column(String(16))  # view, play, export, change
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    # {"number": ..., "answer_id": ..., "what": <the change>, "unit": ..., "rows": ...}
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# A caller's earlier tickets (the repeat rule, the written requests' limit per number).
Index("ix_tickets_callback_created", Ticket.callback_number, Ticket.created_at)


class Attachment(Base):
    """A file sent with a written request (a photo): beside the recordings, checked by content.

    ``path`` is relative to the recordings root; ``content_type`` is the type its content was
    found to be (never what the sender claimed), and the only type it is ever served with.
    """

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("ticket_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 in the order sent
    path: Mapped[str] = mapped_column(String(512))
    content_type: Mapped[str] = mapped_column(String(32))  # image/jpeg, image/png, image/webp
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Submission(Base):
    """How a written ticket was sent: one row per written request.

    ``scope`` and ``idempotency_key`` make a retried request give the same ticket (unique
    together; requests without a key never collide); ``request_hash`` tells a retry from a
    different request under the same key. ``api_key_id``: the API key that sent it.
    """

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("scope", "idempotency_key"),)

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(80))  # "web", "api:<key id>", "chat:<...>"
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the request's content
    api_key_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ApiKey(Base):
    """A key of the REST API (``Authorization: Bearer KEY``): only its SHA-256 is stored."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(
        String(16)
    )  # the key's first characters, to tell keys apart
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


# The chat's tables (migration 0009) and the cluster's (0011) share this metadata: imported
# last, once Base and the ticket tables exist.
from callbot.tickets import chat_models, cluster_models  # noqa: E402, F401

"""The ticket database schema: SQLAlchemy 2 declarative models, mirrored by the migrations.

Every change here needs an Alembic revision in ``migrations/versions/`` (a test compares the
two). Constraint and index names follow :data:`NAMING_CONVENTION`, so migrations can name
what they alter on every backend. Allowed values of the string columns (status, outcome, end
reason, ended by, transcription) are checked by the repository, not by CHECK constraints, so
adding a value later needs no table rebuild on SQLite.

Three tables: ``tickets`` (one per call), ``answers`` (one per recorded answer, with its
transcript once there is one) and ``transcription_jobs`` (one per answer: the durable queue the
transcription workers take their work from, so a crash or restart loses nothing).
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
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
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
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: callbot stores only aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
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

"""Ticket workflow states, call outcome, callback number, transcripts, transcription jobs.

``tickets.status`` becomes the ticket's place in the operators' workflow (in_call,
transcribing, new); how the call ended moves to the new ``tickets.outcome``. Existing finished
tickets become ``new`` with their old status as outcome. Answers gain their transcript, and
every existing answer gets a pending job, so its recording is transcribed too.

Only plain ADD/DROP COLUMN (SQLite 3.35 or newer drops a plain column in place): no table is
rebuilt, so foreign keys never cascade through a copy.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ANSWER_COLUMNS = (
    "speech_seconds",
    "transcription",
    "transcript",
    "words",
    "asr_model",
    "decode_seconds",
    "transcribed_at",
    "transcription_error",
)


def upgrade() -> None:
    op.add_column("tickets", sa.Column("outcome", sa.String(length=16), nullable=True))
    op.add_column("tickets", sa.Column("callback_number", sa.String(length=32), nullable=True))
    op.add_column("tickets", sa.Column("callback_source", sa.String(length=16), nullable=True))
    op.add_column(
        "tickets",
        sa.Column("no_speech", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.execute(
        "UPDATE tickets SET outcome = status, status = 'new' "
        "WHERE status IN ('complete', 'ended_early')"
    )

    op.add_column("answers", sa.Column("speech_seconds", sa.Float(), nullable=True))
    op.add_column(
        "answers",
        sa.Column(
            "transcription",
            sa.String(length=16),
            server_default=sa.text("'pending'"),
            nullable=False,
        ),
    )
    op.add_column("answers", sa.Column("transcript", sa.Text(), nullable=True))
    op.add_column("answers", sa.Column("words", sa.JSON(), nullable=True))
    op.add_column("answers", sa.Column("asr_model", sa.String(length=128), nullable=True))
    op.add_column("answers", sa.Column("decode_seconds", sa.Float(), nullable=True))
    op.add_column("answers", sa.Column("transcribed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("answers", sa.Column("transcription_error", sa.String(length=200), nullable=True))

    op.create_table(
        "transcription_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_by", sa.String(length=128), nullable=True),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_transcription_jobs_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcription_jobs")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_transcription_jobs_answer_id")),
    )
    op.create_index(
        op.f("ix_transcription_jobs_status"), "transcription_jobs", ["status"], unique=False
    )
    # Every answer recorded so far is transcribed too; its recording time is already stored in
    # the backend's own timestamp form, so it serves as the jobs' times.
    op.execute(
        "INSERT INTO transcription_jobs "
        "(answer_id, status, attempts, next_attempt_at, created_at, updated_at) "
        "SELECT id, 'pending', 0, recorded_at, recorded_at, recorded_at FROM answers"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_transcription_jobs_status"), table_name="transcription_jobs")
    op.drop_table("transcription_jobs")
    for column in _ANSWER_COLUMNS:
        op.drop_column("answers", column)
    op.execute(
        "UPDATE tickets SET status = COALESCE(outcome, 'ended_early') WHERE status <> 'in_call'"
    )
    for column in ("no_speech", "callback_source", "callback_number", "outcome"):
        op.drop_column("tickets", column)

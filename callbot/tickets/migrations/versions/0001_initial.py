"""Initial schema: tickets and their recorded answers.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("caller_number", sa.String(length=32), nullable=False),
        sa.Column("caller_name", sa.String(length=80), nullable=False),
        sa.Column("caller_id_raw", sa.String(length=600), nullable=False),
        sa.Column("channel_uniqueid", sa.String(length=64), nullable=False),
        sa.Column("channel_linkedid", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("end_reason", sa.String(length=16), nullable=True),
        sa.Column("last_step", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    op.create_index(op.f("ix_tickets_number"), "tickets", ["number"], unique=True)
    op.create_index(op.f("ix_tickets_channel_uniqueid"), "tickets", ["channel_uniqueid"])
    op.create_index(op.f("ix_tickets_channel_linkedid"), "tickets", ["channel_linkedid"])
    op.create_index(op.f("ix_tickets_status"), "tickets", ["status"])

    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=64), nullable=False),
        sa.Column("attempt", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("audio_path", sa.String(length=512), nullable=False),
        sa.Column("duration_seconds", sa.Float(), nullable=False),
        sa.Column("ended_by", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_answers_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint(
            "ticket_id", "step", "attempt", name=op.f("uq_answers_ticket_id_step_attempt")
        ),
    )
    op.create_index(op.f("ix_answers_ticket_id"), "answers", ["ticket_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_answers_ticket_id"), table_name="answers")
    op.drop_table("answers")
    op.drop_index(op.f("ix_tickets_status"), table_name="tickets")
    op.drop_index(op.f("ix_tickets_channel_linkedid"), table_name="tickets")
    op.drop_index(op.f("ix_tickets_channel_uniqueid"), table_name="tickets")
    op.drop_index(op.f("ix_tickets_number"), table_name="tickets")
    op.drop_table("tickets")

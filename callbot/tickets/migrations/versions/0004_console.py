"""The operators' console: ticket workflow columns, ticket history, users, sessions.

Tickets gain who holds them (``claimed_by``, ``claimed_at``), how often the citizen could not
be reached, how and when they were closed (``resolution``, ``closed_at``, ``closed_by``) and the
operators' corrections (the corrected column keeps the new value; the original stays in
``corrections``). ``ticket_events`` keeps every action with who and when (callback results
will be events too). ``users`` and ``sessions`` are the console's accounts and logged-in
browsers.

Two indexes serve the console: ``(unit, urgency_rank, created_at)`` for an operator's queue and
``updated_at`` for the live feed, which looks for changed tickets several times a second.

Only plain ADD COLUMN, CREATE TABLE and CREATE INDEX: no table is rebuilt.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 00:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TICKET_COLUMNS = (
    "corrections",
    "closed_by",
    "closed_at",
    "resolution",
    "unreachable_count",
    "claimed_at",
    "claimed_by",
)


def upgrade() -> None:
    add = op.add_column
    add("tickets", sa.Column("claimed_by", sa.String(length=64), nullable=True))
    add("tickets", sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    add(
        "tickets",
        sa.Column("unreachable_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    add("tickets", sa.Column("resolution", sa.String(length=16), nullable=True))
    add("tickets", sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
    add("tickets", sa.Column("closed_by", sa.String(length=64), nullable=True))
    add("tickets", sa.Column("corrections", sa.JSON(), nullable=True))
    op.create_index("ix_tickets_unit_queue", "tickets", ["unit", "urgency_rank", "created_at"])
    op.create_index(op.f("ix_tickets_updated_at"), "tickets", ["updated_at"])

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_events_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    op.create_index("ix_ticket_events_ticket_at", "ticket_events", ["ticket_id", "at"])
    op.create_index(op.f("ix_ticket_events_at"), "ticket_events", ["at"])
    op.create_index(op.f("ix_ticket_events_action"), "ticket_events", ["action"])

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )

    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_user_id"), "sessions", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sessions_user_id"), table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("users")
    op.drop_index(op.f("ix_ticket_events_action"), table_name="ticket_events")
    op.drop_index(op.f("ix_ticket_events_at"), table_name="ticket_events")
    op.drop_index("ix_ticket_events_ticket_at", table_name="ticket_events")
    op.drop_table("ticket_events")
    op.drop_index(op.f("ix_tickets_updated_at"), table_name="tickets")
    op.drop_index("ix_tickets_unit_queue", table_name="tickets")
    for column in _TICKET_COLUMNS:
        op.drop_column("tickets", column)

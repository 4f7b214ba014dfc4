"""What the callbot understood of a call: fields with confidence, urgency, unit, repeat calls.

Tickets gain the structured fields (name, ward, district, 2025 unit, need category, urgency),
the per-field details with their confidence (``fields``), the responsible unit, and the link
of a repeat call to the earlier open ticket of the same callback number (``linked_to_id``,
``call_count``). The queue orders by ``(urgency_rank, created_at)``: one index serves it.

Only plain ADD COLUMN and CREATE INDEX: no table is rebuilt. ``linked_to_id`` is a plain
indexed column, not a foreign key: SQLite cannot add a constraint without rebuilding the
table, and tickets are never deleted; the repository sets it only to an existing ticket.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXED = ("ward", "new_unit", "category", "unit", "linked_to_id")


def upgrade() -> None:
    add = op.add_column
    add("tickets", sa.Column("name", sa.String(length=120), nullable=True))
    add("tickets", sa.Column("ward", sa.String(length=80), nullable=True))
    add("tickets", sa.Column("district", sa.String(length=80), nullable=True))
    add("tickets", sa.Column("new_unit", sa.String(length=120), nullable=True))
    add("tickets", sa.Column("category", sa.String(length=16), nullable=True))
    add(
        "tickets",
        sa.Column(
            "urgency", sa.String(length=16), server_default=sa.text("'normal'"), nullable=False
        ),
    )
    add(
        "tickets",
        sa.Column("urgency_rank", sa.Integer(), server_default=sa.text("2"), nullable=False),
    )
    add(
        "tickets",
        sa.Column("emergency", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    add("tickets", sa.Column("unit", sa.String(length=64), nullable=True))
    add("tickets", sa.Column("unit_name", sa.String(length=160), nullable=True))
    add("tickets", sa.Column("fields", sa.JSON(), nullable=True))
    add("tickets", sa.Column("linked_to_id", sa.Integer(), nullable=True))
    add(
        "tickets",
        sa.Column("call_count", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )
    for column in _INDEXED:
        op.create_index(op.f(f"ix_tickets_{column}"), "tickets", [column], unique=False)
    op.create_index("ix_tickets_queue_order", "tickets", ["urgency_rank", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_queue_order", table_name="tickets")
    for column in _INDEXED:
        op.drop_index(op.f(f"ix_tickets_{column}"), table_name="tickets")
    for column in (
        "call_count",
        "linked_to_id",
        "fields",
        "unit_name",
        "unit",
        "emergency",
        "urgency_rank",
        "urgency",
        "category",
        "new_unit",
        "district",
        "ward",
        "name",
    ):
        op.drop_column("tickets", column)

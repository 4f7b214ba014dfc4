"""Several machines: ``nodes``, the node serving a call, job priorities.

``nodes`` lists every running ``callbot serve`` and ``callbot worker`` with its heartbeat (the
named duties one node holds until they expire are the ``leases`` of migration 0009).
``tickets.node`` names the
node serving a call (another one finishes it when that node stops beating), ``tickets.ready_at``
when the ticket became ready for operators. ``transcription_jobs.priority`` puts the answers of
callers still on the line before the backlog of ended calls, with an index in the order the
workers take jobs.

Only ADD COLUMN, CREATE TABLE and CREATE INDEX: no table is rebuilt.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 00:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("node", sa.String(length=64), nullable=True))
    op.add_column("tickets", sa.Column("ready_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "transcription_jobs",
        sa.Column("priority", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.create_index(
        "ix_transcription_jobs_queue",
        "transcription_jobs",
        ["status", "priority", "next_attempt_at"],
    )
    op.create_table(
        "nodes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=48), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("host", sa.String(length=128), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("agi", sa.String(length=64), nullable=True),
        sa.Column("metrics", sa.String(length=64), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("calls", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("workers", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nodes")),
    )
    op.create_index(op.f("ix_nodes_name"), "nodes", ["name"])
    op.create_index(op.f("ix_nodes_heartbeat_at"), "nodes", ["heartbeat_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_nodes_heartbeat_at"), table_name="nodes")
    op.drop_index(op.f("ix_nodes_name"), table_name="nodes")
    op.drop_table("nodes")
    op.drop_index("ix_transcription_jobs_queue", table_name="transcription_jobs")
    op.drop_column("transcription_jobs", "priority")
    op.drop_column("tickets", "ready_at")
    op.drop_column("tickets", "node")

"""Written requests: the channel of every ticket, photos, submissions and API keys.

``tickets.channel`` says how a request came in (``call`` for every ticket so far: the server
default fills the existing rows). ``attachments`` are the photos sent with a written request
(files beside the recordings), ``submissions`` how a written ticket was sent (its channel, the
API key, the idempotency key that makes a retried request give the same ticket), and
``api_keys`` the REST API's keys (SHA-256 hashes only). An index on the tickets' callback
number and creation time serves the repeat rule and the written requests' limit per number.

Only ADD COLUMN, CREATE TABLE and CREATE INDEX: no table is rebuilt, on any backend.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 00:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "tickets",
        sa.Column(
            "channel", sa.String(length=16), server_default=sa.text("'call'"), nullable=False
        ),
    )
    op.create_index("ix_tickets_callback_created", "tickets", ["callback_number", "created_at"])

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=512), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_attachments_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint(
            "ticket_id", "position", name=op.f("uq_attachments_ticket_id_position")
        ),
    )
    op.create_index(op.f("ix_attachments_ticket_id"), "attachments", ["ticket_id"])

    op.create_table(
        "submissions",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_submissions_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_submissions")),
        sa.UniqueConstraint(
            "scope", "idempotency_key", name=op.f("uq_submissions_scope_idempotency_key")
        ),
    )

    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("name", name=op.f("uq_api_keys_name")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )


def downgrade() -> None:
    op.drop_table("api_keys")
    op.drop_table("submissions")
    op.drop_index(op.f("ix_attachments_ticket_id"), table_name="attachments")
    op.drop_table("attachments")
    op.drop_index("ix_tickets_callback_created", table_name="tickets")
    op.drop_column("tickets", "channel")

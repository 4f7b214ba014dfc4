"""The chat channel (Zalo): the webhook's inbox, conversations, messages in and out, leases and
the OA's tokens.

Only CREATE TABLE and CREATE INDEX: no table is rebuilt, on any backend.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 00:00:02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zalo_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(length=200), nullable=False),
        sa.Column("event_name", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=100), nullable=False),
        sa.Column("event_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deliveries", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zalo_events")),
        sa.UniqueConstraint("event_key", name=op.f("uq_zalo_events_event_key")),
    )
    op.create_index("ix_zalo_events_due", "zalo_events", ["status", "next_attempt_at"])
    op.create_index("ix_zalo_events_user", "zalo_events", ["user_id", "status"])

    op.create_table(
        "chat_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("state", sa.JSON(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("request_dir", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_citizen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_event_ms", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_conversations")),
    )
    op.create_index(
        "ix_chat_conversations_user", "chat_conversations", ["channel", "user_id", "status"]
    )
    op.create_index(op.f("ix_chat_conversations_ticket_id"), "chat_conversations", ["ticket_id"])

    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_by", sa.String(length=128), nullable=True),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["chat_conversations.id"],
            name=op.f("fk_chat_messages_conversation_id_chat_conversations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_messages")),
    )
    op.create_index("ix_chat_messages_outbox", "chat_messages", ["status", "next_attempt_at"])
    op.create_index("ix_chat_messages_conversation", "chat_messages", ["conversation_id", "id"])
    op.create_index(op.f("ix_chat_messages_ticket_id"), "chat_messages", ["ticket_id"])

    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("owner", sa.String(length=128), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leases")),
    )

    op.create_table(
        "zalo_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refresh_failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zalo_tokens")),
    )


def downgrade() -> None:
    op.drop_table("zalo_tokens")
    op.drop_table("leases")
    op.drop_index(op.f("ix_chat_messages_ticket_id"), table_name="chat_messages")
    op.drop_index("ix_chat_messages_conversation", table_name="chat_messages")
    op.drop_index("ix_chat_messages_outbox", table_name="chat_messages")
    op.drop_table("chat_messages")
    op.drop_index(op.f("ix_chat_conversations_ticket_id"), table_name="chat_conversations")
    op.drop_index("ix_chat_conversations_user", table_name="chat_conversations")
    op.drop_table("chat_conversations")
    op.drop_index("ix_zalo_events_user", table_name="zalo_events")
    op.drop_index("ix_zalo_events_due", table_name="zalo_events")
    op.drop_table("zalo_events")

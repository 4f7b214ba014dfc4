"""Login counters shared by every node, known login devices, and the audit trail of who read or
changed tickets.

``login_counters``: failed logins per key (an address, an account, an account from an
address), counted atomically in the database. ``login_devices``: browsers where a user logged
in (device cookies). ``audit_log``: who viewed, played, exported or
changed which ticket, and when. Only CREATE TABLE and CREATE INDEX.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_counters",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_counters")),
    )
    op.create_table(
        "login_devices",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_login_devices")),
    )
    op.create_index(
        op.f("ix_login_devices_user_name"), "login_devices", ["user_name"], unique=False
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_user"), "audit_log", ["user"], unique=False)
    op.create_index("ix_audit_log_ticket_at", "audit_log", ["ticket_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_ticket_at", table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_user"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_login_devices_user_name"), table_name="login_devices")
    op.drop_table("login_devices")
    op.drop_table("login_counters")

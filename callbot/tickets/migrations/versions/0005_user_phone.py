"""Operators' phones: ``users.phone``, the device Asterisk dials to reach an operator.

A callback from the console rings this device first (then the citizen); the phone service
knows who calls it from the calling device. One device belongs to one user at most: a unique
index (NULL for users without a phone). Only ADD COLUMN and CREATE INDEX: the users table is
not rebuilt, so no session is lost to SQLite's cascade on a table copy.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 00:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("phone", sa.String(length=128), nullable=True))
    op.create_index(op.f("ix_users_phone"), "users", ["phone"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_users_phone"), table_name="users")
    op.drop_column("users", "phone")

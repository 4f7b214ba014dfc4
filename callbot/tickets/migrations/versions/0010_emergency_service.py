"""The number an emergency caller was told to call: ``tickets.emergency_service``.

"115" (medical), "114" (fire and rescue) or "113" (police), set when the callbot recognises an
emergency during the call and tells the caller that number (issue 13); NULL otherwise. Which
words made the need an emergency stay in ``fields`` (the need parser's ``emergency_reasons``).
Only ADD COLUMN: the tickets table is not rebuilt.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 00:00:10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("emergency_service", sa.String(length=3), nullable=True))


def downgrade() -> None:
    op.drop_column("tickets", "emergency_service")

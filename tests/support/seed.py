"""Tickets and events written straight into the tables, at chosen times (dashboard figures)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select

from callbot.tickets.models import Ticket, TicketEvent

NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)  # 17:30 in Ho Chi Minh City


class Seed:
    """Tickets and events written straight into the tables, at chosen times."""

    def __init__(self, engine: Engine, now: datetime = NOW) -> None:
        self.engine = engine
        self.now = now
        self.count = 0

    def ticket(
        self,
        ago: timedelta,
        *,
        unit: str | None = "U1",
        category: str | None = "food",
        status: str = "new",
        **values: Any,
    ) -> int:
        """A ticket created ``ago`` before now; its id."""
        self.count += 1
        at = self.now - ago
        row = {
            "number": f"T{self.count}",
            "created_at": at,
            "updated_at": at,
            "caller_number": "0901234567",
            "caller_name": "",
            "caller_id_raw": "",
            "channel_uniqueid": f"1700000000.{self.count}",
            "channel_linkedid": f"1700000000.{self.count}",
            "status": status,
            "unit": unit,
            "category": category,
            **values,
        }
        with self.engine.begin() as connection:
            ticket_id: int = connection.execute(insert(Ticket), row).inserted_primary_key[0]
        return ticket_id

    def event(self, ticket_id: int, action: str, after: timedelta) -> None:
        with self.engine.begin() as connection:
            created = connection.scalar(select(Ticket.created_at).where(Ticket.id == ticket_id))
            assert created is not None
            connection.execute(
                insert(TicketEvent),
                [{"ticket_id": ticket_id, "at": created + after, "user": "ana", "action": action}],
            )

"""A ticket's history: the ``ticket_events`` rows that say who did what to it, and when.

Every action of the workflow writes its event with :func:`add_event`, in the transaction that
changes the ticket. :class:`TicketHistory` adds the events that change nothing else: an
operator's note, and an event from elsewhere (a callback's result, the phone service) as it
comes. Each such event also touches the ticket's ``updated_at``, so the live feed shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from callbot.errors import TicketNotFound, WorkflowError
from callbot.operators.access import require_visible, ticket_state
from callbot.operators.accounts import UserRecord
from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.rules import EventAction
from callbot.tickets.transactions import Transactions, rowcount

SYSTEM = "system"  # the user of events no person caused
MAX_NOTE = 1000


def clean_note(note: str) -> str:
    """An operator's note as it is kept: printable, trimmed, at most :data:`MAX_NOTE` long."""
    kept = "".join(c for c in note if c.isprintable() or c in "\n\t")
    return kept.strip()[:MAX_NOTE]


def add_event(
    session: Session,
    ticket_id: int,
    *,
    user: str,
    action: EventAction,
    detail: Mapping[str, Any] | None,
    now: datetime,
) -> None:
    """One event on ticket ``ticket_id``'s history; empty values of ``detail`` are left out."""
    session.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=now,
            user=user,
            action=action.value,
            detail={k: v for k, v in (detail or {}).items() if v not in (None, "")},
        )
    )


def _touch(session: Session, ticket_id: int, now: datetime) -> int:
    touched = session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return rowcount(touched)


class TicketHistory:
    """The events that only add to a ticket's history."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def note(self, user: UserRecord, ticket_id: int, text: str) -> None:
        """A note on the ticket's history (any ticket the user may see)."""
        cleaned = clean_note(text)
        if not cleaned:
            raise WorkflowError("an empty note", "empty_note")

        def work(session: Session) -> None:
            row = ticket_state(session, ticket_id)
            require_visible(user, row.unit, row.number)
            now = self._tx.clock()
            _touch(session, ticket_id, now)
            add_event(
                session,
                ticket_id,
                user=user.name,
                action=EventAction.NOTE,
                detail={"note": cleaned},
                now=now,
            )

        self._tx.run(f"add a note to ticket {ticket_id}", work, write=True)

    def record_event(
        self, ticket_id: int, user: str, action: EventAction, detail: Mapping[str, Any]
    ) -> None:
        """An event from elsewhere (a callback's result, the phone service), as is."""

        def work(session: Session) -> None:
            now = self._tx.clock()
            if _touch(session, ticket_id, now) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            add_event(session, ticket_id, user=user, action=action, detail=detail, now=now)

        self._tx.run(f"record {action.value} on ticket {ticket_id}", work, write=True)

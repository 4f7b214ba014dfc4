"""Closing a ticket: resolved (the citizen was helped), or a duplicate of another ticket.

Only a claimed ticket, by its holder (or a supervisor); one conditional UPDATE as every action
of :mod:`.workflow`, and a ``resolve`` or ``duplicate`` event that keeps the note and who held
the claim. A duplicate of a given ticket number is linked to it (``linked_to_id``) and adds its
calls to the original's ``call_count``. A ticket that a chat made (or that a chat request was
merged into) ends its conversations, and the citizen is told (:func:`~.chat.close_chats`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.errors import WorkflowError
from callbot.operators.access import CLAIMED, actable_by, may_see, refusal, ticket_state
from callbot.operators.accounts import UserRecord
from callbot.operators.chat import close_chats
from callbot.operators.history import add_event, clean_note
from callbot.tickets.models import Ticket
from callbot.tickets.rules import EventAction, Resolution, TicketStatus, valid_ticket_number
from callbot.tickets.transactions import Transactions, rowcount

logger = logging.getLogger(__name__)


class Closing:
    """The actions that close a claimed ticket."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def resolve(self, user: UserRecord, ticket_id: int, note: str = "") -> None:
        """Close a claimed ticket: the citizen was helped."""
        self._close(
            user,
            ticket_id,
            resolution=Resolution.RESOLVED,
            action=EventAction.RESOLVE,
            values={},
            note=note,
        )

    def duplicate(
        self, user: UserRecord, ticket_id: int, original: str | None = None, note: str = ""
    ) -> None:
        """Close a claimed ticket as a duplicate, of ticket number ``original`` if given: it is
        then linked to it (``linked_to_id``) and adds its calls to the original's count."""
        original_id: int | None = None
        if original:
            original_id = self._original(user, ticket_id, original.strip())
        values: dict[str, Any] = {}
        if original_id is not None:
            values["linked_to_id"] = original_id
        self._close(
            user,
            ticket_id,
            resolution=Resolution.DUPLICATE,
            action=EventAction.DUPLICATE,
            values=values,
            note=note,
            detail={"original": original.strip() if original else None},
            original_id=original_id,
        )

    def _original(self, user: UserRecord, ticket_id: int, number: str) -> int:
        if not valid_ticket_number(number):
            raise WorkflowError(f"{number!r} is not a ticket number", "bad_original")

        def work(session: Session) -> int:
            found = session.execute(
                select(Ticket.id, Ticket.unit).where(Ticket.number == number)
            ).one_or_none()
            if found is None or not may_see(user, found[1]) or found[0] == ticket_id:
                raise WorkflowError(f"no other ticket {number} to link to", "bad_original")
            return int(found[0])

        return self._tx.run("find the original ticket", work)

    def _close(
        self,
        user: UserRecord,
        ticket_id: int,
        *,
        resolution: Resolution,
        action: EventAction,
        values: Mapping[str, Any],
        note: str,
        detail: Mapping[str, Any] | None = None,
        original_id: int | None = None,
    ) -> None:
        def work(session: Session) -> None:
            now = self._tx.clock()
            where = [Ticket.id == ticket_id, Ticket.status == CLAIMED, *actable_by(user)]
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(
                    status=TicketStatus.CLOSED.value,
                    resolution=resolution.value,
                    closed_at=now,
                    closed_by=user.name,
                    updated_at=now,
                    **values,
                )
                .execution_options(synchronize_session=False)
            )
            row = ticket_state(session, ticket_id)
            if rowcount(changed) == 0:
                raise refusal(user, row, (CLAIMED,))
            if original_id is not None:
                calls = session.scalar(select(Ticket.call_count).where(Ticket.id == ticket_id))
                session.execute(
                    update(Ticket)
                    .where(Ticket.id == original_id)
                    .values(call_count=Ticket.call_count + (calls or 1), updated_at=now)
                    .execution_options(synchronize_session=False)
                )
            add_event(
                session,
                ticket_id,
                user=user.name,
                action=action,
                detail={**(detail or {}), "note": clean_note(note), "held_by": row.claimed_by},
                now=now,
            )
            close_chats(session, ticket_id, now)  # a chat's citizen is told

        self._tx.run(f"close ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d closed (%s) by %s", ticket_id, resolution.value, user.name)

"""A ticket becoming ready for operators: understood, routed, or merged into an earlier one.

Runs inside the repository's transaction that settles a ticket's last answer (or finishes a
call with nothing left to transcribe), with the ticket's row locked, so a ticket is never
seen ``new`` without its fields. What the ticket's text means is not decided here: the
:class:`Understand` callable (``callbot.understanding.ticket.understand``, bound to the units
file by the application) turns answers into column values. Here are the storage rules:

- the understood columns are written, the urgency never lowered below what the call itself
  flagged (an emergency recognised during the call stays one);
- a repeat call: if another ticket with the same callback number is still open (``new`` or
  ``claimed``) and was created within ``repeat_window``, this ticket becomes ``merged``
  (``linked_to_id`` = the earlier one) and the earlier ticket's ``call_count`` goes up, its
  urgency rises to this call's if higher; the operators see one ticket, with every call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.tickets.models import Answer, Ticket
from callbot.tickets.rules import (
    URGENCY_RANK,
    TicketStatus,
    Urgency,
    holds_no_speech,
    ready_for_operators,
)

logger = logging.getLogger(__name__)

OPEN_FOR_REPEAT = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)


class Understood(Protocol):
    """What an :class:`Understand` callable returns."""

    def columns(self) -> dict[str, Any]: ...


# (answer id, step, attempt, transcript, words) of each answer -> ticket column values
Understand = Callable[[Sequence[tuple[int, str, int, str | None, list[Any]]]], Understood]


class Settler:
    """Makes tickets ``new`` (or ``merged``) once their call ended and answers settled."""

    def __init__(
        self, understand: Understand | None = None, repeat_window: timedelta | None = None
    ) -> None:
        self.understand = understand
        self.repeat_window = repeat_window

    def settle(self, session: Session, ticket_id: int, now: datetime) -> bool:
        """Make the ticket ``new`` (or ``merged``) if its call ended and its answers settled.

        Call with the ticket's row locked. Returns whether it left ``transcribing`` now.
        """
        ticket = session.get(Ticket, ticket_id, populate_existing=True)
        if ticket is None or ticket.status != TicketStatus.TRANSCRIBING:
            return False
        answers = session.scalars(
            select(Answer).where(Answer.ticket_id == ticket_id).order_by(Answer.id)
        ).all()
        states = [a.transcription for a in answers]
        if not ready_for_operators(states):
            return False
        values: dict[str, Any] = {
            "status": TicketStatus.NEW.value,
            "no_speech": holds_no_speech(states),
            "updated_at": now,
        }
        if self.understand is not None:
            heard = [(a.id, a.step, a.attempt, a.transcript, list(a.words or ())) for a in answers]
            try:
                columns = self.understand(heard).columns()
            except Exception:  # the ticket must reach the operators anyway
                logger.exception(
                    "understanding ticket id %d failed; it goes on unparsed", ticket_id
                )
                columns = {"fields": {"error": "understanding failed"}}
            values.update(self._keep_flagged(ticket, columns))
        earlier = self._open_earlier(session, ticket, now)
        if earlier is not None:
            values.update(status=TicketStatus.MERGED.value, linked_to_id=earlier.id)
            self._merge_into(session, earlier, values, now)
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.TRANSCRIBING.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if earlier is not None:
            logger.info(
                "ticket id %d is a repeat call: merged into ticket id %d", ticket_id, earlier.id
            )
        return True

    @staticmethod
    def _keep_flagged(ticket: Ticket, columns: dict[str, Any]) -> dict[str, Any]:
        """Never lower the urgency the call already set (an emergency flagged live)."""
        if ticket.urgency_rank < columns.get("urgency_rank", 2):
            columns.update(
                urgency=ticket.urgency, urgency_rank=ticket.urgency_rank, emergency=ticket.emergency
            )
        return columns

    def _open_earlier(self, session: Session, ticket: Ticket, now: datetime) -> Ticket | None:
        if not self.repeat_window or not ticket.callback_number:
            return None
        return session.scalars(
            select(Ticket)
            .where(
                Ticket.callback_number == ticket.callback_number,
                Ticket.id != ticket.id,
                Ticket.status.in_(OPEN_FOR_REPEAT),
                Ticket.created_at >= now - self.repeat_window,
            )
            .order_by(Ticket.created_at.desc(), Ticket.id.desc())
            .limit(1)
            .with_for_update()
        ).first()

    @staticmethod
    def _merge_into(
        session: Session, earlier: Ticket, values: dict[str, Any], now: datetime
    ) -> None:
        rank = min(earlier.urgency_rank, int(values.get("urgency_rank", 2)))
        urgency = next(u for u, r in URGENCY_RANK.items() if r == rank)
        session.execute(
            update(Ticket)
            .where(Ticket.id == earlier.id)
            .values(
                call_count=Ticket.call_count + 1,
                urgency=urgency.value,
                urgency_rank=rank,
                emergency=earlier.emergency or urgency == Urgency.EMERGENCY,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )

"""What a citizen's status lookup is decided from: a ticket's status (or the status of the
ticket it was merged into), its numbers, and its last claim and referral.

Read in one short transaction by :meth:`callbot.tickets.written.WrittenTickets.facts`; turned
into what the citizen sees by :mod:`callbot.intake.status`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.rules import EventAction, TicketStatus

MAX_HOPS = 5  # merged into a ticket merged into another...: links followed at most


@dataclass(frozen=True)
class PublicFacts:
    """What a citizen's status lookup is decided from (the ticket's links followed)."""

    number: str  # the number asked for
    status: str  # of the ticket that stands for it now (the one it was merged into)
    callback_number: str | None  # of the ticket asked for
    caller_number: str
    claimed_ever: bool  # someone has taken it since it was last referred
    referred: bool  # handed to another unit and not taken there yet


def read_facts(session: Session, number: str) -> PublicFacts | None:
    """The facts of ticket ``number`` (None: no such ticket), links followed."""
    asked = session.execute(
        select(Ticket.id, Ticket.callback_number, Ticket.caller_number).where(
            Ticket.number == number
        )
    ).one_or_none()
    if asked is None:
        return None
    ticket_id, callback, caller = asked
    status = TicketStatus.MERGED.value
    for _ in range(MAX_HOPS):  # a merged ticket's state is the one it joined
        status, linked = session.execute(
            select(Ticket.status, Ticket.linked_to_id).where(Ticket.id == ticket_id)
        ).one()
        if status != TicketStatus.MERGED.value or linked is None:
            break
        ticket_id = linked
    last = {
        action: at
        for action, at in session.execute(
            select(TicketEvent.action, func.max(TicketEvent.at))
            .where(
                TicketEvent.ticket_id == ticket_id,
                TicketEvent.action.in_((EventAction.CLAIM.value, EventAction.REFER.value)),
            )
            .group_by(TicketEvent.action)
        )
    }
    refer, claim = last.get(EventAction.REFER.value), last.get(EventAction.CLAIM.value)
    referred = refer is not None and (claim is None or claim < refer)
    return PublicFacts(
        number=number,
        status=status,
        callback_number=callback,
        caller_number=caller,
        claimed_ever=claim is not None and not referred,
        referred=referred,
    )

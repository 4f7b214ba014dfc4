"""Repeat callers: a call from someone whose earlier ticket is still open joins that ticket.

The rule, applied by the settle step (:mod:`callbot.routing.settle`) in its write transaction:
if another ticket with the same callback number is still open (``new`` or ``claimed``) and was
created within the repeat window (``routing.repeat_window_hours``), the new ticket becomes
``merged`` (``linked_to_id`` = the earlier one), the earlier ticket's ``call_count`` goes up
and its urgency rises to the new call's if that is higher. The earlier ticket's history gets
a ``merge`` event naming the merged ticket and its channel. The operators see one ticket, with
every call and every written request of that number (the rule does not look at channels: a
call then a web form, or a form then a call, make one ticket).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from callbot.tickets.models import Ticket, TicketEvent, UtcDateTime
from callbot.tickets.rules import URGENCY_RANK, EventAction, TicketStatus, Urgency

OPEN_FOR_REPEAT = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)
SYSTEM = "system"  # the user of events no person caused
# Built once, the values as parameters (settling is on the public form's hot path).
_OPEN_EARLIER = (
    select(Ticket)
    .where(
        Ticket.callback_number == bindparam("number"),
        Ticket.id != bindparam("ticket"),
        Ticket.status.in_(OPEN_FOR_REPEAT),
        Ticket.created_at >= bindparam("since", type_=UtcDateTime()),
    )
    .order_by(Ticket.created_at.desc(), Ticket.id.desc())
    .limit(1)
    .with_for_update()
)


def open_earlier(
    session: Session, ticket: Ticket, now: datetime, window: timedelta | None
) -> Ticket | None:
    """The caller's most recent open ticket within ``window`` (locked), if any."""
    if not window or not ticket.callback_number:
        return None
    found = session.scalars(
        _OPEN_EARLIER,
        {"number": ticket.callback_number, "ticket": ticket.id, "since": now - window},
    ).first()
    return found


def merge_into(
    session: Session,
    earlier: Ticket,
    values: dict[str, Any],
    now: datetime,
    merged: Ticket | None = None,
) -> None:
    """Count one more call on ``earlier``; raise its urgency to the merged call's (``values``);
    a ``merge`` event on its history names ``merged`` (the ticket merged into it)."""
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
    if merged is not None:
        session.add(
            TicketEvent(
                ticket_id=earlier.id,
                at=now,
                user=SYSTEM,
                action=EventAction.MERGE.value,
                detail={"ticket": merged.number, "channel": merged.channel},
            )
        )

"""The operators' access policy: who may see and change which ticket, and why an action is refused.

Seeing: an operator sees the tickets whose ``unit`` is theirs; supervisors and admins see every
ticket (:func:`may_see` in Python, :func:`visible_to` as a query's WHERE clause). Acting: an
operator acts on their unit's tickets, and on a claimed ticket only if they hold it;
supervisors and admins act on every ticket and may take over a claim (:func:`may_act`, and
:func:`actable_by` as WHERE clauses: the workflow's conditional UPDATEs carry the rule, so a
race cannot slip past it).

A ticket of another unit is refused with :class:`~callbot.errors.AccessDenied` by
:func:`require_visible`, the one place that says so; :func:`refusal` says why any other action
is refused (:class:`~callbot.errors.WorkflowError` and its ``code``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from callbot.errors import AccessDenied, TicketNotFound, WorkflowError
from callbot.operators.accounts import UserRecord
from callbot.tickets.models import Ticket
from callbot.tickets.rules import TicketStatus

CLAIMED = TicketStatus.CLAIMED.value
NEW = TicketStatus.NEW.value

# Why an action is refused, by the ticket's status (when it is not the expected one).
NOT_READY = {
    TicketStatus.CLOSED.value: "closed",
    TicketStatus.MERGED.value: "merged",
    TicketStatus.IN_CALL.value: "not_ready",
    TicketStatus.TRANSCRIBING.value: "not_ready",
}


def visible_to(user: UserRecord) -> ColumnElement[bool]:
    """The tickets ``user`` may see: their unit's for an operator, all for the others."""
    return true() if user.sees_all_units else Ticket.unit == user.unit


def may_see(user: UserRecord, unit: str | None) -> bool:
    """Whether ``user`` may see a ticket of ``unit`` (the same rule as :func:`visible_to`)."""
    return user.sees_all_units or (unit is not None and unit == user.unit)


def require_visible(user: UserRecord, unit: str | None, number: str) -> None:
    """Refuse ticket ``number`` (of ``unit``) with :class:`AccessDenied` if ``user`` may not
    see it."""
    if not may_see(user, unit):
        raise AccessDenied(f"ticket {number} belongs to another unit")


def may_act(user: UserRecord, unit: str | None, status: str, claimed_by: str | None) -> bool:
    """Whether ``user`` may change a ticket of ``unit`` in ``status`` held by ``claimed_by``."""
    if not may_see(user, unit):
        return False
    if status == CLAIMED and claimed_by != user.name:
        return user.sees_all_units  # supervisors may take over
    return True


def actable_by(user: UserRecord, *, holder_only: bool = True) -> list[ColumnElement[bool]]:
    """:func:`may_act` as WHERE clauses: the user's unit, and (``holder_only``) a ticket that is
    not claimed by someone else. Nothing for supervisors and admins."""
    if user.sees_all_units:
        return []
    where: list[ColumnElement[bool]] = [Ticket.unit == user.unit]
    if holder_only:
        where.append((Ticket.status != CLAIMED) | (Ticket.claimed_by == user.name))
    return where


@dataclass(frozen=True)
class TicketState:
    """What the rules look at: a ticket's status, unit and claim."""

    id: int
    number: str
    status: str
    unit: str | None
    claimed_by: str | None
    claimed_at: datetime | None


def ticket_state(session: Session, ticket_id: int) -> TicketState:
    """Ticket ``ticket_id``'s state as it is now; :class:`TicketNotFound` when there is none."""
    found = session.execute(
        select(
            Ticket.id,
            Ticket.number,
            Ticket.status,
            Ticket.unit,
            Ticket.claimed_by,
            Ticket.claimed_at,
        ).where(Ticket.id == ticket_id)
    ).one_or_none()
    if found is None:
        raise TicketNotFound(f"no ticket with id {ticket_id}")
    return TicketState(*found)


def refusal(user: UserRecord, row: TicketState, expected: tuple[str, ...]) -> WorkflowError:
    """Why ``user`` cannot act on ``row`` (whose status is not in ``expected``, or held):
    ``already_claimed``/``held_by_other`` with the holder, ``closed``, ``merged``,
    ``not_ready`` or ``not_claimed``. Raises :class:`AccessDenied` for another unit's ticket."""
    require_visible(user, row.unit, row.number)
    if row.status == CLAIMED and (CLAIMED in expected or NEW in expected):
        code = "held_by_other" if CLAIMED in expected else "already_claimed"
        return WorkflowError(
            f"ticket {row.number} is held by {row.claimed_by}",
            code,
            holder=row.claimed_by,
            at=row.claimed_at,
        )
    code = NOT_READY.get(row.status, "not_claimed")
    return WorkflowError(f"ticket {row.number}: {code.replace('_', ' ')}", code)

"""Who may call a citizen back, and at which number: the rules every callback shares.

The console's "Gọi lại" button (:mod:`callbot.console.callbacks`) and key 1 of the phone
service (:mod:`callbot.calls.service`) call the citizen through the same dialplan. Before
either dials, :func:`callback_target` says whether this user may call this ticket back, on
which of their devices, and at which number; :func:`callback_detail` is what the ticket's
``callback`` event keeps of the outcome. No PBX and no HTTP here.

The rules: the operator who holds the claim, or a supervisor (any ready ticket: waiting or
claimed); the user has a phone (``users.phone``); the number is the one the caller chose for
the callback, else the calling number, as a Vietnamese number
(:func:`~callbot.understanding.phone.normalize_vn_number`: the 10-digit national form, nothing
else reaches the dialplan).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from callbot.errors import AccessDenied, WorkflowError
from callbot.operators.accounts import UserRecord
from callbot.operators.queue import TicketView, may_see
from callbot.tickets.records import TicketRecord
from callbot.tickets.rules import CallbackResult, TicketStatus
from callbot.understanding.phone import normalize_vn_number

_READY = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)
_NOT_READY = {
    TicketStatus.CLOSED.value: "closed",
    TicketStatus.MERGED.value: "merged",
    TicketStatus.IN_CALL.value: "not_ready",
    TicketStatus.TRANSCRIBING.value: "not_ready",
}


@dataclass(frozen=True)
class CallbackTarget:
    """A callback that may be placed: whose phone rings first, then which number."""

    ticket_id: int
    ticket_number: str
    device: str  # the user's phone, as Asterisk dials it
    number: str  # the citizen's number, national form (0901234567)


def callback_number(ticket: TicketRecord) -> str | None:
    """The number to call back: the callback number, else the calling number, if either is a
    Vietnamese number (as 10 digits); None when neither is."""
    for raw in (ticket.callback_number, ticket.caller_number):
        number = normalize_vn_number(raw) if raw else None
        if number is not None:
            return number
    return None


def may_call_back(user: UserRecord, view: TicketView) -> bool:
    """The holder of the claim, or a supervisor on a waiting or claimed ticket."""
    ticket = view.ticket
    if not may_see(user, ticket.unit):
        return False
    if user.sees_all_units:
        return ticket.status in _READY
    return ticket.status == TicketStatus.CLAIMED and view.workflow.claimed_by == user.name


def callback_target(user: UserRecord, view: TicketView) -> CallbackTarget:
    """The callback ``user`` may place for this ticket, or a :class:`WorkflowError` whose
    ``code`` says why not: ``forbidden``, ``closed``/``merged``/``not_ready``,
    ``held_by_other``, ``not_claimed``, ``no_phone``, ``no_number``."""
    ticket = view.ticket
    if not may_see(user, ticket.unit):
        raise AccessDenied(f"ticket {ticket.number} belongs to another unit")
    if not may_call_back(user, view):
        holder = view.workflow.claimed_by
        if ticket.status in _NOT_READY:
            code = _NOT_READY[ticket.status]
        elif ticket.status == TicketStatus.CLAIMED and holder != user.name:
            raise WorkflowError(
                f"ticket {ticket.number} is held by {holder}",
                "held_by_other",
                holder=holder,
                at=view.workflow.claimed_at,
            )
        else:
            code = "not_claimed"
        raise WorkflowError(f"ticket {ticket.number}: no callback ({code})", code)
    if not user.phone:
        raise WorkflowError(f"user {user.name} has no phone", "no_phone")
    number = callback_number(ticket)
    if number is None:
        raise WorkflowError(f"ticket {ticket.number} has no number to call back", "no_number")
    return CallbackTarget(ticket.id, ticket.number, user.phone, number)


def callback_detail(
    result: str, number: str, via: str, *, dial_status: str = "", reason: str = ""
) -> dict[str, Any]:
    """The ``detail`` of a ``callback`` event: ``result`` (a :class:`CallbackResult`), the
    number called, ``via`` ("console" or "phone"), and Asterisk's words when there are any."""
    detail: dict[str, Any] = {"result": CallbackResult(result).value, "number": number, "via": via}
    if dial_status:
        detail["dial_status"] = dial_status
    if reason:
        detail["reason"] = reason
    return detail

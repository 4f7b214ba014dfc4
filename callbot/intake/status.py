"""What a citizen may learn of their request: its state, given its number and their phone.

Four states, said in Vietnamese on the status page and as codes by the API:

=============  ==============================  ==========================================
state          shown                           when
=============  ==============================  ==========================================
received       Đã tiếp nhận                    waiting for an operator
in_progress    Đang xử lý                      an operator has it, or had it (a callback
                                               that did not reach the citizen sends it
                                               back to the queue)
referred       Đã chuyển đơn vị khác xử lý     handed to another unit, not taken there yet
resolved       Đã giải quyết                   closed (resolved, or a duplicate of another)
=============  ==============================  ==========================================

A request merged into the same person's open ticket (they called, then wrote) has that
ticket's state. Nothing else is said: no name, address, need, unit or operator. The phone must
be the request's callback number (or the number it came from); a wrong phone and an unknown
number get the same answer (None), so the lookup tells nothing to someone guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from callbot.intake.fields import normalize_phone
from callbot.tickets.facts import PublicFacts
from callbot.tickets.rules import TicketStatus, valid_ticket_number
from callbot.tickets.written import WrittenTickets


class PublicState(StrEnum):
    """A request's state as the citizen sees it."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    REFERRED = "referred"
    RESOLVED = "resolved"


LABELS = {
    PublicState.RECEIVED: "Đã tiếp nhận",
    PublicState.IN_PROGRESS: "Đang xử lý",
    PublicState.REFERRED: "Đã chuyển đơn vị khác xử lý",
    PublicState.RESOLVED: "Đã giải quyết",
}


@dataclass(frozen=True)
class PublicStatus:
    """The answer to a status lookup: nothing personal."""

    number: str
    state: PublicState

    @property
    def label(self) -> str:
        """The state in Vietnamese."""
        return LABELS[self.state]

    def as_dict(self) -> dict[str, str]:
        """As the API answers it."""
        return {"ticket_number": self.number, "status": self.state.value, "label": self.label}


def public_state(facts: PublicFacts) -> PublicState:
    """The state a citizen sees, from the ticket's (or the ticket it joined) status and its
    last claim and referral."""
    if facts.status == TicketStatus.CLOSED:
        return PublicState.RESOLVED
    if facts.referred:
        return PublicState.REFERRED
    if facts.status == TicketStatus.CLAIMED or facts.claimed_ever:
        return PublicState.IN_PROGRESS
    return PublicState.RECEIVED


def clean_number(raw: str) -> str | None:
    """A ticket number as typed (spaces, dashes and dots allowed), or None if malformed."""
    number = "".join(ch for ch in raw if ch not in " -.")[:20]
    return number if valid_ticket_number(number) else None


class StatusLookup:
    """Ticket number + phone -> the request's public status."""

    def __init__(self, tickets: WrittenTickets) -> None:
        self.tickets = tickets

    def lookup(self, number: str, phone: str) -> PublicStatus | None:
        """The status of request ``number`` if ``phone`` is its number; None otherwise (no such
        ticket, a wrong phone, or a malformed one: the same answer)."""
        wanted = clean_number(number)
        given = normalize_phone(phone)
        if wanted is None or given is None:
            return None
        facts = self.tickets.facts(wanted)
        if facts is None:
            return None
        known = {facts.callback_number, normalize_phone(facts.caller_number or "")}
        if given not in known:
            return None
        return PublicStatus(wanted, public_state(facts))

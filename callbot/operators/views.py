"""The operators' read models: what the queue is asked (:class:`QueueFilter`) and what the reads
of :mod:`.queue` give back (queue rows and pages, a ticket with its history and linked tickets,
the changes of the live feed). Frozen records, no queries.

Also the queue's status filters: a filter's name -> the statuses it shows ("open": neither
closed nor merged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from callbot.errors import InvalidInput
from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.records import AttachmentRecord, TicketRecord
from callbot.tickets.rules import Channel, TicketStatus

LAST_PAGE = 100_000  # the highest page number the queue is asked for

# The queue's status filter: a name -> the statuses it shows ("open": not closed, not merged).
CLOSED_STATUSES = (TicketStatus.CLOSED.value, TicketStatus.MERGED.value)
STATUS_FILTERS: dict[str, tuple[str, ...] | None] = {
    "open": None,  # everything but CLOSED_STATUSES
    "new": (TicketStatus.NEW.value,),
    "claimed": (TicketStatus.CLAIMED.value,),
    "in_progress": (TicketStatus.IN_CALL.value, TicketStatus.TRANSCRIBING.value),
    "closed": (TicketStatus.CLOSED.value,),
    "merged": (TicketStatus.MERGED.value,),
    "all": tuple(TicketStatus),
}


def is_open(status: str) -> bool:
    """Open: not closed and not merged into another ticket."""
    return status not in CLOSED_STATUSES


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. ``unit`` is ignored for operators (always their own)."""

    status: str = "open"
    unit: str | None = None
    category: str | None = None
    ward: str | None = None
    mine: bool = False  # only the tickets the user holds
    page: int = 1
    channel: str | None = None  # call, web, api, chat (None: every channel)

    def __post_init__(self) -> None:
        if self.channel is not None and self.channel not in set(Channel):
            raise InvalidInput(
                "channel", f"channel {self.channel!r}: one of {sorted(c.value for c in Channel)}"
            )
        if self.status not in STATUS_FILTERS:
            raise InvalidInput(
                "status", f"status filter {self.status!r}: one of {sorted(STATUS_FILTERS)}"
            )
        if self.page < 1:
            raise InvalidInput("page", f"page counts from 1, not {self.page}")


@dataclass(frozen=True)
class QueueRow:
    """One ticket as a queue line (no answers: the queue must stay light)."""

    id: int
    number: str
    created_at: datetime
    updated_at: datetime
    status: str
    urgency: str
    emergency: bool
    name: str | None
    caller_number: str
    callback_number: str | None
    ward: str | None
    district: str | None
    category: str | None
    unit: str | None
    unit_name: str | None
    claimed_by: str | None
    unreachable_count: int
    call_count: int
    no_speech: bool
    channel: str = Channel.CALL.value


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue and the counts for the same filters (status aside)."""

    rows: tuple[QueueRow, ...]
    total: int  # tickets matching every filter
    page: int
    pages: int
    by_status: dict[str, int] = field(default_factory=dict)  # status -> tickets
    open_by_urgency: dict[str, int] = field(default_factory=dict)  # urgency -> open tickets


@dataclass(frozen=True)
class EventRecord:
    """One entry of a ticket's history."""

    id: int
    ticket_id: int
    at: datetime
    user: str
    action: str  # an EventAction value
    detail: dict[str, Any]


@dataclass(frozen=True)
class LinkedTicket:
    """Another ticket tied to this one: a repeat call merged in, or the one it was merged into."""

    id: int
    number: str
    created_at: datetime
    status: str
    relation: str  # "repeat" (merged into this one) or "original" (this one merged into it)
    channel: str = Channel.CALL.value


@dataclass(frozen=True)
class WorkflowState:
    """The operators' columns of a ticket."""

    claimed_by: str | None
    claimed_at: datetime | None
    unreachable_count: int
    resolution: str | None
    closed_at: datetime | None
    closed_by: str | None
    corrections: dict[str, Any]


@dataclass(frozen=True)
class TicketView:
    """Everything the ticket page shows."""

    ticket: TicketRecord
    workflow: WorkflowState
    events: tuple[EventRecord, ...]
    linked: tuple[LinkedTicket, ...]
    # photos of a written request: its own, and those of requests merged into it
    attachments: tuple[AttachmentRecord, ...] = ()


@dataclass(frozen=True)
class Change:
    """A ticket that changed, for the live feed."""

    id: int
    number: str
    status: str
    unit: str | None
    updated_at: datetime


def page_number(text: str | None) -> int:
    """The page a person asked for, from 1 to :data:`LAST_PAGE`: the first when ``text`` is
    not a number."""
    try:
        number = int(text or "1")
    except ValueError:  # int()'s own check: not a number
        return 1
    return min(max(1, number), LAST_PAGE)


def event_record(row: TicketEvent) -> EventRecord:
    """A ``ticket_events`` row as a history entry."""
    return EventRecord(row.id, row.ticket_id, row.at, row.user, row.action, dict(row.detail or {}))


def workflow_state(row: Ticket) -> WorkflowState:
    """The operators' columns of a ticket row."""
    return WorkflowState(
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        unreachable_count=row.unreachable_count,
        resolution=row.resolution,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        corrections=dict(row.corrections or {}),
    )

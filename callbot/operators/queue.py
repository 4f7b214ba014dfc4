"""What operators read: the queue, one ticket with its history, recordings, the changes feed.

Every read takes the user (:class:`~callbot.operators.accounts.UserRecord`) and is limited to what
they may see, in the query itself (:func:`~callbot.operators.access.visible_to`): an operator
sees the tickets whose ``unit`` is theirs; supervisors and admins see every ticket. A ticket
outside that scope is refused with :class:`~callbot.errors.AccessDenied`, whatever the HTTP
layer does. What the reads give back are the records of :mod:`.views`.

The queue orders by urgency, then age (``urgency_rank, created_at``; indexes of migrations 0003
and 0004), one page at a time, with counts per status for the same filters.
"""

from __future__ import annotations

import builtins
import math
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from callbot.errors import TicketNotFound
from callbot.operators.access import require_visible, visible_to
from callbot.operators.accounts import UserRecord
from callbot.operators.views import (
    CLOSED_STATUSES,
    STATUS_FILTERS,
    Change,
    LinkedTicket,
    QueueFilter,
    QueuePage,
    QueueRow,
    TicketView,
    event_record,
    is_open,
    workflow_state,
)
from callbot.tickets.models import Answer, Attachment, Ticket, TicketEvent, User
from callbot.tickets.records import AttachmentRecord, attachment_record, ticket_record
from callbot.tickets.rules import valid_ticket_number
from callbot.tickets.transactions import Transactions

_ROW_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Ticket.created_at,
    Ticket.updated_at,
    Ticket.status,
    Ticket.urgency,
    Ticket.emergency,
    Ticket.name,
    Ticket.caller_number,
    Ticket.callback_number,
    Ticket.ward,
    Ticket.district,
    Ticket.category,
    Ticket.unit,
    Ticket.unit_name,
    Ticket.claimed_by,
    Ticket.unreachable_count,
    Ticket.call_count,
    Ticket.no_speech,
    Ticket.channel,
)


class TicketQueue:
    """The operators' reads."""

    def __init__(self, transactions: Transactions, page_size: int = 50) -> None:
        self._tx = transactions
        self.page_size = page_size

    def _filters(self, user: UserRecord, wanted: QueueFilter) -> builtins.list[Any]:
        where: builtins.list[Any] = [visible_to(user)]
        if wanted.unit and user.sees_all_units:
            where.append(Ticket.unit == wanted.unit)
        if wanted.category:
            where.append(Ticket.category == wanted.category)
        if wanted.ward:
            where.append(Ticket.ward == wanted.ward)
        if wanted.mine:
            where.append(Ticket.claimed_by == user.name)
        if wanted.channel:
            where.append(Ticket.channel == wanted.channel)
        return where

    def queue(self, user: UserRecord, wanted: QueueFilter) -> QueuePage:
        """One page of the queue, most urgent then oldest first, with counts."""
        where = self._filters(user, wanted)
        statuses = STATUS_FILTERS[wanted.status]
        status_clause = (
            Ticket.status.not_in(CLOSED_STATUSES)
            if statuses is None
            else Ticket.status.in_(statuses)
        )

        def work(session: Session) -> QueuePage:
            by_status: dict[str, int] = {}
            open_by_urgency: dict[str, int] = {}
            for status, urgency, count in session.execute(
                select(Ticket.status, Ticket.urgency, func.count())
                .where(*where)
                .group_by(Ticket.status, Ticket.urgency)
            ):
                by_status[status] = by_status.get(status, 0) + count
                if is_open(status):
                    open_by_urgency[urgency] = open_by_urgency.get(urgency, 0) + count
            if statuses is None:
                total = sum(n for s, n in by_status.items() if is_open(s))
            else:
                total = sum(by_status.get(s, 0) for s in statuses)
            pages = max(1, math.ceil(total / self.page_size))
            page = min(wanted.page, pages)
            rows = session.execute(
                select(*_ROW_COLUMNS)
                .where(*where, status_clause)
                .order_by(Ticket.urgency_rank, Ticket.created_at, Ticket.id)
                .limit(self.page_size)
                .offset((page - 1) * self.page_size)
            ).all()
            return QueuePage(
                rows=tuple(QueueRow(**row._mapping) for row in rows),
                total=total,
                page=page,
                pages=pages,
                by_status=by_status,
                open_by_urgency=open_by_urgency,
            )

        return self._tx.run("read the queue", work)

    def ticket(self, user: UserRecord, key: int | str) -> TicketView:
        """One ticket (by id, or by number as a string) with its history and linked tickets.

        Raises :class:`TicketNotFound`, or :class:`AccessDenied` for another unit's ticket.
        """
        if isinstance(key, str):
            if not valid_ticket_number(key):
                raise TicketNotFound(f"{key!r} is not a ticket number")
            where: ColumnElement[bool] = Ticket.number == key
        else:
            where = Ticket.id == key

        def work(session: Session) -> TicketView:
            row = session.scalars(
                select(Ticket).where(where).options(selectinload(Ticket.answers))
            ).one_or_none()
            if row is None:
                raise TicketNotFound(f"no ticket {key!r}")
            require_visible(user, row.unit, row.number)
            events = session.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == row.id)
                .order_by(TicketEvent.at, TicketEvent.id)
            ).all()
            linked_where = [Ticket.linked_to_id == row.id]
            if row.linked_to_id is not None:
                linked_where.append(Ticket.id == row.linked_to_id)
            linked = session.execute(
                select(Ticket.id, Ticket.number, Ticket.created_at, Ticket.status, Ticket.channel)
                .where(or_(*linked_where), visible_to(user))
                .order_by(Ticket.created_at)
            ).all()
            repeats = [i for i, *_ in linked if i != row.linked_to_id]
            photos = session.scalars(
                select(Attachment)
                .where(Attachment.ticket_id.in_([row.id, *repeats]))
                .order_by(Attachment.ticket_id, Attachment.position)
            ).all()
            return TicketView(
                ticket=ticket_record(row, row.answers),
                workflow=workflow_state(row),
                events=tuple(event_record(e) for e in events),
                linked=tuple(
                    LinkedTicket(
                        i, n, c, s, "original" if i == row.linked_to_id else "repeat", channel
                    )
                    for i, n, c, s, channel in linked
                ),
                attachments=tuple(attachment_record(p) for p in photos),
            )

        return self._tx.run(f"read ticket {key}", work)

    def recording(self, user: UserRecord, answer_id: int) -> str:
        """The recording of answer ``answer_id`` (relative to the recordings root), if ``user``
        may see its ticket. Raises :class:`TicketNotFound` or :class:`AccessDenied`."""
        return self.recording_of(user, answer_id)[0]

    def recording_of(self, user: UserRecord, answer_id: int) -> tuple[str, int, str]:
        """:meth:`recording`, with its ticket's id and number (for the audit trail)."""

        def work(session: Session) -> tuple[str, int, str]:
            row = session.execute(
                select(Answer.audio_path, Ticket.unit, Ticket.number, Ticket.id)
                .join(Ticket, Ticket.id == Answer.ticket_id)
                .where(Answer.id == answer_id)
            ).one_or_none()
            if row is None:
                raise TicketNotFound(f"no answer {answer_id}")
            path, unit, number, ticket_id = row
            require_visible(user, unit, number)
            return str(path), int(ticket_id), str(number)

        return self._tx.run(f"read answer {answer_id}", work)

    def attachment(self, user: UserRecord, attachment_id: int) -> AttachmentRecord:
        """A photo of a written request (path relative to the recordings root, its type), if
        ``user`` may see its ticket. Raises :class:`TicketNotFound` or :class:`AccessDenied`."""

        def work(session: Session) -> AttachmentRecord:
            row = session.execute(
                select(Attachment, Ticket.unit, Ticket.number)
                .join(Ticket, Ticket.id == Attachment.ticket_id)
                .where(Attachment.id == attachment_id)
            ).one_or_none()
            if row is None:
                raise TicketNotFound(f"no attachment {attachment_id}")
            attachment, unit, number = row
            require_visible(user, unit, number)
            return attachment_record(attachment)

        return self._tx.run(f"read attachment {attachment_id}", work)

    def changes_since(
        self, since: datetime, after_id: int | None = None, limit: int = 500
    ) -> builtins.list[Change]:
        """Tickets updated at or after ``since`` (after ticket ``after_id`` among those updated
        exactly at ``since``: keyset paging), oldest change first; index on updated_at."""
        if after_id is None:
            where: ColumnElement[bool] = Ticket.updated_at >= since
        else:
            where = (Ticket.updated_at > since) | (
                (Ticket.updated_at == since) & (Ticket.id > after_id)
            )

        def work(session: Session) -> builtins.list[Change]:
            rows = session.execute(
                select(Ticket.id, Ticket.number, Ticket.status, Ticket.unit, Ticket.updated_at)
                .where(where)
                .order_by(Ticket.updated_at, Ticket.id)
                .limit(limit)
            ).all()
            return [Change(*row) for row in rows]

        return self._tx.run("read changed tickets", work)

    def latest_change(self) -> datetime | None:
        """When the most recently changed ticket changed (None: no ticket yet)."""
        latest: datetime | None = self._tx.run(
            "read the latest change", lambda session: session.scalar(func.max(Ticket.updated_at))
        )
        return latest

    def choices(self, user: UserRecord) -> dict[str, builtins.list[str]]:
        """Values for the queue's filters: units, categories and wards present in the scope."""

        def distinct(session: Session, column: Any) -> builtins.list[str]:
            return sorted(
                v
                for v in session.scalars(
                    select(column).where(visible_to(user), column.is_not(None)).distinct()
                )
                if v
            )

        def work(session: Session) -> dict[str, builtins.list[str]]:
            units = set(distinct(session, Ticket.unit))
            if user.sees_all_units:
                units.update(u for u in session.scalars(select(User.unit).distinct()) if u)
            return {
                "units": sorted(units),
                "categories": distinct(session, Ticket.category),
                "wards": distinct(session, Ticket.ward),
            }

        return self._tx.run("read the filter choices", work)

    def unit_name(self, unit: str) -> str | None:
        """A name some ticket gives ``unit``, if any."""
        return self._tx.run(
            "read a unit name",
            lambda session: session.scalar(
                select(Ticket.unit_name)
                .where(and_(Ticket.unit == unit, Ticket.unit_name.is_not(None)))
                .limit(1)
            ),
        )


def overlap(since: datetime, seconds: float = 2.0) -> datetime:
    """``since`` moved back a little: the live feed reads again a window it has seen, so a
    change committed late with an earlier time (another process) is not missed."""
    return since - timedelta(seconds=seconds)

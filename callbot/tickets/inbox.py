"""The webhook's durable inbox: Zalo's events stored before the answer, handled after.

:meth:`Inbox.add` is all the webhook does with a signed event: one short insert. A retry of
Zalo's (the same ``event_key``) finds the row and only counts the delivery, so nothing is taken
twice; an event is in the database before Zalo hears 200, so nothing is lost when the server
stops before handling it.

The handler (:mod:`callbot.intake.chat.inbound`) takes a citizen at a time: :meth:`due_users`
lists citizens with events waiting, :meth:`pending_of` gives one citizen's events in the order
they were written (Zalo's timestamp), each at least ``hold`` old so that two sent a moment
apart but delivered out of order are taken in order. Each event is then settled with
:func:`settle_event` inside the transaction that applies it (done: its payload cleared), or
put back for later with :meth:`retry`.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callbot.errors import StorageError
from callbot.tickets.chat_models import ZaloEventRow
from callbot.tickets.chat_rules import MAX_ERROR, EventStatus
from callbot.tickets.transactions import Transactions


@dataclass(frozen=True)
class InboxEvent:
    """A stored event waiting to be handled."""

    id: int
    key: str
    name: str
    user_id: str
    event_at: datetime
    received_at: datetime
    attempts: int
    payload: str


class Inbox:
    """The ``zalo_events`` table."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def add(self, key: str, name: str, user_id: str, event_at: datetime, payload: str) -> bool:
        """Store an event; False when it was already stored (a retry: its delivery counted)."""
        now = self._tx.clock()
        values = {
            "event_key": key,
            "event_name": name,
            "user_id": user_id,
            "event_at": event_at,
            "received_at": now,
            "deliveries": 1,
            "status": EventStatus.PENDING.value,
            "attempts": 0,
            "next_attempt_at": now,
            "payload": payload,
        }
        try:
            self._tx.run(
                "store a Zalo event",
                lambda s: s.execute(insert(ZaloEventRow).values(**values)),
                write=True,
            )
            return True
        except StorageError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
        self._tx.run(
            "count a repeated Zalo event",
            lambda s: s.execute(
                update(ZaloEventRow)
                .where(ZaloEventRow.event_key == key)
                .values(deliveries=ZaloEventRow.deliveries + 1)
            ),
            write=True,
        )
        return False

    def due_users(self, hold: timedelta, limit: int = 20) -> builtins.list[str]:
        """Citizens with events to handle now (received at least ``hold`` ago), oldest first."""

        def work(session: Session) -> builtins.list[str]:
            now = self._tx.clock()
            rows = session.execute(
                select(ZaloEventRow.user_id, func.min(ZaloEventRow.received_at))
                .where(
                    ZaloEventRow.status == EventStatus.PENDING.value,
                    ZaloEventRow.next_attempt_at <= now,
                    ZaloEventRow.received_at <= now - hold,
                )
                .group_by(ZaloEventRow.user_id)
                .order_by(func.min(ZaloEventRow.received_at))
                .limit(limit)
            ).all()
            return [user for user, _ in rows]

        return self._tx.run("look for Zalo events", work)

    def pending_of(self, user_id: str, hold: timedelta) -> builtins.list[InboxEvent]:
        """One citizen's events to handle now, in the order they were written."""

        def work(session: Session) -> builtins.list[InboxEvent]:
            now = self._tx.clock()
            rows = session.scalars(
                select(ZaloEventRow)
                .where(
                    ZaloEventRow.user_id == user_id,
                    ZaloEventRow.status == EventStatus.PENDING.value,
                    ZaloEventRow.next_attempt_at <= now,
                    ZaloEventRow.received_at <= now - hold,
                )
                .order_by(ZaloEventRow.event_at, ZaloEventRow.id)
            ).all()
            return [
                InboxEvent(
                    r.id,
                    r.event_key,
                    r.event_name,
                    r.user_id,
                    r.event_at,
                    r.received_at,
                    r.attempts,
                    r.payload or "",
                )
                for r in rows
            ]

        return self._tx.run("read a citizen's Zalo events", work)

    def retry(self, event_id: int, error: str, at: datetime | None) -> None:
        """An attempt failed: try again at ``at``, or give up (None: ``failed``)."""
        values: dict[str, object] = {
            "attempts": ZaloEventRow.attempts + 1,
            "last_error": error[:MAX_ERROR],
        }
        if at is None:
            values["status"] = EventStatus.FAILED.value
        else:
            values["next_attempt_at"] = at
        self._tx.run(
            "put a Zalo event back",
            lambda s: s.execute(
                update(ZaloEventRow).where(ZaloEventRow.id == event_id).values(**values)
            ),
            write=True,
        )

    def settle(self, event_id: int, status: EventStatus = EventStatus.DONE) -> None:
        """Settle one event in a transaction of its own (:func:`settle_event`)."""
        self._tx.run("settle a Zalo event", lambda s: settle_event(s, event_id, status), write=True)

    def purge(self, older_than: timedelta) -> int:
        """Delete settled events received more than ``older_than`` ago (their keys are no
        longer needed: Zalo stopped retrying them long before)."""

        def work(session: Session) -> int:
            cutoff = self._tx.clock() - older_than
            gone = session.execute(
                delete(ZaloEventRow).where(
                    ZaloEventRow.status != EventStatus.PENDING.value,
                    ZaloEventRow.received_at < cutoff,
                )
            )
            return int(getattr(gone, "rowcount", 0) or 0)

        return self._tx.run("purge old Zalo events", work, write=True)

    def counts(self) -> dict[str, int]:
        """Events by status, and deliveries beyond the first (Zalo's retries received)."""

        def work(session: Session) -> dict[str, int]:
            rows = session.execute(
                select(
                    ZaloEventRow.status,
                    func.count(),
                    func.coalesce(func.sum(ZaloEventRow.deliveries - 1), 0),
                ).group_by(ZaloEventRow.status)
            ).all()
            found = {status: int(count) for status, count, _ in rows}
            found["repeated_deliveries"] = sum(int(extra) for *_, extra in rows)
            return found

        return self._tx.run("count Zalo events", work)


def settle_event(session: Session, event_id: int, status: EventStatus) -> None:
    """Mark an event handled (or ignored) in ``session``'s transaction; its payload cleared."""
    session.execute(
        update(ZaloEventRow)
        .where(ZaloEventRow.id == event_id)
        .values(status=status.value, payload=None, attempts=ZaloEventRow.attempts + 1)
    )

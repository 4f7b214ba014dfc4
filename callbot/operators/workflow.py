"""The operators' actions on tickets: claim, claim the next, release, unreachable, refer; the
idle claims released.

The service layer under the console and the phone service (``calls/service.py``): no HTTP
here. Each action is one transaction that changes the ticket with a *conditional* UPDATE (the
state it expects, and :func:`~callbot.operators.access.actable_by`'s rule of who may act, in
the WHERE clause) and checks the row count, then records a ``ticket_events`` row with who and
when (:mod:`.history`). Two operators claiming at once: the database lets one UPDATE match; the
other finds the row already changed and gets a :class:`WorkflowError` whose ``code`` the
console says in Vietnamese (:func:`~callbot.operators.access.refusal`). On SQLite writers also
queue on ``BEGIN IMMEDIATE``.

:class:`Workflow` is also the door to the other actions, each in its module: closing (resolve,
duplicate: :mod:`.closing`), corrections (:mod:`.corrections`) and the events that only add to
the history (notes, callbacks' results: :mod:`.history`).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.errors import AccountError, InvalidInput, WorkflowError
from callbot.operators.access import (
    CLAIMED,
    NEW,
    TicketState,
    actable_by,
    refusal,
    ticket_state,
    visible_to,
)
from callbot.operators.accounts import UserRecord, check_unit
from callbot.operators.closing import Closing
from callbot.operators.corrections import Corrections
from callbot.operators.history import SYSTEM, TicketHistory, add_event, clean_note
from callbot.tickets.models import Ticket
from callbot.tickets.rules import EventAction
from callbot.tickets.transactions import Transactions, rowcount

logger = logging.getLogger(__name__)

_NEXT_BATCH = 5  # candidates read at once by claim_next
_NEXT_ROUNDS = 20  # and how many times, when others keep taking them first


class Workflow:
    """The operators' actions; every method takes the acting user."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions
        self.closing = Closing(transactions)
        self.corrections = Corrections(transactions)
        self.history = TicketHistory(transactions)

    def resolve(self, user: UserRecord, ticket_id: int, note: str = "") -> None:
        """:meth:`Closing.resolve <callbot.operators.closing.Closing.resolve>`."""
        self.closing.resolve(user, ticket_id, note)

    def duplicate(
        self, user: UserRecord, ticket_id: int, original: str | None = None, note: str = ""
    ) -> None:
        """:meth:`Closing.duplicate <callbot.operators.closing.Closing.duplicate>`."""
        self.closing.duplicate(user, ticket_id, original, note)

    def correct(self, user: UserRecord, ticket_id: int, changes: Mapping[str, str]) -> list[str]:
        """:meth:`Corrections.correct <callbot.operators.corrections.Corrections.correct>`."""
        return self.corrections.correct(user, ticket_id, changes)

    def note(self, user: UserRecord, ticket_id: int, text: str) -> None:
        """:meth:`TicketHistory.note <callbot.operators.history.TicketHistory.note>`."""
        self.history.note(user, ticket_id, text)

    def record_event(
        self, ticket_id: int, user: str, action: EventAction, detail: Mapping[str, Any]
    ) -> None:
        """:meth:`TicketHistory.record_event
        <callbot.operators.history.TicketHistory.record_event>`."""
        self.history.record_event(ticket_id, user, action, detail)

    def _change(
        self,
        user: UserRecord,
        ticket_id: int,
        *,
        action: EventAction,
        expected: tuple[str, ...],
        values: Mapping[str, Any],
        detail: Mapping[str, Any] | None = None,
        holder_only: bool = True,
    ) -> TicketState:
        """Set ``values`` on the ticket if its status is one of ``expected``, it is in the user's
        scope and (``holder_only``) not held by someone else; record the event. Race-safe: the
        conditions are the UPDATE's WHERE clause."""

        def work(session: Session) -> TicketState:
            now = self._tx.clock()
            where = [Ticket.id == ticket_id, Ticket.status.in_(expected)]
            where += actable_by(user, holder_only=holder_only)
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            row = ticket_state(session, ticket_id)
            if rowcount(changed) == 0:
                raise refusal(user, row, expected)
            add_event(session, ticket_id, user=user.name, action=action, detail=detail, now=now)
            return row

        row = self._tx.run(f"{action.value} ticket {ticket_id}", work, write=True)
        logger.info("ticket %s: %s by %s", row.number, action.value, user.name)
        return row

    # -- actions --------------------------------------------------------------------------------

    def claim(self, user: UserRecord, ticket_id: int) -> None:
        """Take a ``new`` ticket: exclusive. Raises :class:`WorkflowError` ("already_claimed",
        with the holder) when someone else got it first, or if it is not claimable."""

        def work(session: Session) -> None:
            now = self._tx.clock()
            where = [Ticket.id == ticket_id, Ticket.status == NEW]
            where += actable_by(user, holder_only=False)
            won = session.execute(
                update(Ticket)
                .where(*where)
                .values(status=CLAIMED, claimed_by=user.name, claimed_at=now, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if rowcount(won) != 1:
                row = ticket_state(session, ticket_id)
                if row.status == CLAIMED and row.claimed_by == user.name:
                    return  # a double click: already theirs
                raise refusal(user, row, (NEW,))
            add_event(
                session, ticket_id, user=user.name, action=EventAction.CLAIM, detail=None, now=now
            )

        self._tx.run(f"claim ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d claimed by %s", ticket_id, user.name)

    def claim_next(self, user: UserRecord, skip: Collection[int] = ()) -> int | None:
        """Claim the next waiting ticket ``user`` may see (most urgent, then oldest; not one in
        ``skip``) and return its id, or None when none is left. Race-safe as :meth:`claim`: a
        ticket someone else claims meanwhile is passed over for the next one."""

        def candidates(session: Session) -> list[int]:
            query = (
                select(Ticket.id)
                .where(Ticket.status == NEW, visible_to(user))
                .order_by(Ticket.urgency_rank, Ticket.created_at, Ticket.id)
                .limit(_NEXT_BATCH)
            )
            if skip:
                query = query.where(Ticket.id.not_in(list(skip)))
            return list(session.scalars(query))

        for _ in range(_NEXT_ROUNDS):
            found = self._tx.run("find the next waiting ticket", candidates)
            if not found:
                return None
            for ticket_id in found:
                try:
                    self.claim(user, ticket_id)
                except WorkflowError:
                    continue  # taken meanwhile (or no longer waiting): the next one
                return ticket_id
        return None  # every ticket went to someone else, round after round: try again later

    def release(self, user: UserRecord, ticket_id: int, note: str = "") -> None:
        """Give a claimed ticket back to the queue (its holder, or a supervisor)."""
        self._change(
            user,
            ticket_id,
            action=EventAction.RELEASE,
            expected=(CLAIMED,),
            values={"status": NEW, "claimed_by": None, "claimed_at": None},
            detail={"note": clean_note(note)},
        )

    def unreachable(self, user: UserRecord, ticket_id: int, note: str = "") -> int:
        """The citizen did not answer: back to the queue, counted. Returns the new count."""

        def count(session: Session) -> int:
            return int(
                session.scalar(select(Ticket.unreachable_count).where(Ticket.id == ticket_id)) or 0
            )

        self._change(
            user,
            ticket_id,
            action=EventAction.UNREACHABLE,
            expected=(CLAIMED,),
            values={
                "status": NEW,
                "claimed_by": None,
                "claimed_at": None,
                "unreachable_count": Ticket.unreachable_count + 1,
            },
            detail={"note": clean_note(note)},
        )
        return self._tx.run("read the unreachable count", count)

    def refer(
        self, user: UserRecord, ticket_id: int, unit: str, unit_name: str | None, note: str = ""
    ) -> None:
        """Hand the ticket to another unit: it goes to that unit's queue as ``new``.

        Its holder (or a supervisor, also for an unclaimed ticket) may refer it. A malformed
        unit code is refused with :class:`InvalidInput`.
        """
        try:
            unit = check_unit(unit.strip())
        except AccountError as exc:
            raise InvalidInput("unit", str(exc)) from None

        def work(session: Session) -> None:
            now = self._tx.clock()
            row = ticket_state(session, ticket_id)
            if row.unit == unit:
                raise WorkflowError(f"ticket {row.number} is already {unit}'s", "same_unit")
            expected = (CLAIMED, NEW) if user.sees_all_units else (CLAIMED,)
            where = [Ticket.id == ticket_id, Ticket.status.in_(expected), *actable_by(user)]
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(
                    status=NEW,
                    claimed_by=None,
                    claimed_at=None,
                    unit=unit,
                    unit_name=unit_name,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if rowcount(changed) == 0:
                raise refusal(user, row, expected)
            detail = {"from": row.unit, "to": unit, "to_name": unit_name, "note": clean_note(note)}
            add_event(
                session, ticket_id, user=user.name, action=EventAction.REFER, detail=detail, now=now
            )

        self._tx.run(f"refer ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d referred to %s by %s", ticket_id, unit, user.name)

    def release_stale_claims(self, older_than: timedelta) -> int:
        """Claims older than ``older_than`` go back to the queue (event by "system")."""

        def work(session: Session) -> int:
            now = self._tx.clock()
            stale = session.execute(
                select(Ticket.id, Ticket.claimed_by).where(
                    Ticket.status == CLAIMED, Ticket.claimed_at < now - older_than
                )
            ).all()
            released = 0
            for ticket_id, holder in stale:
                changed = session.execute(
                    update(Ticket)
                    .where(
                        Ticket.id == ticket_id,
                        Ticket.status == CLAIMED,
                        Ticket.claimed_by == holder,
                    )
                    .values(status=NEW, claimed_by=None, claimed_at=None, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if rowcount(changed):
                    released += 1
                    detail = {"held_by": holder, "reason": "idle"}
                    add_event(
                        session,
                        ticket_id,
                        user=SYSTEM,
                        action=EventAction.RELEASE,
                        detail=detail,
                        now=now,
                    )
            return released

        count = self._tx.run("release idle claims", work, write=True)
        if count:
            logger.info("%d idle claim(s) released", count)
        return count

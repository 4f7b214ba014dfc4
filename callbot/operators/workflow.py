"""The operators' actions on tickets: claim, release, close, unreachable, refer, correct, note.

The service layer under the console (and, later, the phone service and callbacks): no HTTP
here. Each action is one transaction that changes the ticket with a *conditional* UPDATE (the
state it expects, in the WHERE clause) and checks the row count, then records a
``ticket_events`` row with who and when. Two operators claiming at once: the database lets one
UPDATE match; the other finds the row already changed and gets a :class:`WorkflowError` whose
``code`` the console says in Vietnamese. On SQLite writers also queue on ``BEGIN IMMEDIATE``.

Who may do what (:func:`may_act`): operators act on their unit's tickets, and on a claimed ticket
only if they hold it; supervisors and admins act on every ticket, and may take over a claim.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.errors import AccessDenied, AccountError, InvalidInput, TicketNotFound, WorkflowError
from callbot.operators.accounts import UserRecord, check_unit
from callbot.operators.queue import may_see, visible_to
from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.rules import (
    URGENCY_RANK,
    EventAction,
    Resolution,
    TicketStatus,
    Urgency,
    sanitize_caller_name,
    sanitize_caller_number,
    valid_ticket_number,
)
from callbot.tickets.transactions import Transactions, rowcount

logger = logging.getLogger(__name__)

SYSTEM = "system"  # the user of events no person caused
MAX_NOTE = 1000
MAX_FIELD = 120
_CLAIMED = TicketStatus.CLAIMED.value
_NEW = TicketStatus.NEW.value
_NEXT_BATCH = 5  # candidates read at once by claim_next
_NEXT_ROUNDS = 20  # and how many times, when others keep taking them first


def _clean_note(note: str) -> str:
    kept = "".join(c for c in note if c.isprintable() or c in "\n\t")
    return kept.strip()[:MAX_NOTE]


def _urgency(value: str) -> tuple[Any, dict[str, Any]]:
    try:
        urgency = Urgency(value)
    except ValueError:
        raise InvalidInput("urgency", f"urgency {value!r}: one of {', '.join(Urgency)}") from None
    return urgency.value, {
        "urgency_rank": URGENCY_RANK[urgency],
        "emergency": urgency is Urgency.EMERGENCY,
    }


def _text(limit: int) -> Callable[[str], tuple[Any, dict[str, Any]]]:
    def clean(value: str) -> tuple[Any, dict[str, Any]]:
        return " ".join(value.split())[:limit] or None, {}

    return clean


# Fields an operator may correct: name -> cleaner giving the new value and any other columns
# that follow from it (urgency sets the queue's rank and the emergency flag).
CORRECTABLE: dict[str, Callable[[str], tuple[Any, dict[str, Any]]]] = {
    "name": lambda v: (sanitize_caller_name(v)[:MAX_FIELD] or None, {}),
    "callback_number": lambda v: (sanitize_caller_number(v) or None, {}),
    "ward": _text(80),
    "district": _text(80),
    "new_unit": _text(120),
    "category": _text(16),
    "urgency": _urgency,
}


def may_act(user: UserRecord, unit: str | None, status: str, claimed_by: str | None) -> bool:
    """Whether ``user`` may change a ticket of ``unit`` in ``status`` held by ``claimed_by``."""
    if not may_see(user, unit):
        return False
    if status == _CLAIMED and claimed_by != user.name:
        return user.sees_all_units  # supervisors may take over
    return True


@dataclass(frozen=True)
class _Row:
    id: int
    number: str
    status: str
    unit: str | None
    claimed_by: str | None
    claimed_at: datetime | None


# Why an action is refused, by the ticket's status (when it is not the expected one).
_REFUSALS = {
    TicketStatus.CLOSED.value: "closed",
    TicketStatus.MERGED.value: "merged",
    TicketStatus.IN_CALL.value: "not_ready",
    TicketStatus.TRANSCRIBING.value: "not_ready",
}


class Workflow:
    """The operators' actions; every method takes the acting user."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    # -- helpers --------------------------------------------------------------------------------

    def _row(self, session: Session, ticket_id: int) -> _Row:
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
        return _Row(*found)

    def _refuse(self, user: UserRecord, row: _Row, expected: tuple[str, ...]) -> WorkflowError:
        """Why ``user`` cannot act on ``row`` (whose status is not in ``expected``, or held)."""
        if not may_see(user, row.unit):
            return AccessDenied(f"ticket {row.number} belongs to another unit")
        if row.status == _CLAIMED and (_CLAIMED in expected or _NEW in expected):
            code = "held_by_other" if _CLAIMED in expected else "already_claimed"
            return WorkflowError(
                f"ticket {row.number} is held by {row.claimed_by}",
                code,
                holder=row.claimed_by,
                at=row.claimed_at,
            )
        code = _REFUSALS.get(row.status, "not_claimed")
        return WorkflowError(f"ticket {row.number}: {code.replace('_', ' ')}", code)

    def _event(
        self,
        session: Session,
        ticket_id: int,
        *,
        user: str,
        action: EventAction,
        detail: Mapping[str, Any] | None,
        now: datetime,
    ) -> None:
        session.add(
            TicketEvent(
                ticket_id=ticket_id,
                at=now,
                user=user,
                action=action.value,
                detail={k: v for k, v in (detail or {}).items() if v not in (None, "")},
            )
        )

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
    ) -> _Row:
        """Set ``values`` on the ticket if its status is one of ``expected``, it is in the user's
        scope and (``holder_only``) not held by someone else; record the event. Race-safe: the
        conditions are the UPDATE's WHERE clause."""

        def work(session: Session) -> _Row:
            now = self._tx.clock()
            where = [Ticket.id == ticket_id, Ticket.status.in_(expected)]
            if not user.sees_all_units:
                where.append(Ticket.unit == user.unit)
                if holder_only:
                    where.append((Ticket.status != _CLAIMED) | (Ticket.claimed_by == user.name))
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            row = self._row(session, ticket_id)
            if rowcount(changed) == 0:
                raise self._refuse(user, row, expected)
            self._event(session, ticket_id, user=user.name, action=action, detail=detail, now=now)
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
            where = [Ticket.id == ticket_id, Ticket.status == _NEW]
            if not user.sees_all_units:
                where.append(Ticket.unit == user.unit)
            won = session.execute(
                update(Ticket)
                .where(*where)
                .values(status=_CLAIMED, claimed_by=user.name, claimed_at=now, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if rowcount(won) != 1:
                row = self._row(session, ticket_id)
                if row.status == _CLAIMED and row.claimed_by == user.name:
                    return  # a double click: already theirs
                raise self._refuse(user, row, (_NEW,))
            self._event(
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
                .where(Ticket.status == _NEW, visible_to(user))
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
            expected=(_CLAIMED,),
            values={"status": _NEW, "claimed_by": None, "claimed_at": None},
            detail={"note": _clean_note(note)},
        )

    def resolve(self, user: UserRecord, ticket_id: int, note: str = "") -> None:
        """Close a claimed ticket: the citizen was helped."""
        self._close(
            user,
            ticket_id,
            resolution=Resolution.RESOLVED,
            action=EventAction.RESOLVE,
            values={},
            note=note,
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
            expected=(_CLAIMED,),
            values={
                "status": _NEW,
                "claimed_by": None,
                "claimed_at": None,
                "unreachable_count": Ticket.unreachable_count + 1,
            },
            detail={"note": _clean_note(note)},
        )
        return self._tx.run("read the unreachable count", count)

    def duplicate(
        self, user: UserRecord, ticket_id: int, original: str | None = None, note: str = ""
    ) -> None:
        """Close a claimed ticket as a duplicate, of ticket number ``original`` if given: it is
        then linked to it (``linked_to_id``) and adds its calls to the original's count."""
        original_id: int | None = None
        if original:
            original_id = self._original(user, ticket_id, original.strip())
        values: dict[str, Any] = {}
        if original_id is not None:
            values["linked_to_id"] = original_id
        self._close(
            user,
            ticket_id,
            resolution=Resolution.DUPLICATE,
            action=EventAction.DUPLICATE,
            values=values,
            note=note,
            detail={"original": original.strip() if original else None},
            original_id=original_id,
        )

    def _original(self, user: UserRecord, ticket_id: int, number: str) -> int:
        if not valid_ticket_number(number):
            raise WorkflowError(f"{number!r} is not a ticket number", "bad_original")

        def work(session: Session) -> int:
            found = session.execute(
                select(Ticket.id, Ticket.unit).where(Ticket.number == number)
            ).one_or_none()
            if found is None or not may_see(user, found[1]) or found[0] == ticket_id:
                raise WorkflowError(f"no other ticket {number} to link to", "bad_original")
            return int(found[0])

        return self._tx.run("find the original ticket", work)

    def _close(
        self,
        user: UserRecord,
        ticket_id: int,
        *,
        resolution: Resolution,
        action: EventAction,
        values: Mapping[str, Any],
        note: str,
        detail: Mapping[str, Any] | None = None,
        original_id: int | None = None,
    ) -> None:
        def work(session: Session) -> None:
            now = self._tx.clock()
            where = [Ticket.id == ticket_id, Ticket.status == _CLAIMED]
            if not user.sees_all_units:
                where += [Ticket.unit == user.unit, Ticket.claimed_by == user.name]
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(
                    status=TicketStatus.CLOSED.value,
                    resolution=resolution.value,
                    closed_at=now,
                    closed_by=user.name,
                    updated_at=now,
                    **values,
                )
                .execution_options(synchronize_session=False)
            )
            row = self._row(session, ticket_id)
            if rowcount(changed) == 0:
                raise self._refuse(user, row, (_CLAIMED,))
            if original_id is not None:
                calls = session.scalar(select(Ticket.call_count).where(Ticket.id == ticket_id))
                session.execute(
                    update(Ticket)
                    .where(Ticket.id == original_id)
                    .values(call_count=Ticket.call_count + (calls or 1), updated_at=now)
                    .execution_options(synchronize_session=False)
                )
            self._event(
                session,
                ticket_id,
                user=user.name,
                action=action,
                detail={**(detail or {}), "note": _clean_note(note), "held_by": row.claimed_by},
                now=now,
            )

        self._tx.run(f"close ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d closed (%s) by %s", ticket_id, resolution.value, user.name)

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
            row = self._row(session, ticket_id)
            if row.unit == unit:
                raise WorkflowError(f"ticket {row.number} is already {unit}'s", "same_unit")
            expected = (_CLAIMED, _NEW) if user.sees_all_units else (_CLAIMED,)
            where = [Ticket.id == ticket_id, Ticket.status.in_(expected)]
            if not user.sees_all_units:
                where += [Ticket.unit == user.unit, Ticket.claimed_by == user.name]
            changed = session.execute(
                update(Ticket)
                .where(*where)
                .values(
                    status=_NEW,
                    claimed_by=None,
                    claimed_at=None,
                    unit=unit,
                    unit_name=unit_name,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if rowcount(changed) == 0:
                raise self._refuse(user, row, expected)
            detail = {"from": row.unit, "to": unit, "to_name": unit_name, "note": _clean_note(note)}
            self._event(
                session, ticket_id, user=user.name, action=EventAction.REFER, detail=detail, now=now
            )

        self._tx.run(f"refer ticket {ticket_id}", work, write=True)
        logger.info("ticket id %d referred to %s by %s", ticket_id, unit, user.name)

    def correct(self, user: UserRecord, ticket_id: int, changes: Mapping[str, str]) -> list[str]:
        """Correct understood fields; the corrected columns take the new values and the
        original (what the callbot understood) stays in ``corrections``. Returns the fields
        that changed. Only an open ticket, not held by someone else (supervisors excepted).
        Raises :class:`InvalidInput` for a field that is not correctable or a value it refuses."""
        unknown = sorted(set(changes) - set(CORRECTABLE))
        if unknown:
            raise InvalidInput(unknown[0], f"not correctable: {unknown}")
        cleaned = {name: CORRECTABLE[name](value) for name, value in changes.items()}

        def work(session: Session) -> list[str]:
            now = self._tx.clock()
            ticket = session.get(Ticket, ticket_id, populate_existing=True)
            if ticket is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            row = self._row(session, ticket_id)
            if row.status not in (_NEW, _CLAIMED):
                raise self._refuse(user, row, (_NEW, _CLAIMED))
            if not may_act(user, row.unit, row.status, row.claimed_by):
                raise self._refuse(user, row, (_CLAIMED,))
            corrections = dict(ticket.corrections or {})
            values: dict[str, Any] = {}
            detail: dict[str, Any] = {}
            for name, (new, follows) in cleaned.items():
                old = getattr(ticket, name)
                if new == old:
                    continue
                original = corrections.get(name, {}).get("original", old)
                corrections[name] = {
                    "value": new,
                    "original": original,
                    "by": user.name,
                    "at": now.isoformat(),
                }
                values[name] = new
                values.update(follows)
                detail[name] = {"from": old, "to": new}
            if not detail:
                return []
            where = [Ticket.id == ticket_id, Ticket.status == row.status]
            if row.status == _CLAIMED:
                where.append(Ticket.claimed_by == row.claimed_by)
            done = session.execute(
                update(Ticket)
                .where(*where)
                .values(corrections=corrections, updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            if rowcount(done) == 0:  # changed under us (PostgreSQL): refuse, nothing written
                raise self._refuse(user, self._row(session, ticket_id), (_CLAIMED,))
            self._event(
                session,
                ticket_id,
                user=user.name,
                action=EventAction.CORRECT,
                detail=detail,
                now=now,
            )
            return sorted(detail)

        fields = self._tx.run(f"correct ticket {ticket_id}", work, write=True)
        if fields:
            logger.info("ticket id %d: %s corrected by %s", ticket_id, fields, user.name)
        return fields

    def note(self, user: UserRecord, ticket_id: int, text: str) -> None:
        """A note on the ticket's history (any ticket the user may see)."""
        cleaned = _clean_note(text)
        if not cleaned:
            raise WorkflowError("an empty note", "empty_note")

        def work(session: Session) -> None:
            row = self._row(session, ticket_id)
            if not may_see(user, row.unit):
                raise AccessDenied(f"ticket {row.number} belongs to another unit")
            now = self._tx.clock()
            session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(updated_at=now)
                .execution_options(synchronize_session=False)
            )
            self._event(
                session,
                ticket_id,
                user=user.name,
                action=EventAction.NOTE,
                detail={"note": cleaned},
                now=now,
            )

        self._tx.run(f"add a note to ticket {ticket_id}", work, write=True)

    def record_event(
        self, ticket_id: int, user: str, action: EventAction, detail: Mapping[str, Any]
    ) -> None:
        """An event from elsewhere (a callback's result, the phone service), as is."""

        def work(session: Session) -> None:
            now = self._tx.clock()
            touched = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if rowcount(touched) == 0:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            self._event(session, ticket_id, user=user, action=action, detail=detail, now=now)

        self._tx.run(f"record {action.value} on ticket {ticket_id}", work, write=True)

    def release_stale_claims(self, older_than: timedelta) -> int:
        """Claims older than ``older_than`` go back to the queue (event by "system")."""

        def work(session: Session) -> int:
            now = self._tx.clock()
            stale = session.execute(
                select(Ticket.id, Ticket.claimed_by).where(
                    Ticket.status == _CLAIMED, Ticket.claimed_at < now - older_than
                )
            ).all()
            released = 0
            for ticket_id, holder in stale:
                changed = session.execute(
                    update(Ticket)
                    .where(
                        Ticket.id == ticket_id,
                        Ticket.status == _CLAIMED,
                        Ticket.claimed_by == holder,
                    )
                    .values(status=_NEW, claimed_by=None, claimed_at=None, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if rowcount(changed):
                    released += 1
                    detail = {"held_by": holder, "reason": "idle"}
                    self._event(
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

"""An operator's corrections of what the callbot understood: name, number, place, unit, need,
urgency.

The corrected column takes the new value; ``corrections`` keeps, per field, the original (what
the callbot understood, kept across several corrections), the value, who and when; the
ticket's history gets a ``correct`` event with each field's before and after. A field that
follows from another moves with it (a corrected urgency sets the queue's rank and the
emergency flag). A value that is not one of the field's is refused (:class:`InvalidInput`),
never stored cut down: a category must be one of the need's categories, a callback number a
number (digits, an optional leading ``+``, spaces, dots, dashes and brackets to group them),
not text whose digits would be scraped. Only an open ticket, not held by someone else
(supervisors excepted); the UPDATE expects the ticket as it was read, so a change meanwhile
refuses, writing nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from callbot.errors import InvalidInput, TicketNotFound
from callbot.operators.access import CLAIMED, NEW, may_act, refusal, ticket_state
from callbot.operators.accounts import UserRecord
from callbot.operators.history import add_event
from callbot.tickets.caller import sanitize_caller_name
from callbot.tickets.models import Ticket
from callbot.tickets.rules import URGENCY_RANK, EventAction, Urgency
from callbot.tickets.transactions import Transactions, rowcount
from callbot.understanding.need_base import CATEGORY_ORDER

logger = logging.getLogger(__name__)

MAX_FIELD = 120

Cleaner = Callable[[str], tuple[Any, dict[str, Any]]]


def _urgency(value: str) -> tuple[Any, dict[str, Any]]:
    try:
        urgency = Urgency(value)
    except ValueError:
        raise InvalidInput("urgency", f"urgency {value!r}: one of {', '.join(Urgency)}") from None
    return urgency.value, {
        "urgency_rank": URGENCY_RANK[urgency],
        "emergency": urgency is Urgency.EMERGENCY,
    }


# A callback number as an operator types it: an optional +, then 3 to 15 digits, grouped by
# spaces, dots, dashes or brackets. Anything else is refused, not scraped for its digits.
_NUMBER = re.compile(r"\+?[0-9]{3,15}")
_GROUPING = re.compile(r"[\s.()\-]")


def _callback_number(value: str) -> tuple[Any, dict[str, Any]]:
    text = value.strip()
    if not text:
        return None, {}
    number = _GROUPING.sub("", text)
    if not _NUMBER.fullmatch(number):
        raise InvalidInput(
            "callback_number",
            "a callback number is digits (an optional leading +), 3 to 15 of them",
        )
    return number, {}


def _category(value: str) -> tuple[Any, dict[str, Any]]:
    text = value.strip()
    if not text:
        return None, {}
    if text not in CATEGORY_ORDER:
        raise InvalidInput("category", f"category: one of {', '.join(CATEGORY_ORDER)}")
    return text, {}


def _text(limit: int) -> Cleaner:
    def clean(value: str) -> tuple[Any, dict[str, Any]]:
        return " ".join(value.split())[:limit] or None, {}

    return clean


# Fields an operator may correct: name -> cleaner giving the new value and any other columns
# that follow from it (urgency sets the queue's rank and the emergency flag).
CORRECTABLE: dict[str, Cleaner] = {
    "name": lambda v: (sanitize_caller_name(v)[:MAX_FIELD] or None, {}),
    "callback_number": _callback_number,
    "ward": _text(80),
    "district": _text(80),
    "new_unit": _text(120),
    "category": _category,
    "urgency": _urgency,
}


def cleaned_changes(changes: Mapping[str, str]) -> dict[str, tuple[Any, dict[str, Any]]]:
    """Each field's new value and the columns that follow, as they will be written.

    Raises :class:`InvalidInput` for a field that is not correctable or a value it refuses."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InvalidInput(unknown[0], f"not correctable: {unknown}")
    return {name: CORRECTABLE[name](value) for name, value in changes.items()}


class Corrections:
    """Corrections of understood fields."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def correct(self, user: UserRecord, ticket_id: int, changes: Mapping[str, str]) -> list[str]:
        """Correct understood fields; the corrected columns take the new values and the
        original (what the callbot understood) stays in ``corrections``. Returns the fields
        that changed. Only an open ticket, not held by someone else (supervisors excepted)."""
        cleaned = cleaned_changes(changes)

        def work(session: Session) -> list[str]:
            now = self._tx.clock()
            ticket = session.get(Ticket, ticket_id, populate_existing=True)
            if ticket is None:
                raise TicketNotFound(f"no ticket with id {ticket_id}")
            row = ticket_state(session, ticket_id)
            if row.status not in (NEW, CLAIMED):
                raise refusal(user, row, (NEW, CLAIMED))
            if not may_act(user, row.unit, row.status, row.claimed_by):
                raise refusal(user, row, (CLAIMED,))
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
            if row.status == CLAIMED:
                where.append(Ticket.claimed_by == row.claimed_by)
            done = session.execute(
                update(Ticket)
                .where(*where)
                .values(corrections=corrections, updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            if rowcount(done) == 0:  # changed under us (PostgreSQL): refuse, nothing written
                raise refusal(user, ticket_state(session, ticket_id), (CLAIMED,))
            add_event(
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

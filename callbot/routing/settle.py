"""The settle step: a ticket whose call has ended and whose answers are all settled becomes
ready for operators, understood, routed to its unit, or merged into the caller's open ticket.

Whoever changes something that can make a ticket ready calls :meth:`Settler.settle` once its
own change is committed: the call recorder when the call ends (:mod:`callbot.intake`), the job
queue when it stores a transcription (:mod:`callbot.transcription.jobs`), recovery when it
stores a journal. :meth:`Settler.settle_waiting` finds every ticket left ready but unsettled
(a process that died between the two transactions) and is run by ``callbot serve``'s sweeper.

One settle is three short steps, so the parsers never run under a lock:

1. read the ticket and its answers (no lock): not ``transcribing``, or an answer still
   pending: nothing to do;
2. understand the answers (:func:`callbot.routing.fields.understand`: fields with their
   confidence, category, urgency, and the unit from the units file), outside any transaction;
3. in one write transaction, lock the ticket's row and read its answers again: if they are
   unchanged, write the understood columns, the urgency never lowered below what the call
   itself flagged (an emergency recognised during the call stays one), and apply the repeat
   rule (:mod:`callbot.routing.repeat`), one settle of a callback number at a time
   (:func:`~callbot.tickets.db.serialize_on`: on PostgreSQL two calls of one number settled at
   once on two machines would otherwise both stay open); if an answer changed meanwhile
   (recovered, or transcribed again), start again from 1.

A written request (:mod:`callbot.intake.written`) needs no transcription: its answers are
understood before it is stored (:meth:`Settler.understood`) and step 3 runs in the very
transaction that stores it (:meth:`Settler.settle_made`), so it is never seen unsettled.

A ticket is never seen ``new`` without its fields. If understanding fails altogether, the
ticket still becomes ready, unparsed (``fields.error``): the operators must see it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from callbot.config import Config
from callbot.routing.fields import HeardAnswer, understand
from callbot.routing.repeat import merge_into, open_earlier
from callbot.routing.units import UnitsDirectory, load_units
from callbot.tickets.answers import lock_ticket
from callbot.tickets.db import serialize_on
from callbot.tickets.models import Answer, Ticket
from callbot.tickets.rules import TicketStatus, holds_no_speech, ready_for_operators
from callbot.tickets.transactions import Transactions

logger = logging.getLogger(__name__)

ROUNDS = 5  # reads and writes tried while the answers keep changing under the parsers
# Step 3's update: a ticket still transcribing gets the values passed as parameters.
_MAKE_READY = update(Ticket).where(
    Ticket.id == bindparam("_ticket"), Ticket.status == TicketStatus.TRANSCRIBING.value
)


class Understood(Protocol):
    """What understanding a ticket's answers gives: its column values."""

    def columns(self) -> dict[str, Any]:
        """The ticket columns to write, by their ``tickets`` names."""
        ...


Understand = Callable[[Sequence[HeardAnswer]], Understood]


@dataclass(frozen=True)
class _Heard:
    """A ticket's answers as they were read, and a fingerprint to see them change."""

    answers: tuple[HeardAnswer, ...]
    fingerprint: tuple[tuple[int, str, str | None], ...]


def _heard(session: Session, ticket_id: int) -> _Heard | None:
    """The ticket's answers if it is ready to settle: ended, every answer settled."""
    status = session.scalar(select(Ticket.status).where(Ticket.id == ticket_id))
    if status != TicketStatus.TRANSCRIBING:
        return None
    rows = session.scalars(
        select(Answer).where(Answer.ticket_id == ticket_id).order_by(Answer.id)
    ).all()
    if not ready_for_operators([a.transcription for a in rows]):
        return None
    return _Heard(
        answers=tuple(
            HeardAnswer(a.id, a.step, a.attempt, a.transcript, list(a.words or ())) for a in rows
        ),
        fingerprint=tuple((a.id, a.transcription, a.transcript) for a in rows),
    )


class Settler:
    """Makes tickets ``new`` (or ``merged``) once their call ended and their answers settled."""

    def __init__(
        self,
        transactions: Transactions,
        *,
        units: UnitsDirectory | None = None,
        repeat_window: timedelta | None = None,
        understand_with: Understand | None = None,
    ) -> None:
        """``units``: with them, a ready ticket is understood by the parsers and routed (without,
        it only becomes ready). ``repeat_window``: a call whose callback number has a ticket
        open since that long ago is merged into it (None: never). ``understand_with``
        replaces the parsers (tests)."""
        self._tx = transactions
        self.repeat_window = repeat_window
        self._understand: Understand | None = understand_with
        if understand_with is None and units is not None:
            directory = units
            self._understand = lambda heard: understand(heard, directory)

    def settle(self, ticket_id: int) -> bool:
        """Make the ticket ready if its call ended and every answer is settled.

        Returns whether it left ``transcribing`` now (False: not ready yet, or already done).
        """
        for _ in range(ROUNDS):
            heard = self._tx.run(
                f"read ticket {ticket_id} to settle it", lambda s: _heard(s, ticket_id)
            )
            if heard is None:
                return False
            columns = self._columns(ticket_id, heard.answers)
            done = self._tx.run(
                f"settle ticket {ticket_id}",
                partial(self._write, ticket_id=ticket_id, heard=heard, columns=columns),
                write=True,
            )
            if done is not None:
                return done
        logger.warning(
            "the answers of ticket id %d kept changing while it was settled; the sweep will",
            ticket_id,
        )
        return False

    def settle_waiting(self) -> int:
        """Settle every ticket ready but not settled (its settle step never ran: the process
        died between storing the last change and settling). Returns how many became ready."""

        def waiting(session: Session) -> list[int]:
            return list(
                session.scalars(
                    select(Ticket.id)
                    .where(Ticket.status == TicketStatus.TRANSCRIBING.value)
                    .order_by(Ticket.id)
                )
            )

        settled = sum(
            self.settle(ticket_id) for ticket_id in self._tx.run("find tickets to settle", waiting)
        )
        if settled:
            logger.warning("settled %d ticket(s) whose settle step had not run", settled)
        return settled

    def _columns(self, ticket_id: int, answers: Sequence[HeardAnswer]) -> dict[str, Any]:
        if self._understand is None:
            return {}
        try:
            return self._understand(answers).columns()
        except Exception:  # the ticket must reach the operators anyway
            logger.exception("understanding ticket id %d failed; it goes on unparsed", ticket_id)
            return {"fields": {"error": "understanding failed"}}

    def _write(
        self, session: Session, *, ticket_id: int, heard: _Heard, columns: dict[str, Any]
    ) -> bool | None:
        """Step 3, under the row lock: True if made ready, False if not to be, None if the
        answers changed since they were read (read and understand them again)."""
        lock_ticket(session, ticket_id)
        now = self._tx.clock()
        again = _heard(session, ticket_id)
        if again is None:
            return False  # settled by someone else meanwhile, or an answer pending again
        if again.fingerprint != heard.fingerprint:
            return None
        ticket = session.get(Ticket, ticket_id, populate_existing=True)
        if ticket is None:
            return False
        no_speech = holds_no_speech([state for _, state, _ in heard.fingerprint])
        self._make_ready(session, ticket, columns, now, no_speech=no_speech)
        return True

    def understood(self, answers: Sequence[HeardAnswer]) -> dict[str, Any]:
        """The ticket columns the parsers give for these answers (step 2 alone, no database):
        for a written request, understood before its ticket is stored."""
        return self._columns(0, answers)

    def settle_made(
        self, session: Session, ticket: Ticket, columns: dict[str, Any], now: datetime
    ) -> bool:
        """Step 3 for a ticket made in ``session``'s own transaction with every answer settled
        (a written request, whose text needs no transcription): ready now, with ``columns``
        (:meth:`understood`), or merged. Returns whether it was merged."""
        return self._make_ready(session, ticket, columns, now, no_speech=False)

    def _make_ready(
        self,
        session: Session,
        ticket: Ticket,
        columns: dict[str, Any],
        now: datetime,
        *,
        no_speech: bool,
    ) -> bool:
        """``new`` with the understood columns (the urgency never lowered), or ``merged`` into
        the caller's open ticket; whether merged."""
        values: dict[str, Any] = {
            "status": TicketStatus.NEW.value,
            "no_speech": no_speech,
            "updated_at": now,
            "ready_at": now,
        }
        values.update(_keep_flagged(ticket, dict(columns)))
        if self.repeat_window and ticket.callback_number:
            # Two calls of one number settling at once (two machines): one at a time, so the
            # second sees the first as open and merges into it.
            serialize_on(session, f"repeat:{ticket.callback_number}")
        earlier = open_earlier(session, ticket, now, self.repeat_window)
        if earlier is not None:
            values.update(status=TicketStatus.MERGED.value, linked_to_id=earlier.id)
            merge_into(session, earlier, values, now, ticket)
        # The values as parameters of a statement built once per set of columns (Core, cached):
        # a written request settles on the hot path of the public form.
        session.connection().execute(_MAKE_READY, {"_ticket": ticket.id, **values})
        if earlier is not None:
            logger.info(
                "ticket id %d is a repeat call: merged into ticket id %d", ticket.id, earlier.id
            )
        return earlier is not None


def _keep_flagged(ticket: Ticket, columns: dict[str, Any]) -> dict[str, Any]:
    """Never lower the urgency the call already set (an emergency flagged live)."""
    if columns and ticket.urgency_rank < columns.get("urgency_rank", 2):
        columns.update(
            urgency=ticket.urgency, urgency_rank=ticket.urgency_rank, emergency=ticket.emergency
        )
    return columns


def configured_settler(config: Config, transactions: Transactions) -> Settler:
    """How tickets become ready, as configured: understood by the parsers, routed by
    ``routing.units_file``, merged into an open ticket of the same callback number within
    ``routing.repeat_window_hours``. Reads and checks the units file now (ConfigError)."""
    routing = config.routing
    units = load_units(routing.units_file if str(routing.units_file) not in ("", ".") else None)
    hours = routing.repeat_window_hours
    window = timedelta(hours=hours) if hours > 0 else None
    return Settler(transactions, units=units, repeat_window=window)

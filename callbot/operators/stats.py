"""The dashboard's figures and the CSV export's rows: aggregations in SQL, scoped by unit.

A read-side module like :mod:`.queue`: every read takes the user and is limited in the query
itself (:func:`~callbot.operators.access.visible_to`): an operator's figures count their unit's
tickets only; supervisors and admins see every unit, or one they ask for. An operator asking
for another unit is refused with :class:`~callbot.errors.AccessDenied`.

- :meth:`TicketStats.calls_per_hour`: tickets created per hour (one ticket per overflow call),
  grouped in SQL by the UTC hour (:class:`~callbot.tickets.sqltime.utc_hour`); Vietnam is
  UTC+7 all year, so UTC hours are its hours.
- :meth:`TicketStats.waiting`: tickets waiting now (new or claimed), by category and by unit.
- :meth:`TicketStats.response_times`: per ticket created in the window (merged repeat calls
  aside), the first ``callback`` event, else the first ``claim``/``resolve`` event, from one
  ``MIN(CASE ...)`` over the ticket's events, as seconds after the call
  (:class:`~callbot.tickets.sqltime.epoch_seconds`); p50/p90 in Python.
- :meth:`TicketStats.by_channel`: tickets created in the window per channel (call, web, api).
- :meth:`TicketStats.export_rows`: one row per ticket of a unit (and time range) for the CSV.
"""

from __future__ import annotations

import builtins
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from callbot.errors import AccessDenied
from callbot.operators.access import may_see, visible_to
from callbot.operators.accounts import Role, UserRecord
from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.rules import Channel, EventAction, TicketStatus
from callbot.tickets.sqltime import HOUR_TEXT, epoch_seconds, utc_hour
from callbot.tickets.transactions import Transactions

WAITING = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)
HANDLED = (EventAction.CLAIM.value, EventAction.RESOLVE.value)
CALLBACK = EventAction.CALLBACK.value


def command_line_user() -> UserRecord:
    """Whom ``callbot tickets export`` reads as: it holds the database itself, so every unit."""
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return UserRecord(id=0, name="system", role=Role.ADMIN, unit="", active=True, created_at=epoch)


def hour_start(at: datetime) -> datetime:
    """The start of ``at``'s hour, in UTC."""
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile of sorted values, interpolated between the two nearest ranks
    (as PostgreSQL's ``percentile_cont``). Raises ValueError on no values."""
    if not ordered:
        raise ValueError("percentile of no values")
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class HourCount:
    """Tickets created in one hour."""

    hour: datetime  # start of the hour, aware UTC
    calls: int


@dataclass(frozen=True)
class WaitingCount:
    """Tickets waiting now in one category or unit: new and claimed."""

    key: str | None  # a category or a unit (None: not known)
    new: int
    claimed: int

    @property
    def total(self) -> int:
        """Every ticket waiting in the group, new and claimed."""
        return self.new + self.claimed


@dataclass(frozen=True)
class Waiting:
    """Tickets waiting now: new (nobody has them) and claimed (someone is on them)."""

    by_category: tuple[WaitingCount, ...]
    by_unit: tuple[WaitingCount, ...]
    new: int
    claimed: int


@dataclass(frozen=True)
class Delays:
    """Time from call to callback for one group of tickets (seconds)."""

    key: str | None  # a category or a unit; None for every ticket in scope
    by_callback: int  # tickets measured to their first callback event
    by_claim: int  # measured to their first claim or resolve: no callback event yet
    pending: int  # neither yet
    p50: float | None
    p90: float | None

    @property
    def measured(self) -> int:
        """Tickets with a measured delay: to a callback, or to a claim or resolve without one."""
        return self.by_callback + self.by_claim


@dataclass(frozen=True)
class ResponseTimes:
    """Time from call to callback: every ticket in scope, then per category and per unit."""

    overall: Delays
    by_category: tuple[Delays, ...]
    by_unit: tuple[Delays, ...]


@dataclass(frozen=True)
class ExportRow:
    """One ticket as the CSV export writes it."""

    number: str
    created_at: datetime
    status: str
    urgency: str
    category: str | None
    name: str | None
    callback_number: str | None
    ward: str | None
    district: str | None
    new_unit: str | None
    unit: str | None
    call_count: int
    resolution: str | None
    closed_at: datetime | None
    channel: str = "call"


class _Measured(NamedTuple):
    category: str | None
    unit: str | None
    seconds: float | None  # None: not called back, claimed or resolved yet
    by_callback: bool  # measured to a callback event (else to a claim or resolve)


def _delays(key: str | None, rows: Iterable[_Measured]) -> Delays:
    seconds: builtins.list[float] = []
    by_callback = by_claim = pending = 0
    for row in rows:
        if row.seconds is None:
            pending += 1
            continue
        seconds.append(row.seconds)
        if row.by_callback:
            by_callback += 1
        else:
            by_claim += 1
    seconds.sort()
    return Delays(
        key,
        by_callback,
        by_claim,
        pending,
        percentile(seconds, 0.5) if seconds else None,
        percentile(seconds, 0.9) if seconds else None,
    )


def _by_key(key: str | None) -> tuple[bool, str]:
    return (key is None, key or "")  # known keys first, by name


class TicketStats:
    """The dashboard's reads."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def now(self) -> datetime:
        """The store's clock (tests set it)."""
        return self._tx.clock()

    @staticmethod
    def scope(user: UserRecord, unit: str | None) -> builtins.list[ColumnElement[bool]]:
        """The tickets ``user`` may count, of ``unit`` when given; AccessDenied for an
        operator's request of another unit."""
        if unit is None:
            return [visible_to(user)]
        if not may_see(user, unit):
            raise AccessDenied(f"unit {unit} is not {user.name}'s")
        return [visible_to(user), Ticket.unit == unit]

    def calls_per_hour(
        self, user: UserRecord, unit: str | None, hours: int, now: datetime
    ) -> builtins.list[HourCount]:
        """Calls (tickets of the ``call`` channel) created in each of the last ``hours`` hours
        (the current one included), oldest first, hours without a call as zeros."""
        first = hour_start(now) - timedelta(hours=hours - 1)
        where = [
            *self.scope(user, unit),
            Ticket.created_at >= first,
            Ticket.channel == Channel.CALL.value,  # written requests are counted per channel
        ]
        bucket = utc_hour(Ticket.created_at)

        def work(session: Session) -> dict[datetime, int]:
            rows = session.execute(
                select(bucket, func.count()).where(*where).group_by(bucket)
            ).all()
            return {
                datetime.strptime(text, HOUR_TEXT).replace(tzinfo=UTC): count
                for text, count in rows
            }

        counts = self._tx.run("count calls per hour", work)
        return [
            HourCount(at, counts.get(at, 0))
            for at in (first + timedelta(hours=i) for i in range(hours))
        ]

    def by_channel(
        self, user: UserRecord, unit: str | None, since: datetime
    ) -> builtins.list[tuple[str, int]]:
        """Tickets created since ``since`` per channel (call, web, api, chat), most first;
        merged ones counted too: each is a request that came in."""
        where = [*self.scope(user, unit), Ticket.created_at >= since]

        def work(session: Session) -> builtins.list[tuple[str, int]]:
            rows = session.execute(
                select(Ticket.channel, func.count()).where(*where).group_by(Ticket.channel)
            ).all()
            return sorted(((c, int(n)) for c, n in rows), key=lambda item: (-item[1], item[0]))

        return self._tx.run("count tickets per channel", work)

    def waiting(self, user: UserRecord, unit: str | None) -> Waiting:
        """Tickets new or claimed now, by category and by unit."""
        where = [*self.scope(user, unit), Ticket.status.in_(WAITING)]

        def work(session: Session) -> builtins.list[Any]:
            return list(
                session.execute(
                    select(Ticket.status, Ticket.category, Ticket.unit, func.count())
                    .where(*where)
                    .group_by(Ticket.status, Ticket.category, Ticket.unit)
                ).all()
            )

        tallies: dict[str, dict[str | None, builtins.list[int]]] = {
            "category": defaultdict(lambda: [0, 0]),
            "unit": defaultdict(lambda: [0, 0]),
        }
        totals = [0, 0]
        for status, category, unit_code, count in self._tx.run("count waiting tickets", work):
            slot = WAITING.index(status)
            tallies["category"][category][slot] += count
            tallies["unit"][unit_code][slot] += count
            totals[slot] += count

        def rows(table: dict[str | None, builtins.list[int]]) -> tuple[WaitingCount, ...]:
            counted = (WaitingCount(k, new, claimed) for k, (new, claimed) in table.items())
            return tuple(sorted(counted, key=lambda c: (-c.total, *_by_key(c.key))))

        return Waiting(rows(tallies["category"]), rows(tallies["unit"]), totals[0], totals[1])

    def response_times(self, user: UserRecord, unit: str | None, since: datetime) -> ResponseTimes:
        """Time from call to callback of the tickets created since ``since`` (merged repeat
        calls aside: their original is called back), p50 and p90 per category and unit."""
        created = epoch_seconds(Ticket.created_at)
        at = epoch_seconds(TicketEvent.at)
        to_callback = func.min(case((TicketEvent.action == CALLBACK, at))) - created
        to_handled = func.min(case((TicketEvent.action.in_(HANDLED), at))) - created
        query = (
            select(Ticket.category, Ticket.unit, to_callback, to_handled)
            .select_from(Ticket)
            .outerjoin(
                TicketEvent,
                and_(
                    TicketEvent.ticket_id == Ticket.id,
                    TicketEvent.action.in_((CALLBACK, *HANDLED)),
                ),
            )
            .where(
                *self.scope(user, unit),
                Ticket.created_at >= since,
                Ticket.status != TicketStatus.MERGED.value,
            )
            .group_by(Ticket.id, Ticket.category, Ticket.unit, Ticket.created_at)
        )

        def work(session: Session) -> builtins.list[Any]:
            return list(session.execute(query).all())

        measured: builtins.list[_Measured] = []
        for category, unit_code, callback, handled in self._tx.run("measure callback delays", work):
            seconds = callback if callback is not None else handled
            if seconds is not None:  # to the millisecond: julianday() is exact to ~10 µs
                seconds = max(0.0, round(float(seconds), 3))
            measured.append(_Measured(category, unit_code, seconds, callback is not None))

        def grouped(key: Callable[[_Measured], str | None]) -> tuple[Delays, ...]:
            groups: dict[str | None, builtins.list[_Measured]] = defaultdict(list)
            for row in measured:
                groups[key(row)].append(row)
            return tuple(_delays(k, groups[k]) for k in sorted(groups, key=_by_key))

        return ResponseTimes(
            overall=_delays(None, measured),
            by_category=grouped(lambda row: row.category),
            by_unit=grouped(lambda row: row.unit),
        )

    def export_rows(
        self,
        user: UserRecord,
        unit: str | None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> builtins.list[ExportRow]:
        """The tickets of ``unit`` (every unit ``user`` sees when None) created in
        [``start``, ``end``), oldest first."""
        where = self.scope(user, unit)
        if start is not None:
            where.append(Ticket.created_at >= start)
        if end is not None:
            where.append(Ticket.created_at < end)
        columns = [getattr(Ticket, f.name) for f in ExportRow.__dataclass_fields__.values()]

        def work(session: Session) -> builtins.list[ExportRow]:
            rows = session.execute(
                select(*columns).where(*where).order_by(Ticket.created_at, Ticket.id)
            )
            return [ExportRow(*row) for row in rows]

        return self._tx.run("read tickets to export", work)

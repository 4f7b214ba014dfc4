"""The dashboard's figures on a real SQLite file with seeded tickets and events: calls per hour,
tickets waiting, time to callback (callback events first, claims and resolves when none), the
unit scope, the export's rows; the SQL of the hour bucket on PostgreSQL; 10,000 tickets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.dialects import mysql, postgresql
from sqlalchemy.exc import CompileError

from callbot.errors import AccessDenied
from callbot.operators.accounts import UserRecord
from callbot.operators.stats import TicketStats, command_line_user, percentile
from callbot.tickets.db import session_factory
from callbot.tickets.models import Ticket, TicketEvent
from callbot.tickets.sqltime import epoch_seconds, utc_hour
from callbot.tickets.transactions import Transactions
from tests.support.database import Database
from tests.support.seed import NOW, Seed

pytestmark = pytest.mark.both_databases


def user(name: str, role: str = "operator", unit: str = "U1") -> UserRecord:
    return UserRecord(id=1, name=name, role=role, unit=unit, active=True, created_at=NOW)


ANA, CHI, SUP = user("ana"), user("chi", unit="U2"), user("sup", "supervisor", "HQ")


@pytest.fixture
def engine(database: Database) -> Engine:
    return database.engine


@pytest.fixture
def seed(engine: Engine) -> Seed:
    return Seed(engine)


@pytest.fixture
def stats(engine: Engine) -> TicketStats:
    return TicketStats(Transactions(session_factory(engine), clock=lambda: NOW))


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([10.0 * i for i in range(1, 11)], 0.9) == pytest.approx(91.0)
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_calls_per_hour_counts_each_hour_of_the_window(seed: Seed, stats: TicketStats) -> None:
    seed.ticket(timedelta(minutes=5))  # 10:25, the current hour
    seed.ticket(timedelta(minutes=30))  # 10:00 exactly: still the current hour
    seed.ticket(timedelta(minutes=31), unit="U2")  # 09:59
    seed.ticket(timedelta(hours=23, minutes=30))  # 11:00 yesterday: the first hour
    seed.ticket(timedelta(hours=23, minutes=31))  # 10:59 yesterday: outside
    seed.ticket(timedelta(days=3), status="closed")
    hours = stats.calls_per_hour(SUP, None, 24, NOW)
    assert len(hours) == 24
    assert hours[0].hour == datetime(2026, 11, 27, 11, tzinfo=UTC)
    assert hours[-1].hour == datetime(2026, 11, 28, 10, tzinfo=UTC)
    assert [h.calls for h in hours if h.calls] == [1, 1, 2]
    assert (hours[-2].calls, hours[-1].calls) == (1, 2)
    assert sum(h.calls for h in stats.calls_per_hour(SUP, None, 7 * 24, NOW)) == 6
    # an operator counts their unit only; a supervisor may ask for one unit
    assert sum(h.calls for h in stats.calls_per_hour(ANA, None, 24, NOW)) == 3
    assert sum(h.calls for h in stats.calls_per_hour(CHI, None, 24, NOW)) == 1
    assert sum(h.calls for h in stats.calls_per_hour(SUP, "U2", 24, NOW)) == 1
    assert sum(h.calls for h in stats.calls_per_hour(ANA, "U1", 24, NOW)) == 3
    with pytest.raises(AccessDenied):
        stats.calls_per_hour(CHI, "U1", 24, NOW)


def test_waiting_tickets_by_category_and_unit(seed: Seed, stats: TicketStats) -> None:
    seed.ticket(timedelta(hours=1), category="food")
    seed.ticket(timedelta(hours=2), category="food", status="claimed")
    seed.ticket(timedelta(hours=3), category="medical")
    seed.ticket(timedelta(hours=4), category=None, unit="U2")
    seed.ticket(timedelta(days=9), category="medical", unit=None)  # old, still waiting
    for status in ("closed", "merged", "in_call", "transcribing"):
        seed.ticket(timedelta(hours=1), status=status)
    waiting = stats.waiting(SUP, None)
    assert (waiting.new, waiting.claimed) == (4, 1)
    by_category = {c.key: (c.new, c.claimed) for c in waiting.by_category}
    assert by_category == {"food": (1, 1), "medical": (2, 0), None: (1, 0)}
    assert [c.key for c in waiting.by_category] == ["food", "medical", None]  # most first
    assert {c.key: c.total for c in waiting.by_unit} == {"U1": 3, "U2": 1, None: 1}
    mine = stats.waiting(ANA, None)
    assert (mine.new, mine.claimed) == (2, 1)
    assert [c.key for c in mine.by_unit] == ["U1"]
    assert stats.waiting(SUP, "U2").new == 1


def test_time_to_callback_prefers_callback_events_then_claims(
    seed: Seed, stats: TicketStats
) -> None:
    minutes = timedelta(minutes=1)
    called = seed.ticket(timedelta(hours=5), category="medical", status="closed")
    seed.event(called, "claim", 2 * minutes)
    seed.event(called, "callback", 10 * minutes)  # counts, although claimed before
    seed.event(called, "callback", 12 * minutes)
    seed.event(called, "resolve", 15 * minutes)
    claimed = seed.ticket(timedelta(hours=4), category="medical", status="claimed")
    seed.event(claimed, "note", minutes)  # not a callback, claim or resolve
    seed.event(claimed, "claim", 30 * minutes)
    resolved = seed.ticket(timedelta(hours=3), category="food", unit="U2", status="closed")
    seed.event(resolved, "resolve", 20 * minutes)
    seed.ticket(timedelta(hours=2), category="food")  # waiting: pending
    merged = seed.ticket(timedelta(hours=2), category="food", status="merged")
    seed.event(merged, "claim", minutes)  # merged repeat calls are not counted
    old = seed.ticket(timedelta(days=2), category="food", status="closed")
    seed.event(old, "callback", minutes)  # before the window

    times = stats.response_times(SUP, None, NOW - timedelta(hours=24))
    overall = times.overall
    assert (overall.by_callback, overall.by_claim, overall.pending) == (1, 2, 1)
    assert overall.p50 == 20 * 60 and overall.p90 == pytest.approx(28 * 60)
    medical, food = (next(g for g in times.by_category if g.key == k) for k in ("medical", "food"))
    assert (medical.p50, medical.p90) == (20 * 60, pytest.approx(28 * 60))
    assert (medical.by_callback, medical.by_claim, medical.pending) == (1, 1, 0)
    assert (food.p50, food.by_claim, food.pending) == (20 * 60, 1, 1)
    assert {g.key: g.measured for g in times.by_unit} == {"U1": 2, "U2": 1}
    # operators: their unit; a week back takes the old ticket in
    mine = stats.response_times(ANA, None, NOW - timedelta(hours=24))
    assert mine.overall.measured == 2 and [g.key for g in mine.by_unit] == ["U1"]
    week = stats.response_times(SUP, None, NOW - timedelta(days=7))
    assert week.overall.by_callback == 2
    nothing = stats.response_times(CHI, None, NOW - timedelta(minutes=1))
    assert nothing.overall.p50 is None and nothing.by_unit == ()


def test_export_rows_by_unit_and_range(seed: Seed, stats: TicketStats) -> None:
    first = seed.ticket(timedelta(days=2), name="Nguyễn Văn An", call_count=2)
    seed.ticket(timedelta(days=1), unit="U2")
    seed.ticket(timedelta(hours=1), status="closed", resolution="resolved", closed_at=NOW)
    rows = stats.export_rows(ANA, "U1")
    assert [r.number for r in rows] == [f"T{first}", "T3"]
    assert rows[0].name == "Nguyễn Văn An" and rows[0].call_count == 2
    assert rows[1].resolution == "resolved" and rows[1].closed_at == NOW
    assert [r.number for r in stats.export_rows(ANA, None)] == ["T1", "T3"]
    assert len(stats.export_rows(SUP, None)) == 3
    assert len(stats.export_rows(command_line_user(), "U2")) == 1
    recent = stats.export_rows(SUP, None, NOW - timedelta(days=1, hours=1), NOW)
    assert [r.number for r in recent] == ["T2", "T3"]
    with pytest.raises(AccessDenied):
        stats.export_rows(CHI, "U1")


def test_time_sql_on_postgresql_and_refused_elsewhere() -> None:
    query = select(utc_hour(Ticket.created_at), epoch_seconds(Ticket.closed_at))
    sql = str(query.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert "to_char(tickets.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')" in sql
    assert "CAST(EXTRACT(EPOCH FROM tickets.closed_at) AS DOUBLE PRECISION)" in sql
    with pytest.raises(CompileError, match="utc_hour"):
        query.compile(dialect=mysql.dialect())  # type: ignore[no-untyped-call]


def test_epoch_seconds_on_sqlite(engine: Engine, seed: Seed) -> None:
    ticket_id = seed.ticket(timedelta(microseconds=250_000))
    with engine.connect() as connection:
        value = connection.scalar(
            select(epoch_seconds(Ticket.created_at)).where(Ticket.id == ticket_id)
        )
    assert value == pytest.approx((NOW - timedelta(microseconds=250_000)).timestamp(), abs=1e-4)


def test_ten_thousand_tickets_are_counted_in_sql(engine: Engine, stats: TicketStats) -> None:
    """The dashboard's reads on 10,000 tickets count right; their speed is
    ``callbot bench console``'s (``docs/benchmarks.md``), not a timed test's."""
    tickets, events = [], []
    for i in range(1, 10_001):
        at = NOW - timedelta(seconds=i * 60)
        status = ("new", "claimed", "closed", "closed")[i % 4]
        tickets.append(
            {
                "id": i,
                "number": f"T{i}",
                "created_at": at,
                "updated_at": at,
                "caller_number": "0901234567",
                "caller_name": "",
                "caller_id_raw": "",
                "channel_uniqueid": str(i),
                "channel_linkedid": str(i),
                "status": status,
                "unit": f"U{i % 25}",
                "category": ("food", "medical", "financial", "other")[i % 4],
            }
        )
        if status != "new":
            events.append({"ticket_id": i, "at": at + timedelta(minutes=i % 50), "user": "a"})
            events[-1]["action"] = "callback" if i % 3 else "claim"
    with engine.begin() as connection:
        connection.execute(insert(Ticket), tickets)
        connection.execute(insert(TicketEvent), events)
    hours = stats.calls_per_hour(SUP, None, 7 * 24, NOW)
    waiting = stats.waiting(SUP, None)
    times = stats.response_times(SUP, None, NOW - timedelta(days=7))
    assert sum(h.calls for h in hours) == 10_000
    assert waiting.new + waiting.claimed == 5_000 and len(waiting.by_unit) == 25
    assert times.overall.measured == 7_500 and times.overall.pending == 2_500

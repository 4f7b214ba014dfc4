"""What the dashboard shows, from the figures of :mod:`callbot.operators.stats`: three sections,
each a chart (:mod:`.charts`) and the table of its numbers.

1. Overflow calls per hour over the period (last 24 hours or 7 days), in Vietnam hours.
2. Tickets waiting now (new and claimed), by category and by unit.
3. Time from call to callback, p50 and p90 by category and by unit, over the period, with
   how many tickets were measured to a callback event and how many, without one yet, to their
   first claim or resolve (said in the legend).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from markupsafe import Markup

from callbot.console import labels
from callbot.console.charts import Column, Row, Series, bar_chart, column_chart, number
from callbot.console.export import VIETNAM
from callbot.operators.accounts import UserRecord
from callbot.operators.stats import (
    Delays,
    HourCount,
    ResponseTimes,
    TicketStats,
    Waiting,
    WaitingCount,
)

PERIOD_HOURS = {"24h": 24, "7d": 7 * 24}
CALLS = Series(labels.DASHBOARD["calls_series"], "#0b57b0")
WAITING_SERIES = (
    Series(labels.WAITING_SERIES["new"], "#dc6803"),
    Series(labels.WAITING_SERIES["claimed"], "#98a2b3"),
)
DELAY_SERIES = (
    Series(labels.DELAY_SERIES["p50"], "#0b57b0"),
    Series(labels.DELAY_SERIES["p90"], "#9cc7f5"),
)
MINUTES_UP_TO = 2 * 3600  # delays below this are charted in minutes, above in hours


@dataclass(frozen=True)
class Figures:
    """Everything the dashboard counts for one user, unit and period."""

    period: str
    now: datetime
    hours: list[HourCount]
    waiting: Waiting
    delays: ResponseTimes
    channels: list[tuple[str, int]] = dataclasses.field(default_factory=list)


def load(stats: TicketStats, user: UserRecord, unit: str | None, period: str) -> Figures:
    """The figures (three reads); AccessDenied for an operator asking another unit."""
    hours = PERIOD_HOURS[period]
    now = stats.now()
    per_hour = stats.calls_per_hour(user, unit, hours, now)
    return Figures(
        period=period,
        now=now,
        hours=per_hour,
        waiting=stats.waiting(user, unit),
        delays=stats.response_times(user, unit, per_hour[0].hour),
        channels=stats.by_channel(user, unit, per_hour[0].hour),
    )


def category_name(code: str | None) -> str:
    """A category's Vietnamese name; None: :data:`~callbot.console.labels.UNKNOWN`."""
    return labels.UNKNOWN if code is None else labels.label(labels.CATEGORY, code)


def unit_name(code: str | None) -> str:
    """A unit as the dashboard shows it: its code; None: :data:`~callbot.console.labels.UNKNOWN`."""
    return code or labels.UNKNOWN


def _hour_tick(local: datetime, period: str) -> str:
    if period == "24h":
        if local.hour == 0:
            return local.strftime("0h %d/%m")
        return f"{local.hour}h" if local.hour % 3 == 0 else ""
    return local.strftime("%d/%m") if local.hour == 0 else ""


def calls_section(figures: Figures) -> dict[str, Any]:
    """Section 1: the calls per hour (Vietnam hours) as a column chart, its table and the total."""
    columns, rows = [], []
    for item in figures.hours:
        local = item.hour.astimezone(VIETNAM)
        span = f"{local:%d/%m %H:%M}–{local + timedelta(hours=1):%H:%M}"
        tip = labels.DASHBOARD["calls_tip"].format(hour=span, count=item.calls)
        columns.append(Column(item.calls, _hour_tick(local, figures.period), tip))
        rows.append({"hour": span, "calls": item.calls})
    total = sum(item.calls for item in figures.hours)
    period = labels.PERIOD[figures.period]
    return {
        "total": total,
        "rows": rows,
        "chart": column_chart(
            columns,
            CALLS,
            ident="chart-calls",
            title=labels.DASHBOARD["calls_title"].format(period=period),
            desc=labels.DASHBOARD["calls_desc"].format(total=total),
        ),
    }


def _waiting_chart(counts: tuple[WaitingCount, ...], by: str, name: Any) -> dict[str, Any]:
    rows = []
    for count in counts:
        note = labels.DASHBOARD["waiting_note"].format(
            total=count.total, new=count.new, claimed=count.claimed
        )
        rows.append(Row(name(count.key), (count.new, count.claimed), str(count.total), note))
    chart: Markup | None = None
    if rows:
        chart = bar_chart(
            rows,
            WAITING_SERIES,
            ident=f"chart-waiting-{by}",
            title=labels.DASHBOARD["waiting_title"].format(by=labels.DASHBOARD[f"by_{by}"]),
            desc=labels.DASHBOARD["waiting_desc"],
            whole=True,
        )
    table = [
        {"label": name(c.key), "new": c.new, "claimed": c.claimed, "total": c.total} for c in counts
    ]
    return {"chart": chart, "rows": table}


def waiting_section(figures: Figures) -> dict[str, Any]:
    """Section 2: the tickets waiting now (new, claimed, total), charted and tabled by category
    and by unit."""
    waiting = figures.waiting
    return {
        "new": waiting.new,
        "claimed": waiting.claimed,
        "total": waiting.new + waiting.claimed,
        "category": _waiting_chart(waiting.by_category, "category", category_name),
        "unit": _waiting_chart(waiting.by_unit, "unit", unit_name),
    }


def _delay_row(delays: Delays, name: str) -> dict[str, Any]:
    return {
        "label": name,
        "p50": labels.duration(delays.p50),
        "p90": labels.duration(delays.p90),
        "by_callback": delays.by_callback,
        "by_claim": delays.by_claim,
        "pending": delays.pending,
    }


def _delay_chart(
    groups: tuple[Delays, ...], by: str, name: Any, *, period: str, per: float, unit: str
) -> dict[str, Any]:
    rows = []
    for group in groups:
        if group.p50 is None or group.p90 is None:
            continue  # nothing measured yet: in the table only
        note = labels.DASHBOARD["delay_note"].format(
            p50=number(round(group.p50 / per, 1)), p90=number(round(group.p90 / per, 1)), unit=unit
        )
        tip = labels.DASHBOARD["delay_tip"].format(
            p50=labels.duration(group.p50), p90=labels.duration(group.p90)
        )
        values = (group.p50 / per, (group.p90 - group.p50) / per)
        rows.append(Row(name(group.key), values, note, tip))
    chart: Markup | None = None
    if rows:
        chart = bar_chart(
            rows,
            DELAY_SERIES,
            ident=f"chart-delay-{by}",
            title=labels.DASHBOARD["delay_title"].format(
                by=labels.DASHBOARD[f"by_{by}"], period=labels.PERIOD[period]
            ),
            desc=labels.DASHBOARD["delay_desc"].format(unit=unit),
            axis_label=unit,
        )
    return {"chart": chart, "rows": [_delay_row(g, name(g.key)) for g in groups]}


def delay_section(figures: Figures) -> dict[str, Any]:
    """Section 3: p50 and p90 from call to callback, for every ticket and by category and unit,
    with the legend of what was measured; charted in minutes, or in hours when the longest
    p90 reaches :data:`MINUTES_UP_TO`."""
    delays = figures.delays
    longest = max(
        (g.p90 for g in (*delays.by_category, *delays.by_unit) if g.p90 is not None), default=0
    )
    per, unit = (
        (60.0, labels.DASHBOARD["minutes"])
        if longest < MINUTES_UP_TO
        else (3600.0, labels.DASHBOARD["hours"])
    )
    overall = delays.overall
    return {
        "overall": _delay_row(overall, "Tất cả"),
        "legend": labels.DASHBOARD["delay_legend"].format(
            by_callback=number(overall.by_callback),
            by_claim=number(overall.by_claim),
            pending=number(overall.pending),
        ),
        "category": _delay_chart(
            delays.by_category, "category", category_name, period=figures.period, per=per, unit=unit
        ),
        "unit": _delay_chart(
            delays.by_unit, "unit", unit_name, period=figures.period, per=per, unit=unit
        ),
    }


def context(figures: Figures) -> dict[str, Any]:
    """The template's sections."""
    return {
        "period": figures.period,
        "periods": labels.PERIOD,
        "updated": labels.local_time(figures.now),
        "calls": calls_section(figures),
        "waiting": waiting_section(figures),
        "delays": delay_section(figures),
        "channels": [
            {"code": code, "label": labels.label(labels.CHANNEL, code), "count": count}
            for code, count in figures.channels
        ],
    }

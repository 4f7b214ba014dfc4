"""A unit's tickets as CSV that Excel opens as it should: the console's ``/export.csv`` and
``callbot tickets export`` write it with the same code.

- UTF-8 with a byte order mark (Excel reads Vietnamese right only with it), CRLF line ends,
  quoting where needed (the csv module).
- Times twice for the call: Vietnam time (Asia/Ho_Chi_Minh, ``YYYY-MM-DD HH:MM:SS``, which
  Excel reads as a date whatever its locale) and ISO 8601 UTC; the closing time in Vietnam time.
- Codes (status, urgency, category, resolution, channel) in Vietnamese words, from :mod:`.labels`.
- Formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
  return) gets a leading ``'``, so a spreadsheet shows it as text instead of running it. Names
  and numbers come from callers.
- ``from``/``to``: a date (``YYYY-MM-DD``, a whole Vietnam day, ``to`` included) or an ISO
  time (with an offset, or read as Vietnam time; ``to`` excluded).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from callbot.console import labels
from callbot.errors import InvalidInput
from callbot.operators.stats import ExportRow

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPE = "text/csv; charset=utf-8"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def safe_cell(value: Any) -> str:
    """``value`` as a CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_text(value: datetime | None) -> str:
    """``value`` in Vietnam time as ``YYYY-MM-DD HH:MM:SS`` (Excel reads it as a date); None: ""."""
    return "" if value is None else value.astimezone(VIETNAM).strftime("%Y-%m-%d %H:%M:%S")


def utc_text(value: datetime) -> str:
    """``value`` as ISO 8601 UTC to the second, with a ``Z``."""
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def cells(row: ExportRow) -> list[str]:
    """One ticket's cells, in :data:`labels.EXPORT_COLUMNS` order, made safe."""

    def word(table: dict[str, str], code: str | None) -> str:
        return "" if code is None else table.get(code, code)

    values: list[Any] = [
        row.number,
        local_text(row.created_at),
        utc_text(row.created_at),
        word(labels.STATUS, row.status),
        word(labels.URGENCY, row.urgency),
        word(labels.CATEGORY, row.category),
        row.name,
        row.callback_number,
        row.ward,
        row.district,
        row.new_unit,
        row.unit,
        row.call_count,
        word(labels.RESOLUTION, row.resolution),
        local_text(row.closed_at),
        word(labels.CHANNEL, row.channel),
    ]
    return [safe_cell(v) for v in values]


def write_csv(rows: Iterable[ExportRow], out: TextIO) -> int:
    """The BOM, the header and one line per ticket to ``out``; the number of tickets."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(labels.EXPORT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(cells(row))
        count += 1
    return count


def csv_bytes(rows: Iterable[ExportRow]) -> bytes:
    """The whole CSV file (BOM, header, one line per ticket) as UTF-8 bytes."""
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue().encode("utf-8")


def parse_bound(text: str | None, *, end: bool) -> datetime | None:
    """A ``from`` (``end`` False) or ``to`` bound as an aware UTC time; None when empty.
    Raises :class:`InvalidInput` (a ValueError, field ``from`` or ``to``) on anything else."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if _DATE.match(text):
            day = date.fromisoformat(text) + timedelta(days=1 if end else 0)
            return datetime.combine(day, time(), VIETNAM).astimezone(UTC)
        value = datetime.fromisoformat(text)
    except ValueError as exc:  # the calendar's own checks, said as they are
        raise InvalidInput("to" if end else "from", str(exc)) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=VIETNAM)
    return value.astimezone(UTC)


def filename(unit: str | None, start: str | None, end: str | None) -> str:
    """``phieu-<unit>[-<from>][-<to>].csv`` from what was asked, reduced to safe characters."""
    parts = ["phieu", unit or "tat-ca", *(v.strip()[:25] for v in (start, end) if v)]
    return re.sub(r"[^A-Za-z0-9._-]", "_", "-".join(parts)) + ".csv"

"""Time arithmetic in SQL that SQLite and PostgreSQL spell differently, as two small SQL
functions compiled per dialect (another dialect is refused when the query is compiled).

Both read a :class:`~callbot.tickets.models.UtcDateTime` column: on SQLite naive UTC text
``'YYYY-MM-DD HH:MM:SS.ffffff'``, on PostgreSQL ``timestamptz``.

- :class:`utc_hour`: the UTC hour as text ``'YYYY-MM-DD HH'`` (to group by hour).
- :class:`epoch_seconds`: seconds since 1970-01-01 UTC as a float (to subtract times in the
  query: the database returns plain numbers, not timestamps to parse row by row).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, String
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

HOUR_TEXT = "%Y-%m-%d %H"  # what utc_hour() gives, for datetime.strptime
UNIX_EPOCH_JULIAN_DAY = 2440587.5


class utc_hour(FunctionElement[str]):
    """The UTC hour of a timestamp column, as ``'YYYY-MM-DD HH'``."""

    type = String()
    name = "utc_hour"
    inherit_cache = True


class epoch_seconds(FunctionElement[float]):
    """Seconds since the Unix epoch of a timestamp column (NULL stays NULL)."""

    type = Float()
    name = "epoch_seconds"
    inherit_cache = True


@compiles(utc_hour)
@compiles(epoch_seconds)
def _other(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> str:
    raise CompileError(
        f"{element.name}: no SQL for {compiler.dialect.name}; add one in callbot/tickets/sqltime.py"
    )


@compiles(utc_hour, "sqlite")
def _utc_hour_sqlite(element: utc_hour, compiler: SQLCompiler, **kw: Any) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 13)"


@compiles(utc_hour, "postgresql")
def _utc_hour_postgresql(element: utc_hour, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"((julianday({column}) - {UNIX_EPOCH_JULIAN_DAY}) * 86400.0)"


@compiles(epoch_seconds, "postgresql")
def _epoch_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"CAST(EXTRACT(EPOCH FROM {column}) AS DOUBLE PRECISION)"

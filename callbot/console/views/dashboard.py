"""The dashboard page and the CSV export of a unit's tickets.

``GET /dashboard?period=24h|7d&unit=U``: the figures of :mod:`callbot.console.figures`. An
operator sees their unit's figures (asking for another unit: 403); supervisors and admins see
every unit, or the one they pick.

``GET /export.csv?unit=U&from=YYYY-MM-DD&to=YYYY-MM-DD``: the tickets as CSV
(:mod:`callbot.console.export`), as a download. Operators get only their unit's tickets
(another unit: 403); without ``unit``, an operator gets their own and a supervisor every
unit's. Not logged in: the gate sends the browser to the login page, which brings it back.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from callbot.console import export, labels
from callbot.console import figures as dashboard
from callbot.console.views import console_of, record_audit, render, user_of
from callbot.errors import AccessDenied, InvalidInput
from callbot.operators.audit import AuditAction


def _unit(request: Request) -> str | None:
    return (request.query_params.get("unit") or "").strip()[:64] or None


def _forbidden(request: Request) -> Response:
    return render(request, "error.html", {"message": labels.REFUSAL["forbidden"]}, 403)


async def dashboard_page(request: Request) -> Response:
    """``GET /dashboard``: the figures of the period and unit asked (module docstring)."""
    user = user_of(request)
    console = console_of(request)
    period = request.query_params.get("period", "24h")
    period = period if period in dashboard.PERIOD_HOURS else "24h"
    unit = _unit(request)

    def load() -> dict[str, Any]:
        figures = dashboard.load(console.stats, user, unit, period)
        units = console.queue.choices(user)["units"] if user.sees_all_units else [user.unit]
        return {**dashboard.context(figures), "unit": unit, "units": units}

    try:
        context = await run_in_threadpool(load)
    except AccessDenied:
        return _forbidden(request)
    return render(request, "dashboard.html", context)


async def export_csv(request: Request) -> Response:
    """``GET /export.csv``: the tickets as a CSV download (module docstring); a malformed bound is
    400."""
    user = user_of(request)
    console = console_of(request)
    unit = _unit(request)
    params = request.query_params
    try:
        start = export.parse_bound(params.get("from"), end=False)
        end = export.parse_bound(params.get("to"), end=True)
    except InvalidInput:
        return PlainTextResponse(labels.EXPORT_ERROR, 400)
    try:
        rows = await run_in_threadpool(console.stats.export_rows, user, unit, start, end)
    except AccessDenied:
        return PlainTextResponse(labels.REFUSAL["forbidden"], 403)
    await record_audit(
        request,
        AuditAction.EXPORT,
        unit=unit or "*",
        start=params.get("from"),
        end=params.get("to"),
        tickets=len(rows),
    )
    name = export.filename(unit, params.get("from"), params.get("to"))
    return Response(
        await run_in_threadpool(export.csv_bytes, rows),
        media_type=export.MEDIA_TYPE,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

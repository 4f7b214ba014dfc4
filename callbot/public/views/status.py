"""The citizen's status page: ticket number + phone -> received, being handled, referred or
resolved (:mod:`callbot.intake.status`), and nothing personal.

``GET /status?number=...`` (the link given after sending) shows the lookup form, the number
filled in; ``POST /status`` looks it up (a POST, so the phone stays out of addresses, logs and
history). A wrong phone and an unknown number get the same answer, 404. Lookups are limited
per address (``intake.lookups_per_address`` in the window: 429 beyond), so nobody can try
phone numbers against a ticket number.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from callbot.public import labels
from callbot.public.views import client_of, in_thread, minutes, render, site_of

MAX_INPUT = 40


def _page(
    request: Request, number: str, phone: str = "", *, status: int = 200, **context: object
) -> Response:
    values = {"number": number[:MAX_INPUT], "phone": phone[:MAX_INPUT]}
    base = {"values": values, "result": None, "error": ""}
    return render(request, "status.html", {**base, **context}, status)


async def status_page(request: Request) -> Response:
    """``GET /status``: the lookup form (``?number=`` fills the ticket number in)."""
    return _page(request, request.query_params.get("number", ""))


async def lookup(request: Request) -> Response:
    """``POST /status``: the status of the ticket, if the phone is its own."""
    site = site_of(request)
    client = client_of(request)
    form = await request.form(max_files=0, max_fields=10, max_part_size=1024)
    number = str(form.get("number") or "")
    phone = str(form.get("phone") or "")
    limit = site.config.intake.lookups_per_address
    if site.limits.lookups.count(client) >= limit:
        wait = site.limits.lookups.retry_after(client, limit)
        message = labels.ERRORS["too_many_lookups"].format(minutes=minutes(wait))
        response = _page(request, number, phone, status=429, error=message)
        response.headers["retry-after"] = str(wait)
        return response
    site.limits.lookups.add(client)
    found = await in_thread(site.written.status.lookup, number, phone)
    if found is None:
        return _page(request, number, phone, status=404, error=labels.STATUS["not_found"])
    return _page(request, found.number, "", result=found)

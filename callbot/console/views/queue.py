"""The queue page: tickets by urgency then age, filters, counts; its body as a fragment.

The page's script (``static/console.js``) listens to the live feed and, when a ticket the user
may see changes, fetches ``/fragments/queue`` with the same filters and swaps the body in: the
queue updates without a reload.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from callbot.console import labels
from callbot.console.present import queue_links
from callbot.console.views import console_of, render, user_of
from callbot.operators.accounts import UserRecord
from callbot.operators.views import STATUS_FILTERS, QueueFilter, page_number

CHANNELS = frozenset(labels.CHANNEL)


def _filter(request: Request) -> QueueFilter:
    params = request.query_params
    status = params.get("status", "open")
    channel = params.get("channel") or ""
    return QueueFilter(
        status=status if status in STATUS_FILTERS else "open",
        unit=(params.get("unit") or "").strip()[:64] or None,
        category=(params.get("category") or "").strip()[:16] or None,
        ward=(params.get("ward") or "").strip()[:80] or None,
        mine=params.get("mine") == "1",
        page=page_number(params.get("page")),
        channel=channel if channel in CHANNELS else None,
    )


def _context(request: Request, user: UserRecord, wanted: QueueFilter) -> dict[str, Any]:
    console = console_of(request)
    page = console.queue.queue(user, wanted)
    return {
        "filters": wanted,
        "page": page,
        "links": queue_links(wanted, page),
        "urgent": [
            {
                "code": code,
                "label": labels.URGENCY[code],
                "count": page.open_by_urgency.get(code, 0),
            }
            for code in ("emergency", "high", "normal")
        ],
    }


async def queue_page(request: Request) -> Response:
    """``GET /``: the queue page, with the filters asked and the choices for them."""
    user = user_of(request)
    wanted = _filter(request)
    console = console_of(request)

    def load() -> dict[str, Any]:
        return {
            **_context(request, user, wanted),
            "choices": console.queue.choices(user),
            "channels": labels.CHANNEL,
        }

    return render(request, "queue.html", await run_in_threadpool(load))


async def queue_fragment(request: Request) -> Response:
    """``GET /fragments/queue``: the queue's body alone, for the page's live update."""
    user = user_of(request)
    wanted = _filter(request)
    context = await run_in_threadpool(_context, request, user, wanted)
    return render(request, "_queue_body.html", context)

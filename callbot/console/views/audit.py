"""The audit trail for admins: ``GET /audit`` ("Nhật ký truy cập"), who viewed, played,
exported or changed which ticket, newest first, filtered by user or ticket number.

Anyone but an admin gets 403 (the page is not about a ticket: nothing to hide by a 404).
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from callbot.console import labels
from callbot.console.views import console_of, render, user_of
from callbot.errors import AccessDenied
from callbot.operators.audit import AuditRecord
from callbot.operators.views import page_number


def _detail(entry: AuditRecord) -> str:
    """An entry's details in Vietnamese words: ``thao tác claim, bản ghi 12``."""
    parts = []
    for key, value in entry.detail.items():
        if key == "number":
            continue
        shown = (
            labels.EVENT.get(str(value).removesuffix("_none"), value) if key == "what" else value
        )
        parts.append(f"{labels.AUDIT_DETAIL.get(key, key)} {shown}")
    return ", ".join(parts)


async def audit_page(request: Request) -> Response:
    """``GET /audit?user=U&number=N&page=P``: the trail, admins only (403 for the others)."""
    user = user_of(request)
    console = console_of(request)
    params = request.query_params
    who = (params.get("user") or "").strip()[:64] or None
    number = (params.get("number") or "").strip()[:32] or None

    def load() -> dict[str, Any]:
        found = console.operators.audit.page(
            user, page_number(params.get("page")), user=who, number=number
        )
        return {
            "trail": found,
            "rows": [
                {
                    "entry": e,
                    "action": labels.label(labels.AUDIT, e.action),
                    "detail": _detail(e),
                }
                for e in found.entries
            ],
            "who": who or "",
            "number": number or "",
        }

    try:
        context = await run_in_threadpool(load)
    except AccessDenied:
        return render(request, "error.html", {"message": labels.REFUSAL["forbidden"]}, 403)
    return render(request, "audit.html", context)

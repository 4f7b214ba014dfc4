"""HTTP handlers, one module per area: auth (login), queue, tickets, media (recordings, live),
dashboard (figures, CSV export).

Thin: read the request, call the ticket workflow, render a template or redirect. Helpers here
give a view its console, its user and a rendered page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from callbot.operators.accounts import SessionRecord, UserRecord
from callbot.operators.audit import AuditAction

if TYPE_CHECKING:
    from callbot.console.asgi import Console


def console_of(request: Request) -> Console:
    """The request's :class:`~callbot.console.asgi.Console`, the parts a view may use."""
    console: Console = request.app.state.console
    return console


def session_of(request: Request) -> SessionRecord:
    """The request's session (the gate lets no request without one reach a private view)."""
    session: SessionRecord | None = request.state.session
    if session is None:  # pragma: no cover - the gate answers first
        raise PermissionError("no session")
    return session


def user_of(request: Request) -> UserRecord:
    """The user of the request's session."""
    return session_of(request).user


async def record_audit(
    request: Request, action: AuditAction, ticket_id: int | None = None, **detail: Any
) -> None:
    """Write one entry of the audit trail for the request's user (:mod:`callbot.operators.
    audit`): who viewed, played, exported or changed which ticket."""
    console = console_of(request)
    await run_in_threadpool(
        console.operators.audit.record, user_of(request).name, action, ticket_id, **detail
    )


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page from ``templates/``; every page gets the user and the CSRF token."""
    session = request.state.session
    base = {
        "user": session.user if session is not None else None,
        "csrf_token": session.csrf_token if session is not None else "",
    }
    response: Response = request.app.state.templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response

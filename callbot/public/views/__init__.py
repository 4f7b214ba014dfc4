"""HTTP handlers of the public side, one module per area: form (the web form and its manifest),
status (the citizen's lookup), api (the REST API), docs (OpenAPI and its page), zalo (the
Official Account's webhook).

Thin: read the request, call the intake of written requests (:mod:`callbot.intake`), render a
page or JSON. Helpers here give a view its site, the client's address and a rendered page.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

if TYPE_CHECKING:
    from callbot.public.asgi import Site


def site_of(request: Request) -> Site:
    """The request's :class:`~callbot.public.asgi.Site`, the parts a view may use."""
    site: Site = request.app.state.site
    return site


def client_of(request: Request) -> str:
    """The client's address, as the gate found it (:mod:`callbot.public.security`)."""
    return str(request.state.client)


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """A page from ``templates/``."""
    response: Response = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status, headers=headers
    )
    return response


PROBLEM = "application/problem+json"
THREADS = 4  # blocking work (the database, photos) at once: few, so they do not fight for the GIL
T = TypeVar("T")
_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


async def in_thread(work: Callable[..., T], *args: Any) -> T:
    """``work(*args)`` on one of :data:`THREADS` worker threads (not the event loop's)."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:  # one per event loop (a server has one; tests make several)
        limiter = _limiters[loop] = anyio.CapacityLimiter(THREADS)
    return await anyio.to_thread.run_sync(work, *args, limiter=limiter)


def problem(status: int, title: str, **extra: object) -> JSONResponse:
    """An RFC 9457 problem: ``{"type", "title", "status", ...}`` as JSON."""
    body = {"type": "about:blank", "title": title, "status": status, **extra}
    return JSONResponse(body, status, media_type=PROBLEM)


def minutes(seconds: int) -> int:
    """Whole minutes to say to a person, at least 1."""
    return max(1, -(-seconds // 60))

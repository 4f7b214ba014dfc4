"""``/zalo/webhook``: where Zalo delivers the Official Account's events (thin over
:class:`~callbot.intake.chat.webhook.Webhook`).

``POST`` reads the raw body (the gate has already refused one over 64 KiB), hands it with the
``X-ZEvent-Signature`` and ``num_retry`` headers to the chat's webhook, which checks and stores
it, and answers 200 at once: the event is handled after the answer, from the database. The
answer is the same whatever became of the delivery (stored, a repeat, ignored for a bad
signature): it tells a prober nothing. Only when the event cannot be stored in time
(:data:`ANSWER_SECONDS`, the database down or locked) is the answer 503, so that Zalo
delivers it again: Zalo wants an answer within 2 seconds.

``GET`` answers 200 too (a check of the URL by hand or by a proxy).
"""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from callbot.errors import StorageError
from callbot.public.views import in_thread, site_of

log = logging.getLogger(__name__)

ANSWER_SECONDS = 1.5  # storing an event may take this long; Zalo waits 2 s
OK = {"error": 0, "message": "ok"}


async def webhook(request: Request) -> Response:
    """``POST /zalo/webhook``: store the event, answer 200 (module docstring)."""
    chat = site_of(request).chat
    body = await request.body()
    signature = request.headers.get("x-zevent-signature")
    retry = request.headers.get("num_retry")
    try:
        await asyncio.wait_for(
            in_thread(chat.webhook.accept, body, signature, retry), ANSWER_SECONDS
        )
    except (StorageError, TimeoutError) as exc:
        log.error("Zalo webhook: the event could not be stored, Zalo will retry: %s", exc or "slow")
        return JSONResponse({"error": 1, "message": "try again"}, 503)
    return JSONResponse(OK)


async def webhook_check(request: Request) -> Response:
    """``GET /zalo/webhook``: the URL answers."""
    return JSONResponse(OK)

"""Recordings (with HTTP range requests, so the player can seek) and the live feed (SSE).

A recording is asked for by its answer's id, never by a path: the path comes from the database,
only after the user's right to the ticket is checked, and must resolve inside the recordings
root (no ``..``, no symbolic link out of it). Starlette's ``FileResponse`` answers ``Range:
bytes=...`` with 206 and ``Content-Range``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse

from callbot.console.views import console_of, record_audit, session_of, user_of
from callbot.errors import AccessDenied, TicketNotFound
from callbot.operators.audit import AuditAction

log = logging.getLogger(__name__)

KEEPALIVE_SECONDS = 15.0
NOT_FOUND = "Không tìm thấy bản ghi âm."


def inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it resolves to a file inside ``root``; else None."""
    base = root.resolve()
    try:
        path = (base / relative).resolve()
    except (OSError, RuntimeError):
        return None
    if not path.is_relative_to(base) or path == base or not path.is_file():
        return None
    return path


async def recording(request: Request) -> Response:
    """``GET /recordings/<answer id>``: the answer's WAV file, ranges served; 404 when unknown,
    missing, or of a ticket the user may not see (the same answer: no existence oracle)."""
    console = console_of(request)
    user = user_of(request)
    answer_id = request.path_params["answer_id"]
    try:
        relative, ticket_id, number = await run_in_threadpool(
            console.queue.recording_of, user, answer_id
        )
    except (TicketNotFound, AccessDenied):
        return PlainTextResponse(NOT_FOUND, 404)
    path = inside(console.recordings, relative)
    if path is None:
        log.warning("answer %d: recording %r missing or outside the root", answer_id, relative)
        return PlainTextResponse(NOT_FOUND, 404)
    if request.method == "GET" and _from_the_start(request.headers.get("range")):
        await record_audit(request, AuditAction.PLAY, ticket_id, number=number, answer_id=answer_id)
    return FileResponse(path, media_type="audio/wav", headers={"cache-control": "private"})


def _from_the_start(ranges: str | None) -> bool:
    """Whether a fetch is a play, not the player seeking: no range, or one from byte 0."""
    return ranges is None or ranges.replace(" ", "").startswith("bytes=0-")


async def live(request: Request) -> Response:
    """Server-sent events: ``event: ticket`` with ``{id, number, status, at}`` per change."""
    console = console_of(request)
    session = session_of(request)
    token = request.state.session_token
    feed = console.feed
    subscriber = feed.subscribe(session.user)

    async def still_logged_in() -> bool:
        found = await run_in_threadpool(console.auth.session, token, touch=False)
        return found is not None

    async def stream() -> AsyncIterator[str]:
        try:
            yield "retry: 2000\n\n"
            while not feed.closing:
                try:
                    message = await asyncio.wait_for(subscriber.queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    if not await still_logged_in():
                        yield "event: logout\ndata: {}\n\n"
                        return
                    yield ": keepalive\n\n"
                    continue
                if message is None:
                    return
                yield f"event: ticket\ndata: {json.dumps(message)}\n\n"
        finally:
            feed.unsubscribe(subscriber)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"cache-control": "no-store", "x-accel-buffering": "no"},
    )

"""The gate every public request passes (pure ASGI middleware): size limits, headers, address.

- Size: a body larger than its route's limit is refused with 413 before any view reads it:
  at once when ``Content-Length`` says so, else as soon as the streamed body passes it. The
  form and the API's multipart variant (``multipart/form-data`` only) may carry
  ``intake.max_photos`` photos of ``intake.max_photo_bytes``; everything else (JSON, the
  status form) at most 64 KiB. The
  body read here is replayed to the view. 413 is JSON (RFC 9457 problem) under ``/api/``,
  a Vietnamese page elsewhere.
- Headers: a strict Content-Security-Policy (scripts and styles only from this server, no
  inline script, no framing, forms posted only here), ``nosniff``, no referrer, no caching of
  pages (static files may be cached), and no server header.
- Address: ``request.state.client`` is the peer's address, or with
  ``intake.trust_forwarded`` (behind one reverse proxy) the last ``X-Forwarded-For`` hop.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SMALL_BODY = 64 * 1024
UPLOAD_PATHS = ("/send", "/api/v1/requests")
HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def client_address(scope: Scope, trust_forwarded: bool) -> str:
    """The client's address: the peer, or the last X-Forwarded-For hop behind a proxy."""
    if trust_forwarded:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                hops = [h.strip() for h in value.decode("latin-1").split(",") if h.strip()]
                if hops:
                    return str(hops[-1][:64])
    client = scope.get("client")
    return str(client[0]) if client else "unknown"  # a test client without a peer


def _header(scope: Scope, wanted: bytes) -> str:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return str(value.decode("latin-1")).strip().lower()
    return ""


def _content_length(scope: Scope) -> int | None:
    declared = _header(scope, b"content-length")
    return int(declared) if declared.isdigit() else None


class PublicGate:
    """Size limits, headers and the client's address around the whole public app."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        upload_limit: int,
        too_large: Callable[[Scope], Response],
        trust_forwarded: bool = False,
    ) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.too_large = too_large
        self.trust_forwarded = trust_forwarded

    def limit(self, scope: Scope) -> int:
        """The largest body accepted: uploads only as multipart on the upload paths."""
        multipart = _header(scope, b"content-type").startswith("multipart/form-data")
        return self.upload_limit if multipart and scope["path"] in UPLOAD_PATHS else SMALL_BODY

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass one HTTP request through the gate (module docstring)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")
        send = _with_headers(send, cache=static)
        scope.setdefault("state", {})["client"] = client_address(scope, self.trust_forwarded)
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            limit = self.limit(scope)
            declared = _content_length(scope)
            if declared is not None and declared > limit:
                await self.too_large(scope)(scope, receive, send)
                return
            body = await _read_body(receive, limit)
            if body is None:
                await self.too_large(scope)(scope, receive, send)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it is larger than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def _with_headers(send: Send, *, cache: bool) -> Send:
    async def sending(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            extra = dict(HEADERS)
            extra["cache-control"] = "public, max-age=3600" if cache else "no-store"
            for name, value in extra.items():
                if name.encode() not in present:
                    headers.append((name.encode(), value.encode()))
            message["headers"] = headers
        await send(message)

    return sending

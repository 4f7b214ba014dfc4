"""The gate every request passes: session, CSRF, security headers (pure ASGI middleware).

- Session: the token of the session cookie (:data:`COOKIE`, HttpOnly, SameSite=Lax; set at
  login by ``views/auth.py``) is looked up (:class:`~callbot.operators.login.Authenticator`);
  ``request.state.session`` is the live session or None. Only ``/login``, ``/static/`` and
  ``/favicon.ico`` are open to anyone. Without a session, a page redirects to the login page;
  recordings, the live feed and fragments answer 401.
- CSRF: every POST (and any other unsafe method) must carry the session's CSRF token, in the
  form field ``csrf_token`` or the ``X-CSRF-Token`` header, compared in constant time; else 403.
  The login form, before any session, uses a double-submit cookie instead. Checked here, so no
  view can forget it. Bodies are read here (at most 64 KiB) and replayed to the view.
- Headers: a strict Content-Security-Policy (no inline script), no framing, no caching of
  personal data, no referrer to other sites.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from callbot.console.labels import TEXT
from callbot.operators.login import Authenticator

COOKIE = "callbot_session"
LOGIN_CSRF_COOKIE = "callbot_login_csrf"
DEVICE_COOKIE = "callbot_device"  # a browser where the user logged in (sent to /login only)
CSRF_FIELD = "csrf_token"
MAX_BODY = 64 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Answered 401 (not redirected) without a session: fetched by scripts and media elements.
NON_PAGE_PREFIXES = ("/recordings/", "/attachments/", "/live", "/fragments/")
HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    ),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
}


def new_csrf_token() -> str:
    """A new random CSRF token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def form_token(body: bytes, content_type: str) -> str | None:
    """The ``csrf_token`` field of a URL-encoded form body, if any."""
    if not content_type.startswith("application/x-www-form-urlencoded"):
        return None
    values = parse_qs(body.decode("utf-8", "replace"), max_num_fields=100).get(CSRF_FIELD)
    return values[0] if values else None


def is_public(path: str) -> bool:
    """Whether ``path`` is open without a session: the login page, the icon, the static files."""
    return path in ("/login", "/favicon.ico") or path.startswith("/static/")


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body, or None when it is larger than :data:`MAX_BODY`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
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


class ConsoleGate:
    """Session, CSRF and headers around the whole console app."""

    def __init__(self, app: ASGIApp, auth: Callable[[], Authenticator]) -> None:
        self.app = app
        self.auth = auth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass one HTTP request through the gate (module docstring): find its session; refuse
        it without one (redirect or 401), with a body over :data:`MAX_BODY` (413) or without
        its CSRF token (403); add the headers. Other scopes pass untouched."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        request = Request(scope)
        path: str = scope["path"]
        token = request.cookies.get(COOKIE)
        session = None
        if token:
            touch = not path.startswith("/live")  # an open live feed is not a person's use
            session = await run_in_threadpool(self.auth().session, token, touch=touch)
        scope.setdefault("state", {})["session"] = session
        scope["state"]["session_token"] = token if session is not None else None

        if session is None and not is_public(path):
            await self._refuse_anonymous(request)(scope, receive, send)
            return
        if request.method not in SAFE_METHODS:
            body = await _read_body(receive)
            if body is None:
                await PlainTextResponse("Payload too large", 413)(scope, receive, send)
                return
            expected = (
                session.csrf_token
                if session is not None
                else request.cookies.get(LOGIN_CSRF_COOKIE)
            )
            given = request.headers.get("x-csrf-token") or form_token(
                body, request.headers.get("content-type", "")
            )
            if not tokens_match(expected, given):
                await PlainTextResponse(TEXT["csrf"], 403)(scope, receive, send)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    @staticmethod
    def _refuse_anonymous(request: Request) -> Response:
        path = request.url.path
        if path.startswith(NON_PAGE_PREFIXES) or request.method not in SAFE_METHODS:
            return PlainTextResponse(TEXT["not_logged_in"], 401)
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", 303)


def _with_headers(send: Send) -> Send:
    async def sending(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            for name, value in HEADERS.items():
                if name.encode() not in present:
                    headers.append((name.encode(), value.encode()))
            message["headers"] = headers
        await send(message)

    return sending


Handler = Callable[[Request], Awaitable[Response]]

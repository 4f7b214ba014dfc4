"""Login and logout.

The login form carries a double-submit CSRF token (a cookie and a field with the same random
value: checked by the gate). A successful login sets the session cookie (HttpOnly,
SameSite=Lax, Secure when ``console.secure_cookies``) and goes to ``next`` if it is a path of
this site. Repeated failures for a name or an address are throttled.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from callbot.console.labels import TEXT
from callbot.console.security import COOKIE, DEVICE_COOKIE, LOGIN_CSRF_COOKIE, new_csrf_token
from callbot.console.views import console_of, render

log = logging.getLogger(__name__)


def _safe_next(target: str | None) -> str:
    """Only a local path: never another site (``//host``, ``/\\host``, a scheme)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def _login_form(request: Request, message: str = "", status: int = 200) -> Response:
    # One token per browser until it logs in: a second login page (another tab) keeps it.
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    if not 32 <= len(token) <= 64 or not token.replace("-", "").replace("_", "").isalnum():
        token = new_csrf_token()
    response = render(
        request,
        "login.html",
        {
            "login_csrf": token,
            "message": message,
            "next": _safe_next(request.query_params.get("next")),
            "name": "",
        },
        status,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=console_of(request).config.console.secure_cookies,
        path="/login",
    )
    return response


async def login_page(request: Request) -> Response:
    """``GET /login``: the login form (with a message after logout or expiry); logged in: to the
    queue."""
    if request.state.session is not None:
        return RedirectResponse("/", 303)
    message = TEXT["logged_out"] if request.query_params.get("bye") else ""
    if request.query_params.get("expired"):
        message = TEXT["session_expired"]
    return _login_form(request, message)


async def login(request: Request) -> Response:
    """``POST /login``: open a session and set its cookie, then go to ``next``; a wrong name or
    password is 401 (the same page, in about the same time, for a name that does not exist),
    too many failures 429 (:mod:`callbot.operators.throttle`)."""
    console = console_of(request)
    form = await request.form()
    name = str(form.get("name", "")).strip().lower()[:64]
    password = str(form.get("password", ""))[:1024]
    client = request.client.host if request.client else "?"
    throttle = console.auth.throttle
    attempt = await run_in_threadpool(
        throttle.reserve, name, client, request.cookies.get(DEVICE_COOKIE)
    )
    if not attempt.allowed:
        return _login_form(request, TEXT["login_throttled"], 429)
    done = await run_in_threadpool(console.auth.login, name, password)
    if done is None:
        throttle.failed(attempt)
        log.info("console login refused from %s", client)
        log.debug("console login refused for %r", name)
        return _login_form(request, TEXT["login_failed"], 401)
    device = await run_in_threadpool(throttle.succeeded, attempt)
    log.info("console login: %s (%s)", done.session.user.name, done.session.user.role)
    response = RedirectResponse(_safe_next(str(form.get("next", "/"))), 303)
    settings = console.config.console
    response.set_cookie(
        COOKIE,
        done.token,
        max_age=settings.session_max_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )
    response.set_cookie(
        DEVICE_COOKIE,
        device,
        max_age=int(throttle.limits.device_age.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        path="/login",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


async def logout(request: Request) -> Response:
    """``POST /logout``: end the session, delete its cookie, back to the login page."""
    console = console_of(request)
    await run_in_threadpool(console.auth.logout, request.state.session_token)
    response = RedirectResponse("/login?bye=1", 303)
    response.delete_cookie(COOKIE, path="/")
    return response

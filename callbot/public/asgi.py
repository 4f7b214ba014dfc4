"""Wiring: the public side's parts built from the configuration, and the Starlette app.

:func:`build_site` opens the written channels' services (:func:`~callbot.intake.services.
open_written`: the database migrated, the settle step configured) and adds the web's parts:
the rate limits, the form's time tokens, the proof of work, and the chat channel (the Zalo
webhook's work and the chat's workers, :mod:`callbot.intake.chat`). :func:`create_app` puts
the views, the gate (:mod:`.security`), the templates and static files around them; its
lifespan runs the chat's workers while the server runs. Views reach the parts through
``request.app.state.site``. No route of the operators' console exists here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Scope

from callbot.config import Config
from callbot.intake.chat.service import Chat, open_chat
from callbot.intake.services import Written, open_written, warm_parsers
from callbot.public import labels
from callbot.public.antibot import FormTokens, ProofOfWork, load_secret
from callbot.public.limits import Limits
from callbot.public.security import PublicGate
from callbot.public.views import api, docs, form, problem, status, zalo

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent


@dataclass
class Site:
    """Everything a public view may use."""

    config: Config
    written: Written
    limits: Limits
    tokens: FormTokens
    pow: ProofOfWork
    chat: Chat  # the Zalo OA's webhook, and the chat's workers

    @property
    def upload_limit(self) -> int:
        """The largest form or multipart request: every photo at its largest, and the fields."""
        intake = self.config.intake
        return intake.max_photos * intake.max_photo_bytes + 256 * 1024


def build_site(config: Config, written: Written | None = None) -> Site:
    """The public side's parts on the configured database (migrated now)."""
    intake = config.intake
    secret = load_secret(config)
    written = written or open_written(config)
    return Site(
        config=config,
        written=written,
        limits=Limits(
            window_minutes=intake.window_minutes,
            max_sends_per_address=intake.max_sends_per_address,
            lookups_per_address=intake.lookups_per_address,
            sends_per_key=intake.sends_per_key,
        ),
        tokens=FormTokens(
            secret,
            min_fill_seconds=intake.min_fill_seconds,
            max_age_seconds=intake.form_max_age_hours * 3600.0,
        ),
        pow=ProofOfWork(secret, max_number=intake.pow_max_number),
        chat=open_chat(config, written),
    )


def templates() -> Jinja2Templates:
    """The page templates: autoescaped (nothing a form sends is ever rendered raw), an
    undefined name an error, the labels as globals."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(L=labels, field_error=labels.field_error)
    env.filters["tojson_attr"] = lambda value: json.dumps(value, separators=(",", ":"))
    return Jinja2Templates(env=env)


def _too_large(site_of: Site) -> Callable[[Scope], Response]:
    def respond(scope: Scope) -> Response:
        intake = site_of.config.intake
        message = labels.ERRORS["too_large"].format(
            **labels.photo_limits(
                intake.max_photos, intake.max_photo_bytes, intake.max_photo_pixels
            )
        )
        if scope["path"].startswith(("/api/", "/zalo/")):  # machines: a JSON problem
            return problem(413, "Request too large", detail=message)
        return HTMLResponse(
            f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>413</title>'
            f'<main><h1>{message}</h1><p><a href="/">Quay lại</a></p></main></html>',
            413,
        )

    return respond


async def _http_error(request: Request, exc: Exception) -> Response:
    status_code = exc.status_code if isinstance(exc, HTTPException) else 500
    if request.url.path.startswith("/api/"):
        return problem(status_code, "Not found" if status_code == 404 else "Error")
    message = labels.ERRORS["not_found" if status_code == 404 else "bad_request"]
    templates_: Jinja2Templates = request.app.state.templates
    return templates_.TemplateResponse(
        request, "error.html", {"message": message}, status_code=status_code
    )


def create_app(site: Site) -> Starlette:
    """The public side as an ASGI app."""
    routes = [
        Route("/", form.form_page, methods=["GET"]),
        Route("/send", form.send, methods=["POST"]),
        Route("/status", status.status_page, methods=["GET"]),
        Route("/status", status.lookup, methods=["POST"]),
        Route("/manifest.webmanifest", form.manifest, methods=["GET"]),
        Route("/api/v1/requests", api.create_request, methods=["POST"]),
        Route("/api/v1/requests/{number:str}", api.request_status, methods=["GET"]),
        Route("/api/v1/wards", api.wards, methods=["GET"]),
        Route("/api/v1/openapi.json", docs.openapi_json, methods=["GET"]),
        Route("/api/docs", docs.docs_page, methods=["GET"]),
        Route("/zalo/webhook", zalo.webhook, methods=["POST"]),
        Route("/zalo/webhook", zalo.webhook_check, methods=["GET"]),
        Mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The parsers load beside the first requests, not in the first one's path.
        threading.Thread(target=warm_parsers, name="parsers-load", daemon=True).start()
        # The chat's workers run in the server (every node its own), only with Zalo set up.
        if site.config.zalo.configured:
            site.chat.start()
        try:
            yield
        finally:
            site.chat.stop()

    app = Starlette(
        routes=routes, exception_handlers={HTTPException: _http_error}, lifespan=lifespan
    )
    app.state.site = site
    app.state.templates = templates()
    app.add_middleware(
        PublicGate,
        upload_limit=site.upload_limit,
        too_large=_too_large(site),
        trust_forwarded=site.config.intake.trust_forwarded,
    )
    return app

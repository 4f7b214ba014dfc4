"""Wiring: the console's parts built from the configuration, and the Starlette app.

:func:`build_console` opens the operators' stores (:func:`~callbot.operators.stores.
open_operators`: the database migrated to the current schema) and adds the web's parts: the
authenticator of the session cookies, the live feed and the callbacks of the "Gọi lại" button
(whose AMI connection opens at the first one); :func:`create_app` puts the views, the gate
(:mod:`.security`), templates and static files around them. Views reach the parts through
``request.app.state.console``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from callbot.config import Config
from callbot.console import labels
from callbot.console.live import LiveFeed
from callbot.console.security import ConsoleGate
from callbot.console.views import audit as audit_views
from callbot.console.views import auth as auth_views
from callbot.console.views import dashboard, media, queue, tickets
from callbot.errors import StorageError
from callbot.operators.accounts import Accounts
from callbot.operators.callback import CallbackService
from callbot.operators.login import Authenticator, Passwords
from callbot.operators.queue import TicketQueue
from callbot.operators.stats import TicketStats
from callbot.operators.stores import Operators, open_operators
from callbot.operators.throttle import Limits, LoginThrottle
from callbot.operators.workflow import Workflow

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
HOUSEKEEPING_SECONDS = 30.0


@dataclass
class Console:
    """Everything a view may use: the operators' stores and the web's parts."""

    config: Config
    operators: Operators
    auth: Authenticator
    feed: LiveFeed
    recordings: Path
    callbacks: CallbackService

    @property
    def accounts(self) -> Accounts:
        """The console users and their sessions (``operators.accounts``)."""
        return self.operators.accounts

    @property
    def passwords(self) -> Passwords:
        """The password hasher at the configured cost (``auth.passwords``)."""
        return self.auth.passwords

    @property
    def queue(self) -> TicketQueue:
        """The operators' reads: queue, ticket, choices (``operators.queue``)."""
        return self.operators.queue

    @property
    def workflow(self) -> Workflow:
        """The operators' actions on tickets (``operators.workflow``)."""
        return self.operators.workflow

    @property
    def stats(self) -> TicketStats:
        """The dashboard's reads (``operators.stats``)."""
        return self.operators.stats

    def housekeeping(self) -> None:
        """Release idle claims, delete expired sessions (every 30 s, in a thread)."""
        released = self.workflow.release_stale_claims(
            timedelta(minutes=self.config.console.claim_minutes)
        )
        self.auth.sweep()
        if released:
            self.feed.notify()


def build_console(config: Config) -> Console:
    """The console's parts on the configured database (migrated now)."""
    operators = open_operators(config)
    settings = config.console
    feed = LiveFeed(operators.queue, settings.live_poll_seconds)
    return Console(
        config=config,
        operators=operators,
        auth=Authenticator(
            operators.accounts,
            Passwords.from_config(settings),
            idle=timedelta(minutes=settings.session_idle_minutes),
            max_age=timedelta(hours=settings.session_max_hours),
            throttle=LoginThrottle(
                operators.accounts.transactions,
                Limits(
                    pair=settings.login_failures_pair,
                    address=settings.login_failures_address,
                    account=settings.login_failures_account,
                    window=timedelta(minutes=settings.login_window_minutes),
                ),
            ),
        ),
        feed=feed,
        recordings=config.storage.recordings_dir,
        callbacks=CallbackService(config, operators.workflow, feed.notify),
    )


def templates() -> Jinja2Templates:
    """The page templates (``templates/``): autoescaped, an undefined name an error, the labels
    and their formatters (:mod:`.labels`) as globals."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        L=labels,
        label=labels.label,
        local_time=labels.local_time,
        age=labels.age,
        confidence=labels.confidence,
    )
    return Jinja2Templates(env=env)


async def _housekeeping(console: Console) -> None:
    while not console.feed.closing:
        try:
            await run_in_threadpool(console.housekeeping)
        except StorageError as exc:
            log.warning("console housekeeping: %s", exc)
        await asyncio.sleep(HOUSEKEEPING_SECONDS)


def create_app(console: Console) -> Starlette:
    """The console as an ASGI app."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [
            asyncio.create_task(console.feed.run(), name="live-feed"),
            asyncio.create_task(_housekeeping(console), name="console-housekeeping"),
        ]
        try:
            yield
        finally:
            console.feed.close()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await run_in_threadpool(console.callbacks.close)

    routes = [
        Route("/login", auth_views.login_page, methods=["GET"]),
        Route("/login", auth_views.login, methods=["POST"]),
        Route("/logout", auth_views.logout, methods=["POST"]),
        Route("/", queue.queue_page, methods=["GET"]),
        Route("/fragments/queue", queue.queue_fragment, methods=["GET"]),
        Route("/tickets/{number:str}", tickets.ticket_page, methods=["GET"]),
        Route("/tickets/{number:str}/{action:str}", tickets.ticket_action, methods=["POST"]),
        Route("/recordings/{answer_id:int}", media.recording, methods=["GET", "HEAD"]),
        Route("/attachments/{attachment_id:int}", media.attachment, methods=["GET", "HEAD"]),
        Route("/live", media.live, methods=["GET"]),
        Route("/dashboard", dashboard.dashboard_page, methods=["GET"]),
        Route("/export.csv", dashboard.export_csv, methods=["GET"]),
        Route("/audit", audit_views.audit_page, methods=["GET"]),
        Mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.console = console
    app.state.templates = templates()
    app.add_middleware(ConsoleGate, auth=lambda: console.auth)
    return app

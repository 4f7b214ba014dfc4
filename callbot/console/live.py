"""The live feed: tickets that changed, pushed to every open console that may see them.

One poller per console process looks for tickets whose ``updated_at`` moved (an indexed range
read, every ``console.live_poll_seconds``), whichever process changed them: the callbot, the
transcription workers, another console. An action taken in this process wakes the poller at
once (:meth:`LiveFeed.notify`). Each poll reads again the last two seconds, so a change
committed late with an earlier time is not missed; what was already sent is skipped.

Subscribers (one per open server-sent-events stream) get only the tickets their user may see,
now or before the change (a ticket referred away leaves the old unit's queue too).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from starlette.concurrency import run_in_threadpool

from callbot.errors import StorageError
from callbot.operators.access import may_see
from callbot.operators.accounts import UserRecord
from callbot.operators.queue import TicketQueue, overlap
from callbot.operators.views import Change
from callbot.tickets.models import utc_now

log = logging.getLogger(__name__)

OVERLAP_SECONDS = 2.0
PAGE = 500  # changes read per query
_UNITS_KEPT = 20_000  # tickets whose last unit is remembered


@dataclass(eq=False)
class Subscriber:
    """One open stream: its user and the messages waiting for it (None ends the stream)."""

    user: UserRecord
    queue: asyncio.Queue[dict[str, Any] | None] = field(
        default_factory=lambda: asyncio.Queue(maxsize=200)
    )


class LiveFeed:
    """Polls for changed tickets and fans them out to subscribers (runs on the event loop)."""

    def __init__(self, tickets: TicketQueue, poll_seconds: float) -> None:
        self.tickets = tickets
        self.poll_seconds = poll_seconds
        self.subscribers: set[Subscriber] = set()
        self.closing = False
        self._cursor: datetime | None = None
        self._sent: dict[tuple[int, datetime], datetime] = {}
        self._units: OrderedDict[int, str | None] = OrderedDict()
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def subscribe(self, user: UserRecord) -> Subscriber:
        """A new stream for ``user``: it gets the changes ``user`` may see until unsubscribed."""
        subscriber = Subscriber(user)
        self.subscribers.add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """End ``subscriber``'s stream: it gets no more changes."""
        self.subscribers.discard(subscriber)

    def notify(self) -> None:
        """Look now (callable from any thread: the console's actions run in a thread pool)."""
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            loop.call_soon_threadsafe(wake.set)

    def close(self) -> None:
        """End every stream (the server is stopping); callable from any thread."""
        self.closing = True
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._end_streams)

    def _end_streams(self) -> None:
        for subscriber in list(self.subscribers):
            _put(subscriber, None)
        if self._wake is not None:
            self._wake.set()

    async def run(self) -> None:
        """Poll until :meth:`close`; started by the app's lifespan."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        try:
            self._cursor = await run_in_threadpool(self.tickets.latest_change)
        except StorageError as exc:
            log.error("live feed: %s", exc)
        self._cursor = self._cursor or utc_now()
        while not self.closing:
            try:
                await self.poll()
            except StorageError as exc:  # the database is away: try again at the next tick
                log.warning("live feed: %s", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
            self._wake.clear()

    async def poll(self) -> int:
        """One look for changes (every page of them); returns how many were new."""
        cursor = self._cursor or utc_now()
        changes: list[Change] = await run_in_threadpool(
            self.tickets.changes_since, overlap(cursor, OVERLAP_SECONDS), None, PAGE
        )
        fresh = 0
        while changes:
            for change in changes:
                if (change.id, change.updated_at) not in self._sent:
                    self._sent[(change.id, change.updated_at)] = change.updated_at
                    self._deliver(change)
                    fresh += 1
            last = changes[-1]
            self._cursor = max(self._cursor or cursor, last.updated_at)
            if len(changes) < PAGE:
                break
            changes = await run_in_threadpool(
                self.tickets.changes_since, last.updated_at, last.id, PAGE
            )
        if fresh or len(self._sent) > 1000:
            horizon = overlap(self._cursor or cursor, OVERLAP_SECONDS * 2)
            self._sent = {k: t for k, t in self._sent.items() if t >= horizon}
        return fresh

    def _deliver(self, change: Change) -> None:
        before = self._units.pop(change.id, change.unit)
        self._units[change.id] = change.unit
        while len(self._units) > _UNITS_KEPT:
            self._units.popitem(last=False)
        message = {
            "id": change.id,
            "number": change.number,
            "status": change.status,
            "at": change.updated_at.isoformat(),
        }
        for subscriber in list(self.subscribers):
            if may_see(subscriber.user, change.unit) or may_see(subscriber.user, before):
                _put(subscriber, message)


def _put(subscriber: Subscriber, message: dict[str, Any] | None) -> None:
    try:
        subscriber.queue.put_nowait(message)
    except asyncio.QueueFull:  # a stalled browser: it reloads on its next message anyway
        log.debug("live feed: a subscriber of %s is not reading", subscriber.user.name)

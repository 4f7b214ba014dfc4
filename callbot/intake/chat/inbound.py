"""The inbox's worker: stored events handled one citizen at a time, in the order written.

Each pass (:meth:`Inbound.run_once`) lists the citizens with events due
(:meth:`~callbot.tickets.inbox.Inbox.due_users`: received at least ``zalo.reorder_seconds``
ago, so that two messages sent a moment apart but delivered out of order are taken in order)
and, for each (several at once on ``zalo.workers`` threads), takes the lease
``chat:zalo:<user id>`` (:mod:`callbot.tickets.leases`: one node at a time, on every backend)
before handling its events oldest first (:meth:`~.conversation.Conversations.handle`). The
lease is renewed while it works (every 10 s) and given back at the end; a node that dies
leaves it to expire (or to :meth:`Inbound.start`'s sweep of this host's dead processes, after
a restart).

An event that fails (a photo Zalo cannot give now, the database) goes back to the inbox with a
backoff (5 s, 10 s, 20 s...) and the citizen's later events wait for the next pass; after
:data:`MAX_ATTEMPTS` it is marked ``failed`` and logged. Handled events are purged after twice
``zalo.max_event_age_minutes``: their keys are needed only while Zalo may still retry.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from callbot.errors import StorageError
from callbot.intake.chat.conversation import Conversations
from callbot.intake.chat.media import FetchLater
from callbot.tickets.inbox import Inbox, InboxEvent
from callbot.tickets.leases import Leases
from callbot.tickets.models import utc_now
from callbot.tickets.rules import retry_delay, short_error

log = logging.getLogger(__name__)

LEASE_PREFIX = "chat:zalo:"
LEASE_SECONDS = 30.0  # longer than one event takes (a photo's fetch has a timeout of 10 s)
MAX_ATTEMPTS = 5
PURGE_SECONDS = 600.0  # how often handled events are purged


class Inbound:
    """Handles the inbox's events (module docstring)."""

    def __init__(
        self,
        inbox: Inbox,
        leases: Leases,
        conversations: Conversations,
        *,
        hold: timedelta,
        keep: timedelta,
        owner: str,
        workers: int = 1,
        on_turn: Callable[[], None] = lambda: None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.inbox = inbox
        self.leases = leases
        self.conversations = conversations
        self.hold = hold
        self.keep = keep
        self.owner = owner
        self.on_turn = on_turn
        self._clock = clock
        self._purged = 0.0
        self.handled = 0  # events handled by this worker (figures)
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._count = threading.Lock()

    def start(self) -> None:
        """Before the first pass: take back the leases of this host's dead processes."""
        released = self.leases.release_dead(LEASE_PREFIX)
        if released:
            log.warning("released %d chat lease(s) of a process that stopped", released)

    def run_once(self) -> int:
        """One pass over the citizens with events due, several at once (``zalo.workers``
        threads: a photo's fetch does not hold up the others); how many events were
        handled."""
        users = self.inbox.due_users(self.hold, limit=4 * self.workers)
        if self.workers > 1 and len(users) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="chat-in")
            handled = sum(self._pool.map(self._user, users))
        else:
            handled = sum(self._user(user_id) for user_id in users)
        if time.monotonic() - self._purged > PURGE_SECONDS:
            self._purged = time.monotonic()
            self.inbox.purge(self.keep)
        return handled

    def stop(self) -> None:
        """Let the threads finish what they hold."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _user(self, user_id: str) -> int:
        lease = LEASE_PREFIX + user_id
        if not self.leases.acquire(lease, self.owner, LEASE_SECONDS):
            return 0  # another node has this citizen now
        handled = 0
        renewed = time.monotonic()
        try:
            for event in self.inbox.pending_of(user_id, self.hold):
                if not self._handle(event):
                    break  # the citizen's later events wait: their order matters
                handled += 1
                self.on_turn()
                if time.monotonic() - renewed > LEASE_SECONDS / 3:
                    renewed = time.monotonic()
                    self.leases.acquire(lease, self.owner, LEASE_SECONDS, renew=True)
        finally:
            self.leases.release(lease, self.owner)
        with self._count:
            self.handled += handled
        return handled

    def _handle(self, event: InboxEvent) -> bool:
        """Handle one event; False if it failed (put back, or given up)."""
        try:
            self.conversations.handle(event)
            return True
        except FetchLater as exc:
            error = f"photo not fetched: {exc}"
        except StorageError as exc:
            error = str(exc)
        except Exception as exc:  # a bug must not stop the worker nor lose the event
            log.exception("Zalo event id %d could not be handled", event.id)
            error = f"{type(exc).__name__}: {exc}"
        attempt = event.attempts + 1
        retry_at = None
        if attempt < MAX_ATTEMPTS:
            retry_at = self._clock() + timedelta(seconds=retry_delay(attempt))
        try:
            self.inbox.retry(event.id, short_error(error), retry_at)
        except StorageError as exc:
            log.warning("Zalo event id %d could not be put back: %s", event.id, exc)
        if retry_at is None:
            log.error("Zalo event id %d given up after %d tries: %s", event.id, attempt, error)
        else:
            log.warning(
                "Zalo event id %d failed (try %d), again later: %s", event.id, attempt, error
            )
        return False

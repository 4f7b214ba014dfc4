"""The OA's access token: given to the sender, refreshed before it expires, by one node only.

Zalo's access token lasts about 25 hours; the refresh token that renews it lasts about three
months and works once (each refresh returns a new one). Both live in the database
(:class:`~callbot.tickets.leases.Leases`), shared by every node; ``callbot zalo tokens set``
stores the first pair.

:meth:`TokenKeeper.token` gives the stored access token (read again every few seconds),
refreshing it first when it expires within ``zalo.refresh_margin_minutes``. A refresh runs only
under the lease :data:`REFRESH_LEASE` (:mod:`callbot.tickets.leases`: one node at a time,
whatever the backend), reads the row again under it (another node may have just refreshed),
spends the refresh token, and stores the new pair only if the row still holds the one spent
(``callbot zalo tokens set`` may have replaced it meanwhile). A node that finds the lease
taken keeps using the current token while it is valid and tries again later. A refused refresh
is counted and kept (``callbot zalo status`` shows it); a refresh token used up elsewhere cannot be
recovered: new tokens must then be set by hand.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from callbot.config import ZaloConfig
from callbot.errors import ZaloError
from callbot.tickets.leases import Leases, TokenRow
from callbot.tickets.models import utc_now
from callbot.zalo.client import ZaloClient

log = logging.getLogger(__name__)

REFRESH_LEASE = "zalo:token-refresh"
LEASE_SECONDS = 60.0  # longer than a refresh's HTTP timeout
CACHE_SECONDS = 5.0  # the stored token is read again after this (another node may refresh it)


class TokenKeeper:
    """The OA's token for this node's senders."""

    def __init__(
        self,
        leases: Leases,
        client: ZaloClient,
        config: ZaloConfig,
        owner: str,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.leases = leases
        self.client = client
        self.margin = timedelta(minutes=config.refresh_margin_minutes)
        self.owner = owner
        self._clock = clock
        self.refreshes = 0  # refreshes this node made (figures, tests)
        self._cached: TokenRow | None = None
        self._cached_at = 0.0

    def _due(self, row: TokenRow) -> bool:
        return row.expires_at - self._clock() <= self.margin

    def token(self) -> str | None:
        """A working access token, refreshed first if due; None when there is none (never
        set, expired and not refreshed: the message waits)."""
        cached = self._cached
        fresh = cached is not None and time.monotonic() - self._cached_at < CACHE_SECONDS
        if cached is not None and fresh and not self._due(cached):
            return cached.access_token
        row = self.leases.tokens()
        if row is None:
            return None
        self._cached, self._cached_at = row, time.monotonic()
        if self._due(row):
            self._cached = None
            self.refresh()
            row = self.leases.tokens()
            if row is None:
                return None
        return row.access_token if row.expires_at > self._clock() else None

    def refresh(self, *, force: bool = False) -> bool:
        """Refresh the tokens if they are due (or ``force``), under the lease; whether this
        call stored a new pair or found them fresh."""
        if not self.leases.acquire(REFRESH_LEASE, self.owner, LEASE_SECONDS):
            log.info("another node is refreshing the OA's token")
            return False
        try:
            row = self.leases.tokens()  # again, under the lease
            if row is None:
                return False
            if not force and not self._due(row):
                return True  # refreshed by another node meanwhile
            try:
                new = self.client.refresh(row.refresh_token)
            except ZaloError as exc:
                self.leases.token_failed(str(exc))
                log.error("the OA's token could not be refreshed: %s", exc)
                return False
            self.refreshes += 1
            expires_at = self._clock() + timedelta(seconds=new.expires_in)
            if not self.leases.replace_tokens(
                row.refresh_token, new.access_token, new.refresh_token, expires_at
            ):
                log.warning("the OA's tokens were replaced meanwhile; the refreshed pair dropped")
                return False
            log.info("the OA's token was refreshed; it expires at %s", expires_at.isoformat())
            return True
        finally:
            self.leases.release(REFRESH_LEASE, self.owner)

    def refused(self, access_token: str) -> None:
        """Zalo refused ``access_token`` (invalid or expired): the next :meth:`token`
        refreshes."""
        self._cached = None
        self.leases.expire_token(access_token)

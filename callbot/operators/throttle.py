"""The login throttle: failed logins counted in the database, atomically, shared by every node.

Three counters limit guessing, each over a window of ``console.login_window_minutes``:

- an account from one address (``pair:<name>@<address>``): a few failures, then that address
  is refused for that account;
- an address (``addr:<address>``): more failures, over any names (password spraying);
- an account from everywhere (``acct:<name>``): a distributed guess. Past this limit the
  account still lets in its own known browsers (a device cookie set at a successful login,
  OWASP's "device cookies"), which count their failures on their own
  (``device:<hash>``); so nobody can lock an operator out of the browser they use, and the
  right password from an address that has not been failing for that account goes through.

Counting is atomic: each attempt *reserves* its counts (one UPSERT per key, in one
transaction: ``BEGIN IMMEDIATE`` on SQLite, row locks on PostgreSQL) before the password is
checked, and gives them back when it was right (or when the attempt was refused unchecked).
Sixty guesses sent at once therefore find the limit as if they came one by one. A name that
does not exist is counted like one that does: the answers say nothing of which names exist.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from callbot.tickets.models import LoginCounter, LoginDevice
from callbot.tickets.transactions import Transactions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """How many failures each counter allows within ``window``."""

    pair: int = 5  # one account from one address (and one known browser)
    address: int = 20  # one address, any accounts
    account: int = 10  # one account, from everywhere (its known browsers excepted)
    window: timedelta = timedelta(minutes=10)
    device_age: timedelta = timedelta(days=30)  # how long a known browser stays known


@dataclass(frozen=True)
class Reservation:
    """One login attempt's reserved counts; ``allowed`` False: refused before any check."""

    name: str
    keys: tuple[str, ...]
    allowed: bool
    counts: dict[str, int] = field(default_factory=dict)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class LoginThrottle:
    """Reserves, refuses and gives back login attempts (module docstring)."""

    def __init__(
        self,
        transactions: Transactions,
        limits: Limits | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._tx = transactions
        self.limits = limits or Limits()
        self._clock = clock or transactions.clock

    def _known_device(self, session: Session, name: str, token: str | None) -> str | None:
        """The hash of ``token`` if it is a browser where ``name`` logged in lately."""
        if not token or len(token) > 128:
            return None
        digest = _digest(token)
        since = self._clock() - self.limits.device_age
        found = session.scalar(
            select(LoginDevice.token_hash).where(
                LoginDevice.token_hash == digest,
                LoginDevice.user_name == name,
                LoginDevice.created_at >= since,
            )
        )
        return digest if found else None

    def _bump(self, session: Session, key: str, now: datetime) -> int:
        """Add one to ``key``'s count (a new window if the last one is over); the new count."""
        table = LoginCounter.__table__
        fresh = table.c.window_start < now - self.limits.window
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement: Any = dialect.insert(table).values(key=key, window_start=now, count=1)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((fresh, 1), else_=table.c.count + 1),
                "window_start": case((fresh, now), else_=table.c.window_start),
            },
        ).returning(table.c.count)
        return int(session.execute(statement).scalar_one())

    def reserve(self, name: str, address: str, device: str | None = None) -> Reservation:
        """Count one attempt of ``name`` from ``address`` (``device``: the browser's device
        cookie) before its password is checked; ``allowed`` says whether to check it."""
        limits = self.limits

        def work(session: Session) -> Reservation:
            now = self._clock()
            known = self._known_device(session, name, device)
            keys: tuple[str, ...]
            if known is not None:
                keys = (f"device:{known}",)
                counts = {keys[0]: self._bump(session, keys[0], now)}
                allowed = counts[keys[0]] <= limits.pair
            else:
                keys = (f"pair:{name}@{address}", f"addr:{address}", f"acct:{name}")
                # rows locked in one order by every writer: no deadlock on PostgreSQL
                counts = {key: self._bump(session, key, now) for key in sorted(keys)}
                pair, by_address, account = (counts[k] for k in keys)
                allowed = (
                    pair <= limits.pair
                    and by_address <= limits.address
                    and account <= limits.account
                )
            return Reservation(name, keys, allowed, counts)

        reservation = self._tx.run("count a login attempt", work, write=True)
        if not reservation.allowed:
            self._give_back(reservation.keys)
            log.warning(
                "console login throttled (%d recent failures)", max(reservation.counts.values())
            )
        return reservation

    def _give_back(self, keys: tuple[str, ...], *, forget: tuple[str, ...] = ()) -> None:
        def work(session: Session) -> None:
            for key in sorted(keys):  # one row at a time, in the order reserve() locks them
                session.execute(
                    update(LoginCounter)
                    .where(LoginCounter.key == key, LoginCounter.count > 0)
                    .values(count=LoginCounter.count - 1)
                    .execution_options(synchronize_session=False)
                )
            if forget:
                session.execute(delete(LoginCounter).where(LoginCounter.key.in_(forget)))

        self._tx.run("give back a login attempt", work, write=True)

    def failed(self, reservation: Reservation) -> None:
        """The password was wrong: the reserved counts stay (nothing to write)."""

    def succeeded(self, reservation: Reservation) -> str:
        """The password was right: give the counts back, forget this address's (or browser's)
        failures for the account, and remember the browser; returns a new device token for
        its cookie."""
        own = tuple(k for k in reservation.keys if k.startswith(("pair:", "device:")))
        self._give_back(reservation.keys, forget=own)
        token = secrets.token_urlsafe(32)

        def work(session: Session) -> None:
            now = self._clock()
            session.add(
                LoginDevice(token_hash=_digest(token), user_name=reservation.name, created_at=now)
            )
            session.execute(
                delete(LoginDevice).where(LoginDevice.created_at < now - self.limits.device_age)
            )

        self._tx.run("remember a login device", work, write=True)
        return token

    def sweep(self) -> int:
        """Delete counters whose window is over; returns how many."""

        def work(session: Session) -> int:
            result = session.execute(
                delete(LoginCounter).where(
                    LoginCounter.window_start < self._clock() - self.limits.window
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

        return self._tx.run("forget old login failures", work, write=True)

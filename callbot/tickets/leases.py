"""Named leases: a lock in the database that one owner holds until a time, on every backend.

A lease is a row while someone holds it: taking a free one is an INSERT (the name is the
primary key: of two takers at once, one inserts, the other gets a unique violation); a held
one is taken over only once it expired, with a conditional UPDATE (``WHERE name = ? AND
(until < now OR owner = me)``) checked by its row count. PostgreSQL's row locks and SQLite's
single writer both let exactly one taker win, so two nodes never hold one lease at once. The
owner renews it while working and gives it back (deletes its row) when done; a node that
dies leaves it to expire.

Owners are ``host:pid:random`` (:func:`owner_name`): :meth:`Leases.release_dead` gives back
at once the leases of this host's processes that no longer exist (a restart), instead of
waiting for them to expire.

The OA's tokens are kept here too (:class:`TokenRow`, :meth:`Leases.tokens`...): one row,
replaced only if it still holds the refresh token the replacer started from.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callbot.errors import StorageError
from callbot.tickets.chat_models import Lease, ZaloTokenRow
from callbot.tickets.chat_rules import MAX_ERROR
from callbot.tickets.transactions import Transactions, rowcount

TOKEN_ROW = 1


def owner_name() -> str:
    """``host:pid:random``: names a lease's holder (and a sender's claims)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def _dead_here(owner: str | None) -> bool:
    """Whether ``owner`` is a process of this host that no longer exists."""
    if not owner:
        return False
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(frozen=True)
class TokenRow:
    """The OA's tokens as stored. Never logged (``repr`` hides them)."""

    access_token: str
    refresh_token: str
    expires_at: datetime
    updated_at: datetime
    refreshed_at: datetime | None
    refresh_failures: int
    last_error: str | None

    def __repr__(self) -> str:
        return f"TokenRow(expires_at={self.expires_at.isoformat()}, ...)"


class Leases:
    """Leases and the OA's token row on the ticket database."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def acquire(self, name: str, owner: str, seconds: float, *, renew: bool = False) -> bool:
        """Take (or renew) lease ``name`` for ``seconds``; whether ``owner`` holds it now.

        A free lease has no row: taking it is one INSERT (the usual case); a row that is there
        is someone's, taken over only once it expired (or renewed by its owner: ``renew``
        tries that first)."""

        def take_over(session: Session) -> bool:
            now = self._tx.clock()
            taken = session.execute(
                update(Lease)
                .where(Lease.name == name, or_(Lease.until < now, Lease.owner == owner))
                .values(owner=owner, until=now + timedelta(seconds=seconds))
            )
            return rowcount(taken) == 1

        if renew and self._tx.run(f"renew lease {name}", take_over, write=True):
            return True
        until = self._tx.clock() + timedelta(seconds=seconds)
        try:
            self._tx.run(
                f"take lease {name}",
                lambda s: s.execute(insert(Lease).values(name=name, owner=owner, until=until)),
                write=True,
            )
            return True
        except StorageError as exc:  # a unique violation: the lease is someone's, or ours
            if not isinstance(exc.__cause__, IntegrityError):
                raise
        return bool(self._tx.run(f"take over lease {name}", take_over, write=True))

    def release(self, name: str, owner: str) -> None:
        """Give lease ``name`` back, if ``owner`` holds it (its row goes)."""
        self._tx.run(
            f"release lease {name}",
            lambda s: s.execute(delete(Lease).where(Lease.name == name, Lease.owner == owner)),
            write=True,
        )

    def holder(self, name: str) -> str | None:
        """Who holds lease ``name`` now (None: nobody, or it expired)."""

        def work(session: Session) -> str | None:
            row = session.execute(
                select(Lease.owner, Lease.until).where(Lease.name == name)
            ).one_or_none()
            if row is None or row.owner is None or row.until is None:
                return None
            return row.owner if row.until >= self._tx.clock() else None

        return self._tx.run(f"read lease {name}", work)

    def release_dead(self, prefix: str = "") -> int:
        """Give back the leases (named ``prefix...``) of this host's dead processes."""

        def work(session: Session) -> int:
            rows = session.execute(
                select(Lease.name, Lease.owner).where(
                    Lease.owner.is_not(None), Lease.name.startswith(prefix)
                )
            ).all()
            dead = [name for name, owner in rows if _dead_here(owner)]
            if dead:
                session.execute(delete(Lease).where(Lease.name.in_(dead)))
            return len(dead)

        return self._tx.run("release the leases of dead processes", work, write=True)

    # -- the OA's tokens ----------------------------------------------------------------

    def tokens(self) -> TokenRow | None:
        """The OA's stored tokens (None: never set)."""

        def work(session: Session) -> TokenRow | None:
            row = session.get(ZaloTokenRow, TOKEN_ROW)
            if row is None:
                return None
            return TokenRow(
                row.access_token,
                row.refresh_token,
                row.expires_at,
                row.updated_at,
                row.refreshed_at,
                row.refresh_failures,
                row.last_error,
            )

        return self._tx.run("read the OA's tokens", work)

    def set_tokens(self, access: str, refresh: str, expires_at: datetime) -> None:
        """Store a token pair given by hand (``callbot zalo tokens set``), replacing any."""

        def work(session: Session) -> None:
            now = self._tx.clock()
            session.execute(delete(ZaloTokenRow))
            session.add(
                ZaloTokenRow(
                    id=TOKEN_ROW,
                    access_token=access,
                    refresh_token=refresh,
                    expires_at=expires_at,
                    updated_at=now,
                    refresh_failures=0,
                )
            )

        self._tx.run("store the OA's tokens", work, write=True)

    def replace_tokens(
        self, used_refresh: str, access: str, refresh: str, expires_at: datetime
    ) -> bool:
        """Store a refreshed pair, only if the row still holds ``used_refresh`` (the refresh
        token just spent); whether it was stored."""

        def work(session: Session) -> bool:
            now = self._tx.clock()
            done = session.execute(
                update(ZaloTokenRow)
                .where(ZaloTokenRow.id == TOKEN_ROW, ZaloTokenRow.refresh_token == used_refresh)
                .values(
                    access_token=access,
                    refresh_token=refresh,
                    expires_at=expires_at,
                    updated_at=now,
                    refreshed_at=now,
                    refresh_failures=0,
                    last_error=None,
                )
            )
            return rowcount(done) == 1

        return self._tx.run("store the OA's refreshed tokens", work, write=True)

    def token_failed(self, error: str) -> None:
        """Count a failed refresh and keep why (no token in ``error``)."""
        self._tx.run(
            "record a failed token refresh",
            lambda s: s.execute(
                update(ZaloTokenRow)
                .where(ZaloTokenRow.id == TOKEN_ROW)
                .values(
                    refresh_failures=ZaloTokenRow.refresh_failures + 1,
                    last_error=error[:MAX_ERROR],
                )
            ),
            write=True,
        )

    def expire_token(self, access: str) -> None:
        """Mark ``access`` expired now (Zalo refused it), if it is still the stored one."""
        self._tx.run(
            "mark the OA's access token expired",
            lambda s: s.execute(
                update(ZaloTokenRow)
                .where(ZaloTokenRow.id == TOKEN_ROW, ZaloTokenRow.access_token == access)
                .values(expires_at=self._tx.clock())
            ),
            write=True,
        )

"""Leases: a named duty held by one node until it expires, in the shared database.

A node takes a lease before a duty that two nodes must not do at once (storing one call's
journal, finishing one orphaned call): :meth:`Leases.take` succeeds for one taker at a time,
across threads, processes and machines, and again for anyone once the holder let it go or its
time ran out (a holder that died frees its leases by not renewing them). Taking is one short
transaction: an UPDATE of an expired (or own) row, else an INSERT; two INSERTs at once are
decided by the primary key (the loser's is refused, it has not taken the lease).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callbot.tickets.models import Lease
from callbot.tickets.transactions import Transactions, rowcount

logger = logging.getLogger(__name__)

MAX_NAME = 128


class Leases:
    """Named leases on the ticket database."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def take(self, name: str, holder: str, seconds: float) -> bool:
        """Hold ``name`` for ``seconds`` as ``holder``: True if taken (or renewed: already
        ours), False while someone else holds it."""
        if not name or len(name) > MAX_NAME:
            raise ValueError(f"a lease name is 1 to {MAX_NAME} characters, not {name!r}")
        if seconds <= 0:
            raise ValueError(f"a lease lasts a positive time, not {seconds}")

        def work(session: Session) -> bool:
            now = self._tx.clock()
            until = now + timedelta(seconds=seconds)
            renewed = session.execute(
                update(Lease)
                .where(Lease.name == name, (Lease.expires_at <= now) | (Lease.holder == holder))
                .values(holder=holder, expires_at=until)
            )
            if rowcount(renewed):
                return True
            try:
                with session.begin_nested():
                    session.execute(
                        insert(Lease).values(name=name, holder=holder, expires_at=until)
                    )
            except IntegrityError:
                return False  # it exists and is someone else's (or was just taken)
            return True

        return self._tx.run(f"take lease {name}", work, write=True)

    def release(self, name: str, holder: str) -> bool:
        """Let ``name`` go if ``holder`` holds it; whether it did."""

        def work(session: Session) -> bool:
            gone = session.execute(delete(Lease).where(Lease.name == name, Lease.holder == holder))
            return rowcount(gone) > 0

        return self._tx.run(f"release lease {name}", work, write=True)

"""Short transactions on the ticket database, as the repositories run them.

One method, :meth:`Transactions.run`: a unit of work in a transaction of its own (``BEGIN
IMMEDIATE`` on SQLite when it writes), retried while SQLite reports "database is locked" after
its busy timeout; any other database failure becomes a :class:`~callbot.errors.StorageError`
naming the database (never the SQL parameters: caller data).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import URL, CursorResult, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from callbot.tickets.db import LOCK_RETRIES, WRITE, retry_when_locked, storage_error
from callbot.tickets.models import utc_now

T = TypeVar("T")


def rowcount(result: Any) -> int:
    """Rows an UPDATE or DELETE touched (what a conditional write checks)."""
    return cast(CursorResult[Any], result).rowcount


class Transactions:
    """Runs units of work on ``sessions``; ``clock`` is the time every store writes.

    ``serialize_writes``: on SQLite, this process's writing transactions queue on a lock of
    their own instead of in SQLite's busy handler, which sleeps between tries (up to 100 ms
    each) and so can keep a writer waiting well after the lock is free: a server whose threads
    write often (the public server: written requests, the chat's webhook and workers) answers
    in steadier times. Other processes still meet in SQLite's own lock."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utc_now,
        retries: int = LOCK_RETRIES,
        serialize_writes: bool = False,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self._retries = retries
        bind = sessions.kw.get("bind")
        self._engine = bind if isinstance(bind, Engine) else None
        self._url: URL | str = bind.url if isinstance(bind, Engine) else "(unnamed)"
        sqlite = isinstance(bind, Engine) and bind.dialect.name == "sqlite"
        self._writes: threading.Lock | contextlib.nullcontext[None] = (
            threading.Lock() if serialize_writes and sqlite else contextlib.nullcontext()
        )

    @property
    def engine(self) -> Engine | None:
        """The engine the sessions are bound to (None: not bound to one)."""
        return self._engine

    def dispose(self) -> None:
        """Close the engine's pooled connections (the stores stop using the database)."""
        if self._engine is not None:
            self._engine.dispose()

    def run(self, action: str, work: Callable[[Session], T], *, write: bool = False) -> T:
        """``work(session)`` in one transaction; ``action`` names it in errors and logs."""

        def once() -> T:
            if not write:
                with self.sessions() as session, session.begin():
                    return work(session)
            with self._writes, self.sessions() as session, session.begin():
                session.connection(execution_options=WRITE)
                return work(session)

        try:
            return retry_when_locked(action, once, self._retries)
        except SQLAlchemyError as exc:
            raise storage_error(self._url, action, exc) from exc

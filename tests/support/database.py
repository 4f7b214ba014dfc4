"""A migrated ticket database on a real engine (SQLite or PostgreSQL), and the stores the tests
use on it.

``database`` is a migrated, empty database, with the stores the tests use on it: the ticket
repository, the settle step (no parsers: a ready ticket is only made ``new``), the
transcription job queue and a transaction runner for the operators' stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from callbot.routing.settle import Settler
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.repository import TicketRepository
from callbot.tickets.transactions import Transactions
from callbot.transcription.jobs import JobQueue


@dataclass
class Database:
    """A migrated ticket database and the stores on it."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    tickets: TicketRepository = field(init=False)
    settler: Settler = field(init=False)
    jobs: JobQueue = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = session_factory(self.engine)
        self.tickets = TicketRepository(self.sessions)
        self.settler = Settler(self.tickets.transactions)
        self.jobs = JobQueue(self.tickets.transactions, self.settler)

    def transactions(self) -> Transactions:
        """A transaction runner of its own on this database (the operators' stores take one)."""
        return Transactions(self.sessions)


def open_database(path: Path) -> Database:
    """A migrated SQLite database at ``path`` (its directory is made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database_url(f"sqlite:///{path}")


def open_database_url(url: str) -> Database:
    """The database at ``url``, migrated (a no-op on a copy of the migrated template)."""
    engine = make_engine(url)
    upgrade(engine)
    return Database(url, engine)

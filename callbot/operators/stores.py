"""The operators' stores on the configured database: accounts, the queue, the workflow.

The console and the operators' phone service (``calls/service.py``) both work through them.
"""

from __future__ import annotations

from dataclasses import dataclass

from callbot.config import Config
from callbot.operators.accounts import Accounts
from callbot.operators.queue import TicketQueue
from callbot.operators.workflow import Workflow
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.transactions import Transactions


@dataclass(frozen=True)
class Operators:
    """The operators' side of the ticket store: who they are (and their phones), their queue,
    their actions."""

    accounts: Accounts
    workflow: Workflow
    queue: TicketQueue


def open_operators(config: Config) -> Operators:
    """The operators' stores on the configured database (migrated to the current schema)."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    transactions = Transactions(session_factory(engine))
    return Operators(Accounts(transactions), Workflow(transactions), TicketQueue(transactions))

"""The operators' stores opened on the configured database: accounts, workflow, queue, figures.

One place opens them (:func:`open_operators`, the database migrated first), for the console
(:func:`callbot.console.asgi.build_console`), the phone service (``callbot serve``) and the
``callbot users`` commands alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from callbot.config import Config, ZaloConfig
from callbot.operators.accounts import Accounts
from callbot.operators.audit import AuditLog
from callbot.operators.chat import ChatDesk
from callbot.operators.queue import TicketQueue
from callbot.operators.stats import TicketStats
from callbot.operators.workflow import Workflow
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.transactions import Transactions


@dataclass(frozen=True)
class Operators:
    """The operators' side of the ticket store: who they are (and how they log in and call),
    their queue, their actions, the dashboard's figures. The phone service uses it as the
    console does."""

    accounts: Accounts
    workflow: Workflow
    queue: TicketQueue
    stats: TicketStats
    audit: AuditLog  # who read or changed which ticket
    # A chat ticket's conversation and the operators' replies (None: no chat, as in the
    # phone service's tests, which build the stores by hand).
    chat: ChatDesk | None = None
    transactions: Transactions | None = field(default=None, compare=False)

    @classmethod
    def on(
        cls,
        transactions: Transactions,
        *,
        page_size: int = 50,
        zalo: ZaloConfig | None = None,
    ) -> Operators:
        """The stores over ``transactions``; the queue shows ``page_size`` tickets a page;
        ``zalo``: the reply window's settings."""
        return cls(
            accounts=Accounts(transactions),
            workflow=Workflow(transactions),
            queue=TicketQueue(transactions, page_size=page_size),
            stats=TicketStats(transactions),
            audit=AuditLog(transactions),
            chat=ChatDesk(transactions, zalo or ZaloConfig()),
            transactions=transactions,
        )

    def close(self) -> None:
        """Close the database connections the stores hold (a console or a test stopping)."""
        if self.transactions is not None:
            self.transactions.dispose()


def open_operators(config: Config) -> Operators:
    """The operators' stores on the configured database (migrated to the current schema)."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    return Operators.on(
        Transactions(session_factory(engine)),
        page_size=config.console.page_size,
        zalo=config.zalo,
    )

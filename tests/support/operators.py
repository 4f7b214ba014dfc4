"""The operators' stores on a test database, waiting tickets made to order, actions raced."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import update

from callbot.operators.accounts import Accounts, UserRecord
from callbot.operators.queue import TicketQueue
from callbot.operators.workflow import Workflow
from callbot.tickets.caller import Caller
from callbot.tickets.models import Ticket, utc_now
from callbot.tickets.rules import URGENCY_RANK, Urgency
from tests.support.database import Database


class World:
    """The operators' stores on a test database, and waiting tickets made to order."""

    def __init__(self, database: Database) -> None:
        self.engine = database.engine
        self.tickets = database.tickets
        self.settler = database.settler
        tx = database.transactions()
        self.transactions = tx
        self.accounts = Accounts(tx)
        self.queue = TicketQueue(tx, page_size=5)
        self.workflow = Workflow(tx)

    def user(self, name: str, role: str = "operator", unit: str = "U1") -> UserRecord:
        return self.accounts.add_user(name, "not-a-real-hash", role, unit)

    def ticket(self, unit: str | None = "U1", urgency: str = "normal", **values: object) -> int:
        record = self.tickets.create(Caller("0901234567", "", "", f"u{utc_now().timestamp()}"))
        self.tickets.finish(record.id, "complete", "completed")
        self.settler.settle(record.id)  # no answers: ready at once
        with self.engine.begin() as connection:
            connection.execute(
                update(Ticket)
                .where(Ticket.id == record.id)
                .values(
                    unit=unit,
                    urgency=urgency,
                    urgency_rank=URGENCY_RANK[Urgency(urgency)],
                    **values,
                )
            )
        return record.id


def race(*actions: Callable[[], object]) -> list[object]:
    """Run ``actions`` at the same instant, one thread each; each result or exception."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[index] = action()
        except Exception as exc:  # the race's loser is a result too
            results[index] = exc

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results

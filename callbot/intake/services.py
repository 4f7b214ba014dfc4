"""The written channels' services, opened on the configured database: one place for
``callbot intake``, ``callbot api keys`` and the benchmark.

:func:`open_written` migrates the database, then builds the intake of written requests (with
the configured settle step: parsers, units file, repeat window), the status lookup and the API
keys over one engine. :func:`warm_parsers` loads what the parsers load lazily, so that the
first written request does not wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from callbot.config import Config
from callbot.intake.apikeys import ApiKeys
from callbot.intake.status import StatusLookup
from callbot.intake.written import PhotoLimits, WrittenIntake
from callbot.routing.settle import configured_settler
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.transactions import Transactions
from callbot.tickets.written import WrittenTickets
from callbot.understanding.registry import warm_up


@dataclass(frozen=True)
class Written:
    """What the written channels use: the intake, the status lookup, the API keys."""

    intake: WrittenIntake
    status: StatusLookup
    keys: ApiKeys
    transactions: Transactions  # the same database, for the chat channel's stores


def open_written(config: Config, *, migrate: bool = True) -> Written:
    """The services on ``storage.database_url`` (migrated first unless ``migrate`` is False).
    Reads the units file now: a broken one fails here (ConfigError)."""
    engine = make_engine(config.storage.effective_database_url)
    if migrate:
        upgrade(engine)
    # One lock for this process's writers (SQLite): the webhook's inserts do not wait out
    # SQLite's busy-handler sleeps behind the chat's workers and the form's requests.
    transactions = Transactions(session_factory(engine), serialize_writes=True)
    tickets = WrittenTickets(transactions)
    settings = config.intake
    intake = WrittenIntake(
        tickets,
        configured_settler(config, transactions),
        config.storage.recordings_dir,
        photos=PhotoLimits(
            count=settings.max_photos,
            bytes=settings.max_photo_bytes,
            pixels=settings.max_photo_pixels,
        ),
    )
    return Written(
        intake=intake,
        status=StatusLookup(tickets),
        keys=ApiKeys(transactions),
        transactions=transactions,
    )


def warm_parsers() -> None:
    """Load the gazetteer and the need model every written request is parsed with (a third
    of a second on a 2-core machine), as `callbot serve` does for the first caller."""
    warm_up()

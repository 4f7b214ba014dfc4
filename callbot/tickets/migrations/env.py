"""Alembic environment of the ticket database: runs the migrations on one connection.

Loaded by Alembic, never imported. :func:`callbot.tickets.db.upgrade` hands in a connection
already inside its (locked) transaction; a developer's ``alembic_config(url=...)`` hands in a
URL instead. Logging is left as the application set it up (no ``fileConfig``).
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection

from callbot.errors import StorageError
from callbot.tickets.db import make_engine
from callbot.tickets.models import Base, UtcDateTime


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Migrations must not import the models (they change); UtcDateTime is stored as this.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise StorageError("offline (--sql) migrations are not supported; run db.upgrade()")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise StorageError("no database to migrate: use callbot.tickets.db.alembic_config(url=)")
    engine = make_engine(url)
    try:
        with engine.connect() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


_main()

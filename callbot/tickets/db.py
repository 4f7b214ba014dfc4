"""Opening the ticket database: engines, sessions, and migration to the newest schema.

SQLite (the default, ``storage/callbot.db``) is set up for many short writers: WAL journal,
a 10 s busy timeout, foreign keys on, ``synchronous=NORMAL``. SQLAlchemy, not the
``sqlite3`` driver, emits ``BEGIN`` (the driver's legacy mode would leave SELECTs outside
the transaction); a connection with the :data:`WRITE` execution options begins with
``BEGIN IMMEDIATE`` so a writer waits for the write lock up front instead of failing halfway.

PostgreSQL (15+, the database several callbot machines share) goes through psycopg 3: a
``postgresql://`` URL without a driver means ``postgresql+psycopg://``. Its connections are
checked before use (``pool_pre_ping``: a restarted server costs one failed check, not a failed
call), transactions run at READ COMMITTED, and what SQLite's single writer hides is locked
explicitly (row locks, ``SKIP LOCKED``, advisory locks: :func:`serialize_on`). A deadlock or a
serialization failure is retried like SQLite's "database is locked".

:func:`require_database` refuses a database that does not exist yet (only ``callbot db upgrade``
and ``callbot run`` create one: a mistyped URL must not silently show an empty product).

:func:`upgrade` runs the Alembic migrations in ``migrations/`` to head from code (no
``alembic.ini``). On SQLite the whole run holds the write lock, so a second process waits and
then finds nothing to do; in one process, runs are serialized because Alembic's ``context``
and ``op`` are process-wide proxies.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from callbot.errors import StorageError

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
LOCK_RETRIES = 5  # attempts when SQLite still says "database is locked" after the busy timeout
_SQLITE_BEGIN = "callbot_sqlite_begin"
WRITE: dict[str, Any] = {_SQLITE_BEGIN: "IMMEDIATE"}  # execution options of a writing txn
_BEGIN_STATEMENTS = {"DEFERRED": "BEGIN", "IMMEDIATE": "BEGIN IMMEDIATE"}
_SQLITE_PRAGMAS = (  # after busy_timeout: switching to WAL may have to wait for a lock
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)
_PG_MIGRATION_LOCK = 1022_0001  # pg_advisory_xact_lock key held while migrating
_PG_ADVISORY_SPACE = 1022  # first key of serialize_on's two-key advisory locks
_migration_lock = threading.Lock()
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()  # every engine make_engine made
_HINT = (
    "check that the database exists and can be reached (for SQLite: that its directory "
    "is writable by this user), or point storage.database_url (CALLBOT_STORAGE__DATABASE_URL) "
    "at another database"
)

T = TypeVar("T")


def mask_url(url: str | URL) -> str:
    """The URL with its password replaced by ``***``, fit for messages and logs."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


_PG_RETRYABLE = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


def is_database_locked(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (or "busy"), or PostgreSQL's deadlock
    or serialization failure: a transaction worth trying again."""
    if not isinstance(exc, DBAPIError):
        return False
    if getattr(exc.orig, "sqlstate", None) in _PG_RETRYABLE:
        return True
    if not isinstance(exc, OperationalError):
        return False
    message = str(exc.orig).lower()
    return "database is locked" in message or "database is busy" in message


def serialize_on(session: Session, key: str) -> None:
    """Let one transaction at a time past this point for ``key`` (until it ends).

    PostgreSQL: a transaction-level advisory lock on the key's hash (READ COMMITTED: what the
    transaction reads after it sees what the previous holder committed). SQLite needs nothing:
    writers run one at a time already (``BEGIN IMMEDIATE``).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
            {"space": _PG_ADVISORY_SPACE, "key": key},
        )


def storage_error(url: str | URL, action: str, exc: BaseException) -> StorageError:
    """A :class:`StorageError` for ``exc``, naming the (masked) database and what to do.

    Only the first line of the driver's message is kept: SQL parameters (caller data) never
    reach it, nor PostgreSQL's ``DETAIL`` line (which names a key's values).
    """
    reason = str(exc.orig) if isinstance(exc, DBAPIError) else f"{type(exc).__name__}: {exc}"
    reason = reason.strip().splitlines()[0] if reason.strip() else type(exc).__name__
    hint = f"; {_HINT}" if isinstance(exc, OperationalError) else ""
    return StorageError(f"ticket database {mask_url(url)}: could not {action}: {reason}{hint}")


def retry_when_locked(action: str, attempt_once: Callable[[], T], retries: int) -> T:
    """``attempt_once()``, again up to ``retries`` times in all while SQLite is locked (or
    PostgreSQL reports a deadlock or a serialization failure)."""
    delay = 0.05
    attempt = 1
    while True:
        try:
            return attempt_once()
        except DBAPIError as exc:
            if not is_database_locked(exc) or attempt >= retries:
                raise
            logger.warning(
                "ticket database busy (locked, or a deadlock) while trying to %s "
                "(attempt %d of %d); retrying",
                action,
                attempt,
                retries,
            )
            time.sleep(delay)
            delay *= 2
            attempt += 1


def _sqlite_setup(busy_timeout_ms: int) -> Callable[[DBAPIConnection, ConnectionPoolEntry], None]:
    """The connect hook: how long a statement waits for a lock, then the pragmas."""

    def on_connect(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN; _on_sqlite_begin does
        cursor = dbapi_connection.cursor()
        try:
            for pragma in (f"PRAGMA busy_timeout={busy_timeout_ms}", *_SQLITE_PRAGMAS):
                cursor.execute(pragma)
                row = cursor.fetchone()
                if pragma.startswith("PRAGMA journal_mode") and (row is None or row[0] != "wal"):
                    logger.warning("SQLite refused WAL journal mode (got %r)", row)
        finally:
            cursor.close()

    return on_connect


def _on_sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
    connection.exec_driver_sql(_BEGIN_STATEMENTS[mode])


def _sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for memory and ``file:`` URI databases."""
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("uri") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _prepare_sqlite_file(url: URL) -> None:
    path = _sqlite_path(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"ticket database {mask_url(url)}: cannot create its directory: {exc}; {_HINT}"
        ) from exc


def make_engine(url: str, *, lock_wait_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine for ``url``; for SQLite, creates the file's directory and sets the pragmas.

    ``lock_wait_ms``: how long a statement waits for another writer's lock before it fails
    (SQLite's busy timeout; PostgreSQL's ``lock_timeout``): the call path waits little and
    lets its journal keep the call instead (``storage.call_write_seconds``).

    Connecting is lazy: an unreachable database shows at the first use (normally
    :func:`upgrade` at start-up), as a :class:`StorageError`.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"storage.database_url {mask_url(url)!r} is not a SQLAlchemy database URL: {exc}"
        ) from exc
    if parsed.drivername == "postgresql":  # psycopg 3 is callbot's PostgreSQL driver
        parsed = parsed.set(drivername="postgresql+psycopg")
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        _prepare_sqlite_file(parsed)
    extra: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and lock_wait_ms != BUSY_TIMEOUT_MS:
        extra["connect_args"] = {"options": f"-c lock_timeout={lock_wait_ms}"}
    try:
        engine = create_engine(parsed, hide_parameters=True, pool_pre_ping=not sqlite, **extra)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            f"ticket database {mask_url(parsed)} (storage.database_url): cannot use this URL "
            f"({exc}); check the URL and that its database driver is installed"
        ) from exc
    if sqlite:
        event.listen(engine, "connect", _sqlite_setup(lock_wait_ms))
        event.listen(engine, "begin", _on_sqlite_begin)
    _engines.add(engine)
    return engine


def _sqlite_has_schema(path: Path, url: URL) -> bool:
    """Whether the SQLite file holds callbot's tables, looked at read-only (looking must not
    turn an empty file into a database)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StorageError(f"ticket database {mask_url(url)}: could not open it: {exc}") from exc
    return row is not None


def require_database(url: str) -> None:
    """Refuse, with a :class:`StorageError` saying where it looked, a ticket database that does
    not exist or holds no callbot schema; create nothing (not even a SQLite file or its
    directory). ``callbot db upgrade`` creates one."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"storage.database_url {mask_url(url)!r} is not a SQLAlchemy database URL: {exc}"
        ) from exc
    create = "create it with `callbot db upgrade`, or point storage.database_url at it"
    path = _sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        if not path.is_file():
            raise StorageError(
                f"no ticket database at {path} (storage.database_url {mask_url(parsed)}); " + create
            )
        found = _sqlite_has_schema(path, parsed)
    else:
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                found = inspect(connection).has_table("alembic_version")
        except SQLAlchemyError as exc:
            raise storage_error(parsed, "open it", exc) from exc
        finally:
            engine.dispose()
    if not found:
        raise StorageError(f"ticket database {mask_url(parsed)} holds no callbot tables; " + create)


def dispose_engines() -> None:
    """Close the pooled connections of every engine :func:`make_engine` made in this process
    (a command ending: the server's side of a connection is closed, not left to the GC)."""
    for engine in list(_engines):
        engine.dispose()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic config for the packaged migrations, built in code.

    ``env.py`` migrates ``connection`` if given, else opens ``url`` (for developers:
    ``command.revision(alembic_config(url=...), autogenerate=True, message=...)``).
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def _set_sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # Outside any transaction: SQLite ignores this pragma inside one.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def _upgrade_once(engine: Engine) -> None:
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # Batch migrations rebuild tables; with foreign keys on, dropping the old
            # "tickets" would cascade into "answers". Checked again before commit.
            _set_sqlite_foreign_keys(connection, on=False)
        try:
            with connection.execution_options(**WRITE).begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                    )
                command.upgrade(alembic_config(connection=connection), "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StorageError(
                            f"ticket database {mask_url(engine.url)}: the migration left "
                            f"{len(broken)} rows with dangling foreign keys; rolled back"
                        )
        finally:
            if sqlite and not connection.invalidated:
                _set_sqlite_foreign_keys(connection, on=True)


def upgrade(engine_or_url: Engine | str) -> None:
    """Migrate the ticket database to the newest schema; a no-op when it is already there.

    Safe to call from several threads and processes at once. Raises :class:`StorageError`
    when the database cannot be opened or migrated.
    """
    own = not isinstance(engine_or_url, Engine)
    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        with _migration_lock:
            retry_when_locked("migrate", lambda: _upgrade_once(engine), LOCK_RETRIES)
        logger.debug("ticket database %s is at the newest schema", mask_url(engine.url))
    except SQLAlchemyError as exc:
        raise storage_error(engine.url, "open and migrate it", exc) from exc
    except CommandError as exc:  # e.g. a revision unknown here: the database is newer
        raise StorageError(
            f"ticket database {mask_url(engine.url)}: cannot migrate it: {exc}; "
            "is it used by a newer callbot?"
        ) from exc
    finally:
        if own:
            engine.dispose()

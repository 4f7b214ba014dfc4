"""Backups of the ticket store: the database, the recordings beside it, and restoring both.

A backup is a directory::

    callbot.db  or  database.dump     the database: SQLite's online backup API (a consistent
                                      copy while calls write), or pg_dump's custom format
    recordings/                       every file of the recordings root (answers, journals,
                                      the markers of calls that wait for recovery)
    manifest.json                     what it holds: kind, schema revision, tickets, and each
                                      recording's size and SHA-256

The database is copied first, then the recordings: an answer the copy knows was on disk before
it was stored, so every recording the database names is in the backup (later ones are extra,
harmless). :func:`restore` checks every file against the manifest before it writes anything,
refuses to overwrite a database or recordings that hold something (unless ``force``), restores
the database (a file replaced atomically; ``pg_restore`` for PostgreSQL), migrates it to the
current schema, then copies the recordings, rewriting the recovery markers' paths to the new
recordings root.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import URL, make_url

from callbot.errors import SetupError, StorageError
from callbot.tickets.db import make_engine, mask_url, upgrade
from callbot.tickets.models import Ticket

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
SQLITE_FILE = "callbot.db"
PG_DUMP = "database.dump"
RECORDINGS = "recordings"
PENDING = ".pending"  # intake.recovery's markers: each holds the path of a call's journal
FORMAT = 1


@dataclass(frozen=True)
class BackupReport:
    """What a backup holds, or what a restore wrote."""

    path: str
    database: str  # "sqlite" or "postgresql"
    revision: str | None
    tickets: int
    recordings: int
    recording_bytes: int
    seconds: float


def _kind(url: URL) -> str:
    name = url.get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise StorageError(f"callbot backup knows SQLite and PostgreSQL, not {name}")
    return name


def _sqlite_file(url: URL) -> Path:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise StorageError(f"ticket database {mask_url(url)}: not a file that can be backed up")
    return Path(database).expanduser()


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _pg_command(tool: str, url: URL) -> tuple[list[str], dict[str, str]]:
    """``tool``'s connection arguments for ``url``; the password goes in the environment."""
    if shutil.which(tool) is None:
        raise SetupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = [tool, "--no-password", f"--dbname={url.database or ''}"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    return args, env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise StorageError(f"{what} failed: {detail[-1] if detail else done.returncode}")


def _facts(url: URL) -> tuple[str | None, int]:
    """The schema revision and the number of tickets of the database at ``url``."""
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None, 0
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tickets = connection.execute(select(func.count()).select_from(Ticket)).scalar()
        return (str(revision) if revision else None), int(tickets or 0)
    finally:
        engine.dispose()


def _copy_recordings(source: Path, target: Path) -> list[dict[str, Any]]:
    """Every file under ``source`` copied to ``target``; each one's path, size and SHA-256."""
    files: list[dict[str, Any]] = []
    if not source.is_dir():
        return files
    for path in sorted(p for p in source.rglob("*") if p.is_file() and not p.is_symlink()):
        relative = path.relative_to(source)
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        files.append({"path": str(relative), "bytes": copy.stat().st_size, "sha256": _digest(copy)})
    return files


def backup(database_url: str, recordings: Path, target: Path) -> BackupReport:
    """Back up the database at ``database_url`` and the recordings root into ``target`` (a new
    or empty directory)."""
    started = time.monotonic()
    url = make_url(database_url)
    kind = _kind(url)
    if target.exists() and any(target.iterdir()):
        raise StorageError(f"backup directory {target} is not empty: give a new one")
    target.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        source = _sqlite_file(url)
        if not source.is_file():
            raise StorageError(f"no ticket database at {source} to back up")
        copy = target / SQLITE_FILE
        src, dst = sqlite3.connect(source), sqlite3.connect(copy)
        try:
            src.backup(dst)  # the online backup API: a consistent copy while others write
        except sqlite3.Error as exc:
            raise StorageError(f"could not back up {source}: {exc}") from exc
        finally:
            dst.close()
            src.close()
        revision, tickets = _facts(make_url(f"sqlite:///{copy}"))
    else:
        args, env = _pg_command("pg_dump", url)
        _run([*args, "--format=custom", "--no-owner", f"--file={target / PG_DUMP}"], env, "pg_dump")
        revision, tickets = _facts(url)
    files = _copy_recordings(recordings, target / RECORDINGS)
    report = BackupReport(
        str(target),
        kind,
        revision,
        tickets,
        len(files),
        sum(f["bytes"] for f in files),
        round(time.monotonic() - started, 3),
    )
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "recordings_root": str(recordings.resolve()),
        **{k: v for k, v in asdict(report).items() if k not in ("path", "seconds")},
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    log.info("backup of %d ticket(s) and %d recording(s) in %s", tickets, len(files), target)
    return report


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of the backup at ``source``, every file checked against it; a
    :class:`StorageError` saying what is missing or changed."""
    try:
        manifest: dict[str, Any] = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorageError(f"{source} is not a callbot backup ({MANIFEST}: {exc})") from exc
    if manifest.get("format") != FORMAT:
        raise StorageError(f"{source}: backup format {manifest.get('format')!r} is unknown here")
    dump = SQLITE_FILE if manifest.get("database") == "sqlite" else PG_DUMP
    if not (source / dump).is_file():
        raise StorageError(f"{source}: the database copy {dump} is missing")
    for entry in manifest.get("files", []):
        path = source / RECORDINGS / entry["path"]
        if not path.is_file() or _digest(path) != entry["sha256"]:
            raise StorageError(f"{source}: recording {entry['path']} is missing or changed")
    return manifest


def _restore_sqlite(source: Path, url: URL, force: bool) -> None:
    target = _sqlite_file(url)
    if target.exists() and not force:
        raise StorageError(f"a ticket database exists at {target}: restore over it with --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".restoring")
    shutil.copyfile(source / SQLITE_FILE, staging)
    for suffix in ("-wal", "-shm"):  # a stale WAL of the old database must not replay
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(staging, target)


def _restore_postgresql(source: Path, url: URL, force: bool) -> None:
    revision, tickets = _facts(url)
    if revision is not None and not force:
        raise StorageError(
            f"ticket database {mask_url(url)} holds callbot's tables ({tickets} tickets): "
            "restore over it with --force"
        )
    args, env = _pg_command("pg_restore", url)
    _run(
        [*args, "--clean", "--if-exists", "--no-owner", "--exit-on-error", str(source / PG_DUMP)],
        env,
        "pg_restore",
    )


def restore(
    source: Path, database_url: str, recordings: Path, *, force: bool = False
) -> BackupReport:
    """Restore the backup at ``source`` into the database at ``database_url`` and the
    recordings root ``recordings`` (module docstring)."""
    started = time.monotonic()
    manifest = read_manifest(source)
    url = make_url(database_url)
    if manifest["database"] != _kind(url):
        raise StorageError(
            f"{source} holds a {manifest['database']} database; storage.database_url is "
            f"{mask_url(url)}"
        )
    if recordings.is_dir() and any(recordings.iterdir()) and not force:
        raise StorageError(
            f"recordings root {recordings} is not empty: restore over it with --force"
        )
    if manifest["database"] == "sqlite":
        _restore_sqlite(source, url, force)
    else:
        _restore_postgresql(source, url, force)
    upgrade(database_url)  # a backup of an older callbot is brought to this one's schema
    files = _copy_recordings(source / RECORDINGS, recordings)
    _repoint_markers(recordings, Path(manifest.get("recordings_root", "")))
    revision, tickets = _facts(url)
    log.info("restored %d ticket(s) and %d recording(s) from %s", tickets, len(files), source)
    return BackupReport(
        str(source),
        manifest["database"],
        revision,
        tickets,
        len(files),
        sum(f["bytes"] for f in files),
        round(time.monotonic() - started, 3),
    )


def _repoint_markers(recordings: Path, old_root: Path) -> None:
    """Recovery markers name their journal by absolute path: point them at the new root."""
    pending = recordings / PENDING
    if not pending.is_dir() or not str(old_root):
        return
    for marker in pending.iterdir():
        journal = Path(marker.read_text(encoding="utf-8").strip())
        if journal.is_relative_to(old_root):
            marker.write_text(str(recordings.resolve() / journal.relative_to(old_root)), "utf-8")

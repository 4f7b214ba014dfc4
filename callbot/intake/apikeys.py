"""The REST API's keys: made, listed, revoked, and checked on every request.

A key is 256 random bits (``cbk_`` + 43 URL-safe characters), shown once when it is made
(``callbot api keys add NAME`` prints it as its last line) and stored only as its SHA-256: the
database alone never gives a working key. A key this random needs no slow password hash;
SHA-256 keeps the check one indexed read per request. Revoking keeps the row (the tickets it
sent still name it) and the key stops working at once; a revoked key's name is not reused.
"""

from __future__ import annotations

import builtins
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.errors import InvalidInput
from callbot.tickets.models import ApiKey
from callbot.tickets.transactions import Transactions, rowcount

log = logging.getLogger(__name__)

PREFIX = "cbk_"
SHOWN = 8  # characters of a key kept to tell keys apart in listings
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_KEY = re.compile(r"cbk_[A-Za-z0-9_-]{43}")


@dataclass(frozen=True)
class ApiKeyRecord:
    """A key as listed: never the key itself."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None

    def as_dict(self) -> dict[str, object]:
        """As ``callbot api keys list --json`` prints it."""
        return {
            "name": self.name,
            "prefix": self.prefix,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "active": self.active,
        }


def key_hash(key: str) -> str:
    """The stored form of a key: its SHA-256, hex."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _record(row: ApiKey) -> ApiKeyRecord:
    return ApiKeyRecord(row.id, row.name, row.prefix, row.created_at, row.revoked_at)


class ApiKeys:
    """The API keys in the ticket database."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def add(self, name: str) -> tuple[ApiKeyRecord, str]:
        """A new key named ``name``: its record and the key (shown once, never stored).
        :class:`InvalidInput` for a malformed name or one already used."""
        if not _NAME.fullmatch(name):
            raise InvalidInput("name", f"key name {name!r}: 1-64 letters, digits, '.', '_' or '-'")
        key = PREFIX + secrets.token_urlsafe(32)

        def work(session: Session) -> ApiKeyRecord:
            if session.scalar(select(ApiKey.id).where(ApiKey.name == name)) is not None:
                raise InvalidInput("name", f"an API key named {name!r} exists (or existed)")
            row = ApiKey(
                name=name,
                key_hash=key_hash(key),
                prefix=key[: len(PREFIX) + SHOWN],
                created_at=self._tx.clock(),
            )
            session.add(row)
            session.flush()
            return _record(row)

        record = self._tx.run(f"add API key {name}", work, write=True)
        log.info("API key %s added (%s…)", name, record.prefix)
        return record, key

    def list(self) -> builtins.list[ApiKeyRecord]:
        """Every key, oldest first, revoked ones included."""
        return self._tx.run(
            "list API keys",
            lambda s: [_record(r) for r in s.scalars(select(ApiKey).order_by(ApiKey.id))],
        )

    def revoke(self, name: str) -> ApiKeyRecord:
        """Stop key ``name`` working now (a revoked one stays revoked);
        :class:`InvalidInput` when there is no such key."""

        def work(session: Session) -> ApiKeyRecord:
            changed = session.execute(
                update(ApiKey)
                .where(ApiKey.name == name, ApiKey.revoked_at.is_(None))
                .values(revoked_at=self._tx.clock())
            )
            row = session.scalars(select(ApiKey).where(ApiKey.name == name)).one_or_none()
            if row is None:
                raise InvalidInput("name", f"no API key named {name!r}")
            if rowcount(changed):
                session.refresh(row)
            return _record(row)

        record = self._tx.run(f"revoke API key {name}", work, write=True)
        log.info("API key %s revoked", name)
        return record

    def verify(self, key: str) -> ApiKeyRecord | None:
        """The active key ``key`` is, or None (malformed, unknown or revoked)."""
        if not _KEY.fullmatch(key):
            return None
        digest = key_hash(key)
        found = self._tx.run(
            "check an API key",
            lambda s: s.scalars(
                select(ApiKey).where(ApiKey.key_hash == digest, ApiKey.revoked_at.is_(None))
            ).one_or_none(),
        )
        return _record(found) if found is not None else None

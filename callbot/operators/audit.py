"""The audit trail: who viewed, played, exported or changed which ticket (personal data), when.

Every read of personal data in the console writes one entry, as does every change, and the CSV
export (console and command line). Admins read the trail in the console (``/audit``, in
Vietnamese); nobody else may (:class:`~callbot.errors.AccessDenied`). Entries name the user,
the ticket (id and number) and what was done, never the caller's data itself.
"""

from __future__ import annotations

import builtins
import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callbot.errors import AccessDenied
from callbot.operators.accounts import Role, UserRecord
from callbot.tickets.models import AuditEntry, Ticket
from callbot.tickets.transactions import Transactions

log = logging.getLogger(__name__)

PAGE = 100


class AuditAction(StrEnum):
    """What was done to personal data (``audit_log.action``)."""

    VIEW = "view"  # a ticket's page read
    PLAY = "play"  # a recording played (its first bytes fetched)
    EXPORT = "export"  # tickets exported as CSV
    CHANGE = "change"  # a ticket changed (claim, close, correct, note, callback...)


@dataclass(frozen=True)
class AuditRecord:
    """One entry of the trail, as the admins' screen shows it."""

    id: int
    at: datetime
    user: str
    action: str
    ticket_id: int | None
    number: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditPage:
    """A page of entries, newest first."""

    entries: tuple[AuditRecord, ...]
    total: int
    page: int
    pages: int


class AuditLog:
    """Writes and reads the ``audit_log`` table."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def record(
        self,
        user: str,
        action: AuditAction,
        ticket_id: int | None = None,
        **detail: Any,
    ) -> None:
        """One entry: ``user`` did ``action`` (to ticket ``ticket_id``), ``detail`` what."""
        kept = {k: v for k, v in detail.items() if v not in (None, "")}

        def work(session: Session) -> None:
            session.add(
                AuditEntry(
                    at=self._tx.clock(),
                    user=user,
                    action=action.value,
                    ticket_id=ticket_id,
                    detail=kept or None,
                )
            )

        self._tx.run(f"audit {action.value}", work, write=True)

    def page(
        self,
        reader: UserRecord,
        page: int = 1,
        *,
        user: str | None = None,
        number: str | None = None,
    ) -> AuditPage:
        """Entries newest first, ``PAGE`` a page, of one ``user`` or one ticket ``number`` if
        asked. Admins only: :class:`AccessDenied` for anyone else."""
        if reader.role != Role.ADMIN:
            raise AccessDenied(f"{reader.name} may not read the audit trail")
        where: builtins.list[Any] = []
        if user:
            where.append(AuditEntry.user == user)
        if number:
            where.append(Ticket.number == number)

        def work(session: Session) -> AuditPage:
            base = select(AuditEntry, Ticket.number).outerjoin(
                Ticket, Ticket.id == AuditEntry.ticket_id
            )
            total = int(
                session.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
            )
            pages = max(1, -(-total // PAGE))
            current = min(max(1, page), pages)
            rows = session.execute(
                base.where(*where)
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .limit(PAGE)
                .offset((current - 1) * PAGE)
            ).all()
            return AuditPage(
                entries=tuple(
                    AuditRecord(e.id, e.at, e.user, e.action, e.ticket_id, n, dict(e.detail or {}))
                    for e, n in rows
                ),
                total=total,
                page=current,
                pages=pages,
            )

        return self._tx.run("read the audit trail", work)

"""A populated store (tickets, answers and their recordings, a journal waiting for recovery,
users, sessions, history, audit) and a way to compare two stores row by row."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, select

from callbot.config import Config
from callbot.intake.journal import Journal
from callbot.intake.recovery import mark_pending
from callbot.operators.audit import AuditAction
from callbot.operators.login import add_user
from callbot.operators.stores import open_operators
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.repository import TicketRepository
from tests.support.console import _wav
from tests.support.passwords import cheap_passwords


def populate(config: Config, tickets: int = 5) -> None:
    """Tickets with recorded answers, a claimed one, users and sessions, history, the audit
    trail, and one call left for recovery (its journal and marker)."""
    operators = open_operators(config)
    engine = make_engine(config.storage.effective_database_url)
    repo = TicketRepository(session_factory(engine))
    recordings = config.storage.recordings_dir
    ana = add_user(
        operators.accounts,
        cheap_passwords(config),
        "ana",
        "mat-khau-dai-1",
        role="supervisor",
        unit="HQ",
        min_length=10,
    )
    for i in range(tickets):
        caller = Caller(f"090123456{i}", f"Nguyễn Văn {i}", "", f"1764900000.{i}")
        record = repo.create(caller)
        for step in ("name", "address", "need"):
            relative = f"2026/12/06/{caller.uniqueid}/{step}.wav"
            _wav(recordings / relative, 0.5 + i / 10)
            repo.add_answer(record.id, step, relative, 0.5 + i / 10, "silence")
        repo.finish(record.id, "complete", "completed")
        operators.audit.record("ana", AuditAction.VIEW, record.id, number=record.number)
    operators.workflow.note(ana, 1, "đã gọi lại")
    lost = Caller("0909999999", "Trần Thị Lạc", "", "1764900099.1")
    folder = recordings / "2026/12/06" / lost.uniqueid
    _wav(folder / "name.wav", 1.0)
    journal = Journal(caller=lost, outcome="ended_early", end_reason="hangup")
    folder.mkdir(parents=True, exist_ok=True)
    journal.write(folder / "call.json")
    mark_pending(recordings, lost.uniqueid, folder / "call.json")
    engine.dispose()
    operators.accounts.transactions.sessions.kw["bind"].dispose()


def rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    meta = MetaData()
    meta.reflect(engine)
    found = {}
    with engine.connect() as connection:
        for name, table in sorted(meta.tables.items()):
            order = list(table.primary_key.columns) or list(table.columns)
            found[name] = [tuple(r) for r in connection.execute(select(table).order_by(*order))]
    return found


def files(root: Path) -> dict[str, str]:
    """Every file under ``root``: relative path -> SHA-256."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }

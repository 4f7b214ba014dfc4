"""Brings calls recorded while the database was down into the database.

When the recorder cannot write a ticket (database unreachable, disk full...), the call goes on,
its journal (``call.json`` beside the recordings) keeps everything, and a marker
``<recordings>/.pending/<uniqueid>`` names the call. :func:`recover_pending` (run by
``callbot serve`` every minute and by ``callbot tickets recover``) creates or completes the
ticket from the journal, then removes the marker. It is idempotent: an answer already in the
database is not added twice, and a finished ticket keeps its outcome. Answers added here are
enqueued for transcription like any other (the server's workers pick them up).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from callbot.errors import StorageError, TicketNotFound
from callbot.intake.journal import read_journal
from callbot.routing.settle import Settler
from callbot.tickets.leases import Leases
from callbot.tickets.repository import TicketRepository

log = logging.getLogger(__name__)

PENDING_DIR = ".pending"
LEASE_SECONDS = 120.0  # one call's recovery, at most (a node that dies holding it lets it go)
IDLE_SECONDS = 900.0  # a journal without outcome unchanged this long is of a call that is over


def _going_on(journal: Path, idle_seconds: float) -> bool:
    """Whether the journal's call is still going on: no outcome yet, and written lately."""
    try:
        recent = time.time() - journal.stat().st_mtime < idle_seconds
        return recent and read_journal(journal).outcome is None
    except (OSError, ValueError, KeyError):
        return False  # unreadable: recovery will say why


@dataclass
class RecoveryReport:
    """What a recovery pass did: the tickets it stored, the calls still waiting for the database."""

    recovered: list[str] = field(default_factory=list)  # ticket numbers
    failed: list[str] = field(default_factory=list)  # uniqueids still pending
    in_call: list[str] = field(default_factory=list)  # uniqueids of calls still going on


def mark_pending(recordings_root: Path, uniqueid: str, journal: Path) -> None:
    """Remember that this call's journal holds data the database does not have yet."""
    pending = recordings_root / PENDING_DIR
    pending.mkdir(parents=True, exist_ok=True)
    (pending / uniqueid).write_text(str(journal), encoding="utf-8")


def recover_journal(repo: TicketRepository, settler: Settler, path: Path) -> str:
    """Store one journal's ticket, then settle it; returns its ticket number."""
    journal = read_journal(path)
    existing = None
    if journal.ticket_id is not None:
        try:
            existing = repo.get(journal.ticket_id)
        except TicketNotFound:
            existing = None
    if existing is None:
        existing = repo.by_uniqueid(journal.caller.uniqueid)
    if existing is None:
        existing = repo.create(journal.caller)
    stored = {(a.step, a.attempt) for a in existing.answers}
    for answer in journal.answers:
        if (answer.step, answer.attempt) in stored:
            continue
        repo.add_answer(
            existing.id,
            step=answer.step,
            audio_path=answer.audio_path,
            duration_seconds=answer.duration_seconds,
            ended_by=answer.ended_by,
            attempt=answer.attempt,
        )
    if journal.callback_number and journal.callback_source:
        repo.set_callback(existing.id, journal.callback_number, journal.callback_source)
    outcome, reason = journal.ended()
    repo.finish(existing.id, outcome, reason)
    settler.settle(existing.id)
    journal.ticket_id, journal.ticket_number = existing.id, existing.number
    journal.database_ok = journal.recovered = True
    journal.write(path)
    return existing.number


def recover_pending(
    repo: TicketRepository,
    settler: Settler,
    recordings_root: Path,
    *,
    leases: Leases | None = None,
    holder: str = "",
    idle_seconds: float = IDLE_SECONDS,
) -> RecoveryReport:
    """Recover every call marked pending; keeps the marker of a call that still fails.

    A call still going on (its journal has no outcome and changed within ``idle_seconds``) is
    left alone: its recorder stores it when it ends (recovering it now would close the ticket
    of a caller still on the line). With ``leases`` (several nodes share the recordings), a call
    is recovered by the node that takes its lease (``journal:<uniqueid>``, as ``holder``); the
    others pass it by.
    """
    report = RecoveryReport()
    pending = recordings_root / PENDING_DIR
    if not pending.is_dir():
        return report
    for marker in sorted(pending.iterdir()):
        try:
            journal = Path(marker.read_text(encoding="utf-8").strip())
        except OSError:  # recovered and removed by another node meanwhile
            continue
        if not journal.is_file():
            log.error("pending call %s has no journal at %s", marker.name, journal)
            report.failed.append(marker.name)
            continue
        if _going_on(journal, idle_seconds):
            report.in_call.append(marker.name)
            continue
        lease = f"journal:{marker.name}"
        try:
            if leases is not None and not leases.take(lease, holder, LEASE_SECONDS):
                continue  # another node is recovering it
            number = recover_journal(repo, settler, journal)
        except (StorageError, ValueError, KeyError, OSError) as exc:
            log.warning("could not recover call %s yet: %s", marker.name, exc)
            report.failed.append(marker.name)
            continue
        marker.unlink(missing_ok=True)
        if leases is not None:
            try:
                leases.release(lease, holder)
            except StorageError as exc:  # it expires on its own
                log.warning("could not release lease %s: %s", lease, exc)
        report.recovered.append(number)
        log.info("recovered ticket %s from its journal", number)
    return report

"""Brings calls recorded while the database was down into the database.

When the recorder cannot write a ticket (database unreachable, disk full...), the call goes on,
its journal (``call.json`` beside the recordings) keeps everything, and a marker
``<recordings>/.pending/<uniqueid>`` names the call. :func:`recover_pending` (run by
``callbot serve`` every minute and by ``callbot tickets recover``) creates or completes the
ticket from the journal, then removes the marker. It is idempotent: an answer already in the
database is not added twice, and a finished ticket keeps its outcome. Answers added here are
enqueued for transcription like any other (the server's workers pick them up).

A call whose journal has no outcome yet may still be going on (the database came back
mid-call: the call keeps writing its journal only): its answers so far are stored, but the
ticket is not finished and the marker stays, until the journal says how the call ended, or
until it is older than the longest call (``max_call``): then it was interrupted.

Several nodes share the recordings (:mod:`callbot.cluster`): with ``leases``, a call is
recovered by the node that takes its lease (``journal:<uniqueid>``); the others pass it by.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from callbot.errors import StorageError, TicketNotFound
from callbot.intake.journal import read_journal
from callbot.routing.settle import Settler
from callbot.tickets.leases import Leases
from callbot.tickets.repository import TicketRepository

log = logging.getLogger(__name__)

PENDING_DIR = ".pending"
LEASE_SECONDS = 120.0  # one call's recovery, at most (a node that dies holding it lets it go)


@dataclass
class RecoveryReport:
    """What a recovery pass did: the tickets it stored, the calls still waiting for the database."""

    recovered: list[str] = field(default_factory=list)  # ticket numbers
    failed: list[str] = field(default_factory=list)  # uniqueids still pending
    ongoing: list[str] = field(default_factory=list)  # tickets of calls maybe still going on


def mark_pending(recordings_root: Path, uniqueid: str, journal: Path) -> None:
    """Remember that this call's journal holds data the database does not have yet."""
    pending = recordings_root / PENDING_DIR
    pending.mkdir(parents=True, exist_ok=True)
    (pending / uniqueid).write_text(str(journal), encoding="utf-8")


def _still_going(started_at: str, max_call: timedelta | None, now: datetime) -> bool:
    """Whether a call that started at ``started_at`` (ISO) may still be going on."""
    if max_call is None:
        return False
    try:
        started = datetime.fromisoformat(started_at)
    except ValueError:
        return False
    if started.tzinfo is None:
        started = started.replace(tzinfo=UTC)
    return now - started < max_call


def recover_journal(
    repo: TicketRepository,
    settler: Settler,
    path: Path,
    *,
    max_call: timedelta | None = None,
    now: datetime | None = None,
) -> tuple[str, bool]:
    """Store one journal's ticket, then settle it; returns its ticket number and whether the
    ticket is finished (False: the call may still be going on, see the module docstring)."""
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
    journal.ticket_id, journal.ticket_number = existing.id, existing.number
    if journal.outcome is None and _still_going(
        journal.started_at, max_call, now or datetime.now(UTC)
    ):
        return existing.number, False
    outcome, reason = journal.ended()
    repo.finish(existing.id, outcome, reason)
    settler.settle(existing.id)
    journal.database_ok = journal.recovered = True
    journal.write(path)
    return existing.number, True


def recover_pending(
    repo: TicketRepository,
    settler: Settler,
    recordings_root: Path,
    max_call: timedelta | None = None,
    *,
    leases: Leases | None = None,
    holder: str = "",
) -> RecoveryReport:
    """Recover every call marked pending; keeps the marker of a call that still fails, or
    that may still be going on (younger than ``max_call``, without an outcome). With
    ``leases``, only the calls whose lease this node (``holder``) takes."""
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
        lease = f"journal:{marker.name}"
        try:
            if leases is not None and not leases.acquire(lease, holder, LEASE_SECONDS, renew=True):
                continue  # another node is recovering it
            try:
                number, finished = recover_journal(repo, settler, journal, max_call=max_call)
            finally:
                if leases is not None:
                    _release(leases, lease, holder)
        except (StorageError, ValueError, KeyError, OSError) as exc:
            log.warning("could not recover call %s yet: %s", marker.name, exc)
            report.failed.append(marker.name)
            continue
        if not finished:
            report.ongoing.append(number)
            log.info("ticket %s: answers stored from the journal of a call still going on", number)
            continue
        marker.unlink(missing_ok=True)
        report.recovered.append(number)
        log.info("recovered ticket %s from its journal", number)
    return report


def _release(leases: Leases, lease: str, holder: str) -> None:
    try:
        leases.release(lease, holder)
    except StorageError as exc:  # it expires on its own
        log.warning("could not release lease %s: %s", lease, exc)

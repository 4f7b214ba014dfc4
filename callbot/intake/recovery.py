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

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.errors import StorageError, TicketNotFound
from callbot.tickets.repository import TicketRepository

log = logging.getLogger(__name__)

PENDING_DIR = ".pending"


@dataclass
class RecoveryReport:
    recovered: list[str] = field(default_factory=list)  # ticket numbers
    failed: list[str] = field(default_factory=list)  # uniqueids still pending


def mark_pending(recordings_root: Path, uniqueid: str, journal: Path) -> None:
    """Remember that this call's journal holds data the database does not have yet."""
    pending = recordings_root / PENDING_DIR
    pending.mkdir(parents=True, exist_ok=True)
    (pending / uniqueid).write_text(str(journal), encoding="utf-8")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _outcome(journal: dict[str, Any]) -> tuple[str, str]:
    """How the journal's call ended; a call that never finished was interrupted."""
    # Journals written before the ticket workflow kept the outcome as "status".
    outcome = journal.get("outcome") or journal.get("status")
    reason = journal.get("end_reason")
    if outcome not in ("complete", "ended_early") or not reason:
        return "ended_early", "interrupted"
    return str(outcome), str(reason)


def recover_journal(repo: TicketRepository, journal: Path) -> str:
    """Store one journal's ticket; returns its ticket number."""
    data: dict[str, Any] = json.loads(journal.read_text(encoding="utf-8"))
    identity = data["identity"]
    ticket_id = data.get("ticket_id")
    existing = None
    if ticket_id is not None:
        try:
            existing = repo.get(int(ticket_id))
        except TicketNotFound:
            existing = None
    if existing is None:
        existing = repo.by_uniqueid(identity["uniqueid"])
    if existing is None:
        existing = repo.create(
            caller_number=identity.get("caller_number", ""),
            caller_name=identity.get("caller_name", ""),
            caller_id_raw=identity.get("caller_id_raw", ""),
            channel_uniqueid=identity["uniqueid"],
            channel_linkedid=identity.get("linkedid", ""),
        )
    stored = {(a.step, a.attempt) for a in existing.answers}
    for answer in data.get("answers", []):
        if (answer["step"], answer["attempt"]) in stored:
            continue
        repo.add_answer(
            existing.id,
            step=answer["step"],
            audio_path=answer["audio_path"],
            duration_seconds=float(answer["duration_seconds"]),
            ended_by=answer["ended_by"],
            attempt=int(answer["attempt"]),
        )
    if data.get("callback_number") and data.get("callback_source"):
        repo.set_callback(existing.id, data["callback_number"], data["callback_source"])
    outcome, reason = _outcome(data)
    repo.finish(existing.id, outcome, reason)
    data.update(
        ticket_id=existing.id, ticket_number=existing.number, database_ok=True, recovered=True
    )
    _write_json(journal, data)
    return existing.number


def recover_pending(repo: TicketRepository, recordings_root: Path) -> RecoveryReport:
    """Recover every call marked pending; keeps the marker of a call that still fails."""
    report = RecoveryReport()
    pending = recordings_root / PENDING_DIR
    if not pending.is_dir():
        return report
    for marker in sorted(pending.iterdir()):
        journal = Path(marker.read_text(encoding="utf-8").strip())
        if not journal.is_file():
            log.error("pending call %s has no journal at %s", marker.name, journal)
            report.failed.append(marker.name)
            continue
        try:
            number = recover_journal(repo, journal)
        except (StorageError, ValueError, KeyError, OSError) as exc:
            log.warning("could not recover call %s yet: %s", marker.name, exc)
            report.failed.append(marker.name)
            continue
        marker.unlink()
        report.recovered.append(number)
        log.info("recovered ticket %s from its journal", number)
    return report

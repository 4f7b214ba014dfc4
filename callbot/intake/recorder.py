"""Turns one call into one ticket, answer by answer, and never loses what was said.

The recorder is the dialog's :class:`~callbot.dialog.engine.AnswerSink`. It writes two copies:

- the ticket in the database (created when the callbot answers, updated after every answer,
  finished with the call's outcome); every answer stored also enqueues its transcription, and
  the recorder then wakes the transcription workers (``notify``), so an answer is transcribed
  while the dialog goes on;
- a journal, ``call.json``, beside the call's recordings, rewritten atomically after every
  change. If the database is unreachable the call goes on (the caller hears no error), the
  journal keeps everything, and :mod:`callbot.intake.recovery` stores it once the database is
  back (``callbot serve`` retries every minute; ``callbot tickets recover`` does it by hand).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from callbot.dialog.ports import Recording
from callbot.errors import StorageError
from callbot.intake.recovery import mark_pending
from callbot.tickets.repository import TicketRepository
from callbot.tickets.rules import (
    escape_raw,
    sanitize_caller_name,
    sanitize_caller_number,
    sanitize_uniqueid,
)

if TYPE_CHECKING:  # only its shape: the tickets never load the speech recognizer
    from callbot.speech.asr import Transcript

log = logging.getLogger(__name__)

JOURNAL = "call.json"


@dataclass
class CallIdentity:
    """Who is calling, as far as the PBX says (raw values may be hostile)."""

    uniqueid: str
    linkedid: str
    caller_number_raw: str
    caller_name_raw: str


@dataclass
class _Journal:
    identity: dict[str, str]
    started_at: str
    ticket_id: int | None = None
    ticket_number: str | None = None
    outcome: str | None = None  # None while the call goes on
    end_reason: str | None = None
    last_step: str | None = None
    answers: list[dict[str, Any]] = field(default_factory=list)
    database_ok: bool = True
    callback_number: str | None = None
    callback_source: str | None = None


class CallRecorder:
    """Records one call's ticket into the database and the journal."""

    def __init__(
        self,
        repository: TicketRepository,
        recordings_root: Path,
        answer_dir: Path,
        identity: CallIdentity,
        *,
        notify: Callable[[], None] | None = None,
    ) -> None:
        """``notify`` is called after each answer is stored (the transcription pool's)."""
        self.repository = repository
        self.notify = notify
        self._answer_ids: dict[str, int] = {}  # step -> id of its latest stored answer
        self.recordings_root = recordings_root
        self.answer_dir = answer_dir
        self.identity = identity
        self.caller_number = sanitize_caller_number(identity.caller_number_raw)
        self.caller_name = sanitize_caller_name(identity.caller_name_raw)
        raw = f'"{identity.caller_name_raw}" <{identity.caller_number_raw}>'
        self.caller_id_raw = escape_raw(raw)
        self._journal = _Journal(
            identity={
                "uniqueid": identity.uniqueid,
                "linkedid": identity.linkedid,
                "caller_number": self.caller_number,
                "caller_name": self.caller_name,
                "caller_id_raw": self.caller_id_raw,
            },
            started_at=datetime.now(UTC).isoformat(),
        )

    @property
    def ticket_id(self) -> int | None:
        return self._journal.ticket_id

    def start(self) -> None:
        """Create the ticket as soon as the callbot answers."""
        self.answer_dir.mkdir(parents=True, exist_ok=True)
        try:
            record = self.repository.create(
                caller_number=self.caller_number,
                caller_name=self.caller_name,
                caller_id_raw=self.caller_id_raw,
                channel_uniqueid=self.identity.uniqueid,
                channel_linkedid=self.identity.linkedid,
            )
        except StorageError as exc:
            self._database_failed("create the ticket", exc)
        else:
            self._journal.ticket_id = record.id
            self._journal.ticket_number = record.number
            log.info("ticket %s opened", record.number)
        self._write_journal()

    # -- AnswerSink -----------------------------------------------------------------------

    def reached(self, step: str) -> None:
        self._journal.last_step = step

    def ticket_number(self) -> str | None:
        return self._journal.ticket_number

    def answer_id(self, step: str) -> int | None:
        """The database id of the latest answer stored for ``step`` (to wait for its text)."""
        return self._answer_ids.get(step)

    def answered_steps(self) -> set[str]:
        """Steps with a recorded answer that holds something (not cut by a hang-up at once)."""
        return {
            a["step"]
            for a in self._journal.answers
            if a["ended_by"] != "hangup" or a["duration_seconds"] > 0.5
        }

    def answer(
        self,
        step: str,
        path: Path,
        recording: Recording,
        *,
        transcribed: bool = False,
        transcript: Transcript | None = None,
        speech_seconds: float | None = None,
    ) -> None:
        """Store one answer. ``transcribed``: it was already decoded on the call path (a
        closed answer), ``transcript`` None meaning no speech; no job will decode it again."""
        relative = str(path.relative_to(self.recordings_root))
        attempt = 1 + sum(1 for a in self._journal.answers if a["step"] == step)
        entry: dict[str, Any] = {
            "step": step,
            "attempt": attempt,
            "audio_path": relative,
            "duration_seconds": round(recording.duration_seconds, 3),
            "ended_by": recording.ended_by,
        }
        if transcribed:
            entry["transcript"] = transcript.text if transcript is not None else None
        self._journal.answers.append(entry)
        self._write_journal()
        if self._journal.ticket_id is not None and self._journal.database_ok:
            try:
                stored = self.repository.add_answer(
                    self._journal.ticket_id,
                    step=step,
                    audio_path=relative,
                    duration_seconds=recording.duration_seconds,
                    ended_by=recording.ended_by,
                    attempt=attempt,
                    transcribed=transcribed,
                    transcript=transcript,
                    speech_seconds=speech_seconds,
                )
            except StorageError as exc:
                self._database_failed("store an answer", exc)
                self._write_journal()
            else:
                self._answer_ids[step] = stored.id
                if self.notify is not None and not transcribed:
                    self.notify()
        log.info(
            "answer %s recorded (%.1f s, ended by %s)",
            step,
            recording.duration_seconds,
            recording.ended_by,
        )

    # -- the end ----------------------------------------------------------------------------

    def finish(self, outcome: str, end_reason: str) -> None:
        """Close the ticket with the call's outcome, "complete" or "ended_early", and why.

        Idempotent: the first outcome stays.
        """
        if self._journal.outcome is not None:
            return
        self._journal.outcome = outcome
        self._journal.end_reason = end_reason
        if self._journal.ticket_id is not None and self._journal.database_ok:
            try:
                self.repository.finish(self._journal.ticket_id, outcome, end_reason)
            except StorageError as exc:
                self._database_failed("finish the ticket", exc)
        self._write_journal()
        log.info(
            "ticket %s %s (%s)", self._journal.ticket_number or "(no database)", outcome, end_reason
        )

    def callback(self, number: str, source: str) -> None:
        """The number operators should call back, and where it came from (caller_id, typed)."""
        self._journal.callback_number = number
        self._journal.callback_source = source
        if self._journal.ticket_id is not None and self._journal.database_ok:
            try:
                self.repository.set_callback(self._journal.ticket_id, number, source)
            except StorageError as exc:
                self._database_failed("store the callback number", exc)
        self._write_journal()
        log.info("callback number set (%s)", source)

    def _database_failed(self, what: str, exc: StorageError) -> None:
        self._journal.database_ok = False
        log.error("could not %s, the call goes on and the journal keeps it: %s", what, exc)
        try:
            mark_pending(
                self.recordings_root,
                sanitize_uniqueid(self.identity.uniqueid),
                self.answer_dir / JOURNAL,
            )
        except OSError as err:
            log.error("could not mark the call for recovery: %s", err)

    def _write_journal(self) -> None:
        data = json.dumps(self._journal.__dict__, ensure_ascii=False, indent=1)
        path = self.answer_dir / JOURNAL
        tmp = path.with_suffix(".json.tmp")
        try:
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            log.error("could not write the call journal %s: %s", path, exc)


def read_journal(path: Path) -> dict[str, Any]:
    """Load a call journal (for recovery and tests)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data

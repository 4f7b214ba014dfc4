"""The call journal: ``call.json`` beside a call's recordings, one typed record.

The recorder (:mod:`callbot.intake.recorder`) rewrites it atomically after every change of the
call; recovery (:mod:`callbot.intake.recovery`) reads it to store what the database missed.
Both go through :class:`Journal`, so the file has one shape. Its JSON keeps the names of the
first journals (``identity`` with ``caller_number``..., the outcome once called ``status``), so
a journal written by an older version is still recovered.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from callbot.tickets.caller import Caller

JOURNAL = "call.json"
INTERRUPTED = ("ended_early", "interrupted")  # how a call that never finished ended


@dataclass
class JournalAnswer:
    """One recorded answer, as the journal keeps it."""

    step: str
    attempt: int
    audio_path: str  # relative to the recordings root
    duration_seconds: float
    ended_by: str
    transcribed: bool = False  # decoded on the call path (a closed answer)
    transcript: str | None = None  # its text then (None: no speech)

    def to_json(self) -> dict[str, Any]:
        """The answer as the journal's JSON keeps it (``transcript`` only if decoded at once)."""
        data = asdict(self)
        del data["transcribed"]
        if not self.transcribed:
            del data["transcript"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JournalAnswer:
        """An answer from the journal's JSON; raises KeyError or ValueError when it is not one."""
        return cls(
            step=str(data["step"]),
            attempt=int(data["attempt"]),
            audio_path=str(data["audio_path"]),
            duration_seconds=float(data["duration_seconds"]),
            ended_by=str(data["ended_by"]),
            transcribed="transcript" in data,
            transcript=data.get("transcript"),
        )


@dataclass
class Journal:
    """Everything known of one call, whether or not the database has it."""

    caller: Caller
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    ticket_id: int | None = None
    ticket_number: str | None = None
    outcome: str | None = None  # None while the call goes on
    end_reason: str | None = None
    last_step: str | None = None
    answers: list[JournalAnswer] = field(default_factory=list)
    database_ok: bool = True
    callback_number: str | None = None
    callback_source: str | None = None
    recovered: bool = False
    # The dialog's steps as they began: (step, wall-clock time in seconds since the epoch),
    # then ("end", when the call ended): where a call's seconds went (``callbot bench calls``).
    steps: list[tuple[str, float]] = field(default_factory=list)

    def ended(self) -> tuple[str, str]:
        """How the call ended: (outcome, reason); a call that never finished was interrupted."""
        if self.outcome not in ("complete", "ended_early") or not self.end_reason:
            return INTERRUPTED
        return self.outcome, self.end_reason

    def to_json(self) -> str:
        """The journal as JSON text, in the file's shape (see the module docstring)."""
        data: dict[str, Any] = {
            "identity": {
                "uniqueid": self.caller.uniqueid,
                "linkedid": self.caller.linkedid,
                "caller_number": self.caller.number,
                "caller_name": self.caller.name,
                "caller_id_raw": self.caller.id_raw,
            },
            "started_at": self.started_at,
            "ticket_id": self.ticket_id,
            "ticket_number": self.ticket_number,
            "outcome": self.outcome,
            "end_reason": self.end_reason,
            "last_step": self.last_step,
            "answers": [a.to_json() for a in self.answers],
            "database_ok": self.database_ok,
            "callback_number": self.callback_number,
            "callback_source": self.callback_source,
            "steps": [[name, at] for name, at in self.steps],
        }
        if self.recovered:
            data["recovered"] = True
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Journal:
        """Parse a journal. Raises ValueError or KeyError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a call journal is a JSON object")
        who = data["identity"]
        caller = Caller(
            number=str(who.get("caller_number", "")),
            name=str(who.get("caller_name", "")),
            id_raw=str(who.get("caller_id_raw", "")),
            uniqueid=str(who["uniqueid"]),
            linkedid=str(who.get("linkedid", "")),
        )
        ticket_id = data.get("ticket_id")
        return cls(
            caller=caller,
            started_at=str(data.get("started_at", "")),
            ticket_id=int(ticket_id) if ticket_id is not None else None,
            ticket_number=data.get("ticket_number"),
            # Journals written before the ticket workflow kept the outcome as "status".
            outcome=data.get("outcome") or data.get("status"),
            end_reason=data.get("end_reason"),
            last_step=data.get("last_step"),
            answers=[JournalAnswer.from_json(a) for a in data.get("answers", [])],
            database_ok=bool(data.get("database_ok", True)),
            callback_number=data.get("callback_number"),
            callback_source=data.get("callback_source"),
            recovered=bool(data.get("recovered", False)),
            steps=[(str(name), float(at)) for name, at in data.get("steps", [])],
        )

    def write(self, path: Path) -> None:
        """Replace ``path`` with this journal atomically (a crash leaves the old or the new)."""
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        os.replace(tmp, path)


def call_dir(recordings: Path, uniqueid: str, when: datetime) -> Path:
    """``<recordings>/YYYY/MM/DD/<uniqueid>/``: where one call's answers and journal go (the
    UTC date the call reached the callbot)."""
    day = when.astimezone(UTC)
    return recordings / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}" / uniqueid


def find_journal(recordings: Path, uniqueid: str, created_at: datetime) -> Path | None:
    """The journal of the call with ``uniqueid`` whose ticket was made at ``created_at`` (the
    call's directory is dated a moment earlier: around midnight, the day before)."""
    for when in (created_at, created_at - timedelta(minutes=5)):
        path = call_dir(recordings, uniqueid, when) / JOURNAL
        if path.is_file():
            return path
    return None


def read_journal(path: Path) -> Journal:
    """Load a call journal. Raises OSError, ValueError or KeyError."""
    return Journal.from_json(path.read_text(encoding="utf-8"))

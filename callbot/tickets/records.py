"""What the repository returns: frozen records, plain data detached from any database session.

Every record has ``to_dict()`` (JSON-ready: times as ISO 8601 with their UTC offset, tuples as
lists). Converting rows into records happens here and nowhere else.
"""

from __future__ import annotations

import builtins
import dataclasses
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from callbot.tickets.models import Answer, Attachment, Ticket, TranscriptionJob
from callbot.tickets.rules import Transcription


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _as_dict(record: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


@dataclass(frozen=True)
class WordRecord:
    """One recognized word as stored: confidence 0..1, start and end in seconds."""

    word: str
    conf: float
    start: float
    end: float


@dataclass(frozen=True)
class AnswerRecord:
    """One recorded answer and its transcription, as stored."""

    id: int
    ticket_id: int
    step: str
    attempt: int
    audio_path: str  # relative to the recordings root (StorageConfig.recordings_dir)
    duration_seconds: float
    ended_by: str
    recorded_at: datetime
    transcription: str = Transcription.PENDING.value  # service.Transcription
    speech_seconds: float | None = None  # seconds of voice energy, measured by the worker
    transcript: str | None = None
    words: tuple[WordRecord, ...] = ()
    asr_model: str | None = None
    decode_seconds: float | None = None
    transcribed_at: datetime | None = None
    transcription_error: str | None = None  # why it failed, without caller words

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset, tuples as lists."""
        return _as_dict(self)


@dataclass(frozen=True)
class TicketRecord:
    """One ticket with its answers (oldest first), as stored."""

    id: int
    number: str
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None
    caller_number: str
    caller_name: str
    caller_id_raw: str
    channel_uniqueid: str
    channel_linkedid: str
    status: str  # service.TicketStatus: place in the operators' workflow
    outcome: str | None  # service.TicketOutcome: how the call ended
    end_reason: str | None
    last_step: str | None
    no_speech: bool = False
    callback_number: str | None = None  # the number to call back, when the caller chose one
    callback_source: str | None = None  # service.CallbackSource
    # What was understood (callbot.understanding), once the ticket is new:
    name: str | None = None
    ward: str | None = None
    district: str | None = None
    new_unit: str | None = None
    category: str | None = None
    urgency: str = "normal"  # service.Urgency
    emergency: bool = False
    emergency_service: str | None = None  # the number the caller was told: 115, 114, 113
    unit: str | None = None  # responsible unit code (callbot.routing)
    unit_name: str | None = None
    fields: dict[str, Any] | None = None  # per field: value, confidence, answer id, parse
    linked_to_id: int | None = None  # a repeat call merged into this earlier ticket
    call_count: int = 1  # calls this ticket stands for (itself and merged repeats)
    channel: str = "call"  # service.Channel: call, web, api, chat
    answers: tuple[AnswerRecord, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset, tuples as lists."""
        return _as_dict(self)


@dataclass(frozen=True)
class AttachmentRecord:
    """A photo sent with a written request, as stored (its file beside the recordings)."""

    id: int
    ticket_id: int
    position: int
    path: str  # relative to the recordings root
    content_type: str  # what its content is: the only type it is served with
    size_bytes: int
    width: int
    height: int
    sha256: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset."""
        return _as_dict(self)


@dataclass(frozen=True)
class JobRecord:
    """One transcription job, with what a worker needs to run it."""

    id: int
    answer_id: int
    ticket_id: int
    step: str
    audio_path: str
    status: str  # service.JobStatus
    attempts: int  # attempts started, this one included once claimed
    next_attempt_at: datetime
    locked_by: str | None
    locked_at: datetime | None
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; times as ISO 8601 with their UTC offset, tuples as lists."""
        return _as_dict(self)


def _words(stored: builtins.list[dict[str, Any]] | None) -> tuple[WordRecord, ...]:
    return tuple(
        WordRecord(str(w["word"]), float(w["conf"]), float(w["start"]), float(w["end"]))
        for w in stored or ()
    )


def answer_record(answer: Answer) -> AnswerRecord:
    """The record of a stored answer, its words as :class:`WordRecord`."""
    return AnswerRecord(
        id=answer.id,
        ticket_id=answer.ticket_id,
        step=answer.step,
        attempt=answer.attempt,
        audio_path=answer.audio_path,
        duration_seconds=answer.duration_seconds,
        ended_by=answer.ended_by,
        recorded_at=answer.recorded_at,
        transcription=answer.transcription,
        speech_seconds=answer.speech_seconds,
        transcript=answer.transcript,
        words=_words(answer.words),
        asr_model=answer.asr_model,
        decode_seconds=answer.decode_seconds,
        transcribed_at=answer.transcribed_at,
        transcription_error=answer.transcription_error,
    )


def ticket_record(ticket: Ticket, answers: builtins.list[Answer]) -> TicketRecord:
    """The record of a stored ticket, with the answer rows given as its answers (maybe none)."""
    return TicketRecord(
        id=ticket.id,
        number=ticket.number,
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        ended_at=ticket.ended_at,
        caller_number=ticket.caller_number,
        caller_name=ticket.caller_name,
        caller_id_raw=ticket.caller_id_raw,
        channel_uniqueid=ticket.channel_uniqueid,
        channel_linkedid=ticket.channel_linkedid,
        status=ticket.status,
        outcome=ticket.outcome,
        end_reason=ticket.end_reason,
        last_step=ticket.last_step,
        no_speech=bool(ticket.no_speech),
        callback_number=ticket.callback_number,
        callback_source=ticket.callback_source,
        name=ticket.name,
        ward=ticket.ward,
        district=ticket.district,
        new_unit=ticket.new_unit,
        category=ticket.category,
        urgency=ticket.urgency,
        emergency=bool(ticket.emergency),
        emergency_service=ticket.emergency_service,
        unit=ticket.unit,
        unit_name=ticket.unit_name,
        fields=ticket.fields,
        linked_to_id=ticket.linked_to_id,
        call_count=ticket.call_count,
        channel=ticket.channel,
        answers=tuple(answer_record(answer) for answer in answers),
    )


def job_record(job: TranscriptionJob, answer: Answer) -> JobRecord:
    """The record of a transcription job, with what it needs of its answer."""
    return JobRecord(
        id=job.id,
        answer_id=job.answer_id,
        ticket_id=answer.ticket_id,
        step=answer.step,
        audio_path=answer.audio_path,
        status=job.status,
        attempts=job.attempts,
        next_attempt_at=job.next_attempt_at,
        locked_by=job.locked_by,
        locked_at=job.locked_at,
        last_error=job.last_error,
    )


def attachment_record(row: Attachment) -> AttachmentRecord:
    """The record of a stored attachment."""
    return AttachmentRecord(
        id=row.id,
        ticket_id=row.ticket_id,
        position=row.position,
        path=row.path,
        content_type=row.content_type,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        sha256=row.sha256,
        created_at=row.created_at,
    )

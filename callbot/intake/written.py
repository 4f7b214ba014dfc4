"""A written request becomes a ticket: the service every written channel uses, HTTP-free.

The web form and the REST API (:mod:`callbot.public`), and later a chat channel, each turn what
they received into field values and files, then:

1. :meth:`WrittenIntake.check` cleans the fields (:mod:`.fields`) and
   :meth:`WrittenIntake.check_photos` the photos (:mod:`.photos`), refusing with
   :class:`~callbot.errors.InvalidRequest` (field -> code) and keeping nothing;
2. :meth:`WrittenIntake.submit` writes the photos beside the recordings, stores the ticket
   with its fields as answers in one transaction (:class:`~callbot.tickets.written.
   WrittenTickets`; a retry with the same idempotency key gives the same ticket), settled in
   that same transaction (:mod:`callbot.routing.settle`): the request is understood by the
   same parsers as a call (name, ward and district from the address or the picked ward,
   category, urgency, emergency; parsed before the transaction), routed to its unit, or merged
   into the same number's open ticket.

The :class:`Receipt` says the ticket's number and whether it is an emergency (the form then
shows 115/114/113 at once; the ticket is already at the head of the operators' queue).
Channels are :class:`~callbot.tickets.rules.Channel` values: ``chat`` is taken as ``web`` and
``api`` are, so a chat channel only needs to map its messages to the same fields.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from callbot.errors import InvalidRequest, StorageError
from callbot.intake.fields import CleanRequest, check_request
from callbot.intake.photos import (
    CheckedPhoto,
    PhotoRefused,
    check_photo,
    drop_pending,
    keep_pending,
    load_pending,
    remove_files,
    store_photos,
)
from callbot.intake.places import is_ward_choice
from callbot.routing.fields import HeardAnswer
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.models import Ticket
from callbot.tickets.rules import Channel, Urgency
from callbot.tickets.written import (
    PhotoFile,
    Stored,
    SubmissionInfo,
    WrittenField,
    WrittenTickets,
)

log = logging.getLogger(__name__)

PENDING_HOURS = 24  # photos kept for a form not sent again are swept after this


@dataclass(frozen=True)
class PhotoLimits:
    """How many photos a request may carry, and how big each may be."""

    count: int = 3
    bytes: int = 5_000_000
    pixels: int = 40_000_000


@dataclass(frozen=True)
class Receipt:
    """What a citizen is told once their request is stored."""

    number: str  # the ticket number to quote and to look the status up with
    emergency: bool  # understood as an emergency: show 115/114/113 now
    created: bool  # False: a retry of a request already stored (the same ticket)
    channel: str
    service: str | None = None  # an emergency's number (115, 114, 113), shown first


def request_dir(channel: Channel, now: datetime) -> tuple[str, str]:
    """A new request's id (``web-<16 hex>``: its files' directory name, safe) and that
    directory relative to the recordings root (``YYYY/MM/DD/<id>``), as a call's."""
    request_id = f"{channel.value}-{secrets.token_hex(8)}"
    return request_id, f"{now:%Y}/{now:%m}/{now:%d}/{request_id}"


def with_answer_ids(columns: dict[str, Any], ids: Mapping[str, int]) -> dict[str, Any]:
    """``columns`` with each understood field pointing at its stored answer (by step)."""
    fields = columns.get("fields")
    if not isinstance(fields, dict):
        return columns
    placed = {
        step: {**entry, "answer_id": ids[step]}
        if isinstance(entry, dict) and step in ids
        else entry
        for step, entry in fields.items()
    }
    return {**columns, "fields": placed}


class WrittenIntake:
    """Written requests into tickets: check, store, settle."""

    def __init__(
        self,
        tickets: WrittenTickets,
        settler: Settler,
        recordings: Path,
        *,
        photos: PhotoLimits | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.tickets = tickets
        self.settler = settler
        self.recordings = recordings
        self.photo_limits = photos or PhotoLimits()
        self._clock = clock

    def check(self, values: Mapping[str, object], *, consent_needed: bool) -> CleanRequest:
        """The request's fields cleaned; :class:`InvalidRequest` naming every refused field."""
        clean, problems = check_request(
            values, known_ward=is_ward_choice, consent_needed=consent_needed
        )
        if clean is None:
            raise InvalidRequest(problems)
        return clean

    def check_photos(self, files: Sequence[bytes]) -> list[CheckedPhoto]:
        """The photos accepted (empty files, an unused file input, left out);
        :class:`InvalidRequest` on the field ``photos`` for the first one refused."""
        sent = [data for data in files if data]
        limits = self.photo_limits
        if len(sent) > limits.count:
            raise InvalidRequest({"photos": "too_many_photos"})
        if not sent:
            return []
        checked = []
        for data in sent:
            try:
                checked.append(check_photo(data, max_bytes=limits.bytes, max_pixels=limits.pixels))
            except PhotoRefused as refused:
                raise InvalidRequest({"photos": refused.code}) from None
        return checked

    def keep_photos(self, photos: Sequence[CheckedPhoto]) -> str | None:
        """Keep checked photos of a form refused for another field; their id (None: none kept,
        or the disk refused: the citizen chooses them again)."""
        if not photos:
            return None
        try:
            drop_pending(self.recordings, "", older_than=PENDING_HOURS * 3600)
            return keep_pending(self.recordings, list(photos))
        except OSError as exc:
            log.warning("could not keep the photos of a refused form: %s", exc)
            return None

    def kept_photos(self, pending_id: str) -> list[bytes]:
        """The bytes of photos kept by :meth:`keep_photos` (none when gone)."""
        try:
            return load_pending(self.recordings, pending_id)
        except OSError as exc:
            log.warning("could not read kept photos: %s", exc)
            return []

    def drop_kept(self, pending_id: str) -> None:
        """Forget photos kept by :meth:`keep_photos` (sent, or dropped by the citizen)."""
        drop_pending(self.recordings, pending_id)

    def submit(
        self,
        request: CleanRequest,
        photos: Sequence[CheckedPhoto] = (),
        *,
        channel: Channel,
        scope: str,
        idempotency_key: str | None = None,
        api_key_id: int | None = None,
        per_phone_hour: int | None = None,
    ) -> Receipt:
        """Store the request as a ticket, settled. Raises :class:`StorageError` (the
        database or the disk failed: nothing is kept),
        :class:`~callbot.errors.RequestConflict` (the key was used for another request) and
        :class:`~callbot.errors.TooManyRequests` (``per_phone_hour`` written requests from
        this number in the last hour already; a retry is not refused)."""
        now = self._clock()
        request_id, relative = request_dir(Channel(channel), now)
        try:
            files = store_photos(self.recordings, relative, list(photos))
        except OSError as exc:
            raise StorageError(f"could not store the photos of a written request: {exc}") from exc
        paths = [self.recordings / f.path for f in files]
        submission = SubmissionInfo(
            channel=Channel(channel),
            scope=scope,
            request_hash=request.digest([p.sha256 for p in photos]),
            idempotency_key=idempotency_key,
            api_key_id=api_key_id,
            limit=per_phone_hour,
            limit_since=now - timedelta(hours=1),
        )
        caller = Caller(request.phone, request.name, "", request_id)
        try:
            stored, service = self._store(
                caller, request.phone, request.fields(), files, submission
            )
        except Exception:
            remove_files(paths)
            raise
        if not stored.created:
            remove_files(paths)  # a retry: the first request's photos are the ticket's
            log.info("written request retried: ticket %s", stored.number)
        return _receipt(stored, service)

    def submit_answers(
        self,
        answers: WrittenAnswers,
        files: Sequence[PhotoFile],
        submission: SubmissionInfo,
    ) -> Receipt:
        """Store answers gathered elsewhere (a chat's), with photos already written beside the
        recordings (``files``), as a ticket settled like any written request. Idempotent by
        ``submission``'s key: a retry gives the first ticket (its files are the ticket's)."""
        caller = Caller(answers.phone or "", answers.name, "", answers.request_id)
        return _receipt(*self._store(caller, answers.phone, answers.steps, files, submission))

    def _store(
        self,
        caller: Caller,
        phone: str | None,
        steps: Sequence[tuple[str, str]],
        files: Sequence[PhotoFile],
        submission: SubmissionInfo,
    ) -> tuple[Stored, str]:
        """The request stored and settled; with the emergency number its need calls for."""
        fields = [WrittenField(step, text) for step, text in steps]
        # Understood now, outside any transaction (the parsers never run under a lock); the
        # answers' ids are known once stored.
        heard = [HeardAnswer(i, step, 1, text) for i, (step, text) in enumerate(steps, 1)]
        columns = self.settler.understood(heard)

        def settle(session: Session, ticket: Ticket, ids: Mapping[str, int], at: datetime) -> str:
            placed = {**with_answer_ids(columns, ids), "number": ticket.number}
            self.settler.settle_made(session, ticket, placed, at)
            return str(columns.get("urgency") or Urgency.NORMAL.value)

        stored = self.tickets.create(caller, phone, fields, files, submission, settle=settle)
        return stored, _service(columns)


@dataclass(frozen=True)
class WrittenAnswers:
    """A written request gathered by a channel that asks its own questions (chat)."""

    name: str
    phone: str | None  # the callback number (national form), if one was given
    steps: tuple[tuple[str, str], ...]  # (step, text): name, address, ward, need
    request_id: str  # its photos' directory name (``chat-<hex>``)


def _receipt(stored: Stored, service: str) -> Receipt:
    emergency = stored.urgency == Urgency.EMERGENCY.value
    return Receipt(
        number=stored.number,
        emergency=emergency,
        created=stored.created,
        channel=stored.channel,
        service=service if emergency else None,
    )


def _service(columns: Mapping[str, Any]) -> str:
    """The emergency number the need calls for (115 when the parser named none)."""
    need = (columns.get("fields") or {}).get("need")
    parsed = need.get("parsed") if isinstance(need, dict) else None
    service = parsed.get("service") if isinstance(parsed, dict) else None
    return str(service) if service in ("115", "114", "113") else "115"

"""The ticket rules: states, outcomes, ticket numbers.

Pure functions, no database. A ticket's ``status`` is its place in the operators' workflow;
how its call ended is its ``outcome`` (``complete`` or ``ended_early``, with an ``end_reason``)::

    create ─> in_call ──finish───────────> transcribing ──every answer settled──> new
                 │     (answers pending)        ^                                  │
                 │                              └── an answer recovered later, ────┤
                 │                                  or re-transcribed by hand      │
                 └──finish (nothing to transcribe: no answer, or all settled) ───> new

``finish`` is by the call (``close_stale`` finishes a call the server lost); the arrows to
``new`` are the settle step's (:mod:`callbot.routing.settle`), run by whoever made the last
change: the call's end, or the transcription of its last answer.
Then the operators (:mod:`callbot.operators.workflow`)::

    new ──claim──> claimed ──resolve / duplicate──> closed (resolution)
     ^               │
     └── release, ───┤  (a claim idle for console.claim_minutes is released too)
         unreachable (unreachable_count + 1), refer (unit changes: the other unit's queue)

A written request (channel ``web``, ``api`` or later ``chat``: :class:`Channel`) is made
already ended (``transcribing``, outcome ``complete``): its fields are answers whose text is
their transcript (``ended_by`` ``written``, no audio), so the settle step understands, routes
and merges it at once, exactly as a call.

A repeat call (same callback number as a ticket still open within
``routing.repeat_window_hours``) does not become ``new`` itself: it becomes ``merged`` into the
earlier ticket, whose ``call_count`` goes up.

Each answer has a ``transcription``: ``pending`` until a worker settles it as ``done`` (text,
words, model), ``no_speech`` (too little voice energy, or no word recognized) or ``failed``
(tried ``asr.max_attempts`` times; the audio stays, marked "not transcribed"). A ticket is
``no_speech`` when its call has ended and none of its answers holds speech (a call without any
answer included).

What hostile caller data becomes is :mod:`callbot.tickets.caller`'s.

Ticket numbers are what callers quote on the phone: only digits, the id zero-padded to
six digits followed by a Luhn check digit, so a misheard or mistyped digit is caught::

    >>> ticket_number(1)
    '0000018'
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

NUMBER_DIGITS = 6  # the id is zero-padded to this many digits before the check digit


class TicketStatus(StrEnum):
    """Where a ticket is in the operators' workflow."""

    IN_CALL = "in_call"  # the callbot is still talking to the caller
    TRANSCRIBING = "transcribing"  # the call is over, answers are being transcribed
    NEW = "new"  # ready for the operators
    CLAIMED = "claimed"  # one operator is handling it (claimed_by), nobody else may
    CLOSED = "closed"  # done, with a resolution (resolved or duplicate)
    MERGED = "merged"  # a repeat call, linked to the caller's earlier open ticket


class Channel(StrEnum):
    """How a request reached the hotline (``tickets.channel``).

    A call is spoken to the callbot; the others are written and enter through
    :mod:`callbot.intake.written`: the public web form, the REST API (the mobile app and
    partners), and chat (a messaging channel such as Zalo: nothing writes it yet).
    """

    CALL = "call"
    WEB = "web"
    API = "api"
    CHAT = "chat"


WRITTEN_CHANNELS = (Channel.WEB, Channel.API, Channel.CHAT)


class Urgency(StrEnum):
    """How soon operators must act: the queue's first sort key (see URGENCY_RANK)."""

    EMERGENCY = "emergency"  # life at risk now: the caller was told to call 115
    HIGH = "high"  # vulnerable people, or urgent but not life-threatening
    NORMAL = "normal"


URGENCY_RANK = {Urgency.EMERGENCY: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2}


class Resolution(StrEnum):
    """Why an operator closed a ticket (``tickets.resolution``)."""

    RESOLVED = "resolved"  # the citizen was called back and helped
    DUPLICATE = "duplicate"  # the same need as another ticket (linked_to_id, when given)


class EventAction(StrEnum):
    """What happened to a ticket, in its history (``ticket_events.action``)."""

    CLAIM = "claim"  # an operator took the ticket
    RELEASE = "release"  # back to the queue (by hand, or a claim left idle too long)
    RESOLVE = "resolve"  # closed: resolved
    UNREACHABLE = "unreachable"  # the citizen could not be reached: back to the queue, counted
    DUPLICATE = "duplicate"  # closed: duplicate of another ticket
    REFER = "refer"  # handed to another unit: its queue, as new
    CORRECT = "correct"  # an operator corrected fields (the originals stay)
    NOTE = "note"  # an operator's note
    CALLBACK = "callback"  # a callback call and its result (answered, no_answer, busy, failed)
    MERGE = "merge"  # a repeat request (a call or a written one) was merged into this ticket
    MESSAGE = "message"  # an operator wrote to the citizen through the chat


class CallbackResult(StrEnum):
    """How a callback ended (``detail["result"]`` of a ``callback`` event)."""

    ANSWERED = "answered"  # the citizen picked up
    NO_ANSWER = "no_answer"  # it rang until the ring time ran out (or the operator gave up)
    BUSY = "busy"
    FAILED = "failed"  # not reachable, a refused number, or the operator's phone never answered


class TicketOutcome(StrEnum):
    """How the call that made a ticket ended."""

    COMPLETE = "complete"  # every question was answered
    ENDED_EARLY = "ended_early"  # the call ended before the last question


class EndReason(StrEnum):
    """Why the call that made a ticket ended."""

    COMPLETED = "completed"
    HANGUP = "hangup"
    TO_QUEUE = "to_queue"  # an operator became free and the caller went back to the queue
    ERROR = "error"
    INTERRUPTED = "interrupted"  # the server stopped mid-call (found by close_stale)


class EndedBy(StrEnum):
    """What ended the recording of one answer."""

    SILENCE = "silence"
    DTMF = "dtmf"
    MAX_LENGTH = "max_length"
    HANGUP = "hangup"
    WRITTEN = "written"  # not recorded: a written request's field (no audio), its text as is
    RECOVERED = "recovered"  # found in the call's folder after its node died (intake/salvage.py)


class CallbackSource(StrEnum):
    """Where the number operators call back came from."""

    CALLER_ID = "caller_id"  # the caller pressed 1: the number calling
    TYPED = "typed"  # the caller typed another number on the keypad
    WRITTEN = "written"  # written in a request (form, app, chat) by the citizen


class Transcription(StrEnum):
    """Where the transcription of one answer is."""

    PENDING = "pending"  # waiting for (or in the hands of) a worker
    DONE = "done"  # text, words and model stored
    FAILED = "failed"  # given up: the audio stays, marked "not transcribed"
    NO_SPEECH = "no_speech"  # nothing said: too little voice energy, or no word recognized


class JobStatus(StrEnum):
    """Where a transcription job is."""

    PENDING = "pending"  # to do, from ``next_attempt_at`` on
    RUNNING = "running"  # claimed by ``locked_by`` at ``locked_at``
    DONE = "done"
    FAILED = "failed"


# Transcriptions that are settled: a ticket whose answers are all settled is ready.
SETTLED = frozenset({Transcription.DONE, Transcription.FAILED, Transcription.NO_SPEECH})
DEFAULT_MAX_ATTEMPTS = 3
MIN_SPEECH_SECONDS = 0.3  # less voice energy than this in an answer is "no speech"
MAX_ERROR = 200  # characters kept of a transcription error


def ready_for_operators(transcriptions: Collection[str]) -> bool:
    """Whether a ticket whose call has ended, with answers in these states, is ready (``new``):
    every answer settled (done, failed or no speech); a ticket without answers is ready."""
    return all(t in SETTLED for t in transcriptions)


def holds_no_speech(transcriptions: Collection[str]) -> bool:
    """Whether answers in these states hold no speech at all (none, or all ``no_speech``)."""
    return all(t == Transcription.NO_SPEECH for t in transcriptions)


def retry_delay(attempt: int, base_seconds: float = 5.0, max_seconds: float = 300.0) -> float:
    """Seconds to wait before retrying after failed attempt number ``attempt`` (1, 2, ...).

    Doubles from ``base_seconds`` up to ``max_seconds``: 5, 10, 20, ... by default.
    """
    if attempt < 1:
        raise ValueError(f"attempts count from 1, not {attempt}")
    return float(min(max_seconds, base_seconds * 2 ** min(attempt - 1, 30)))


def short_error(error: str) -> str:
    """An error message fit for ``transcription_error``: one line, at most 200 characters."""
    line = " ".join(error.split())
    return line if len(line) <= MAX_ERROR else line[: MAX_ERROR - 1] + "…"


_DIGITS = frozenset("0123456789")


def _luhn_check_digit(payload: str) -> str:
    """The Luhn digit that makes ``payload + digit`` pass the Luhn test."""
    total = 0
    # From the right, the first payload digit is the one doubled (the check digit follows it).
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def ticket_number(ticket_id: int) -> str:
    """The number callers quote for ticket ``ticket_id``: zero-padded id plus a Luhn digit.

    Ids above 999999 give longer numbers; the check digit still guards them.
    """
    if isinstance(ticket_id, bool) or not isinstance(ticket_id, int) or ticket_id < 1:
        raise ValueError(f"a ticket id is a positive integer, not {ticket_id!r}")
    payload = f"{ticket_id:0{NUMBER_DIGITS}d}"
    return payload + _luhn_check_digit(payload)


def valid_ticket_number(number: str) -> bool:
    """Whether ``number`` is a well-formed ticket number (digits only, Luhn digit correct)."""
    if not isinstance(number, str) or len(number) < NUMBER_DIGITS + 1 or not set(number) <= _DIGITS:
        return False
    payload, check = number[:-1], number[-1]
    return int(payload) >= 1 and _luhn_check_digit(payload) == check


def ticket_id_from_number(number: str) -> int | None:
    """The id a well-formed ticket number stands for, or None if it is not well formed."""
    return int(number[:-1]) if valid_ticket_number(number) else None

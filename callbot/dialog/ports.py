"""What the dialog engine talks to and what it reports: the seams around a call's dialog.

The engine (:mod:`callbot.dialog.engine`) knows nothing of Asterisk or SQL. It talks to the
call through a :class:`CallPort` (implemented over AGI by :mod:`callbot.calls.callbot`, by
fakes in the unit tests), hands every answer to an :class:`AnswerSink` (the ticket, written by
:mod:`callbot.intake.recorder`) as soon as it is recorded, and returns a :class:`DialogResult`:
how the dialog ended (:data:`Outcome`) and what it measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

Outcome = Literal["completed", "to_queue", "emergency", "hangup"]
Quality = Literal["ok", "no_speech", "too_long"]

#: :meth:`CallPort.play` result: the caller started talking over the prompt (barge-in); the
#: prompt stopped and their words are kept from the first syllable for :meth:`CallPort.record`.
SPEECH = "speech"
#: :meth:`CallPort.play` result: within ``resume_until`` the caller went on with the answer
#: just recorded (a pause inside it, not its end); ``record(..., resume=True)`` takes the rest.
RESUMED = "resumed"


@dataclass(frozen=True)
class Recording:
    """What the PBX reports after recording one answer."""

    ended_by: str  # "silence" | "dtmf" | "max_length" | "hangup"
    digit: str  # the key that ended it, if any
    duration_seconds: float
    saved: bool = True  # False when a key during the beep stopped it before it began
    # time.monotonic() when the caller's voice ended, when the port heard it (else None)
    speech_end: float | None = None


@dataclass(frozen=True)
class Understood:
    """What was understood of an answer, and how surely (0 to 1: parser times recognizer)."""

    text: str
    confidence: float


class CallPort(Protocol):
    """What the dialog needs from the call: over AudioSocket (it hears the caller while it
    plays, :attr:`listens`) or over plain AGI, both in :mod:`callbot.calls`."""

    #: Whether the port hears the caller while it plays: barge-in and continuations.
    listens: bool

    def play(
        self,
        prompt: str,
        escape_digits: str,
        *,
        barge_in: bool = False,
        resume_until: float | None = None,
    ) -> str:
        """Play a prompt; return the key that interrupted it, or "" once it played to the end.
        Where the port listens: :data:`SPEECH` when ``barge_in`` and the caller talked over
        it, :data:`RESUMED` when they resumed the last answer before ``resume_until``
        (``time.monotonic()``). Raise AgiHangup on hangup."""
        ...

    def play_file(self, path: Path, escape_digits: str) -> str:
        """Play an audio file (runtime text-to-speech); return the interrupting key or ""."""
        ...

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read a number digit by digit, in small groups; return the interrupting key or ""."""
        ...

    def record(
        self,
        path: Path,
        escape_digits: str,
        max_seconds: int | None = None,
        *,
        speaking: bool = False,
        resume: bool = False,
    ) -> Recording:
        """Record the caller into ``path`` (a .wav), at most ``max_seconds`` (default: the
        longest answer), after a beep; ``speaking`` (after :data:`SPEECH`): at once, from their
        first syllable; ``resume`` (after :data:`RESUMED`): the last recording, made longer
        (``path`` is its file). Returns even on hangup."""
        ...

    def wait_digit(self, timeout_ms: int) -> str:
        """The next key pressed within the timeout, or ""."""
        ...


class AnswerSink(Protocol):
    """Where what the caller says goes as soon as it exists (the ticket)."""

    def answer(self, step: str, path: Path, recording: Recording) -> None:
        """Store an answer recorded at ``path``, to be transcribed later."""
        ...

    def closed_answer(
        self, step: str, path: Path, recording: Recording, grammar: Sequence[str]
    ) -> tuple[str, ...] | None:
        """Decode a short answer to a closed question now, restricted to ``grammar``, and
        store it like any answer (already transcribed).

        Returns the words heard (``[unk]`` for anything outside the grammar), or None when it
        could not be decoded now (no recognizer yet, or it failed: it is then stored to be
        transcribed later, like any answer).
        """
        ...

    def ticket_number(self) -> str | None:
        """The ticket's number, or None when it could not be created (database down)."""
        ...

    def reached(self, step: str) -> None:
        """The dialog has reached ``step`` (kept as the call's last step)."""
        ...

    def caller_number(self) -> str:
        """The number calling, cleaned: what a callback dials when the caller chooses it."""
        ...

    def callback(self, number: str, source: str) -> None:
        """The number to call back, and its source (``caller_id`` or ``typed``)."""
        ...

    def transcript(self, step: str, timeout: float) -> str | None:
        """The text of the latest answer to ``step``; waits for it at most ``timeout``."""
        ...

    def understood(self, step: str, timeout: float) -> Understood | None:
        """What was understood of the latest answer to ``step`` and how surely (waits for its
        text at most ``timeout``); None without text."""
        ...

    def is_emergency(self, step: str, timeout: float) -> str | None:
        """The number to call when the latest answer to ``step`` tells of an emergency ("115",
        "114" or "113"), else None (waits for its text at most ``timeout``)."""
        ...

    def emergency(self, step: str, source: str, service: str = "115") -> bool:
        """Flag the ticket an emergency now, the caller told to call ``service``; whether an
        operator can be reached (queue)."""
        ...

    def speak(self, text: str) -> Path | None:
        """Runtime text-to-speech of ``text``: an audio file to play, or None."""
        ...


@dataclass
class DialogResult:
    """How a dialog ended, and what it measured on the way."""

    outcome: Outcome = "completed"
    last_step: str = ""
    answers: list[str] = field(default_factory=list)
    # Seconds from the end of the caller's speech (where the port hears it; else the end of
    # the recording) to the next prompt starting to play.
    turn_gaps: list[float] = field(default_factory=list)
    # Answers the caller went on with after a pause (the next prompt stopped for them).
    resumed: int = 0
    # Read-backs skipped because the answer was understood surely enough.
    confident: int = 0
    unclear: int = 0  # answers asked again for silence, noise or length
    # Seconds the caller waited at each read-back for the transcript and its speech.
    readback_waits: list[float] = field(default_factory=list)
    # Seconds the caller waited for each spoken closed answer to be decoded and stored.
    spoken_waits: list[float] = field(default_factory=list)
    # "speech" or "key" when the call was recognised as an emergency, else None.
    emergency: str | None = None
    # The number the caller was told to call: "115", "114" or "113" (the last one told).
    service: str | None = None
